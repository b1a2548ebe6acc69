package emulator_test

import (
	"errors"
	"net/http"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/secretsmanager"
	"github.com/aws/aws-sdk-go-v2/service/sts"
	smithyhttp "github.com/aws/smithy-go/transport/http"

	"github.com/keyhole-tui/keyhole/awsx/emulator"
)

// sessionKey is the shape of an access key id of session credentials.
var sessionKey = regexp.MustCompile(`^ASIA[A-Z0-9]{16}$`)

func TestAssumeRoleActsAsTheRoleInItsAccount(t *testing.T) {
	e := newEnv(t, emulator.Options{})
	const roleARN = "arn:aws:iam::210987654321:role/ops/Deployer"
	out, err := e.stsClient(testAccessKey).AssumeRole(t.Context(), &sts.AssumeRoleInput{
		RoleArn: aws.String(roleARN), RoleSessionName: aws.String("ci-run-42"),
	})
	if err != nil {
		t.Fatalf("assume role: %v", err)
	}
	creds, user := out.Credentials, out.AssumedRoleUser
	if !sessionKey.MatchString(aws.ToString(creds.AccessKeyId)) || aws.ToString(creds.SecretAccessKey) == "" || aws.ToString(creds.SessionToken) == "" {
		t.Errorf("credentials %s / %q / %q, want ASIA and 16 upper-case letters or digits, a secret and a token",
			aws.ToString(creds.AccessKeyId), aws.ToString(creds.SecretAccessKey), aws.ToString(creds.SessionToken))
	}
	if want := e.clock.Now().Add(time.Hour); !creds.Expiration.Equal(want) {
		t.Errorf("expiration %v, want an hour on, %v", creds.Expiration, want)
	}
	const assumed = "arn:aws:sts::210987654321:assumed-role/Deployer/ci-run-42"
	if aws.ToString(user.Arn) != assumed || !strings.HasPrefix(aws.ToString(user.AssumedRoleId), "AROA") ||
		!strings.HasSuffix(aws.ToString(user.AssumedRoleId), ":ci-run-42") {
		t.Errorf("assumed role user %s (%s), want %s with an AROA…:ci-run-42 id", aws.ToString(user.Arn), aws.ToString(user.AssumedRoleId), assumed)
	}

	key := aws.ToString(creds.AccessKeyId)
	id, err := e.stsClient(key).GetCallerIdentity(t.Context(), &sts.GetCallerIdentityInput{})
	if err != nil {
		t.Fatalf("caller identity of the session: %v", err)
	}
	if aws.ToString(id.Arn) != assumed || aws.ToString(id.Account) != "210987654321" || aws.ToString(id.UserId) != aws.ToString(user.AssumedRoleId) {
		t.Errorf("session is %s in %s (%s), want %s in 210987654321 (%s)",
			aws.ToString(id.Arn), aws.ToString(id.Account), aws.ToString(id.UserId), assumed, aws.ToString(user.AssumedRoleId))
	}

	made, err := e.secretsClient(key).CreateSecret(t.Context(), &secretsmanager.CreateSecretInput{
		Name: aws.String("role/secret"), SecretString: aws.String("v"),
	})
	if err != nil {
		t.Fatalf("create as the role: %v", err)
	}
	if !strings.HasPrefix(aws.ToString(made.ARN), "arn:aws:secretsmanager:us-east-1:210987654321:secret:role/secret-") {
		t.Errorf("secret made as the role is %s, want it in 210987654321", aws.ToString(made.ARN))
	}
	_, err = e.sm.DescribeSecret(t.Context(), &secretsmanager.DescribeSecretInput{SecretId: aws.String("role/secret")})
	wantAPIError(t, err, "ResourceNotFoundException", "")
}

func TestAssumeRoleChecksItsParametersAsSTS(t *testing.T) {
	e := newEnv(t, emulator.Options{})
	const role = "arn:aws:iam::123456789012:role/Reader"
	for _, tc := range []struct {
		name    string
		in      sts.AssumeRoleInput
		message string
	}{
		{"session name with a slash", sts.AssumeRoleInput{RoleArn: aws.String(role), RoleSessionName: aws.String("ops/alice")},
			`1 validation error detected: Value 'ops/alice' at 'roleSessionName' failed to satisfy constraint: Member must satisfy regular expression pattern: [\w+=,.@-]*`},
		{"session name too short", sts.AssumeRoleInput{RoleArn: aws.String(role), RoleSessionName: aws.String("a")},
			"1 validation error detected: Value 'a' at 'roleSessionName' failed to satisfy constraint: Member must have length greater than or equal to 2"},
		{"session name too long", sts.AssumeRoleInput{RoleArn: aws.String(role), RoleSessionName: aws.String(strings.Repeat("s", 65))},
			"1 validation error detected: Value '" + strings.Repeat("s", 65) + "' at 'roleSessionName' failed to satisfy constraint: Member must have length less than or equal to 64"},
		{"session too short", sts.AssumeRoleInput{RoleArn: aws.String(role), RoleSessionName: aws.String("ok"), DurationSeconds: aws.Int32(899)},
			"1 validation error detected: Value '899' at 'durationSeconds' failed to satisfy constraint: Member must have value greater than or equal to 900"},
		{"session too long", sts.AssumeRoleInput{RoleArn: aws.String(role), RoleSessionName: aws.String("ok"), DurationSeconds: aws.Int32(43201)},
			"1 validation error detected: Value '43201' at 'durationSeconds' failed to satisfy constraint: Member must have value less than or equal to 43200"},
		{"short ARN and bad name", sts.AssumeRoleInput{RoleArn: aws.String("bogus"), RoleSessionName: aws.String("a b")},
			"2 validation errors detected: Value 'bogus' at 'roleArn' failed to satisfy constraint: Member must have length greater than or equal to 20; " +
				`Value 'a b' at 'roleSessionName' failed to satisfy constraint: Member must satisfy regular expression pattern: [\w+=,.@-]*`},
		{"not a role ARN", sts.AssumeRoleInput{RoleArn: aws.String("arn:aws:iam::123456789012:user/alice"), RoleSessionName: aws.String("ok")},
			"arn:aws:iam::123456789012:user/alice is invalid"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			_, err := e.stsClient(testAccessKey).AssumeRole(t.Context(), &tc.in)
			wantAPIError(t, err, "ValidationError", tc.message)
		})
	}
}

const orgSeed = `{
  "accountId": "111111111111",
  "organization": {
    "id": "o-exampleorg1",
    "accounts": [
      {"id": "222222222222", "name": "dev"},
      {"id": "333333333333", "name": "old", "status": "SUSPENDED"},
      {"id": "444444444444", "name": "prod", "email": "prod@example.com", "regions": ["eu-south-1"]}
    ]
  },
  "roles": ["Admin"],
  "identities": {"AKIAMEMBERDEV000001": "arn:aws:iam::222222222222:user/dev"}
}`

func TestAssumeRoleStaysInsideTheOrganizationAndItsRoles(t *testing.T) {
	e := newEnv(t, emulator.Options{})
	if err := e.srv.LoadJSON(strings.NewReader(orgSeed)); err != nil {
		t.Fatal(err)
	}
	client := e.stsClient(testAccessKey)
	assume := func(arn string) error {
		_, err := client.AssumeRole(t.Context(), &sts.AssumeRoleInput{RoleArn: aws.String(arn), RoleSessionName: aws.String("keyhole")})
		return err
	}
	for _, arn := range []string{
		"arn:aws:iam::999999999999:role/Admin",  // outside the organisation
		"arn:aws:iam::333333333333:role/Admin",  // suspended
		"arn:aws:iam::222222222222:role/Reader", // not a seeded role
	} {
		err := assume(arn)
		wantAPIError(t, err, "AccessDenied",
			"User: arn:aws:iam::111111111111:user/keyhole is not authorized to perform: sts:AssumeRole on resource: "+arn)
		var resp *smithyhttp.ResponseError
		if !errors.As(err, &resp) || resp.HTTPStatusCode() != http.StatusForbidden {
			t.Errorf("refusal of %s answered %v, want HTTP 403", arn, err)
		}
	}
	for _, arn := range []string{"arn:aws:iam::222222222222:role/Admin", "arn:aws:iam::111111111111:role/Admin"} {
		if err := assume(arn); err != nil {
			t.Errorf("assume %s: %v", arn, err)
		}
	}
}

func TestAssumeRoleFaultsAnswerAsSTS(t *testing.T) {
	e := newEnv(t, emulator.Options{})
	e.srv.AddFault(emulator.Fault{Kind: emulator.FaultError, Operation: "AssumeRole", ErrorCode: "AccessDeniedException", Count: 1})
	in := &sts.AssumeRoleInput{RoleArn: aws.String("arn:aws:iam::123456789012:role/Reader"), RoleSessionName: aws.String("keyhole")}
	_, err := e.stsClient(testAccessKey).AssumeRole(t.Context(), in)
	wantAPIError(t, err, "AccessDenied", "")
	if _, err := e.stsClient(testAccessKey).AssumeRole(t.Context(), in); err != nil {
		t.Errorf("once the fault is used up: %v", err)
	}
}
