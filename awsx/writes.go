package awsx

import (
	"context"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/secretsmanager"

	"github.com/keyhole-tui/keyhole/model"
)

// CreateSecret creates a secret, with a first version when in.Value is set,
// and returns its ARN and that version's id ("" without a value). A missing
// ClientRequestToken is generated, so a retried create is a no-op.
func (c *Client) CreateSecret(ctx context.Context, in model.CreateInput) (arn, versionID string, err error) {
	req := &secretsmanager.CreateSecretInput{
		Name:               aws.String(in.Name),
		Description:        optional(in.Description),
		KmsKeyId:           optional(in.KMSKeyID),
		Tags:               tagsTo(in.Tags),
		ClientRequestToken: aws.String(requestToken(in.ClientRequestToken)),
	}
	if !in.Value.IsZero() {
		req.SecretString, req.SecretBinary = valueTo(in.Value)
	}
	out, err := c.sm.CreateSecret(ctx, req)
	if err != nil {
		return "", "", withoutValue(c.classify(ctx, opCreateSecret, err), in.Value)
	}
	return aws.ToString(out.ARN), aws.ToString(out.VersionId), nil
}

// PutSecretValue stores a new version of a secret's value and returns its id.
// The version gets in.Stages, or AWSCURRENT when none are given. The
// ClientRequestToken becomes the version id; a missing one is generated, so
// the SDK's retries are idempotent. Reusing a token with a different value is
// a KindConflict error.
func (c *Client) PutSecretValue(ctx context.Context, in model.PutValueInput) (versionID string, err error) {
	req := &secretsmanager.PutSecretValueInput{
		SecretId:           aws.String(in.SecretID),
		VersionStages:      in.Stages,
		ClientRequestToken: aws.String(requestToken(in.ClientRequestToken)),
	}
	req.SecretString, req.SecretBinary = valueTo(in.Value)
	out, err := c.sm.PutSecretValue(ctx, req)
	if err != nil {
		return "", withoutValue(c.classify(ctx, opPutSecretValue, err), in.Value)
	}
	return aws.ToString(out.VersionId), nil
}

// UpdateSecret changes a secret's description or KMS key; nil fields are
// left as they are.
func (c *Client) UpdateSecret(ctx context.Context, in model.UpdateInput) error {
	_, err := c.sm.UpdateSecret(ctx, &secretsmanager.UpdateSecretInput{
		SecretId:    aws.String(in.SecretID),
		Description: in.Description,
		KmsKeyId:    in.KMSKeyID,
	})
	return c.classify(ctx, opUpdateSecret, err)
}

// DeleteSecret schedules a secret for deletion after its recovery window
// (AWS's 30 days when in.RecoveryWindowDays is zero), or deletes it at once
// when in.Force is set. It returns the date the secret is or will be gone.
func (c *Client) DeleteSecret(ctx context.Context, in model.DeleteInput) (deletionDate time.Time, err error) {
	req := &secretsmanager.DeleteSecretInput{SecretId: aws.String(in.SecretID)}
	if in.Force {
		req.ForceDeleteWithoutRecovery = aws.Bool(true)
	}
	if in.RecoveryWindowDays > 0 {
		req.RecoveryWindowInDays = aws.Int64(in.RecoveryWindowDays)
	}
	out, err := c.sm.DeleteSecret(ctx, req)
	if err != nil {
		return time.Time{}, c.classify(ctx, opDeleteSecret, err)
	}
	return aws.ToTime(out.DeletionDate), nil
}

// RestoreSecret cancels a scheduled deletion.
func (c *Client) RestoreSecret(ctx context.Context, secretID string) error {
	_, err := c.sm.RestoreSecret(ctx, &secretsmanager.RestoreSecretInput{SecretId: aws.String(secretID)})
	return c.classify(ctx, opRestoreSecret, err)
}

// TagSecret adds tags to a secret, replacing the values of keys it has.
func (c *Client) TagSecret(ctx context.Context, secretID string, tags []model.Tag) error {
	_, err := c.sm.TagResource(ctx, &secretsmanager.TagResourceInput{
		SecretId: aws.String(secretID),
		Tags:     tagsTo(tags),
	})
	return c.classify(ctx, opTagResource, err)
}

// UntagSecret removes the tags with the given keys from a secret.
func (c *Client) UntagSecret(ctx context.Context, secretID string, keys []string) error {
	_, err := c.sm.UntagResource(ctx, &secretsmanager.UntagResourceInput{
		SecretId: aws.String(secretID),
		TagKeys:  keys,
	})
	return c.classify(ctx, opUntagResource, err)
}
