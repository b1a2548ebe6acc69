package model

import "testing"

func TestParseSecretRefReadsProfileRegionStageAndVersion(t *testing.T) {
	arn := "arn:aws:secretsmanager:us-east-1:123456789012:secret:prod/db-AbCdEf"
	tests := []struct {
		in       string
		versions bool
		want     SecretRef
	}{
		{"prod/db", true, SecretRef{Name: "prod/db"}},
		{"prod/db@AWSPREVIOUS", true, SecretRef{Name: "prod/db", Stage: "AWSPREVIOUS"}},
		{"prod/db#v-123", true, SecretRef{Name: "prod/db", VersionID: "v-123"}},
		{"me@corp@AWSCURRENT", true, SecretRef{Name: "me@corp", Stage: "AWSCURRENT"}},
		{"me@corp", false, SecretRef{Name: "me@corp"}},
		{"prod:eu-west-1:app", true, SecretRef{Elsewhere: true, Profile: "prod", Region: "eu-west-1", Name: "app"}},
		{":eu-west-1:app@AWSPENDING", true, SecretRef{Elsewhere: true, Region: "eu-west-1", Name: "app", Stage: "AWSPENDING"}},
		{arn, true, SecretRef{Name: arn}},
		{"prod:us-east-1:" + arn, false, SecretRef{Elsewhere: true, Profile: "prod", Region: "us-east-1", Name: arn}},
	}
	for _, tt := range tests {
		got, err := ParseSecretRef(tt.in, tt.versions)
		if err != nil || got != tt.want {
			t.Errorf("ParseSecretRef(%q, %v) = %+v, %v; want %+v", tt.in, tt.versions, got, err, tt.want)
		}
		if err == nil && got.String() != tt.in && tt.in != "me@corp" {
			t.Errorf("%q written back is %q", tt.in, got.String())
		}
	}
}

func TestParseSecretRefRefusesWhatNamesNoSecret(t *testing.T) {
	for _, in := range []string{"", "a:b", "p:r:", "db#", "db@", "a:b:c:d", "db#v1"} {
		versions := in != "db#v1"
		if _, err := ParseSecretRef(in, versions); err == nil {
			t.Errorf("ParseSecretRef(%q, %v) took it", in, versions)
		}
	}
}
