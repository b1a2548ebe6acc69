package awsx

import (
	"context"
	"iter"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/secretsmanager"
	"github.com/aws/aws-sdk-go-v2/service/secretsmanager/types"

	"github.com/keyhole-tui/keyhole/model"
)

// ListSecretsPage fetches one page of ListSecrets; pass the previous page's
// NextToken to get the next one, or "" for the first.
func (c *Client) ListSecretsPage(ctx context.Context, q model.ListQuery, nextToken string) (model.SecretPage, error) {
	out, err := c.sm.ListSecrets(ctx, listSecretsInput(q, nextToken))
	if err != nil {
		return model.SecretPage{}, c.classify(ctx, opListSecrets, err)
	}
	page := model.SecretPage{
		Secrets:   make([]model.Secret, len(out.SecretList)),
		NextToken: aws.ToString(out.NextToken),
	}
	shared := strs{}
	for i, e := range out.SecretList {
		page.Secrets[i] = secretFromEntry(e, shared)
	}
	return page, nil
}

// ListAllSecrets yields every page of ListSecrets in order. It stops after
// the first error, which it yields with an empty page, or when the loop breaks.
func (c *Client) ListAllSecrets(ctx context.Context, q model.ListQuery) iter.Seq2[model.SecretPage, error] {
	return func(yield func(model.SecretPage, error) bool) {
		token := ""
		for {
			page, err := c.ListSecretsPage(ctx, q, token)
			if err != nil {
				yield(model.SecretPage{}, err)
				return
			}
			if !yield(page, nil) || page.NextToken == "" {
				return
			}
			token = page.NextToken
		}
	}
}

// listSecretsInput builds the request for one page of a query.
func listSecretsInput(q model.ListQuery, nextToken string) *secretsmanager.ListSecretsInput {
	in := &secretsmanager.ListSecretsInput{
		Filters:   filtersTo(q.Filters),
		NextToken: optional(nextToken),
		SortBy:    types.SortByType(q.SortBy),
	}
	if q.IncludePlannedDeletion {
		in.IncludePlannedDeletion = aws.Bool(true)
	}
	if q.PageSize > 0 {
		in.MaxResults = aws.Int32(q.PageSize)
	}
	if q.SortBy != "" || q.Descending {
		in.SortOrder = types.SortOrderTypeAsc
		if q.Descending {
			in.SortOrder = types.SortOrderTypeDesc
		}
	}
	return in
}

// DescribeSecret fetches everything Secrets Manager tells about a secret,
// named by name or ARN. It reads no value.
func (c *Client) DescribeSecret(ctx context.Context, secretID string) (model.SecretDetail, error) {
	out, err := c.sm.DescribeSecret(ctx, &secretsmanager.DescribeSecretInput{SecretId: aws.String(secretID)})
	if err != nil {
		return model.SecretDetail{}, c.classify(ctx, opDescribeSecret, err)
	}
	return detailFromDescribe(out), nil
}
