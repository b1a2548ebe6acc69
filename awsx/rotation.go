package awsx

import (
	"context"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/secretsmanager"

	"github.com/keyhole-tui/keyhole/model"
)

// RotateSecret starts a rotation, or with in.Immediately false only saves
// the rotation configuration, and returns the id of the version the rotation
// creates. A missing ClientRequestToken is generated.
func (c *Client) RotateSecret(ctx context.Context, in model.RotateInput) (versionID string, err error) {
	req := &secretsmanager.RotateSecretInput{
		SecretId:           aws.String(in.SecretID),
		RotationLambdaARN:  optional(in.LambdaARN),
		RotateImmediately:  aws.Bool(in.Immediately),
		ClientRequestToken: aws.String(requestToken(in.ClientRequestToken)),
	}
	if in.Rules != nil {
		req.RotationRules = rotationRulesTo(*in.Rules)
	}
	out, err := c.sm.RotateSecret(ctx, req)
	if err != nil {
		return "", c.classify(ctx, opRotateSecret, err)
	}
	return aws.ToString(out.VersionId), nil
}

// CancelRotation turns automatic rotation off and stops a rotation in
// progress (CancelRotateSecret).
func (c *Client) CancelRotation(ctx context.Context, secretID string) error {
	_, err := c.sm.CancelRotateSecret(ctx, &secretsmanager.CancelRotateSecretInput{SecretId: aws.String(secretID)})
	return c.classify(ctx, opCancelRotateSecret, err)
}
