package emulator_test

import (
	"strings"
	"testing"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/cloudtrail"
	"github.com/aws/aws-sdk-go-v2/service/organizations"
	"github.com/aws/aws-sdk-go-v2/service/secretsmanager"

	"github.com/keyhole-tui/keyhole/awsx/emulator"
)

func TestLoadRejectsBadOrganizations(t *testing.T) {
	for name, org := range map[string]string{
		"short organisation id":    `{"id": "o-abc", "accounts": []}`,
		"upper-case id":            `{"id": "o-EXAMPLEORG1", "accounts": []}`,
		"account id of 11 digits":  `{"accounts": [{"id": "22222222222", "name": "dev"}]}`,
		"account id with a letter": `{"accounts": [{"id": "22222222222x", "name": "dev"}]}`,
		"member listed twice":      `{"accounts": [{"id": "222222222222", "name": "a"}, {"id": "222222222222", "name": "b"}]}`,
		"management as a member":   `{"accounts": [{"id": "111111111111", "name": "again"}]}`,
		"closed status":            `{"accounts": [{"id": "222222222222", "name": "dev", "status": "CLOSED"}]}`,
		"lower-case status":        `{"accounts": [{"id": "222222222222", "name": "dev", "status": "active"}]}`,
	} {
		t.Run(name, func(t *testing.T) {
			e := newEnv(t, emulator.Options{})
			doc := `{"accountId": "111111111111", "organization": ` + org + `, "secrets": [{"name": "kept-out", "versions": []}]}`
			if err := e.srv.LoadJSON(strings.NewReader(doc)); err == nil {
				t.Fatal("seed accepted")
			}
			_, err := e.orgClient(testAccessKey).ListAccounts(t.Context(), &organizations.ListAccountsInput{})
			wantAPIError(t, err, "AWSOrganizationsNotInUseException", "")
			out, err := e.sm.ListSecrets(t.Context(), &secretsmanager.ListSecretsInput{})
			if err != nil || len(out.SecretList) != 0 {
				t.Fatalf("a rejected seed left secrets behind: %v %d", err, len(out.SecretList))
			}
		})
	}
}

const placedSeed = `{
  "accountId": "111111111111",
  "region": "us-east-1",
  "identities": {"AKIAMEMBERDEV000001": "arn:aws:iam::222222222222:user/dev"},
  "secrets": [
    {"name": "shared/name", "versions": [{"string": "home"}]},
    {"name": "shared/name", "region": "us-west-2", "versions": [{"string": "west"}]},
    {"name": "shared/name", "account": "222222222222", "versions": [{"string": "dev"}]}
  ],
  "events": [
    {"time": "-2h", "eventName": "GetSecretValue", "principalArn": "arn:aws:iam::111111111111:user/a", "secretId": "shared/name"},
    {"time": "-1h", "eventName": "PutSecretValue", "region": "us-west-2", "principalArn": "arn:aws:iam::111111111111:user/b", "secretId": "shared/name"},
    {"time": "-3h", "eventName": "DescribeSecret", "account": "222222222222", "principalArn": "arn:aws:iam::222222222222:user/dev", "secretId": "shared/name"}
  ]
}`

func TestLoadPlacesSecretsAndEventsInTheirAccountAndRegion(t *testing.T) {
	e := newEnv(t, emulator.Options{})
	if err := e.srv.LoadJSON(strings.NewReader(placedSeed)); err != nil {
		t.Fatal(err)
	}
	clients := map[string]struct {
		key, region, value, arnPrefix, event string
	}{
		"home":            {testAccessKey, "us-east-1", "home", "arn:aws:secretsmanager:us-east-1:111111111111:", "GetSecretValue"},
		"another region":  {testAccessKey, "us-west-2", "west", "arn:aws:secretsmanager:us-west-2:111111111111:", "PutSecretValue"},
		"another account": {"AKIAMEMBERDEV000001", "us-east-1", "dev", "arn:aws:secretsmanager:us-east-1:222222222222:", "DescribeSecret"},
	}
	for name, tc := range clients {
		t.Run(name, func(t *testing.T) {
			sm := secretsmanager.NewFromConfig(awsConfig(tc.key), func(o *secretsmanager.Options) {
				o.BaseEndpoint, o.Region = aws.String(e.url), tc.region
			})
			v, err := sm.GetSecretValue(t.Context(), &secretsmanager.GetSecretValueInput{SecretId: aws.String("shared/name")})
			if err != nil {
				t.Fatalf("get value: %v", err)
			}
			if aws.ToString(v.SecretString) != tc.value || !strings.HasPrefix(aws.ToString(v.ARN), tc.arnPrefix) {
				t.Errorf("value %q of %s, want %q under %s", aws.ToString(v.SecretString), aws.ToString(v.ARN), tc.value, tc.arnPrefix)
			}
			ct := cloudtrail.NewFromConfig(awsConfig(tc.key), func(o *cloudtrail.Options) {
				o.BaseEndpoint, o.Region = aws.String(e.url), tc.region
			})
			out, err := ct.LookupEvents(t.Context(), &cloudtrail.LookupEventsInput{})
			if err != nil {
				t.Fatalf("lookup events: %v", err)
			}
			var names []string
			for _, ev := range out.Events {
				names = append(names, aws.ToString(ev.EventName))
			}
			// The newest event is the read just made; the seeded one of
			// this place is the only other.
			if len(names) != 2 || names[0] != "GetSecretValue" || names[1] != tc.event {
				t.Errorf("history %v, want this read and the seeded %s alone", names, tc.event)
			}
		})
	}
}
