package awsx

import (
	"context"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/sts"

	"github.com/keyhole-tui/keyhole/model"
)

// CallerIdentity tells whose credentials the client uses (STS GetCallerIdentity).
func (c *Client) CallerIdentity(ctx context.Context) (model.Identity, error) {
	out, err := c.sts.GetCallerIdentity(ctx, &sts.GetCallerIdentityInput{})
	if err != nil {
		return model.Identity{}, c.classify(ctx, opGetCallerIdentity, err)
	}
	return model.Identity{
		Account: aws.ToString(out.Account),
		ARN:     aws.ToString(out.Arn),
		UserID:  aws.ToString(out.UserId),
	}, nil
}
