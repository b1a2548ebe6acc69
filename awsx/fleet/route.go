package fleet

import (
	"context"
	"time"

	"github.com/keyhole-tui/keyhole/model"
)

// Every call about one secret goes to the client of the account and region
// in its ARN; calls about no secret in particular go to the base client.

// DescribeSecret describes a secret in its own account and region.
func (f *Fleet) DescribeSecret(ctx context.Context, id string) (model.SecretDetail, error) {
	return f.clientFor(id).DescribeSecret(ctx, id)
}

// GetSecretValue reads a value in the secret's own account and region.
func (f *Fleet) GetSecretValue(ctx context.Context, ref model.ValueRef) (model.SecretVersion, error) {
	return f.clientFor(ref.SecretID).GetSecretValue(ctx, ref)
}

// CallerIdentity is the base credentials' identity.
func (f *Fleet) CallerIdentity(ctx context.Context) (model.Identity, error) {
	return f.base.CallerIdentity(ctx)
}

// ListSecretVersions lists a secret's versions where it lives.
func (f *Fleet) ListSecretVersions(ctx context.Context, id string, includeDeprecated bool) ([]model.Version, error) {
	return f.clientFor(id).ListSecretVersions(ctx, id, includeDeprecated)
}

// LookupEvents asks the CloudTrail of the secret's account and region, or
// the base one's for the account's whole trail.
func (f *Fleet) LookupEvents(ctx context.Context, q model.AuditQuery, nextToken string) (model.AuditPage, error) {
	return f.clientFor(q.SecretID).LookupEvents(ctx, q, nextToken)
}

// RotateSecret rotates a secret where it lives.
func (f *Fleet) RotateSecret(ctx context.Context, in model.RotateInput) (string, error) {
	return f.clientFor(in.SecretID).RotateSecret(ctx, in)
}

// CancelRotation turns a secret's rotation off where it lives.
func (f *Fleet) CancelRotation(ctx context.Context, id string) error {
	return f.clientFor(id).CancelRotation(ctx, id)
}

// CreateSecret creates a secret with the base credentials in their region.
func (f *Fleet) CreateSecret(ctx context.Context, in model.CreateInput) (string, string, error) {
	return f.base.CreateSecret(ctx, in)
}

// PutSecretValue stores a value where the secret lives.
func (f *Fleet) PutSecretValue(ctx context.Context, in model.PutValueInput) (string, error) {
	return f.clientFor(in.SecretID).PutSecretValue(ctx, in)
}

// UpdateSecret changes a secret's metadata where it lives.
func (f *Fleet) UpdateSecret(ctx context.Context, in model.UpdateInput) error {
	return f.clientFor(in.SecretID).UpdateSecret(ctx, in)
}

// DeleteSecret deletes a secret where it lives.
func (f *Fleet) DeleteSecret(ctx context.Context, in model.DeleteInput) (time.Time, error) {
	return f.clientFor(in.SecretID).DeleteSecret(ctx, in)
}

// RestoreSecret cancels a secret's deletion where it lives.
func (f *Fleet) RestoreSecret(ctx context.Context, id string) error {
	return f.clientFor(id).RestoreSecret(ctx, id)
}

// TagSecret tags a secret where it lives.
func (f *Fleet) TagSecret(ctx context.Context, id string, tags []model.Tag) error {
	return f.clientFor(id).TagSecret(ctx, id, tags)
}

// UntagSecret removes tags from a secret where it lives.
func (f *Fleet) UntagSecret(ctx context.Context, id string, keys []string) error {
	return f.clientFor(id).UntagSecret(ctx, id, keys)
}

// UpdateVersionStage moves a stage label where the secret lives.
func (f *Fleet) UpdateVersionStage(ctx context.Context, m model.StageMove) error {
	return f.clientFor(m.SecretID).UpdateVersionStage(ctx, m)
}

// GetResourcePolicy reads a secret's policy where it lives.
func (f *Fleet) GetResourcePolicy(ctx context.Context, id string) (string, error) {
	return f.clientFor(id).GetResourcePolicy(ctx, id)
}

// ValidateResourcePolicy checks a policy against the secret where it lives.
func (f *Fleet) ValidateResourcePolicy(ctx context.Context, id, policy string) (model.PolicyValidation, error) {
	return f.clientFor(id).ValidateResourcePolicy(ctx, id, policy)
}

// RandomPassword asks the base account for a password.
func (f *Fleet) RandomPassword(ctx context.Context, spec model.PasswordSpec) (model.Value, error) {
	return f.base.RandomPassword(ctx, spec)
}
