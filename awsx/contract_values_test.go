package awsx_test

import (
	"fmt"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/keyhole-tui/keyhole/awsx"
	"github.com/keyhole-tui/keyhole/model"
)

func testCreateDescribeGet(t *testing.T, c *awsx.Client, _ backend) {
	name := uniqueName(t, "create")
	value := fakeValue(t)
	before := time.Now().Add(-time.Minute)
	arn, versionID := mustCreate(t, c, model.CreateInput{
		Name:        name,
		Description: "Payments database password",
		Value:       model.StringValue(value),
		Tags:        []model.Tag{{Key: "env", Value: "prod"}, {Key: "team", Value: "payments"}},
	})
	if arn == "" || versionID == "" {
		t.Fatalf("create returned arn %q, version %q; want both", arn, versionID)
	}

	d := mustDescribe(t, c, name)
	if d.ARN != arn || d.Name != name || d.Description != "Payments database password" {
		t.Errorf("describe = %q %q %q, want %q %q and the description", d.ARN, d.Name, d.Description, arn, name)
	}
	if v, _ := d.Tag("env"); v != "prod" {
		t.Errorf("tag env = %q, want prod (tags %v)", v, d.Tags)
	}
	if v, _ := d.Tag("team"); v != "payments" {
		t.Errorf("tag team = %q, want payments (tags %v)", v, d.Tags)
	}
	if got, _ := d.VersionStages.Of(versionID); !slices.Equal(got, []string{model.StageCurrent}) {
		t.Errorf("stages of %s = %v, want [AWSCURRENT] (all: %v)", versionID, got, d.VersionStages)
	}
	if d.CreatedDate.Before(before) {
		t.Errorf("created %v, want a time after %v", d.CreatedDate, before)
	}
	if d.PendingDeletion() || d.RotationEnabled {
		t.Errorf("new secret: pending deletion %v, rotation %v; want neither", d.PendingDeletion(), d.RotationEnabled)
	}
	byARN := mustDescribe(t, c, arn)
	if byARN.Name != name {
		t.Errorf("describe by ARN named %q, want %q", byARN.Name, name)
	}

	for _, ref := range []model.ValueRef{
		{SecretID: name},
		{SecretID: arn, Stage: model.StageCurrent},
		{SecretID: name, VersionID: versionID},
	} {
		got := mustGet(t, c, ref)
		if !got.Value.Equal(model.StringValue(value)) || got.Value.IsBinary() {
			t.Errorf("get %+v: value differs from the one stored", ref)
		}
		if got.VersionID != versionID || got.ARN != arn || got.Name != name {
			t.Errorf("get %+v = version %q arn %q name %q, want %q %q %q", ref, got.VersionID, got.ARN, got.Name, versionID, arn, name)
		}
		if !slices.Contains(got.Stages, model.StageCurrent) {
			t.Errorf("get %+v: stages %v lack AWSCURRENT", ref, got.Stages)
		}
	}
	if s := fmt.Sprintf("%+v", mustGet(t, c, model.ValueRef{SecretID: name})); strings.Contains(s, value) {
		t.Errorf("printing a fetched version shows its value: %s", s)
	}
}

func testBinaryValue(t *testing.T, c *awsx.Client, _ backend) {
	name := uniqueName(t, "binary")
	data := []byte{0x00, 0xff, 0x10, 'k', 'h', 0x80}
	mustCreateValue(t, c, name, model.BinaryValue(data))
	got := mustGet(t, c, model.ValueRef{SecretID: name})
	if !got.Value.IsBinary() || !got.Value.Equal(model.BinaryValue(data)) {
		t.Fatalf("binary value came back as binary=%v, %d bytes; want the %d bytes stored", got.Value.IsBinary(), got.Value.Len(), len(data))
	}
}

func testPutMovesCurrentAndPrevious(t *testing.T, c *awsx.Client, b backend) {
	name := uniqueName(t, "put")
	values := []string{fakeValue(t), fakeValue(t), fakeValue(t)}
	_, v1 := mustCreate(t, c, model.CreateInput{Name: name, Value: model.StringValue(values[0])})
	v2 := mustPut(t, c, name, values[1])
	wantStages(t, c, name, map[string][]string{v1: {model.StagePrevious}, v2: {model.StageCurrent}})
	v3 := mustPut(t, c, name, values[2])
	wantStages(t, c, name, map[string][]string{v1: nil, v2: {model.StagePrevious}, v3: {model.StageCurrent}})

	if got := mustGet(t, c, model.ValueRef{SecretID: name}); !got.Value.Equal(model.StringValue(values[2])) {
		t.Errorf("AWSCURRENT does not hold the last value put")
	}
	if got := mustGet(t, c, model.ValueRef{SecretID: name, Stage: model.StagePrevious}); !got.Value.Equal(model.StringValue(values[1])) || got.VersionID != v2 {
		t.Errorf("AWSPREVIOUS is version %q, want %q with the second value", got.VersionID, v2)
	}
	if got := mustGet(t, c, model.ValueRef{SecretID: name, VersionID: v1}); !got.Value.Equal(model.StringValue(values[0])) {
		t.Errorf("the deprecated first version no longer reads back its value")
	}

	visible, err := c.ListSecretVersions(testContext(t), name, false)
	if err != nil {
		t.Fatalf("list versions: %v", err)
	}
	// AWS hides versions without stage labels unless IncludeDeprecated is
	// set; moto lists them anyway.
	wantVisible := []string{v2, v3}
	if b.quirks.listsDeprecatedVersions {
		wantVisible = []string{v1, v2, v3}
	}
	if !sameSet(versionIDs(visible), wantVisible) {
		t.Errorf("versions without deprecated = %v, want %v", versionIDs(visible), wantVisible)
	}
	all, err := c.ListSecretVersions(testContext(t), name, true)
	if err != nil {
		t.Fatalf("list versions with deprecated: %v", err)
	}
	if !sameSet(versionIDs(all), []string{v1, v2, v3}) {
		t.Fatalf("versions with deprecated = %v, want %v", versionIDs(all), []string{v1, v2, v3})
	}
	for _, v := range all {
		if v.ID == v1 && !v.Deprecated() {
			t.Errorf("first version has stages %v, want none", v.Stages)
		}
		if v.ID == v3 && !v.HasStage(model.StageCurrent) {
			t.Errorf("last version has stages %v, want AWSCURRENT", v.Stages)
		}
	}
}

func testPutWithCustomStageLeavesCurrent(t *testing.T, c *awsx.Client, _ backend) {
	name := uniqueName(t, "stage")
	_, v1 := mustCreate(t, c, model.CreateInput{Name: name, Value: model.StringValue(fakeValue(t))})
	staged := fakeValue(t)
	v2, err := c.PutSecretValue(testContext(t), model.PutValueInput{
		SecretID: name, Value: model.StringValue(staged), Stages: []string{"STAGING"},
	})
	if err != nil {
		t.Fatalf("put with stage STAGING: %v", err)
	}
	if !isUUIDv4(v2) {
		t.Errorf("generated version id %q is not a version 4 UUID", v2)
	}
	wantStages(t, c, name, map[string][]string{v1: {model.StageCurrent}, v2: {"STAGING"}})
	if got := mustGet(t, c, model.ValueRef{SecretID: name, Stage: "STAGING"}); !got.Value.Equal(model.StringValue(staged)) {
		t.Errorf("STAGING does not hold the staged value")
	}
}

func testRequestTokenIdempotency(t *testing.T, c *awsx.Client, _ backend) {
	name := uniqueName(t, "token")
	mustCreateValue(t, c, name, model.StringValue(fakeValue(t)))
	token := "6f1a2b3c-4d5e-4f60-8a71-92b3c4d5e6f7"
	value := fakeValue(t)
	put := model.PutValueInput{SecretID: name, Value: model.StringValue(value), ClientRequestToken: token}

	first, err := c.PutSecretValue(testContext(t), put)
	if err != nil {
		t.Fatalf("first put: %v", err)
	}
	if first != token {
		t.Fatalf("version id = %q, want the request token %q", first, token)
	}
	again, err := c.PutSecretValue(testContext(t), put)
	if err != nil {
		t.Fatalf("repeated put with the same token and value: %v", err)
	}
	if again != token {
		t.Errorf("repeated put gave version %q, want %q", again, token)
	}
	versions, err := c.ListSecretVersions(testContext(t), name, true)
	if err != nil {
		t.Fatalf("list versions: %v", err)
	}
	if len(versions) != 2 {
		t.Errorf("after a repeated put there are %d versions, want 2: %v", len(versions), versionIDs(versions))
	}

	other := fakeValue(t)
	put.Value = model.StringValue(other)
	_, err = c.PutSecretValue(testContext(t), put)
	e := wantKind(t, err, model.KindConflict)
	if e.Code != "ResourceExistsException" || e.Op != "PutSecretValue" {
		t.Errorf("reused token: code %q op %q, want ResourceExistsException from PutSecretValue", e.Code, e.Op)
	}
	if containsText(err, other) || containsText(err, value) {
		t.Errorf("error text quotes a value: %v", err)
	}
	if got := mustGet(t, c, model.ValueRef{SecretID: name, VersionID: token}); !got.Value.Equal(model.StringValue(value)) {
		t.Errorf("the conflicting put changed the version's value")
	}
}

// mustCreateValue creates a secret holding v.
func mustCreateValue(t *testing.T, c *awsx.Client, name string, v model.Value) {
	t.Helper()
	mustCreate(t, c, model.CreateInput{Name: name, Value: v})
}

// wantStages fails unless the secret's versions carry exactly these stages;
// a nil list means the version must carry none (or be gone from the map).
func wantStages(t *testing.T, c *awsx.Client, secretID string, want map[string][]string) {
	t.Helper()
	got := mustDescribe(t, c, secretID).VersionStages
	for id, stages := range want {
		if have, _ := got.Of(id); !sameSet(have, stages) {
			t.Errorf("version %s has stages %v, want %v (all: %v)", id, have, stages, got)
		}
	}
}

// versionIDs returns the ids of versions, in order.
func versionIDs(vs []model.Version) []string {
	out := make([]string, len(vs))
	for i, v := range vs {
		out[i] = v.ID
	}
	return out
}

// isUUIDv4 reports whether s is a canonical version 4 UUID.
func isUUIDv4(s string) bool {
	if len(s) != 36 || s[8] != '-' || s[13] != '-' || s[18] != '-' || s[23] != '-' {
		return false
	}
	return s[14] == '4' && (s[19] == '8' || s[19] == '9' || s[19] == 'a' || s[19] == 'b')
}

func testReusedTokenWithOtherValue(t *testing.T, c *awsx.Client, _ backend) {
	name := uniqueName(t, "retoken")
	token := "0a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d"
	arn, _, err := c.CreateSecret(testContext(t), model.CreateInput{Name: name, Value: model.StringValue(fakeValue(t)), ClientRequestToken: token})
	if err != nil {
		t.Fatalf("create: %v", err)
	}
	want := "You can't use ClientRequestToken " + token + " because that value is already in use for a version of secret " + arn + "."
	_, _, err = c.CreateSecret(testContext(t), model.CreateInput{Name: name, Value: model.StringValue(fakeValue(t)), ClientRequestToken: token})
	if e := wantKind(t, err, model.KindConflict); e.Code != "ResourceExistsException" || e.Message != want {
		t.Errorf("create again with the token and another value: code %q message %q, want ResourceExistsException %q", e.Code, e.Message, want)
	}
	_, err = c.PutSecretValue(testContext(t), model.PutValueInput{SecretID: name, Value: model.StringValue(fakeValue(t)), ClientRequestToken: token})
	if e := wantKind(t, err, model.KindConflict); e.Code != "ResourceExistsException" || e.Message != want {
		t.Errorf("put with the token and another value: code %q message %q, want ResourceExistsException %q", e.Code, e.Message, want)
	}
}
