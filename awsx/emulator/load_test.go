package emulator_test

import (
	"strings"
	"testing"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/secretsmanager"

	"github.com/keyhole-tui/keyhole/awsx/emulator"
)

const seedJSON = `{
  "accountId": "111122223333",
  "region": "eu-west-1",
  "identities": {"AKIASEEDALICE": "arn:aws:iam::111122223333:user/alice"},
  "secrets": [
    {
      "name": "prod/db",
      "description": "Primary database",
      "kmsKeyId": "alias/prod",
      "tags": [{"Key": "env", "Value": "prod"}],
      "created": "-90d",
      "lastAccessed": "-1d3h",
      "versions": [
        {"id": "v-one-00000000000000000000000000001", "string": "{\"password\":\"one\"}", "created": "-90d"},
        {"id": "v-two-00000000000000000000000000002", "string": "{\"password\":\"two\"}", "stages": ["AWSPREVIOUS"], "created": "-30d"},
        {"id": "v-three-000000000000000000000000003", "string": "{\"password\":\"three\"}", "stages": ["AWSCURRENT", "BLUE"], "created": "-2d"}
      ],
      "rotation": {"enabled": true, "lambdaArn": "arn:aws:lambda:eu-west-1:111122223333:function:keyhole-rotate-password",
                   "automaticallyAfterDays": 30, "lastRotated": "-2d"},
      "policy": "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Deny\",\"Principal\":\"*\",\"Action\":\"secretsmanager:DeleteSecret\",\"Resource\":\"*\"}]}"
    },
    {"name": "certs/key", "versions": [{"binary": "AAEC"}]},
    {"name": "old/thing", "created": "-200d", "versions": [{"string": "x", "stages": ["AWSCURRENT"]}],
     "deleted": "-3d", "recoveryWindowDays": 7}
  ],
  "events": [
    {"time": "-1d3h", "eventName": "GetSecretValue", "principalArn": "arn:aws:iam::111122223333:user/alice", "accessKeyId": "AKIASEEDALICE", "secretId": "prod/db"}
  ]
}`

func TestLoadJSONSeed(t *testing.T) {
	e := newEnv(t, emulator.Options{Region: "eu-west-1"})
	if err := e.srv.LoadJSON(strings.NewReader(seedJSON)); err != nil {
		t.Fatal(err)
	}
	now := e.clock.Now()
	d, err := e.sm.DescribeSecret(t.Context(), &secretsmanager.DescribeSecretInput{SecretId: aws.String("prod/db")})
	if err != nil {
		t.Fatal(err)
	}
	if !strings.HasPrefix(aws.ToString(d.ARN), "arn:aws:secretsmanager:eu-west-1:111122223333:secret:prod/db-") {
		t.Fatalf("ARN %s", aws.ToString(d.ARN))
	}
	if !d.CreatedDate.Equal(now.Add(-90*24*time.Hour)) || !d.LastChangedDate.Equal(now.Add(-2*24*time.Hour)) {
		t.Fatalf("created %v changed %v", d.CreatedDate, d.LastChangedDate)
	}
	wantAccess := now.Add(-27 * time.Hour).Truncate(24 * time.Hour)
	if !d.LastAccessedDate.Equal(wantAccess) {
		t.Fatalf("last accessed %v, want %v", d.LastAccessedDate, wantAccess)
	}
	if !sameStages(d.VersionIdsToStages["v-three-000000000000000000000000003"], []string{"AWSCURRENT", "BLUE"}) ||
		!sameStages(d.VersionIdsToStages["v-two-00000000000000000000000000002"], []string{"AWSPREVIOUS"}) || len(d.VersionIdsToStages) != 2 {
		t.Fatalf("stages %v", d.VersionIdsToStages)
	}
	if !aws.ToBool(d.RotationEnabled) || !d.LastRotatedDate.Equal(now.Add(-48*time.Hour)) || !d.NextRotationDate.Equal(now.Add(28*24*time.Hour)) {
		t.Fatalf("rotation %v last %v next %v", d.RotationEnabled, d.LastRotatedDate, d.NextRotationDate)
	}
	if aws.ToString(d.KmsKeyId) != "alias/prod" || len(d.Tags) != 1 {
		t.Fatalf("kms %s tags %v", aws.ToString(d.KmsKeyId), d.Tags)
	}
	pol, err := e.sm.GetResourcePolicy(t.Context(), &secretsmanager.GetResourcePolicyInput{SecretId: aws.String("prod/db")})
	if err != nil || !strings.Contains(aws.ToString(pol.ResourcePolicy), "DeleteSecret") {
		t.Fatalf("policy %v", err)
	}
	bin, err := e.sm.GetSecretValue(t.Context(), &secretsmanager.GetSecretValueInput{SecretId: aws.String("certs/key")})
	if err != nil || string(bin.SecretBinary) != "\x00\x01\x02" || !sameStages(bin.VersionStages, []string{"AWSCURRENT"}) {
		t.Fatalf("binary secret without stages becomes current: %v %+v", err, bin)
	}
	old, err := e.sm.DescribeSecret(t.Context(), &secretsmanager.DescribeSecretInput{SecretId: aws.String("old/thing")})
	if err != nil || !old.DeletedDate.Equal(now.Add(-72*time.Hour)) {
		t.Fatalf("pending deletion: %v %v", err, old.DeletedDate)
	}
	e.clock.Advance(4 * 24 * time.Hour)
	_, err = e.sm.DescribeSecret(t.Context(), &secretsmanager.DescribeSecretInput{SecretId: aws.String("old/thing")})
	wantAPIError(t, err, "ResourceNotFoundException", "")

	alice := e.secretsClient("AKIASEEDALICE")
	if _, err := alice.GetSecretValue(t.Context(), &secretsmanager.GetSecretValueInput{SecretId: aws.String("prod/db")}); err != nil {
		t.Fatal(err)
	}
	events := lookupAll(t, e, "Username", "alice")
	if len(events) != 2 {
		t.Fatalf("alice has %d events, want the seeded one and the new one", len(events))
	}
	if !events[1].EventTime.Equal(now.Add(-27 * time.Hour)) {
		t.Fatalf("seed event time %v", events[1].EventTime)
	}
}

func TestLoadRejectsBadSeeds(t *testing.T) {
	for name, doc := range map[string]string{
		"string and binary": `{"secrets":[{"name":"a","versions":[{"string":"x","binary":"AA=="}]}]}`,
		"duplicate name":    `{"secrets":[{"name":"a","versions":[]},{"name":"a","versions":[]}]}`,
		"bad window":        `{"secrets":[{"name":"a","versions":[],"deleted":"-1d","recoveryWindowDays":3}]}`,
		"bad name":          `{"secrets":[{"name":"a b","versions":[]}]}`,
		"unknown field":     `{"secrets":[{"name":"a","versions":[],"colour":"red"}]}`,
		"bad time":          `{"secrets":[{"name":"a","versions":[],"created":"yesterday"}]}`,
	} {
		t.Run(name, func(t *testing.T) {
			e := newEnv(t, emulator.Options{})
			if err := e.srv.LoadJSON(strings.NewReader(doc)); err == nil {
				t.Fatal("seed accepted")
			}
			out, err := e.sm.ListSecrets(t.Context(), &secretsmanager.ListSecretsInput{})
			if err != nil || len(out.SecretList) != 0 {
				t.Fatalf("a rejected seed left secrets behind: %v %d", err, len(out.SecretList))
			}
		})
	}
}
