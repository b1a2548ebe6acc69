package common

import (
	"context"
	"time"

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

	CreateSecret(ctx context.Context, in model.CreateInput) (arn, versionID string, err error)
	PutSecretValue(ctx context.Context, in model.PutValueInput) (versionID string, err error)
	UpdateSecret(ctx context.Context, in model.UpdateInput) error
	DeleteSecret(ctx context.Context, in model.DeleteInput) (deletionDate time.Time, err error)
	RestoreSecret(ctx context.Context, id string) error
	TagSecret(ctx context.Context, id string, tags []model.Tag) error
	UntagSecret(ctx context.Context, id string, keys []string) error
	UpdateVersionStage(ctx context.Context, m model.StageMove) error
	GetResourcePolicy(ctx context.Context, id string) (string, error)
	ValidateResourcePolicy(ctx context.Context, id, policy string) (model.PolicyValidation, error)
	RandomPassword(ctx context.Context, spec model.PasswordSpec) (model.Value, error)
}

// Connection is a backend for one profile and region.
type Connection struct {
	Backend Backend
	// Profile says where the credentials come from, for the header: the
	// profile's name, or a word such as "env" when it is not a profile.
	Profile  string
	Region   string
	Endpoint string
}

// Connect opens a connection to a profile and region. An empty profile
// opens the credentials the app started with again, from the same source
// (environment variables, the profile given at start, the SDK's default
// chain), read afresh. It does I/O: call it only inside a tea.Cmd.
type Connect func(ctx context.Context, profile, region string) (Connection, error)

// Fleet is a backend over many accounts and regions at once (awsx/fleet
// is one): the screens say where each secret lives and how each target's
// listing goes.
type Fleet interface {
	Statuses() []model.TargetStatus
	AccountName(id string) string
}
