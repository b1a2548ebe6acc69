package awsx

import (
	"context"
	"fmt"

	"github.com/aws/aws-sdk-go-v2/aws"
	awsmiddle "github.com/aws/aws-sdk-go-v2/aws/middleware"
	"github.com/aws/aws-sdk-go-v2/aws/retry"
	"github.com/aws/smithy-go/middleware"

	"github.com/keyhole-tui/keyhole/model"
)

// RetryNotice says that an attempt of a call failed and the SDK is about to
// try the call again. It names the operation and the kind of failure, never
// anything sent or answered.
type RetryNotice struct {
	// Operation is the API operation, such as "ListSecrets".
	Operation string
	// Attempt is the attempt about to start: 2 for the first retry.
	Attempt int
	// MaxAttempts is how many attempts the call may make in all; 0 means
	// the SDK sets no cap.
	MaxAttempts int
	// Kind is what the failed attempt met: as a rule model.KindThrottled,
	// model.KindNetwork or model.KindService.
	Kind model.ErrorKind
}

// String says what is happening, for a status line.
func (n RetryNotice) String() string {
	attempt := fmt.Sprintf("retrying (attempt %d of %d)…", n.Attempt, n.MaxAttempts)
	if n.MaxAttempts <= 0 {
		attempt = fmt.Sprintf("retrying (attempt %d)…", n.Attempt)
	}
	switch n.Kind {
	case model.KindThrottled:
		return "AWS is throttling " + n.Operation + ": " + attempt
	case model.KindNetwork:
		return n.Operation + " did not reach AWS: " + attempt
	case model.KindService:
		return "AWS failed " + n.Operation + " with a server error: " + attempt
	}
	return n.Operation + " failed: " + attempt
}

// attemptCountKey finds a call's attemptCount in the context.
type attemptCountKey struct{}

// attemptCount counts the attempts of one call. The SDK makes them one after
// another, so it needs no lock.
type attemptCount struct{ n int }

// noticeRetries tells onRetry about every attempt that failed and will be
// tried again. retryer returns the retryer the client's calls use, so the
// notice agrees with the SDK about what is retried and how often. A nil
// onRetry adds nothing.
func noticeRetries(onRetry func(RetryNotice), retryer func() aws.Retryer) func(*middleware.Stack) error {
	return func(stack *middleware.Stack) error {
		if onRetry == nil {
			return nil
		}
		if err := stack.Finalize.Insert(countAttempts(), "Retry", middleware.Before); err != nil {
			return err
		}
		return stack.Finalize.Insert(noticeAttempt(onRetry, retryer), "Retry", middleware.After)
	}
}

// countAttempts gives each call, outside the SDK's retry loop, a fresh count
// of its attempts.
func countAttempts() middleware.FinalizeMiddleware {
	return middleware.FinalizeMiddlewareFunc("KeyholeCountAttempts",
		func(ctx context.Context, in middleware.FinalizeInput, next middleware.FinalizeHandler) (
			middleware.FinalizeOutput, middleware.Metadata, error,
		) {
			return next.HandleFinalize(context.WithValue(ctx, attemptCountKey{}, &attemptCount{}), in)
		})
}

// noticeAttempt runs inside the SDK's retry loop, once per attempt, and
// calls onRetry when the attempt failed and the SDK will try again.
func noticeAttempt(onRetry func(RetryNotice), retryer func() aws.Retryer) middleware.FinalizeMiddleware {
	return middleware.FinalizeMiddlewareFunc("KeyholeRetryNotice",
		func(ctx context.Context, in middleware.FinalizeInput, next middleware.FinalizeHandler) (
			middleware.FinalizeOutput, middleware.Metadata, error,
		) {
			out, meta, err := next.HandleFinalize(ctx, in)
			count, counted := ctx.Value(attemptCountKey{}).(*attemptCount)
			if !counted {
				return out, meta, err
			}
			count.n++
			if err == nil {
				return out, meta, err
			}
			if notice, again := retryNotice(ctx, retryer(), count.n, err); again {
				onRetry(notice)
			}
			return out, meta, err
		})
}

// retryNotice is the notice for an attempt that ended in err, and whether
// the SDK will make another attempt after it.
func retryNotice(ctx context.Context, r aws.Retryer, attempt int, err error) (RetryNotice, bool) {
	if err == nil || ctx.Err() != nil || !r.IsErrorRetryable(err) {
		return RetryNotice{}, false
	}
	maxAttempts := r.MaxAttempts()
	if maxAttempts > 0 && attempt >= maxAttempts {
		return RetryNotice{}, false
	}
	op := awsmiddle.GetOperationName(ctx)
	return RetryNotice{Operation: op, Attempt: attempt + 1, MaxAttempts: maxAttempts, Kind: retryKind(ctx, op, err)}, true
}

// retryKind is the kind of failure a retryable attempt met; throttling is
// judged as the SDK judges it.
func retryKind(ctx context.Context, op string, err error) model.ErrorKind {
	if retry.IsErrorThrottles(retry.DefaultThrottles).IsErrorThrottle(err).Bool() {
		return model.KindThrottled
	}
	return classifyError(ctx, op, err, credentialHint{}).Kind
}
