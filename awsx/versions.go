package awsx

import (
	"context"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/secretsmanager"

	"github.com/keyhole-tui/keyhole/model"
)

// versionsPageSize is the largest page ListSecretVersionIds returns.
const versionsPageSize = 100

// ListSecretVersions lists every version of a secret, following all pages.
// Versions with no stage label left are listed only when includeDeprecated
// is set. No value is read.
func (c *Client) ListSecretVersions(ctx context.Context, secretID string, includeDeprecated bool) ([]model.Version, error) {
	in := &secretsmanager.ListSecretVersionIdsInput{
		SecretId:   aws.String(secretID),
		MaxResults: aws.Int32(versionsPageSize),
	}
	if includeDeprecated {
		in.IncludeDeprecated = aws.Bool(true)
	}
	var versions []model.Version
	for {
		out, err := c.sm.ListSecretVersionIds(ctx, in)
		if err != nil {
			return versions, c.classify(ctx, opListSecretVersionIDs, err)
		}
		for _, e := range out.Versions {
			versions = append(versions, versionFrom(e))
		}
		if aws.ToString(out.NextToken) == "" {
			return versions, nil
		}
		in.NextToken = out.NextToken
	}
}

// UpdateVersionStage moves a stage label to a version, off another, or both
// (UpdateSecretVersionStage). Moving AWSCURRENT must name the version that
// holds it now as RemoveFromVersionID; AWS then gives that one AWSPREVIOUS.
func (c *Client) UpdateVersionStage(ctx context.Context, m model.StageMove) error {
	_, err := c.sm.UpdateSecretVersionStage(ctx, &secretsmanager.UpdateSecretVersionStageInput{
		SecretId:            aws.String(m.SecretID),
		VersionStage:        aws.String(m.Stage),
		MoveToVersionId:     optional(m.MoveToVersionID),
		RemoveFromVersionId: optional(m.RemoveFromVersionID),
	})
	return c.classify(ctx, opUpdateSecretVersionStage, err)
}
