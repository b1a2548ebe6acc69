package model

import (
	"errors"
	"slices"
	"testing"
)

func TestParsePolicy(t *testing.T) {
	tests := []struct {
		name, text string
		err        error
		statements int
	}{
		{"empty", "", ErrPolicyEmpty, 0},
		{"not JSON", "{", ErrPolicySyntax, 0},
		{"no statement", `{"Version":"2012-10-17"}`, ErrPolicySyntax, 0},
		{"bad effect", `{"Statement":[{"Effect":"Maybe"}]}`, ErrPolicySyntax, 0},
		{"one statement as an object", crossAccountPolicy, nil, 1},
		{"a list", ownAccountPolicy, nil, 1},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			doc, err := ParsePolicy(tt.text)
			if !errors.Is(err, tt.err) || len(doc.Statement) != tt.statements {
				t.Errorf("ParsePolicy = %d statements, %v; want %d, %v", len(doc.Statement), err, tt.statements, tt.err)
			}
		})
	}
}

func TestPolicyPublicAndAccounts(t *testing.T) {
	tests := []struct {
		name     string
		text     string
		public   bool
		accounts []string
	}{
		{"everyone", publicPolicy, true, nil},
		{"everyone under a condition", conditionedPolicy, false, nil},
		{"everyone as AWS", `{"Statement":[{"Effect":"Allow","Principal":{"AWS":["*"]}}]}`, true, nil},
		{"another account", crossAccountPolicy, false, []string{"111122223333"}},
		{"own account by ARN and id", ownAccountPolicy, false, []string{"123456789012"}},
		{"denied account", denyOtherPolicy, false, nil},
		{"a service", `{"Statement":[{"Effect":"Allow","Principal":{"Service":"lambda.amazonaws.com"}}]}`, false, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			doc, err := ParsePolicy(tt.text)
			if err != nil {
				t.Fatal(err)
			}
			if doc.Public() != tt.public || !slices.Equal(doc.Accounts(), tt.accounts) {
				t.Errorf("public %v, accounts %q; want %v, %q", doc.Public(), doc.Accounts(), tt.public, tt.accounts)
			}
		})
	}
}
