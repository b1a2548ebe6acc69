package emulator_test

import (
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/secretsmanager"
	"github.com/aws/aws-sdk-go-v2/service/secretsmanager/types"

	"github.com/keyhole-tui/keyhole/awsx/emulator"
)

func TestCreateSecretMakesARNWithRandomSuffix(t *testing.T) {
	e := newEnv(t, emulator.Options{})
	arn := e.create(t, "prod/db/password", `{"password":"x"}`)
	if !regexp.MustCompile(`^arn:aws:secretsmanager:us-east-1:123456789012:secret:prod/db/password-[A-Za-z0-9]{6}$`).MatchString(arn) {
		t.Fatalf("unexpected ARN %s", arn)
	}
}

func TestSecretIsFoundByNameARNAndPartialARN(t *testing.T) {
	e := newEnv(t, emulator.Options{})
	arn := e.create(t, "app/key", "v1")
	for _, id := range []string{"app/key", arn, strings.TrimSuffix(arn, arn[len(arn)-7:])} {
		out, err := e.sm.GetSecretValue(t.Context(), &secretsmanager.GetSecretValueInput{SecretId: aws.String(id)})
		if err != nil {
			t.Fatalf("get by %s: %v", id, err)
		}
		if aws.ToString(out.SecretString) != "v1" || aws.ToString(out.ARN) != arn {
			t.Fatalf("get by %s: got %v %v", id, aws.ToString(out.ARN), aws.ToString(out.Name))
		}
	}
	_, err := e.sm.DescribeSecret(t.Context(), &secretsmanager.DescribeSecretInput{SecretId: aws.String(arn[:len(arn)-1] + "Z")})
	wantAPIError(t, err, "ResourceNotFoundException", "Secrets Manager can't find the specified secret.")
}

func TestCreateSecretValidatesNameAndValue(t *testing.T) {
	e := newEnv(t, emulator.Options{})
	_, err := e.sm.CreateSecret(t.Context(), &secretsmanager.CreateSecretInput{Name: aws.String("bad name!")})
	wantAPIError(t, err, "InvalidParameterException", "")
	_, err = e.sm.CreateSecret(t.Context(), &secretsmanager.CreateSecretInput{
		Name: aws.String("both"), SecretString: aws.String("a"), SecretBinary: []byte("b"),
	})
	wantAPIError(t, err, "InvalidParameterException", "You can't specify both a binary secret value and a string secret value in the same secret.")
	_, err = e.sm.CreateSecret(t.Context(), &secretsmanager.CreateSecretInput{
		Name: aws.String("big"), SecretString: aws.String(strings.Repeat("x", 65537)),
	})
	wantAPIError(t, err, "ValidationException", "")
	if _, err := e.sm.CreateSecret(t.Context(), &secretsmanager.CreateSecretInput{
		Name: aws.String("max"), SecretString: aws.String(strings.Repeat("x", 65536)),
	}); err != nil {
		t.Fatalf("65,536 bytes must be accepted: %v", err)
	}
	e.create(t, "dup", "a")
	_, err = e.sm.CreateSecret(t.Context(), &secretsmanager.CreateSecretInput{Name: aws.String("dup"), SecretString: aws.String("b")})
	wantAPIError(t, err, "ResourceExistsException", "The operation failed because the secret dup already exists.")
}

func TestCreateSecretWithoutValueHasNoCurrentValue(t *testing.T) {
	e := newEnv(t, emulator.Options{})
	out, err := e.sm.CreateSecret(t.Context(), &secretsmanager.CreateSecretInput{Name: aws.String("empty")})
	if err != nil {
		t.Fatal(err)
	}
	if out.VersionId != nil {
		t.Fatalf("no version expected, got %s", *out.VersionId)
	}
	_, err = e.sm.GetSecretValue(t.Context(), &secretsmanager.GetSecretValueInput{SecretId: aws.String("empty")})
	wantAPIError(t, err, "ResourceNotFoundException", "Secrets Manager can't find the specified secret value for staging label: AWSCURRENT")
}

func TestCreateSecretWithReplicasNamesItsPrimaryRegion(t *testing.T) {
	e := newEnv(t, emulator.Options{Region: "eu-central-1"})
	_, err := e.sm.CreateSecret(t.Context(), &secretsmanager.CreateSecretInput{
		Name: aws.String("replicated"), SecretString: aws.String("v"),
		AddReplicaRegions: []types.ReplicaRegionType{{Region: aws.String("eu-west-1")}},
	})
	if err != nil {
		t.Fatalf("create with a replica: %v", err)
	}
	d, err := e.sm.DescribeSecret(t.Context(), &secretsmanager.DescribeSecretInput{SecretId: aws.String("replicated")})
	if err != nil {
		t.Fatalf("describe: %v", err)
	}
	if got := aws.ToString(d.PrimaryRegion); got != "eu-central-1" {
		t.Errorf("primary region of a replicated secret = %q, want eu-central-1", got)
	}
	if len(d.ReplicationStatus) != 1 || aws.ToString(d.ReplicationStatus[0].Region) != "eu-west-1" {
		t.Errorf("replication status %+v, want eu-west-1", d.ReplicationStatus)
	}
	list, err := e.sm.ListSecrets(t.Context(), &secretsmanager.ListSecretsInput{})
	if err != nil {
		t.Fatalf("list: %v", err)
	}
	if len(list.SecretList) != 1 || aws.ToString(list.SecretList[0].PrimaryRegion) != "eu-central-1" {
		t.Errorf("listed %+v, want the secret with primary region eu-central-1", list.SecretList)
	}
}

func TestBinarySecretRoundTrips(t *testing.T) {
	e := newEnv(t, emulator.Options{})
	blob := []byte{0, 1, 2, 250, 255}
	if _, err := e.sm.CreateSecret(t.Context(), &secretsmanager.CreateSecretInput{Name: aws.String("bin"), SecretBinary: blob}); err != nil {
		t.Fatal(err)
	}
	out, err := e.sm.GetSecretValue(t.Context(), &secretsmanager.GetSecretValueInput{SecretId: aws.String("bin")})
	if err != nil {
		t.Fatal(err)
	}
	if string(out.SecretBinary) != string(blob) || out.SecretString != nil {
		t.Fatalf("got binary %v string %v", out.SecretBinary, out.SecretString)
	}
}

func TestPutSecretValueMovesCurrentAndPrevious(t *testing.T) {
	e := newEnv(t, emulator.Options{})
	e.create(t, "s", "v1")
	first := currentVersion(t, e, "s")
	put := func(v string) string {
		out, err := e.sm.PutSecretValue(t.Context(), &secretsmanager.PutSecretValueInput{SecretId: aws.String("s"), SecretString: aws.String(v)})
		if err != nil {
			t.Fatal(err)
		}
		return aws.ToString(out.VersionId)
	}
	second := put("v2")
	third := put("v3")
	d, err := e.sm.DescribeSecret(t.Context(), &secretsmanager.DescribeSecretInput{SecretId: aws.String("s")})
	if err != nil {
		t.Fatal(err)
	}
	want := map[string][]string{third: {"AWSCURRENT"}, second: {"AWSPREVIOUS"}}
	if len(d.VersionIdsToStages) != 2 || !sameStages(d.VersionIdsToStages[third], want[third]) || !sameStages(d.VersionIdsToStages[second], want[second]) {
		t.Fatalf("stages %v, want %v", d.VersionIdsToStages, want)
	}
	// The first version lost all labels: deprecated, hidden by default.
	list, err := e.sm.ListSecretVersionIds(t.Context(), &secretsmanager.ListSecretVersionIdsInput{SecretId: aws.String("s")})
	if err != nil {
		t.Fatal(err)
	}
	if len(list.Versions) != 2 {
		t.Fatalf("want 2 listed versions, got %d", len(list.Versions))
	}
	all, err := e.sm.ListSecretVersionIds(t.Context(), &secretsmanager.ListSecretVersionIdsInput{SecretId: aws.String("s"), IncludeDeprecated: aws.Bool(true)})
	if err != nil {
		t.Fatal(err)
	}
	if len(all.Versions) != 3 {
		t.Fatalf("want 3 versions with deprecated, got %d", len(all.Versions))
	}
	got, err := e.sm.GetSecretValue(t.Context(), &secretsmanager.GetSecretValueInput{SecretId: aws.String("s"), VersionStage: aws.String("AWSPREVIOUS")})
	if err != nil || aws.ToString(got.SecretString) != "v2" {
		t.Fatalf("AWSPREVIOUS: %v %v", err, got)
	}
	old, err := e.sm.GetSecretValue(t.Context(), &secretsmanager.GetSecretValueInput{SecretId: aws.String("s"), VersionId: aws.String(first)})
	if err != nil || aws.ToString(old.SecretString) != "v1" || len(old.VersionStages) != 0 {
		t.Fatalf("deprecated version by id: %v %v", err, old)
	}
}

func TestPutSecretValueWithCustomStageLeavesCurrent(t *testing.T) {
	e := newEnv(t, emulator.Options{})
	e.create(t, "s", "v1")
	before := currentVersion(t, e, "s")
	out, err := e.sm.PutSecretValue(t.Context(), &secretsmanager.PutSecretValueInput{
		SecretId: aws.String("s"), SecretString: aws.String("v2"), VersionStages: []string{"BLUE"},
	})
	if err != nil {
		t.Fatal(err)
	}
	if currentVersion(t, e, "s") != before {
		t.Fatal("AWSCURRENT moved for a custom stage")
	}
	got, err := e.sm.GetSecretValue(t.Context(), &secretsmanager.GetSecretValueInput{SecretId: aws.String("s"), VersionStage: aws.String("BLUE")})
	if err != nil || aws.ToString(got.VersionId) != aws.ToString(out.VersionId) {
		t.Fatalf("BLUE: %v", err)
	}
}

func TestClientRequestTokenIsIdempotent(t *testing.T) {
	e := newEnv(t, emulator.Options{})
	arn := e.create(t, "s", "v1")
	token := "0123456789abcdef0123456789abcdef"
	put := func(v string) (*secretsmanager.PutSecretValueOutput, error) {
		return e.sm.PutSecretValue(t.Context(), &secretsmanager.PutSecretValueInput{
			SecretId: aws.String("s"), SecretString: aws.String(v), ClientRequestToken: aws.String(token),
		})
	}
	a, err := put("v2")
	if err != nil {
		t.Fatal(err)
	}
	if aws.ToString(a.VersionId) != token {
		t.Fatalf("version id %s, want the token", aws.ToString(a.VersionId))
	}
	b, err := put("v2")
	if err != nil || aws.ToString(b.VersionId) != token {
		t.Fatalf("repeat: %v %v", err, b)
	}
	all, _ := e.sm.ListSecretVersionIds(t.Context(), &secretsmanager.ListSecretVersionIdsInput{SecretId: aws.String("s"), IncludeDeprecated: aws.Bool(true)})
	if len(all.Versions) != 2 {
		t.Fatalf("repeat made a version: %d versions", len(all.Versions))
	}
	_, err = put("other")
	wantAPIError(t, err, "ResourceExistsException", "You can't use ClientRequestToken "+token+" because that value is already in use for a version of secret "+arn+".")
	_, err = e.sm.PutSecretValue(t.Context(), &secretsmanager.PutSecretValueInput{
		SecretId: aws.String("s"), SecretString: aws.String("v"), ClientRequestToken: aws.String("short"),
	})
	wantAPIError(t, err, "ValidationException", "")
}

func TestGetSecretValueVersionErrors(t *testing.T) {
	e := newEnv(t, emulator.Options{})
	e.create(t, "s", "v1")
	cur := currentVersion(t, e, "s")
	_, err := e.sm.GetSecretValue(t.Context(), &secretsmanager.GetSecretValueInput{SecretId: aws.String("s"), VersionStage: aws.String("AWSPENDING")})
	wantAPIError(t, err, "ResourceNotFoundException", "Secrets Manager can't find the specified secret value for staging label: AWSPENDING")
	_, err = e.sm.GetSecretValue(t.Context(), &secretsmanager.GetSecretValueInput{SecretId: aws.String("s"), VersionId: aws.String("nope")})
	wantAPIError(t, err, "ResourceNotFoundException", "Secrets Manager can't find the specified secret value for VersionId: nope")
	_, err = e.sm.GetSecretValue(t.Context(), &secretsmanager.GetSecretValueInput{SecretId: aws.String("s"), VersionId: aws.String(cur), VersionStage: aws.String("AWSPREVIOUS")})
	wantAPIError(t, err, "InvalidRequestException", "You provided a VersionStage that is not associated to the provided VersionId.")
	_, err = e.sm.GetSecretValue(t.Context(), &secretsmanager.GetSecretValueInput{SecretId: aws.String("missing")})
	wantAPIError(t, err, "ResourceNotFoundException", "Secrets Manager can't find the specified secret.")
}

func TestGetSecretValueSetsLastAccessedToTheDay(t *testing.T) {
	e := newEnv(t, emulator.Options{})
	e.create(t, "s", "v1")
	d, _ := e.sm.DescribeSecret(t.Context(), &secretsmanager.DescribeSecretInput{SecretId: aws.String("s")})
	if d.LastAccessedDate != nil {
		t.Fatalf("never read, yet LastAccessedDate %v", d.LastAccessedDate)
	}
	if _, err := e.sm.GetSecretValue(t.Context(), &secretsmanager.GetSecretValueInput{SecretId: aws.String("s")}); err != nil {
		t.Fatal(err)
	}
	d, _ = e.sm.DescribeSecret(t.Context(), &secretsmanager.DescribeSecretInput{SecretId: aws.String("s")})
	want := time.Date(2026, 3, 14, 0, 0, 0, 0, time.UTC)
	if d.LastAccessedDate == nil || !d.LastAccessedDate.Equal(want) {
		t.Fatalf("LastAccessedDate %v, want %v", d.LastAccessedDate, want)
	}
	if d.CreatedDate == nil || !d.CreatedDate.Equal(e.clock.Now()) {
		t.Fatalf("CreatedDate %v, want %v", d.CreatedDate, e.clock.Now())
	}
}

func TestDeleteSecretScheduleRestoreAndExpire(t *testing.T) {
	e := newEnv(t, emulator.Options{})
	e.create(t, "s", "v1")
	_, err := e.sm.DeleteSecret(t.Context(), &secretsmanager.DeleteSecretInput{SecretId: aws.String("s"), RecoveryWindowInDays: aws.Int64(6)})
	wantAPIError(t, err, "InvalidParameterException", "The RecoveryWindowInDays value must be between 7 and 30 days (inclusive).")
	_, err = e.sm.DeleteSecret(t.Context(), &secretsmanager.DeleteSecretInput{SecretId: aws.String("s"), RecoveryWindowInDays: aws.Int64(7), ForceDeleteWithoutRecovery: aws.Bool(true)})
	wantAPIError(t, err, "InvalidParameterException", "You can't use ForceDeleteWithoutRecovery in conjunction with RecoveryWindowInDays.")

	out, err := e.sm.DeleteSecret(t.Context(), &secretsmanager.DeleteSecretInput{SecretId: aws.String("s")})
	if err != nil {
		t.Fatal(err)
	}
	if want := e.clock.Now().Add(30 * 24 * time.Hour); !out.DeletionDate.Equal(want) {
		t.Fatalf("DeletionDate %v, want %v", out.DeletionDate, want)
	}
	marked := "You can't perform this operation on the secret because it was marked for deletion."
	_, err = e.sm.GetSecretValue(t.Context(), &secretsmanager.GetSecretValueInput{SecretId: aws.String("s")})
	wantAPIError(t, err, "InvalidRequestException", marked)
	_, err = e.sm.PutSecretValue(t.Context(), &secretsmanager.PutSecretValueInput{SecretId: aws.String("s"), SecretString: aws.String("x")})
	wantAPIError(t, err, "InvalidRequestException", marked)
	_, err = e.sm.CreateSecret(t.Context(), &secretsmanager.CreateSecretInput{Name: aws.String("s"), SecretString: aws.String("x")})
	wantAPIError(t, err, "InvalidRequestException", "You can't create this secret because a secret with this name is already scheduled for deletion.")
	d, err := e.sm.DescribeSecret(t.Context(), &secretsmanager.DescribeSecretInput{SecretId: aws.String("s")})
	if err != nil || d.DeletedDate == nil || !d.DeletedDate.Equal(e.clock.Now()) {
		t.Fatalf("describe pending secret: %v %v", err, d)
	}

	if _, err := e.sm.RestoreSecret(t.Context(), &secretsmanager.RestoreSecretInput{SecretId: aws.String("s")}); err != nil {
		t.Fatal(err)
	}
	if _, err := e.sm.GetSecretValue(t.Context(), &secretsmanager.GetSecretValueInput{SecretId: aws.String("s")}); err != nil {
		t.Fatalf("read after restore: %v", err)
	}

	if _, err := e.sm.DeleteSecret(t.Context(), &secretsmanager.DeleteSecretInput{SecretId: aws.String("s"), RecoveryWindowInDays: aws.Int64(7)}); err != nil {
		t.Fatal(err)
	}
	e.clock.Advance(7*24*time.Hour - time.Second)
	if _, err := e.sm.DescribeSecret(t.Context(), &secretsmanager.DescribeSecretInput{SecretId: aws.String("s")}); err != nil {
		t.Fatalf("gone before the window ended: %v", err)
	}
	e.clock.Advance(time.Second)
	_, err = e.sm.DescribeSecret(t.Context(), &secretsmanager.DescribeSecretInput{SecretId: aws.String("s")})
	wantAPIError(t, err, "ResourceNotFoundException", "Secrets Manager can't find the specified secret.")
	e.create(t, "s", "again")
}

func TestForceDeleteRemovesAtOnce(t *testing.T) {
	e := newEnv(t, emulator.Options{})
	e.create(t, "s", "v1")
	out, err := e.sm.DeleteSecret(t.Context(), &secretsmanager.DeleteSecretInput{SecretId: aws.String("s"), ForceDeleteWithoutRecovery: aws.Bool(true)})
	if err != nil {
		t.Fatal(err)
	}
	if !out.DeletionDate.Equal(e.clock.Now()) {
		t.Fatalf("DeletionDate %v, want now", out.DeletionDate)
	}
	_, err = e.sm.DescribeSecret(t.Context(), &secretsmanager.DescribeSecretInput{SecretId: aws.String("s")})
	wantAPIError(t, err, "ResourceNotFoundException", "")
	e.create(t, "s", "again")
	// Like AWS, a forced delete of an unknown secret answers as done.
	gone, err := e.sm.DeleteSecret(t.Context(), &secretsmanager.DeleteSecretInput{SecretId: aws.String("never-was"), ForceDeleteWithoutRecovery: aws.Bool(true)})
	if err != nil || aws.ToString(gone.Name) != "never-was" {
		t.Fatalf("forced delete of an unknown secret: %v", err)
	}
	_, err = e.sm.DeleteSecret(t.Context(), &secretsmanager.DeleteSecretInput{SecretId: aws.String("never-was")})
	wantAPIError(t, err, "ResourceNotFoundException", "")
}

func TestTagUntagAndUpdateSecret(t *testing.T) {
	e := newEnv(t, emulator.Options{})
	e.create(t, "s", "v1")
	if _, err := e.sm.TagResource(t.Context(), &secretsmanager.TagResourceInput{SecretId: aws.String("s"), Tags: []types.Tag{
		{Key: aws.String("env"), Value: aws.String("prod")}, {Key: aws.String("team"), Value: aws.String("db")},
	}}); err != nil {
		t.Fatal(err)
	}
	if _, err := e.sm.UntagResource(t.Context(), &secretsmanager.UntagResourceInput{SecretId: aws.String("s"), TagKeys: []string{"team"}}); err != nil {
		t.Fatal(err)
	}
	up, err := e.sm.UpdateSecret(t.Context(), &secretsmanager.UpdateSecretInput{SecretId: aws.String("s"), Description: aws.String("the db"), SecretString: aws.String("v2")})
	if err != nil || up.VersionId == nil {
		t.Fatalf("update: %v %v", err, up)
	}
	d, err := e.sm.DescribeSecret(t.Context(), &secretsmanager.DescribeSecretInput{SecretId: aws.String("s")})
	if err != nil {
		t.Fatal(err)
	}
	if len(d.Tags) != 1 || aws.ToString(d.Tags[0].Key) != "env" || aws.ToString(d.Description) != "the db" {
		t.Fatalf("tags %v description %q", d.Tags, aws.ToString(d.Description))
	}
	if !sameStages(d.VersionIdsToStages[aws.ToString(up.VersionId)], []string{"AWSCURRENT"}) {
		t.Fatalf("update did not make the new version current: %v", d.VersionIdsToStages)
	}
}

func TestUpdateSecretVersionStageRules(t *testing.T) {
	e := newEnv(t, emulator.Options{})
	e.create(t, "s", "v1")
	v1 := currentVersion(t, e, "s")
	p, _ := e.sm.PutSecretValue(t.Context(), &secretsmanager.PutSecretValueInput{SecretId: aws.String("s"), SecretString: aws.String("v2"), VersionStages: []string{"STAGED"}})
	v2 := aws.ToString(p.VersionId)

	_, err := e.sm.UpdateSecretVersionStage(t.Context(), &secretsmanager.UpdateSecretVersionStageInput{
		SecretId: aws.String("s"), VersionStage: aws.String("AWSCURRENT"), MoveToVersionId: aws.String(v2),
	})
	wantAPIError(t, err, "InvalidParameterException", "The parameter RemoveFromVersionId can't be empty. Staging label AWSCURRENT is currently attached to version "+v1+", so you must explicitly reference that version in RemoveFromVersionId.")
	_, err = e.sm.UpdateSecretVersionStage(t.Context(), &secretsmanager.UpdateSecretVersionStageInput{
		SecretId: aws.String("s"), VersionStage: aws.String("AWSCURRENT"), MoveToVersionId: aws.String(v2), RemoveFromVersionId: aws.String(v2),
	})
	wantAPIError(t, err, "InvalidParameterException", "")

	if _, err := e.sm.UpdateSecretVersionStage(t.Context(), &secretsmanager.UpdateSecretVersionStageInput{
		SecretId: aws.String("s"), VersionStage: aws.String("AWSCURRENT"), MoveToVersionId: aws.String(v2), RemoveFromVersionId: aws.String(v1),
	}); err != nil {
		t.Fatal(err)
	}
	d, _ := e.sm.DescribeSecret(t.Context(), &secretsmanager.DescribeSecretInput{SecretId: aws.String("s")})
	if !sameStages(d.VersionIdsToStages[v2], []string{"STAGED", "AWSCURRENT"}) || !sameStages(d.VersionIdsToStages[v1], []string{"AWSPREVIOUS"}) {
		t.Fatalf("stages after move: %v", d.VersionIdsToStages)
	}
	// Removing a custom label from its version.
	if _, err := e.sm.UpdateSecretVersionStage(t.Context(), &secretsmanager.UpdateSecretVersionStageInput{
		SecretId: aws.String("s"), VersionStage: aws.String("STAGED"), RemoveFromVersionId: aws.String(v2),
	}); err != nil {
		t.Fatal(err)
	}
	d, _ = e.sm.DescribeSecret(t.Context(), &secretsmanager.DescribeSecretInput{SecretId: aws.String("s")})
	if !sameStages(d.VersionIdsToStages[v2], []string{"AWSCURRENT"}) {
		t.Fatalf("stages after removal: %v", d.VersionIdsToStages)
	}
}

func currentVersion(t testing.TB, e *env, id string) string {
	t.Helper()
	d, err := e.sm.DescribeSecret(t.Context(), &secretsmanager.DescribeSecretInput{SecretId: aws.String(id)})
	if err != nil {
		t.Fatal(err)
	}
	for v, stages := range d.VersionIdsToStages {
		for _, s := range stages {
			if s == "AWSCURRENT" {
				return v
			}
		}
	}
	t.Fatalf("%s has no AWSCURRENT", id)
	return ""
}

func sameStages(got, want []string) bool {
	if len(got) != len(want) {
		return false
	}
	for _, w := range want {
		found := false
		for _, g := range got {
			found = found || g == w
		}
		if !found {
			return false
		}
	}
	return true
}

func TestListSecretVersionIdsPages(t *testing.T) {
	e := newEnv(t, emulator.Options{})
	e.create(t, "s", "v0")
	for i := range 4 {
		if _, err := e.sm.PutSecretValue(t.Context(), &secretsmanager.PutSecretValueInput{
			SecretId: aws.String("s"), SecretString: aws.String(strings.Repeat("v", i+1)), VersionStages: []string{"S" + strings.Repeat("X", i)},
		}); err != nil {
			t.Fatal(err)
		}
	}
	var ids []string
	p := secretsmanager.NewListSecretVersionIdsPaginator(e.sm, &secretsmanager.ListSecretVersionIdsInput{SecretId: aws.String("s"), MaxResults: aws.Int32(2)})
	pages := 0
	for p.HasMorePages() {
		out, err := p.NextPage(t.Context())
		if err != nil {
			t.Fatal(err)
		}
		pages++
		for _, v := range out.Versions {
			ids = append(ids, aws.ToString(v.VersionId))
		}
	}
	if len(ids) != 5 || pages != 3 {
		t.Fatalf("%d versions over %d pages", len(ids), pages)
	}
	_, err := e.sm.ListSecretVersionIds(t.Context(), &secretsmanager.ListSecretVersionIdsInput{SecretId: aws.String("s"), MaxResults: aws.Int32(101)})
	wantAPIError(t, err, "ValidationException", "")
}
