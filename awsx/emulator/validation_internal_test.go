package emulator

import (
	"strings"
	"testing"
)

func TestValidSecretIDAcceptsNamesARNsAndServiceNames(t *testing.T) {
	cases := map[string]bool{
		"prod/db-creds":  true,
		"rds!cluster-1a": true,
		"arn:aws:secretsmanager:us-east-1:123456789012:secret:prod/db-AbCdEf": true,
		"":                        false,
		"bad name":                false,
		"semi;colon":              false,
		"a:b":                     false,
		strings.Repeat("a", 2048): true,
		strings.Repeat("a", 2049): false,
	}
	for id, want := range cases {
		if got := validSecretID(id); got != want {
			t.Errorf("validSecretID(%.20q) = %v, want %v", id, got, want)
		}
	}
}
