package awsx

import (
	"context"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/secretsmanager"
	"github.com/aws/aws-sdk-go-v2/service/secretsmanager/types"

	"github.com/keyhole-tui/keyhole/model"
)

// batchGetMaxIDs is how many secret ids one BatchGetSecretValue request may name.
const batchGetMaxIDs = 20

// GetSecretValue reads one version of a secret: by version id, by stage,
// or AWSCURRENT when the reference names neither. Every call is an audited
// read in CloudTrail.
func (c *Client) GetSecretValue(ctx context.Context, ref model.ValueRef) (model.SecretVersion, error) {
	out, err := c.sm.GetSecretValue(ctx, &secretsmanager.GetSecretValueInput{
		SecretId:     aws.String(ref.SecretID),
		VersionId:    optional(ref.VersionID),
		VersionStage: optional(ref.Stage),
	})
	if err != nil {
		return model.SecretVersion{}, c.classify(ctx, opGetSecretValue, err)
	}
	return secretVersionFrom(out), nil
}

// BatchGetSecretValue reads the AWSCURRENT value of each named secret,
// asking 20 at a time and following every page. Secrets that could not be
// read come back as BatchErrors; the error is set only when a request failed
// as a whole, and then the values read so far are returned with it.
func (c *Client) BatchGetSecretValue(ctx context.Context, ids []string) ([]model.SecretVersion, []model.BatchError, error) {
	var (
		values []model.SecretVersion
		failed []model.BatchError
	)
	for start := 0; start < len(ids); start += batchGetMaxIDs {
		chunk := ids[start:min(start+batchGetMaxIDs, len(ids))]
		in := &secretsmanager.BatchGetSecretValueInput{SecretIdList: chunk}
		for {
			out, err := c.sm.BatchGetSecretValue(ctx, in)
			if err != nil {
				return values, failed, c.classify(ctx, opBatchGetSecretValue, err)
			}
			for _, e := range out.SecretValues {
				values = append(values, secretVersionFromEntry(e))
			}
			for _, e := range out.Errors {
				failed = append(failed, batchErrorFrom(e))
			}
			if aws.ToString(out.NextToken) == "" {
				break
			}
			in.NextToken = out.NextToken
		}
	}
	return values, failed, nil
}

// batchErrorFrom classifies the failure to read one secret of a batch.
func batchErrorFrom(e types.APIErrorType) model.BatchError {
	code := aws.ToString(e.ErrorCode)
	kind, _ := kindOfCode(code)
	err := &model.Error{Kind: kind, Op: opGetSecretValue, Code: code, Message: aws.ToString(e.Message)}
	if kind == model.KindAccessDenied {
		err.Action = actionOf(opGetSecretValue, err.Message)
	}
	return model.BatchError{SecretID: aws.ToString(e.SecretId), Err: err}
}
