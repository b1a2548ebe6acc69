package awsx

import (
	"context"

	"github.com/keyhole-tui/keyhole/model"
)

// searchPages bounds the ListSecrets calls one search makes: a filtered
// listing may answer pages with few or no secrets.
const searchPages = 5

// SearchSecrets asks AWS for the secrets with a word that each of words
// starts, in the name, description or tags (ListSecrets' "all" filter,
// with AWS's word matching: one filter per word, so all must match), at
// most limit of them.
func (c *Client) SearchSecrets(ctx context.Context, words []string, limit int) ([]model.Secret, error) {
	q := model.ListQuery{PageSize: 100}
	for _, w := range words {
		q.Filters = append(q.Filters, model.ListFilter{Key: model.FilterAll, Values: []string{w}})
	}
	var found []model.Secret
	token := ""
	for range searchPages {
		page, err := c.ListSecretsPage(ctx, q, token)
		if err != nil {
			return found, err
		}
		found = append(found, page.Secrets...)
		if token = page.NextToken; token == "" || len(found) >= limit {
			break
		}
	}
	return found[:min(len(found), limit)], nil
}
