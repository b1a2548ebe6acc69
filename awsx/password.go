package awsx

import (
	"context"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/secretsmanager"

	"github.com/keyhole-tui/keyhole/model"
)

// RandomPassword asks Secrets Manager for a random password (GetRandomPassword).
// Zero fields leave AWS's defaults: 32 characters of every kind.
func (c *Client) RandomPassword(ctx context.Context, spec model.PasswordSpec) (model.Value, error) {
	in := &secretsmanager.GetRandomPasswordInput{ExcludeCharacters: optional(spec.ExcludeCharacters)}
	if spec.Length > 0 {
		in.PasswordLength = aws.Int64(spec.Length)
	}
	setTrue(&in.ExcludeNumbers, spec.ExcludeNumbers)
	setTrue(&in.ExcludePunctuation, spec.ExcludePunctuation)
	setTrue(&in.ExcludeUppercase, spec.ExcludeUppercase)
	setTrue(&in.ExcludeLowercase, spec.ExcludeLowercase)
	setTrue(&in.IncludeSpace, spec.IncludeSpace)
	setTrue(&in.RequireEachIncludedType, spec.RequireEachIncludedType)
	out, err := c.sm.GetRandomPassword(ctx, in)
	if err != nil {
		return model.Value{}, c.classify(ctx, opGetRandomPassword, err)
	}
	return model.StringValue(aws.ToString(out.RandomPassword)), nil
}

// setTrue sets a request flag only when it is on, leaving AWS's default otherwise.
func setTrue(field **bool, on bool) {
	if on {
		*field = aws.Bool(true)
	}
}
