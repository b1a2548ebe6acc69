package awsx

import (
	"context"
	"encoding/base64"
	"encoding/json"
	"errors"
	"net"
	"net/url"
	"regexp"
	"strings"
	"syscall"

	"github.com/aws/aws-sdk-go-v2/aws/ratelimit"
	awshttp "github.com/aws/aws-sdk-go-v2/aws/transport/http"
	"github.com/aws/aws-sdk-go-v2/credentials/ssocreds"
	"github.com/aws/smithy-go"
	smithyhttp "github.com/aws/smithy-go/transport/http"

	"github.com/keyhole-tui/keyhole/model"
)

// kindOfCode maps an AWS error code to the kind of failure it means.
func kindOfCode(code string) (model.ErrorKind, bool) {
	switch code {
	case "AccessDeniedException", "AccessDenied", "AccessDeniedForDependencyException":
		return model.KindAccessDenied, true
	case "ResourceNotFoundException", "AWSOrganizationsNotInUseException":
		// Not in use: the account belongs to no organisation.
		return model.KindNotFound, true
	case "ThrottlingException", "Throttling", "TooManyRequestsException",
		"RequestLimitExceeded":
		return model.KindThrottled, true
	case "ExpiredToken", "ExpiredTokenException", "UnrecognizedClientException",
		"InvalidClientTokenId", "RequestExpired", "InvalidSignatureException",
		"SignatureDoesNotMatch", "IncompleteSignature", "MissingAuthenticationToken":
		return model.KindCredentials, true
	case "DecryptionFailure", "EncryptionFailure", "KMSAccessDeniedException",
		"KMSDisabledException", "KMSInvalidStateException", "KMSNotFoundException",
		"KMSInvalidMacException", "KMSInvalidSignatureException":
		return model.KindDecryption, true
	case "InvalidParameterException", "InvalidRequestException", "ValidationException",
		"LimitExceededException", "LimitExceeded", "MalformedPolicyDocumentException",
		"PreconditionNotMetException", "InvalidNextTokenException", "InvalidTimeRangeException",
		"InvalidLookupAttributesException", "InvalidMaxResultsException", "InvalidEventCategoryException",
		"InvalidParameterValue", "InvalidParameterCombination", "MissingParameter",
		"InvalidInputException", "ValidationError":
		return model.KindInvalidRequest, true
	case "ResourceExistsException", "ConcurrentModificationException":
		return model.KindConflict, true
	case "InternalServiceError", "InternalServiceErrorException", "InternalFailure",
		"ServiceUnavailable", "ServiceUnavailableException", "ServiceException", "InternalServerException":
		return model.KindService, true
	}
	return model.KindUnknown, false
}

// deniedAction finds the IAM action in an AccessDenied message such as
// "... is not authorized to perform: secretsmanager:GetSecretValue on resource ...".
var deniedAction = regexp.MustCompile(`not authorized to perform: ([A-Za-z0-9-]+:[A-Za-z0-9*]+)`)

// classify turns an SDK error from operation op into a *model.Error; a nil
// error stays nil.
func (c *Client) classify(ctx context.Context, op string, err error) error {
	if err == nil {
		return nil
	}
	return classifyError(ctx, op, err, credentialHint{profile: c.profile, sso: c.usesSSO, env: c.env})
}

// credentialHint is what the fix for a credentials error depends on.
type credentialHint struct {
	profile string
	sso     bool
	// env, when set, says the credentials come from environment variables,
	// which the profile's own settings do not decide.
	env envCredentials
}

// classifyError decides what kind of failure err is; hint shapes the fix
// for a credentials failure.
func classifyError(ctx context.Context, op string, err error, hint credentialHint) *model.Error {
	e := &model.Error{Op: op, Err: err}
	switch {
	case ctx.Err() != nil || errors.Is(err, context.Canceled):
		e.Kind = model.KindCanceled
	case isCredentialError(err) && classifyAPIError(e, err) && e.Kind == model.KindAccessDenied:
		// STS refused to let the credentials assume a role: not something
		// fresh credentials mend.
	case isCredentialError(err):
		e.Kind = model.KindCredentials
		e.Message = credentialMessage(err)
		e.Fix = credentialFix(err, hint)
	case classifyAPIError(e, err):
		if e.Kind == model.KindCredentials {
			e.Fix = credentialFix(err, hint)
		}
	case isThrottle(err):
		e.Kind = model.KindThrottled
	case isNetwork(err):
		e.Kind = model.KindNetwork
		e.Message = networkMessage(err)
	case errors.Is(err, context.DeadlineExceeded):
		e.Kind = model.KindCanceled
	case httpStatus(err) >= 500:
		e.Kind = model.KindService
	}
	return e
}

// classifyAPIError fills e from an error the service answered with and
// reports whether err was one.
func classifyAPIError(e *model.Error, err error) bool {
	var api smithy.APIError
	if !errors.As(err, &api) {
		return false
	}
	e.Code = api.ErrorCode()
	e.Message = api.ErrorMessage()
	kind, known := kindOfCode(e.Code)
	switch {
	case known:
		e.Kind = kind
	case strings.HasPrefix(e.Code, "KMS"):
		e.Kind = model.KindDecryption
	case httpStatus(err) >= 500:
		e.Kind = model.KindService
	}
	if e.Kind == model.KindAccessDenied {
		e.Action = actionOf(e.Op, e.Message)
	}
	return true
}

// actionOf is the IAM action an AccessDenied message names, or the one
// behind the operation.
func actionOf(op, message string) string {
	if m := deniedAction.FindStringSubmatch(message); m != nil {
		return m[1]
	}
	switch op {
	case opLookupEvents:
		return "cloudtrail:" + op
	case opGetCallerIdentity:
		return "sts:" + op
	case opListAccounts:
		return "organizations:" + op
	case opListRegions:
		return "account:" + op
	}
	return "secretsmanager:" + op
}

// credentialMessage is the credential chain's own words, without the
// SDK's wrapping.
func credentialMessage(err error) string {
	var ce *credentialError
	if !errors.As(err, &ce) {
		return err.Error()
	}
	msg := strings.TrimPrefix(ce.err.Error(), "failed to refresh cached credentials, ")
	if strings.HasPrefix(msg, "no EC2 IMDS role found") {
		// The default chain tried every source and ended at the instance role.
		return "no AWS credentials found in the environment, the shared config and credentials files, or an EC2 instance role"
	}
	return msg
}

// credentialFix says how to get working credentials again.
func credentialFix(err error, hint credentialHint) string {
	switch hint.env {
	case envKeys:
		// The process's environment cannot change under it: new keys need a new process.
		return "export fresh AWS_ACCESS_KEY_ID, AWS_SECRET_ACCESS_KEY and AWS_SESSION_TOKEN and start keyhole again"
	case envWebIdentity:
		return "refresh the web identity token in AWS_WEB_IDENTITY_TOKEN_FILE"
	}
	var expired *ssocreds.InvalidTokenError
	if hint.sso || errors.As(err, &expired) {
		return "run: aws sso login --profile " + hint.profile
	}
	return "refresh your credentials (profile " + hint.profile + ")"
}

// isThrottle reports whether the SDK gave up because its retry budget ran out.
func isThrottle(err error) bool {
	var quota ratelimit.QuotaExceededError
	return errors.As(err, &quota)
}

// isNetwork reports whether the request never got a full answer: refused
// or reset connections, DNS failures, timeouts of the HTTP client.
func isNetwork(err error) bool {
	var (
		send    *smithyhttp.RequestSendError
		urlErr  *url.Error
		op      *net.OpError
		dns     *net.DNSError
		timeout *awshttp.ResponseTimeoutError
	)
	switch {
	case errors.As(err, &send), errors.As(err, &urlErr), errors.As(err, &op), errors.As(err, &dns):
		return true
	case errors.As(err, &timeout):
		return true
	case errors.Is(err, syscall.ECONNREFUSED), errors.Is(err, syscall.ECONNRESET):
		return true
	}
	return false
}

// networkMessage names the endpoint and the failure, as the HTTP client put it.
func networkMessage(err error) string {
	var u *url.Error
	if errors.As(err, &u) {
		return u.Error()
	}
	return err.Error()
}

// httpStatus is the status code of the service's answer, or 0 when there was none.
func httpStatus(err error) int {
	var resp *smithyhttp.ResponseError
	if errors.As(err, &resp) && resp.Response != nil {
		return resp.HTTPStatusCode()
	}
	return 0
}

// classifyConfig classifies a failure to load the shared configuration.
func classifyConfig(profile string, err error) error {
	return &model.Error{
		Kind:    model.KindCredentials,
		Op:      "LoadConfig",
		Message: err.Error(),
		Fix:     "check profile " + orDefault(profile) + " in your AWS config files",
		Err:     err,
	}
}

// orDefault is the profile to name in a message.
func orDefault(profile string) string {
	if profile == "" {
		return defaultProfile
	}
	return profile
}

// withheldMessage replaces an error text that quoted a secret value.
const withheldMessage = "the service's message was withheld because it quoted the secret value"

// withoutValue makes sure no text of err carries the value v: AWS never
// echoes a request's value, and this keeps it so should an endpoint do it.
func withoutValue(err error, v model.Value) error {
	var e *model.Error
	if v.Len() == 0 || !errors.As(err, &e) {
		return err
	}
	texts := err.Error() + "\n" + e.Message
	if e.Err != nil {
		texts += "\n" + e.Err.Error()
	}
	if !quotes(texts, v) {
		return err
	}
	scrubbed := *e
	scrubbed.Message = withheldMessage
	scrubbed.Err = errors.New(e.Op + ": " + withheldMessage)
	return &scrubbed
}

// quotes reports whether text holds the value as it travels or prints:
// raw, JSON-escaped, or base64 for a binary value.
func quotes(text string, v model.Value) bool {
	raw := v.Reveal()
	if strings.Contains(text, string(raw)) {
		return true
	}
	if v.IsBinary() {
		return strings.Contains(text, base64.StdEncoding.EncodeToString(raw))
	}
	escaped, err := json.Marshal(string(raw))
	return err == nil && strings.Contains(text, string(escaped[1:len(escaped)-1]))
}
