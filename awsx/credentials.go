package awsx

import (
	"context"
	"errors"

	"github.com/aws/aws-sdk-go-v2/aws"
)

// credentialError marks a failure to get credentials, as opposed to a
// failure of the call they were meant for. Classification keys on it.
type credentialError struct{ err error }

func (e *credentialError) Error() string { return "get credentials: " + e.err.Error() }

func (e *credentialError) Unwrap() error { return e.err }

// taggingProvider wraps a credentials provider so its failures are marked.
type taggingProvider struct{ inner aws.CredentialsProvider }

// Retrieve gets credentials from the wrapped provider, marking any failure.
func (p taggingProvider) Retrieve(ctx context.Context) (aws.Credentials, error) {
	creds, err := p.inner.Retrieve(ctx)
	if err != nil {
		return creds, &credentialError{err: err}
	}
	return creds, nil
}

// tagCredentialErrors wraps the configured provider, keeping it cached.
// A nil provider (anonymous access) is left alone.
func tagCredentialErrors(p aws.CredentialsProvider) aws.CredentialsProvider {
	if p == nil {
		return nil
	}
	return aws.NewCredentialsCache(taggingProvider{inner: p})
}

// isCredentialError reports whether err came from getting credentials.
func isCredentialError(err error) bool {
	var ce *credentialError
	return errors.As(err, &ce)
}
