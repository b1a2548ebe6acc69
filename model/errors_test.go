package model

import (
	"errors"
	"fmt"
	"testing"
)

func TestErrorSaysWhatFailedInWords(t *testing.T) {
	tests := []struct {
		err  *Error
		want string
	}{
		{&Error{Kind: KindAccessDenied, Op: "GetSecretValue", Action: "secretsmanager:GetSecretValue"}, "access denied: secretsmanager:GetSecretValue"},
		{&Error{Kind: KindCredentials, Message: "the SSO session has expired", Fix: "run: aws sso login --profile dev"}, "credentials: the SSO session has expired (run: aws sso login --profile dev)"},
		{&Error{Kind: KindNotFound, Message: "Secrets Manager can't find the specified secret."}, "not found: Secrets Manager can't find the specified secret."},
		{&Error{Kind: KindNetwork, Op: "ListSecrets", Err: errors.New("connection refused")}, "network: ListSecrets: connection refused"},
		{&Error{Kind: KindThrottled, Op: "LookupEvents"}, "throttled: LookupEvents"},
	}
	for _, tt := range tests {
		if got := tt.err.Error(); got != tt.want {
			t.Errorf("got %q want %q", got, tt.want)
		}
	}
}

func TestKindOfSeesThroughWrapping(t *testing.T) {
	err := fmt.Errorf("describe prod/db: %w", &Error{Kind: KindNotFound})
	if !IsKind(err, KindNotFound) || IsKind(err, KindAccessDenied) || KindOf(errors.New("x")) != KindUnknown {
		t.Fatal("KindOf must unwrap classified errors")
	}
	if IsKind(nil, KindUnknown) {
		t.Fatal("nil is no error of any kind")
	}
}

func TestRetryableKinds(t *testing.T) {
	for kind, want := range map[ErrorKind]bool{KindThrottled: true, KindNetwork: true, KindService: true, KindCredentials: true, KindAccessDenied: false, KindNotFound: false, KindInvalidRequest: false} {
		if got := (&Error{Kind: kind}).Retryable(); got != want {
			t.Errorf("%v retryable = %v", kind, got)
		}
	}
}

func TestIsInvalidNextTokenSeesThroughWrapping(t *testing.T) {
	lost := &Error{Kind: KindInvalidRequest, Op: "ListSecrets", Code: "InvalidNextTokenException", Message: "The NextToken value is invalid."}
	if !IsInvalidNextToken(fmt.Errorf("list page 2: %w", lost)) {
		t.Error("a wrapped InvalidNextTokenException is not seen")
	}
	for _, err := range []error{
		nil,
		errors.New("InvalidNextTokenException"),
		&Error{Kind: KindInvalidRequest, Code: "InvalidRequestException", Message: "The NextToken value is invalid."},
	} {
		if IsInvalidNextToken(err) {
			t.Errorf("%v is taken for an InvalidNextTokenException", err)
		}
	}
}
