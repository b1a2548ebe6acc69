package emulator

import (
	"errors"

	"github.com/keyhole-tui/keyhole/model"
)

type policyInput struct {
	SecretId          string
	ResourcePolicy    string
	BlockPublicPolicy *bool
}

type policyOutput struct {
	ARN            string `json:"ARN"`
	Name           string `json:"Name"`
	ResourcePolicy string `json:"ResourcePolicy,omitempty"`
}

func (s *Server) getResourcePolicy(c *call) (any, *apiError) {
	var in policyInput
	if err := c.decode(&in); err != nil {
		return nil, err
	}
	sec, err := s.findSecret(c, in.SecretId)
	if err != nil {
		return nil, err
	}
	return policyOutput{ARN: sec.arn, Name: sec.name, ResourcePolicy: sec.policy}, nil
}

func (s *Server) putResourcePolicy(c *call) (any, *apiError) {
	var in policyInput
	if err := c.decode(&in); err != nil {
		return nil, err
	}
	sec, err := s.findLiveSecret(c, in.SecretId)
	if err != nil {
		return nil, err
	}
	doc, err := parsePolicy(in.ResourcePolicy)
	if err != nil {
		return nil, err
	}
	if in.BlockPublicPolicy != nil && *in.BlockPublicPolicy && doc.Public() {
		return nil, newError("PublicPolicyException", "This resource policy will grant public access to the secret.")
	}
	sec.policy = in.ResourcePolicy
	sec.lastChanged = c.now
	c.at.secrets.changed()
	c.event.answered(sec, "")
	return policyOutput{ARN: sec.arn, Name: sec.name}, nil
}

func (s *Server) deleteResourcePolicy(c *call) (any, *apiError) {
	var in policyInput
	if err := c.decode(&in); err != nil {
		return nil, err
	}
	sec, err := s.findLiveSecret(c, in.SecretId)
	if err != nil {
		return nil, err
	}
	sec.policy = ""
	sec.lastChanged = c.now
	c.at.secrets.changed()
	c.event.answered(sec, "")
	return policyOutput{ARN: sec.arn, Name: sec.name}, nil
}

type validationError struct {
	CheckName    string `json:"CheckName"`
	ErrorMessage string `json:"ErrorMessage"`
}

type validatePolicyOutput struct {
	PolicyValidationPassed bool              `json:"PolicyValidationPassed"`
	ValidationErrors       []validationError `json:"ValidationErrors"`
}

func (s *Server) validateResourcePolicy(c *call) (any, *apiError) {
	var in policyInput
	if err := c.decode(&in); err != nil {
		return nil, err
	}
	if in.SecretId != "" {
		if _, err := s.findSecret(c, in.SecretId); err != nil {
			return nil, err
		}
	}
	out := validatePolicyOutput{PolicyValidationPassed: true, ValidationErrors: []validationError{}}
	doc, err := parsePolicy(in.ResourcePolicy)
	switch {
	case err != nil:
		out.PolicyValidationPassed = false
		out.ValidationErrors = append(out.ValidationErrors, validationError{CheckName: "POLICY_SYNTAX", ErrorMessage: err.Message})
	case doc.Public():
		out.PolicyValidationPassed = false
		out.ValidationErrors = append(out.ValidationErrors, validationError{CheckName: "BLOCK_PUBLIC_POLICY", ErrorMessage: "This resource policy will grant public access to the secret."})
	}
	return out, nil
}

// parsePolicy checks that text is a policy document with statements, as
// model.ParsePolicy reads it, and says what is wrong as Secrets Manager does.
func parsePolicy(text string) (model.PolicyDocument, *apiError) {
	doc, err := model.ParsePolicy(text)
	switch {
	case errors.Is(err, model.ErrPolicyEmpty):
		return doc, errValidation("null", "resourcePolicy", "Member must not be null")
	case err != nil:
		return doc, newError("MalformedPolicyDocumentException", "This resource policy contains a syntax error.")
	}
	return doc, nil
}
