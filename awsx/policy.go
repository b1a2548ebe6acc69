package awsx

import (
	"context"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/secretsmanager"

	"github.com/keyhole-tui/keyhole/model"
)

// GetResourcePolicy returns a secret's resource policy JSON, or "" when it has none.
func (c *Client) GetResourcePolicy(ctx context.Context, secretID string) (string, error) {
	out, err := c.sm.GetResourcePolicy(ctx, &secretsmanager.GetResourcePolicyInput{SecretId: aws.String(secretID)})
	if err != nil {
		return "", c.classify(ctx, opGetResourcePolicy, err)
	}
	return aws.ToString(out.ResourcePolicy), nil
}

// ValidateResourcePolicy checks a policy with Secrets Manager's validator
// (for the given secret when secretID is set) without attaching it.
func (c *Client) ValidateResourcePolicy(ctx context.Context, secretID, policy string) (model.PolicyValidation, error) {
	out, err := c.sm.ValidateResourcePolicy(ctx, &secretsmanager.ValidateResourcePolicyInput{
		SecretId:       optional(secretID),
		ResourcePolicy: aws.String(policy),
	})
	if err != nil {
		return model.PolicyValidation{}, c.classify(ctx, opValidateResourcePolicy, err)
	}
	v := model.PolicyValidation{Passed: out.PolicyValidationPassed}
	for _, e := range out.ValidationErrors {
		v.Findings = append(v.Findings, model.ValidationFinding{
			Check:   aws.ToString(e.CheckName),
			Message: aws.ToString(e.ErrorMessage),
		})
	}
	return v, nil
}
