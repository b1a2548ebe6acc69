package model

import (
	"errors"
	"fmt"
)

// ErrorKind classifies what went wrong talking to AWS, so a screen can say
// it in words and offer the right next step.
type ErrorKind int

// The kinds of failure keyhole tells apart.
const (
	KindUnknown ErrorKind = iota
	KindAccessDenied
	KindNotFound
	KindThrottled
	KindCredentials
	KindDecryption
	KindInvalidRequest
	KindConflict
	KindNetwork
	KindCanceled
	KindService
)

var kindNames = [...]string{
	KindUnknown:        "error",
	KindAccessDenied:   "access denied",
	KindNotFound:       "not found",
	KindThrottled:      "throttled",
	KindCredentials:    "credentials",
	KindDecryption:     "decryption failed",
	KindInvalidRequest: "invalid request",
	KindConflict:       "conflict",
	KindNetwork:        "network",
	KindCanceled:       "canceled",
	KindService:        "service error",
}

// String names the kind in words.
func (k ErrorKind) String() string {
	if k < 0 || int(k) >= len(kindNames) {
		return kindNames[KindUnknown]
	}
	return kindNames[k]
}

// Error is a classified failure of one AWS operation. Its text never carries
// a secret value: AWS messages name resources, not contents.
type Error struct {
	Kind ErrorKind
	// Op is the API operation, such as "GetSecretValue".
	Op string
	// Action is the IAM action that was denied, such as
	// "secretsmanager:GetSecretValue".
	Action string
	// Code is the AWS error code, such as "ResourceNotFoundException".
	Code string
	// Message is the service's own message.
	Message string
	// Fix tells the user what to do, such as "run: aws sso login --profile dev".
	Fix string
	// Err is the underlying error.
	Err error
}

// Error says what failed in words: "access denied: secretsmanager:GetSecretValue".
func (e *Error) Error() string {
	switch {
	case e.Kind == KindAccessDenied && e.Action != "":
		return "access denied: " + e.Action
	case e.Kind == KindCredentials && e.Fix != "":
		return joinNonEmpty(e.Kind.String(), e.Message) + " (" + e.Fix + ")"
	case e.Message != "":
		return joinNonEmpty(e.Kind.String(), e.Message)
	case e.Err != nil:
		return joinNonEmpty(e.Kind.String(), fmt.Sprintf("%s: %v", e.Op, e.Err))
	}
	return joinNonEmpty(e.Kind.String(), e.Op)
}

// Unwrap returns the underlying error.
func (e *Error) Unwrap() error { return e.Err }

// Retryable reports whether trying again later may succeed.
func (e *Error) Retryable() bool {
	switch e.Kind {
	case KindThrottled, KindNetwork, KindService, KindCredentials:
		return true
	}
	return false
}

// KindOf returns the kind of a classified error, or KindUnknown.
func KindOf(err error) ErrorKind {
	var e *Error
	if errors.As(err, &e) {
		return e.Kind
	}
	return KindUnknown
}

// IsKind reports whether err is a classified error of the given kind.
func IsKind(err error, kind ErrorKind) bool { return err != nil && KindOf(err) == kind }

// IsInvalidNextToken reports whether err is AWS refusing a NextToken it
// handed out earlier (InvalidNextTokenException), as Secrets Manager and
// CloudTrail do once the token expired or the endpoint restarted: the
// listing can only start again from its first page.
func IsInvalidNextToken(err error) bool {
	var e *Error
	return errors.As(err, &e) && e.Code == "InvalidNextTokenException"
}

func joinNonEmpty(a, b string) string {
	if b == "" {
		return a
	}
	return a + ": " + b
}
