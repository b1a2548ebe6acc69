package model

import (
	"encoding/json"
	"errors"
	"slices"
	"strings"
)

// ErrPolicyEmpty is ParsePolicy's answer for a policy with no text.
var ErrPolicyEmpty = errors.New("the resource policy is empty")

// ErrPolicySyntax is ParsePolicy's answer for text that is no policy
// document.
var ErrPolicySyntax = errors.New("the resource policy has a syntax error")

// PolicyDocument is the part of an IAM resource policy keyhole reads.
type PolicyDocument struct {
	Version   string
	Statement []PolicyStatement
}

// PolicyStatement is one statement of a policy. Principal, Action and
// Resource hold what the JSON holds: a string, a list or an object.
type PolicyStatement struct {
	Sid       string
	Effect    string
	Principal any
	Action    any
	Resource  any
	Condition map[string]any
}

// ParsePolicy reads a resource policy as Secrets Manager accepts it: a JSON
// object with at least one statement, each Allow or Deny; a single
// statement may be written as an object rather than a list.
func ParsePolicy(text string) (PolicyDocument, error) {
	var doc PolicyDocument
	if text == "" {
		return doc, ErrPolicyEmpty
	}
	var raw map[string]json.RawMessage
	if err := json.Unmarshal([]byte(text), &raw); err != nil {
		return doc, ErrPolicySyntax
	}
	if st, ok := raw["Statement"]; ok && len(st) > 0 && st[0] == '{' {
		raw["Statement"] = append(append([]byte("["), st...), ']')
		fixed, _ := json.Marshal(raw)
		text = string(fixed)
	}
	if err := json.Unmarshal([]byte(text), &doc); err != nil || len(doc.Statement) == 0 {
		return PolicyDocument{}, ErrPolicySyntax
	}
	for _, st := range doc.Statement {
		if st.Effect != "Allow" && st.Effect != "Deny" {
			return PolicyDocument{}, ErrPolicySyntax
		}
	}
	return doc, nil
}

// Public reports whether an Allow statement grants access to everyone
// ("*" as or in its principal) without a condition, which might restrict it.
func (d PolicyDocument) Public() bool {
	for _, st := range d.Statement {
		if st.Effect == "Allow" && len(st.Condition) == 0 && slices.Contains(principals(st.Principal), "*") {
			return true
		}
	}
	return false
}

// Accounts lists, sorted and once each, the AWS accounts Allow statements
// name as principals: by account id or by the account field of an ARN.
func (d PolicyDocument) Accounts() []string {
	var out []string
	for _, st := range d.Statement {
		if st.Effect != "Allow" {
			continue
		}
		for _, p := range principals(st.Principal) {
			if a := principalAccount(p); a != "" && !slices.Contains(out, a) {
				out = append(out, a)
			}
		}
	}
	slices.Sort(out)
	return out
}

// principals flattens a Principal value ("*", {"AWS": [...]}, ...) into
// its strings.
func principals(p any) []string {
	switch v := p.(type) {
	case string:
		return []string{v}
	case map[string]any:
		var out []string
		for _, inner := range v {
			out = append(out, principals(inner)...)
		}
		return out
	case []any:
		var out []string
		for _, inner := range v {
			out = append(out, principals(inner)...)
		}
		return out
	}
	return nil
}

// principalAccount is the account a principal names: a 12-digit account
// id as is, or the account field of an ARN; "" for anything else, such as
// a service name or "*".
func principalAccount(p string) string {
	if isAccountID(p) {
		return p
	}
	if a := AccountFromARN(p); isAccountID(a) {
		return a
	}
	return ""
}

// isAccountID reports whether s is a 12-digit AWS account id.
func isAccountID(s string) bool {
	return len(s) == 12 && strings.Trim(s, "0123456789") == ""
}
