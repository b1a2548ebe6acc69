package model

import "testing"

func TestPrincipalShortFormsAndReaders(t *testing.T) {
	const home = "123456789012"
	tests := []struct {
		arn, username         string
		wantShort, wantReader string
	}{
		{"arn:aws:sts::123456789012:assumed-role/payments-api/i-0abc", "", "payments-api/i-0abc", "payments-api"},
		{"arn:aws:sts::123456789012:assumed-role/AWSReservedSSO_Admin_abc123/alice@example.com", "", "AWSReservedSSO_Admin/alice@example.com", "AWSReservedSSO_Admin/alice@example.com"},
		{"arn:aws:sts::123456789012:assumed-role/AWSReservedSSO_Read_Only_0123456789abcdef/bob@example.com", "", "AWSReservedSSO_Read_Only/bob@example.com", "AWSReservedSSO_Read_Only/bob@example.com"},
		{"arn:aws:iam::123456789012:user/ci-deploy", "ci-deploy", "user/ci-deploy", "user/ci-deploy"},
		{"arn:aws:iam::123456789012:user/division/alice", "alice", "user/alice", "user/alice"},
		{"arn:aws:iam::123456789012:root", "root", "root", "root"},
		{"arn:aws:iam::123456789012:role/aws-service-role/rds.amazonaws.com/AWSServiceRoleForRDS", "", "role/AWSServiceRoleForRDS", "role/AWSServiceRoleForRDS"},
		{"arn:aws:sts::123456789012:federated-user/carol", "", "federated/carol", "federated/carol"},
		{"arn:aws:sts::210987654321:assumed-role/finance-reconciliation/recon-nightly", "", "210987654321:finance-reconciliation/recon-nightly", "210987654321:finance-reconciliation"},
		{"", "secretsmanager.amazonaws.com", "secretsmanager.amazonaws.com", "secretsmanager.amazonaws.com"},
		{"not-an-arn", "", "not-an-arn", "not-an-arn"},
	}
	for _, tt := range tests {
		p := parsePrincipal(tt.arn)
		if got := p.short(home, tt.username); got != tt.wantShort {
			t.Errorf("short(%q) = %q, want %q", tt.arn, got, tt.wantShort)
		}
		if got := p.reader(home, tt.username); got != tt.wantReader {
			t.Errorf("reader(%q) = %q, want %q", tt.arn, got, tt.wantReader)
		}
	}
}

func TestForeignAccountIsShownOnlyWhenTheHomeIsKnown(t *testing.T) {
	p := parsePrincipal("arn:aws:sts::210987654321:assumed-role/x/y")
	if got := p.short("", ""); got != "x/y" {
		t.Errorf("unknown home: %q", got)
	}
	if got := p.short("210987654321", ""); got != "x/y" {
		t.Errorf("same account: %q", got)
	}
}

func TestShortUserAgent(t *testing.T) {
	tests := map[string]string{
		"aws-cli/2.15.30 md/awscrt#0.19.19 ua/2.0 os/linux#6.5.0 md/arch#x86_64 lang/python#3.11.8":                   "aws-cli/2.15",
		"aws-sdk-go-v2/1.30.3 ua/2.1 os/linux lang/go#1.22.5 md/GOOS#linux md/GOARCH#amd64 api/secretsmanager#1.32.4": "aws-sdk-go-v2/1.30",
		"Boto3/1.34.145 md/Botocore#1.34.145 lang/python#3.12.7 exec-env/AWS_Lambda_python3.12":                       "Boto3/1.34",
		"console.amazonaws.com": "console",
		"signin.amazonaws.com":  "console",
		"APN/1.0 HashiCorp/1.0 Terraform/1.10.3 terraform-provider-aws/5.82.2 aws-sdk-go-v2/1.32.7 os/linux lang/go#1.23.4": "Terraform/1.10",
		"rds.amazonaws.com": "rds.amazonaws.com",
		"AWS Internal":      "AWS Internal",
		"curl/8":            "curl/8",
		"":                  "",
	}
	for ua, want := range tests {
		if got := shortUserAgent(ua); got != want {
			t.Errorf("shortUserAgent(%q) = %q, want %q", ua, got, want)
		}
	}
}

func TestTrailEventNamesItsSecretAndHome(t *testing.T) {
	e := NewTrailEvent(AuditEvent{
		Name:         "GetSecretValue",
		PrincipalARN: "arn:aws:sts::210987654321:assumed-role/finance/nightly",
		Resources:    []string{"arn:aws:secretsmanager:us-east-1:123456789012:secret:prod/db-AbCdEf"},
		Raw:          `{"eventName":"GetSecretValue","recipientAccountId":"123456789012"}`,
	})
	if e.Secret != "prod/db" {
		t.Errorf("Secret = %q", e.Secret)
	}
	if e.Principal != "210987654321:finance/nightly" || e.Reader != "210987654321:finance" {
		t.Errorf("Principal = %q, Reader = %q", e.Principal, e.Reader)
	}
	if got := NewTrailEvent(AuditEvent{SecretID: "legacy-token"}).Secret; got != "legacy-token" {
		t.Errorf("secret by name = %q", got)
	}
	if got := NewTrailEvent(AuditEvent{Raw: "{not json"}).Principal; got != "" {
		t.Errorf("broken record = %q", got)
	}
}

func TestAboutSecretKeepsOwnAndUnresolvedEvents(t *testing.T) {
	const arn = "arn:aws:secretsmanager:us-east-1:123456789012:secret:prod/db-AbCdEf"
	if !AboutSecret(AuditEvent{Resources: []string{arn}}, arn) {
		t.Error("own event dropped")
	}
	if !AboutSecret(AuditEvent{SecretID: "prod/db"}, arn) {
		t.Error("event without resources dropped")
	}
	if AboutSecret(AuditEvent{Resources: []string{"arn:aws:secretsmanager:us-east-1:123456789012:secret:prod/db-OldOne"}}, arn) {
		t.Error("event about an earlier secret of the same name kept")
	}
}
