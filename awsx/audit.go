package awsx

import (
	"context"
	"fmt"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/cloudtrail"
	"github.com/aws/aws-sdk-go-v2/service/cloudtrail/types"
	"github.com/aws/smithy-go/middleware"
	"golang.org/x/time/rate"

	"github.com/keyhole-tui/keyhole/model"
)

// auditMaxPageSize is the largest page LookupEvents returns.
const auditMaxPageSize = 50

// LookupEvents fetches one page of CloudTrail events: about one secret when
// q.SecretID is set (its ARN or name, as CloudTrail recorded it), else of one
// event name when q.EventName is set, else of q.EventSource (Secrets
// Manager's by default). With both SecretID and EventName set, the page is
// narrowed to that name here, so it may hold fewer events than PageSize
// while NextToken still leads on. Calls wait their turn to stay within
// CloudTrail's two requests per second; the wait ends with ctx.
func (c *Client) LookupEvents(ctx context.Context, q model.AuditQuery, nextToken string) (model.AuditPage, error) {
	out, err := c.trail.LookupEvents(ctx, lookupEventsInput(q, nextToken))
	if err != nil {
		return model.AuditPage{}, c.classify(ctx, opLookupEvents, err)
	}
	page := model.AuditPage{NextToken: aws.ToString(out.NextToken)}
	for _, e := range out.Events {
		ev := auditEventFrom(e)
		if q.SecretID != "" && q.EventName != "" && ev.Name != q.EventName {
			continue
		}
		page.Events = append(page.Events, ev)
	}
	return page, nil
}

// lookupEventsInput builds the request for one page of a query. CloudTrail
// takes a single lookup attribute.
func lookupEventsInput(q model.AuditQuery, nextToken string) *cloudtrail.LookupEventsInput {
	attr := types.LookupAttribute{AttributeKey: types.LookupAttributeKeyEventSource}
	switch {
	case q.SecretID != "":
		attr = types.LookupAttribute{AttributeKey: types.LookupAttributeKeyResourceName, AttributeValue: aws.String(q.SecretID)}
	case q.EventName != "":
		attr = types.LookupAttribute{AttributeKey: types.LookupAttributeKeyEventName, AttributeValue: aws.String(q.EventName)}
	case q.EventSource != "":
		attr.AttributeValue = aws.String(q.EventSource)
	default:
		attr.AttributeValue = aws.String(model.SecretsManagerSource)
	}
	in := &cloudtrail.LookupEventsInput{
		LookupAttributes: []types.LookupAttribute{attr},
		NextToken:        optional(nextToken),
	}
	if !q.Start.IsZero() {
		in.StartTime = aws.Time(q.Start)
	}
	if !q.End.IsZero() {
		in.EndTime = aws.Time(q.End)
	}
	if q.PageSize > 0 {
		in.MaxResults = aws.Int32(min(q.PageSize, auditMaxPageSize))
	}
	return in
}

// rateLimitAttempts holds every attempt of a call, retries included, until
// the limiter lets it go.
func rateLimitAttempts(limiter *rate.Limiter) func(*middleware.Stack) error {
	wait := middleware.FinalizeMiddlewareFunc("KeyholeRateLimit",
		func(ctx context.Context, in middleware.FinalizeInput, next middleware.FinalizeHandler) (
			middleware.FinalizeOutput, middleware.Metadata, error,
		) {
			if err := limiter.Wait(ctx); err != nil {
				return middleware.FinalizeOutput{}, middleware.Metadata{}, rateWaitError(ctx, err)
			}
			return next.HandleFinalize(ctx, in)
		})
	return func(stack *middleware.Stack) error {
		return stack.Finalize.Insert(wait, "Retry", middleware.After)
	}
}

// rateWaitError explains why a wait for the limiter ended: the context was
// done, or would be before the turn came.
func rateWaitError(ctx context.Context, err error) error {
	if ctxErr := ctx.Err(); ctxErr != nil {
		return fmt.Errorf("wait for CloudTrail rate limit: %w", ctxErr)
	}
	return fmt.Errorf("wait for CloudTrail rate limit: %w (%v)", context.DeadlineExceeded, err)
}
