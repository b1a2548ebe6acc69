package awsx_test

import (
	"context"
	"crypto/rand"
	"encoding/hex"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/aws/aws-sdk-go-v2/credentials"

	"github.com/keyhole-tui/keyhole/awsx"
	"github.com/keyhole-tui/keyhole/model"
)

// testRegion is the region every contract client talks to.
const testRegion = "us-east-1"

// backend is one implementation of the Secrets Manager, CloudTrail and STS
// APIs that the contract suite runs against through the real SDK.
type backend struct {
	name string
	// start brings the backend up for the rest of the test (or skips the
	// test) and returns its endpoint URL.
	start func(t *testing.T) string
	// quirks are the backend's known differences from AWS's documented
	// behaviour; a scenario that meets one expects the backend's behaviour
	// and says why.
	quirks quirks
	// endpoint is the URL start returned, set once the backend runs.
	endpoint string
	// rotationLambdaARN names a rotation function the backend can run, or
	// is empty when it runs none.
	rotationLambdaARN string
}

// quirks lists known differences from AWS's documented behaviour.
type quirks struct {
	// ignoresSort: ListSecrets ignores SortBy and SortOrder and lists in
	// creation order.
	ignoresSort bool
	// listsDeprecatedVersions: ListSecretVersionIds lists versions without
	// stage labels even when IncludeDeprecated is false.
	listsDeprecatedVersions bool
	// rotatesWithoutLambda: RotateSecret with no rotation function moves
	// AWSCURRENT to a new version, where AWS refuses the call.
	rotatesWithoutLambda bool
	// noValidateResourcePolicy: ValidateResourcePolicy is not implemented.
	noValidateResourcePolicy bool
	// putsWhilePendingDeletion: PutSecretValue stores a version on a secret
	// scheduled for deletion, where AWS answers InvalidRequestException.
	putsWhilePendingDeletion bool
	// versionsOfMissingFail500: ListSecretVersionIds of a missing secret
	// fails with HTTP 500, where AWS answers ResourceNotFoundException.
	versionsOfMissingFail500 bool
	// acceptsInvalidNames: CreateSecret accepts names with characters
	// outside letters, digits and /_+=.@-, which AWS rejects.
	acceptsInvalidNames bool
	// omitsPrimaryRegion: DescribeSecret and ListSecrets leave PrimaryRegion
	// out for a replicated secret's primary, where AWS names its region.
	omitsPrimaryRegion bool
	// pendingNameReuseConflicts: CreateSecret with the name of a
	// secret scheduled for deletion answers ResourceExistsException, where
	// AWS answers InvalidRequestException (the secret is scheduled for
	// deletion).
	pendingNameReuseConflicts bool
	// invertsUnfinishedRotationCheck: RotateSecret refuses, with "Previous
	// rotation request is still in progress.", when AWSPENDING is on the
	// AWSCURRENT version (a finished rotation), and rotates when AWSPENDING
	// is on another version, where AWS refuses with "A previous rotation
	// isn't complete. That rotation will be reattempted."
	invertsUnfinishedRotationCheck bool
	// secretIDNotValidated: an invalid SecretId is looked up like any
	// other and answers ResourceNotFoundException, where AWS answers
	// ValidationException.
	secretIDNotValidated bool
	// checksInputAfterExistence: a malformed ClientRequestToken,
	// RotationLambdaARN or AutomaticallyAfterDays is reported only once
	// the secret is found (a missing one answers ResourceNotFoundException),
	// as InvalidParameterException, where AWS answers ValidationException
	// before looking the secret up.
	checksInputAfterExistence bool
	// lowercaseErrorMessage: error bodies carry the text under message,
	// where Secrets Manager spells it Message.
	lowercaseErrorMessage bool
	// namePrefixOnly: a name filter matches the start of the whole name
	// only, where AWS matches the start of any word of it.
	namePrefixOnly bool
	// keepsCurrentWithPending: PutSecretValue without VersionStages leaves
	// AWSCURRENT (and AWSPREVIOUS) where they are when the AWSCURRENT
	// version also holds AWSPENDING, so two versions are AWSCURRENT, where
	// AWS moves AWSCURRENT to the new version and leaves the old one
	// AWSPREVIOUS only.
	keepsCurrentWithPending bool
	// missingFunctionNotFound: RotateSecret naming a Lambda function that
	// does not exist answers ResourceNotFoundException (moto looks it up in
	// its own Lambda) and keeps the AWSPENDING version it made, where AWS
	// answers AccessDeniedException, as it cannot invoke the function, and
	// stores nothing.
	missingFunctionNotFound bool
	// membersListAccounts: Organizations ListAccounts answers a member
	// account too, where AWS answers AccessDeniedException: only the
	// management account (or a delegated administrator) may list.
	membersListAccounts bool
	// replicaShowsReplicationStatus: DescribeSecret of a replica lists the
	// primary's ReplicationStatus, where AWS shows it on the primary only
	// (moto serves the replica from the primary's own object).
	replicaShowsReplicationStatus bool
	// clashMessageNamesSimple: a replica failed by a name clash reports
	// "Secret name simple already exists", whatever the name.
	clashMessageNamesSimple bool
	// terseDeleteRefusal: DeleteSecret of a primary with replicas lists the
	// regions joined by "," with no closing period, where AWS writes
	// "[r1, r2]." in sorted order.
	terseDeleteRefusal bool
	// noStopReplication: StopReplicationToReplica is not implemented.
	noStopReplication bool
	// generatesMissingToken: a call that makes a version without a
	// ClientRequestToken gets one made up, where AWS refuses it (only the
	// SDKs and the CLI make one up, on the client).
	generatesMissingToken bool
}

// backends lists every backend the contract suite runs against. Add a new
// implementation here and every scenario runs against it too; an in-process
// one can serve its http.Handler with httptest.NewServer in start.
func backends(t *testing.T) []backend {
	t.Helper()
	return []backend{
		{
			// The emulator follows AWS: it has no quirks to excuse.
			name:              "emulator",
			start:             startEmulator,
			rotationLambdaARN: emulatorRotationLambdaARN,
		},
		{
			name:  "moto",
			start: startMoto,
			quirks: quirks{
				ignoresSort:                    true,
				listsDeprecatedVersions:        true,
				rotatesWithoutLambda:           true,
				noValidateResourcePolicy:       true,
				putsWhilePendingDeletion:       true,
				versionsOfMissingFail500:       true,
				acceptsInvalidNames:            true,
				omitsPrimaryRegion:             true,
				pendingNameReuseConflicts:      true,
				invertsUnfinishedRotationCheck: true,
				secretIDNotValidated:           true,
				checksInputAfterExistence:      true,
				lowercaseErrorMessage:          true,
				namePrefixOnly:                 true,
				keepsCurrentWithPending:        true,
				missingFunctionNotFound:        true,
				membersListAccounts:            true,
				replicaShowsReplicationStatus:  true,
				clashMessageNamesSimple:        true,
				terseDeleteRefusal:             true,
				noStopReplication:              true,
				generatesMissingToken:          true,
			},
		},
	}
}

// scenario is one behaviour the suite checks on every backend.
type scenario struct {
	name string
	run  func(t *testing.T, c *awsx.Client, b backend)
}

// scenarios lists the contract, in the order it runs.
func scenarios() []scenario {
	return []scenario{
		{"CreateDescribeGet", testCreateDescribeGet},
		{"DescribeReplicas", testDescribeReplicas},
		{"BinaryValue", testBinaryValue},
		{"PutMovesCurrentAndPrevious", testPutMovesCurrentAndPrevious},
		{"PutWithCustomStageLeavesCurrent", testPutWithCustomStageLeavesCurrent},
		{"PutAfterRotationMove", testPutAfterRotationMove},
		{"RequestTokenIdempotency", testRequestTokenIdempotency},
		{"ReusedTokenWithOtherValue", testReusedTokenWithOtherValue},
		{"ListFilters", testListFilters},
		{"ListFiltersMatchWords", testListFiltersMatchWords},
		{"ListPlannedDeletion", testListPlannedDeletion},
		{"ListPaging", testListPaging},
		{"ListSort", testListSort},
		{"UpdateAndTags", testUpdateAndTags},
		{"DeleteWithRecoveryAndRestore", testDeleteWithRecoveryAndRestore},
		{"ForceDelete", testForceDelete},
		{"UpdateVersionStage", testUpdateVersionStage},
		{"Rotate", testRotate},
		{"RotateWhileRotationPending", testRotateWhileRotationPending},
		{"RotateWithMissingFunction", testRotateWithMissingFunction},
		{"RandomPassword", testRandomPassword},
		{"ResourcePolicy", testResourcePolicy},
		{"BatchGet", testBatchGet},
		{"ErrorClassification", testErrorClassification},
		{"ErrorsNeverQuoteValues", testErrorsNeverQuoteValues},
		{"TagsKeyAfterLastTagRemoved", testTagsKeyAfterLastTagRemoved},
		{"ErrorBodySaysMessage", testErrorBodySaysMessage},
		{"InvalidSecretIDIsValidation", testInvalidSecretIDIsValidation},
		{"InputCheckedBeforeExistence", testInputCheckedBeforeExistence},
		{"CallerIdentity", testCallerIdentity},
		{"RegionsAreSeparate", testRegionsAreSeparate},
		{"SplitListingMatchesPaginator", testSplitListingMatchesPaginator},
		{"MissingTokenRefused", testMissingTokenRefused},
		{"AssumeRoleActsInRoleAccount", testAssumeRoleActsInRoleAccount},
		{"OrganizationAccountsPaginated", testOrganizationAccountsPaginated},
		{"OrganizationAccountsRefusedToMembers", testOrganizationAccountsRefusedToMembers},
		{"EnabledRegions", testEnabledRegions},
		{"ReplicaIsReadOnly", testReplicaIsReadOnly},
		{"ReplicaInOwnRegionRefused", testReplicaInOwnRegionRefused},
		{"ReplicaNameClash", testReplicaNameClash},
		{"DeletePrimaryWithReplicasRefused", testDeletePrimaryWithReplicasRefused},
		{"RemoveRegions", testRemoveRegions},
		{"StopReplicationPromotes", testStopReplicationPromotes},
	}
}

// TestContract runs every scenario against every backend.
func TestContract(t *testing.T) {
	for _, b := range backends(t) {
		t.Run(b.name, func(t *testing.T) {
			b.endpoint = b.start(t)
			isolateAWSEnv(t) // after start: a backend may need the real HOME to launch
			c := newTestClient(t, b.endpoint)
			for _, sc := range scenarios() {
				t.Run(sc.name, func(t *testing.T) { sc.run(t, c, b) })
			}
		})
	}
}

// isolateAWSEnv keeps the developer's own AWS settings out of a test.
func isolateAWSEnv(t *testing.T) {
	t.Helper()
	dir := t.TempDir()
	t.Setenv("HOME", dir)
	t.Setenv("AWS_CONFIG_FILE", filepath.Join(dir, "config"))
	t.Setenv("AWS_SHARED_CREDENTIALS_FILE", filepath.Join(dir, "credentials"))
	t.Setenv("AWS_EC2_METADATA_DISABLED", "true")
	for _, name := range []string{
		"AWS_PROFILE", "AWS_DEFAULT_PROFILE", "AWS_REGION", "AWS_DEFAULT_REGION",
		"AWS_ACCESS_KEY_ID", "AWS_SECRET_ACCESS_KEY", "AWS_SESSION_TOKEN",
		"AWS_ENDPOINT_URL", "AWS_ENDPOINT_URL_SECRETS_MANAGER", "AWS_ENDPOINT_URL_CLOUDTRAIL",
		"AWS_ENDPOINT_URL_STS", "AWS_IGNORE_CONFIGURED_ENDPOINT_URLS",
		"AWS_WEB_IDENTITY_TOKEN_FILE", "AWS_ROLE_ARN", "AWS_CONTAINER_CREDENTIALS_FULL_URI",
		"AWS_CONTAINER_CREDENTIALS_RELATIVE_URI",
	} {
		t.Setenv(name, "")
	}
}

// newTestClient builds a client for a test endpoint with static test credentials.
func newTestClient(t *testing.T, endpoint string) *awsx.Client {
	t.Helper()
	c, err := awsx.New(context.Background(), awsx.Options{
		Region:      testRegion,
		EndpointURL: endpoint,
		Credentials: credentials.NewStaticCredentialsProvider("AKIAKEYHOLETEST", "test-secret-key", ""),
	})
	if err != nil {
		t.Fatalf("build client for %s: %v", endpoint, err)
	}
	return c
}

// testContext bounds one scenario's calls.
func testContext(t *testing.T) context.Context {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
	t.Cleanup(cancel)
	return ctx
}

// uniqueName is a secret name (or prefix) no other test uses.
func uniqueName(t *testing.T, label string) string {
	t.Helper()
	return "kh-" + label + "-" + randomHex(t, 4)
}

// fakeValue is a recognisable made-up secret value.
func fakeValue(t *testing.T) string {
	t.Helper()
	return "not-a-real-secret-" + randomHex(t, 8)
}

// randomHex is n random bytes in hex.
func randomHex(t *testing.T, n int) string {
	t.Helper()
	b := make([]byte, n)
	if _, err := rand.Read(b); err != nil {
		t.Fatalf("random bytes: %v", err)
	}
	return hex.EncodeToString(b)
}

// mustCreate creates a string secret and returns its ARN and first version id.
func mustCreate(t *testing.T, c *awsx.Client, in model.CreateInput) (arn, versionID string) {
	t.Helper()
	arn, versionID, err := c.CreateSecret(testContext(t), in)
	if err != nil {
		t.Fatalf("create %s: %v", in.Name, err)
	}
	return arn, versionID
}

// mustPut stores a new string value and returns the version id.
func mustPut(t *testing.T, c *awsx.Client, secretID, value string) string {
	t.Helper()
	id, err := c.PutSecretValue(testContext(t), model.PutValueInput{SecretID: secretID, Value: model.StringValue(value)})
	if err != nil {
		t.Fatalf("put value of %s: %v", secretID, err)
	}
	return id
}

// mustDescribe describes a secret.
func mustDescribe(t *testing.T, c *awsx.Client, secretID string) model.SecretDetail {
	t.Helper()
	d, err := c.DescribeSecret(testContext(t), secretID)
	if err != nil {
		t.Fatalf("describe %s: %v", secretID, err)
	}
	return d
}

// mustGet reads one version of a secret.
func mustGet(t *testing.T, c *awsx.Client, ref model.ValueRef) model.SecretVersion {
	t.Helper()
	v, err := c.GetSecretValue(testContext(t), ref)
	if err != nil {
		t.Fatalf("get value %+v: %v", ref, err)
	}
	return v
}

// wantKind fails unless err is a *model.Error of the given kind.
func wantKind(t *testing.T, err error, kind model.ErrorKind) *model.Error {
	t.Helper()
	if err == nil {
		t.Fatalf("got no error, want a %q error", kind)
	}
	e, ok := err.(*model.Error)
	if !ok {
		t.Fatalf("got %T (%v), want *model.Error", err, err)
	}
	if e.Kind != kind {
		t.Fatalf("got kind %q (code %q, message %q), want %q", e.Kind, e.Code, e.Message, kind)
	}
	return e
}

// names returns the names of secrets, in order.
func names(secrets []model.Secret) []string {
	out := make([]string, len(secrets))
	for i, s := range secrets {
		out[i] = s.Name
	}
	return out
}

// listAll collects every secret a query lists, failing the test on error.
func listAll(t *testing.T, c *awsx.Client, q model.ListQuery) []model.Secret {
	t.Helper()
	var all []model.Secret
	for page, err := range c.ListAllSecrets(testContext(t), q) {
		if err != nil {
			t.Fatalf("list %+v: %v", q, err)
		}
		all = append(all, page.Secrets...)
	}
	return all
}

// byNamePrefix is a query for the secrets whose names start with prefix.
func byNamePrefix(prefix string, more ...model.ListFilter) model.ListQuery {
	return model.ListQuery{Filters: append([]model.ListFilter{{Key: model.FilterName, Values: []string{prefix}}}, more...)}
}

// sameSet reports whether two name lists hold the same names, in any order.
func sameSet(got, want []string) bool {
	if len(got) != len(want) {
		return false
	}
	seen := make(map[string]int, len(want))
	for _, w := range want {
		seen[w]++
	}
	for _, g := range got {
		seen[g]--
		if seen[g] < 0 {
			return false
		}
	}
	return true
}

// containsText reports whether err's text holds s anywhere, wrapped errors included.
func containsText(err error, s string) bool {
	for e := err; e != nil; {
		if strings.Contains(e.Error(), s) {
			return true
		}
		u, ok := e.(interface{ Unwrap() error })
		if !ok {
			return false
		}
		e = u.Unwrap()
	}
	return false
}
