package common

import (
	"context"

	"github.com/keyhole-tui/keyhole/model"
)

// Backend is what the screens need from AWS. awsx.Client implements it.
type Backend interface {
	ListSecretsPage(ctx context.Context, q model.ListQuery, nextToken string) (model.SecretPage, error)
	DescribeSecret(ctx context.Context, id string) (model.SecretDetail, error)
	GetSecretValue(ctx context.Context, ref model.ValueRef) (model.SecretVersion, error)
	CallerIdentity(ctx context.Context) (model.Identity, error)
	ListSecretVersions(ctx context.Context, id string, includeDeprecated bool) ([]model.Version, error)
	LookupEvents(ctx context.Context, q model.AuditQuery, nextToken string) (model.AuditPage, error)
	RotateSecret(ctx context.Context, in model.RotateInput) (versionID string, err error)
	CancelRotation(ctx context.Context, id string) error
}
