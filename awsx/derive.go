package awsx

import (
	"context"

	"github.com/aws/aws-sdk-go-v2/aws"
)

// InRegion is a client for the same credentials in another region, at the
// same endpoint. The two share one credentials cache, so the credentials
// are resolved once for both.
func (c *Client) InRegion(ctx context.Context, region string) (*Client, error) {
	opts := c.opts
	opts.Region = region
	opts.shared = c.credentials
	return New(ctx, opts)
}

// As is a client in region that signs with creds, such as an assumed
// role's, at the same endpoint and over the same HTTP client as c. Derive
// the account's other regions from it with InRegion, so they share its
// credentials.
func (c *Client) As(ctx context.Context, creds aws.CredentialsProvider, region string) (*Client, error) {
	opts := c.opts
	opts.Profile, opts.Region, opts.MFAToken = "", region, nil
	opts.Credentials, opts.shared = creds, nil
	return New(ctx, opts)
}
