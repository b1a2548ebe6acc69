package awsx

import (
	"cmp"
	"context"
	"slices"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/credentials/stscreds"
	"github.com/aws/aws-sdk-go-v2/service/account"
	accounttypes "github.com/aws/aws-sdk-go-v2/service/account/types"
	"github.com/aws/aws-sdk-go-v2/service/organizations"

	"github.com/keyhole-tui/keyhole/model"
)

// OrganizationAccounts lists every account of the organisation the caller
// manages (Organizations ListAccounts, all pages).
func (c *Client) OrganizationAccounts(ctx context.Context) ([]model.Account, error) {
	var out []model.Account
	pages := organizations.NewListAccountsPaginator(c.org, &organizations.ListAccountsInput{})
	for pages.HasMorePages() {
		page, err := pages.NextPage(ctx)
		if err != nil {
			return nil, c.classify(ctx, opListAccounts, err)
		}
		for _, a := range page.Accounts {
			out = append(out, model.Account{
				ID:    aws.ToString(a.Id),
				Name:  aws.ToString(a.Name),
				Email: aws.ToString(a.Email),
				// State replaces Status, which AWS is retiring.
				Status: cmp.Or(string(a.State), string(a.Status)),
			})
		}
	}
	return out, nil
}

// EnabledRegions lists the regions the caller's account can use, sorted:
// those enabled by default and the opt-in ones it has enabled (Account
// ListRegions, all pages).
func (c *Client) EnabledRegions(ctx context.Context) ([]string, error) {
	var out []string
	pages := account.NewListRegionsPaginator(c.account, &account.ListRegionsInput{
		RegionOptStatusContains: []accounttypes.RegionOptStatus{
			accounttypes.RegionOptStatusEnabled, accounttypes.RegionOptStatusEnabledByDefault,
		},
	})
	for pages.HasMorePages() {
		page, err := pages.NextPage(ctx)
		if err != nil {
			return nil, c.classify(ctx, opListRegions, err)
		}
		for _, r := range page.Regions {
			out = append(out, aws.ToString(r.RegionName))
		}
	}
	slices.Sort(out)
	return out, nil
}

// AssumeRoleCredentials are credentials of a session in roleARN, named
// sessionName, got from STS AssumeRole through this client's STS endpoint
// and renewed before they expire. Hand them to New as Options.Credentials
// to act as the role.
func (c *Client) AssumeRoleCredentials(roleARN, sessionName string) aws.CredentialsProvider {
	return aws.NewCredentialsCache(stscreds.NewAssumeRoleProvider(c.sts, roleARN, func(o *stscreds.AssumeRoleOptions) {
		o.RoleSessionName = sessionName
	}))
}
