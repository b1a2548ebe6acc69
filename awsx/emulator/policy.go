package emulator

import (
	"encoding/json"
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
	if in.BlockPublicPolicy != nil && *in.BlockPublicPolicy && doc.public() {
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
	case doc.public():
		out.PolicyValidationPassed = false
		out.ValidationErrors = append(out.ValidationErrors, validationError{CheckName: "BLOCK_PUBLIC_POLICY", ErrorMessage: "This resource policy will grant public access to the secret."})
	}
	return out, nil
}

// policyDocument is the part of an IAM policy the emulator checks.
type policyDocument struct {
	Version   string
	Statement []policyStatement
}

type policyStatement struct {
	Effect    string
	Principal any
	Action    any
	Resource  any
	Condition map[string]any
}

// parsePolicy checks that text is a policy document with statements.
func parsePolicy(text string) (policyDocument, *apiError) {
	var doc policyDocument
	if text == "" {
		return doc, errValidation("null", "resourcePolicy", "Member must not be null")
	}
	var raw map[string]json.RawMessage
	if err := json.Unmarshal([]byte(text), &raw); err != nil {
		return doc, newError("MalformedPolicyDocumentException", "This resource policy contains a syntax error.")
	}
	// A single statement may be written as an object rather than a list.
	if st, ok := raw["Statement"]; ok && len(st) > 0 && st[0] == '{' {
		raw["Statement"] = append(append([]byte("["), st...), ']')
		fixed, _ := json.Marshal(raw)
		text = string(fixed)
	}
	if err := json.Unmarshal([]byte(text), &doc); err != nil || len(doc.Statement) == 0 {
		return doc, newError("MalformedPolicyDocumentException", "This resource policy contains a syntax error.")
	}
	for _, st := range doc.Statement {
		if st.Effect != "Allow" && st.Effect != "Deny" {
			return doc, newError("MalformedPolicyDocumentException", "This resource policy contains a syntax error.")
		}
	}
	return doc, nil
}

// public reports whether an Allow statement grants access to everyone
// without a condition.
func (d policyDocument) public() bool {
	for _, st := range d.Statement {
		if st.Effect != "Allow" || len(st.Condition) > 0 {
			continue
		}
		if principalIsEveryone(st.Principal) {
			return true
		}
	}
	return false
}

func principalIsEveryone(p any) bool {
	switch v := p.(type) {
	case string:
		return v == "*"
	case map[string]any:
		for _, inner := range v {
			if principalIsEveryone(inner) {
				return true
			}
		}
	case []any:
		for _, inner := range v {
			if principalIsEveryone(inner) {
				return true
			}
		}
	}
	return false
}
