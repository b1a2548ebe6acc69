package awsx_test

import (
	"encoding/json"
	"fmt"
	"net/http"
	"reflect"
	"strings"
	"testing"
	"unicode"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/credentials"
	"github.com/aws/aws-sdk-go-v2/service/secretsmanager"
	"github.com/aws/aws-sdk-go-v2/service/secretsmanager/types"

	"github.com/keyhole-tui/keyhole/awsx"
	"github.com/keyhole-tui/keyhole/model"
)

func testRandomPassword(t *testing.T, c *awsx.Client, _ backend) {
	v, err := c.RandomPassword(testContext(t), model.PasswordSpec{
		Length:                  24,
		ExcludeCharacters:       "abcXYZ",
		ExcludePunctuation:      true,
		RequireEachIncludedType: true,
	})
	if err != nil {
		t.Fatalf("random password: %v", err)
	}
	pw := string(v.Reveal())
	if len(pw) != 24 {
		t.Errorf("password has %d characters, want 24", len(pw))
	}
	var upper, lower, digit bool
	for _, r := range pw {
		switch {
		case strings.ContainsRune("abcXYZ", r):
			t.Errorf("password holds excluded character %q", r)
		case unicode.IsUpper(r):
			upper = true
		case unicode.IsLower(r):
			lower = true
		case unicode.IsDigit(r):
			digit = true
		default:
			t.Errorf("password holds %q though punctuation is excluded", r)
		}
	}
	if !upper || !lower || !digit {
		t.Errorf("password lacks a required type: upper %v lower %v digit %v", upper, lower, digit)
	}
	if s := fmt.Sprint(v); s != model.Redacted {
		t.Errorf("printing the password shows %q, want %q", s, model.Redacted)
	}
}

func testResourcePolicy(t *testing.T, c *awsx.Client, b backend) {
	name := uniqueName(t, "policy")
	arn, _ := mustCreate(t, c, model.CreateInput{Name: name, Value: model.StringValue(fakeValue(t))})
	got, err := c.GetResourcePolicy(testContext(t), name)
	if err != nil {
		t.Fatalf("policy of a new secret: %v", err)
	}
	if got != "" {
		t.Errorf("a new secret has policy %q, want none", got)
	}

	policy := `{"Version":"2012-10-17","Statement":[{"Effect":"Deny","Principal":{"AWS":"arn:aws:iam::123456789012:root"},` +
		`"Action":"secretsmanager:GetSecretValue","Resource":"` + arn + `"}]}`
	putPolicy(t, b, name, policy)
	got, err = c.GetResourcePolicy(testContext(t), name)
	if err != nil {
		t.Fatalf("get policy: %v", err)
	}
	if !sameJSON(t, got, policy) {
		t.Errorf("policy = %s, want %s", got, policy)
	}

	_, err = c.ValidateResourcePolicy(testContext(t), name, policy)
	if b.quirks.noValidateResourcePolicy {
		// moto does not implement ValidateResourcePolicy.
		if err == nil {
			t.Errorf("validate policy succeeded on a backend said not to implement it")
		}
		return
	}
	if err != nil {
		t.Fatalf("validate policy: %v", err)
	}
}

func testDescribeReplicas(t *testing.T, c *awsx.Client, b backend) {
	name := uniqueName(t, "replica")
	_, err := rawClient(b).CreateSecret(testContext(t), &secretsmanager.CreateSecretInput{
		Name:              aws.String(name),
		SecretString:      aws.String(fakeValue(t)),
		AddReplicaRegions: []types.ReplicaRegionType{{Region: aws.String("eu-west-1")}},
	})
	if err != nil {
		t.Fatalf("create with a replica: %v", err)
	}
	wantPrimary := testRegion
	if b.quirks.omitsPrimaryRegion {
		// moto leaves PrimaryRegion out of the primary secret.
		wantPrimary = ""
	}
	d := mustDescribe(t, c, name)
	if d.PrimaryRegion != wantPrimary {
		t.Errorf("primary region %q, want %q", d.PrimaryRegion, wantPrimary)
	}
	if len(d.Replicas) != 1 || d.Replicas[0].Region != "eu-west-1" {
		t.Fatalf("replicas %+v, want one in eu-west-1", d.Replicas)
	}
	if s := d.Replicas[0].Status; s != "InSync" && s != "InProgress" {
		t.Errorf("replica status %q, want InSync or InProgress", s)
	}
	listed := listAll(t, c, byNamePrefix(name))
	if len(listed) != 1 || listed[0].PrimaryRegion != wantPrimary {
		t.Errorf("listed %+v, want the secret with primary region %q", listed, wantPrimary)
	}
}

// rawClient is a Secrets Manager client of the SDK itself, for setting up
// state keyhole has no call for.
func rawClient(b backend) *secretsmanager.Client {
	return secretsmanager.New(secretsmanager.Options{
		Region:       testRegion,
		BaseEndpoint: aws.String(b.endpoint),
		Credentials:  credentials.NewStaticCredentialsProvider("AKIAKEYHOLETEST", "test-secret-key", ""),
	})
}

// putPolicy attaches a resource policy with the SDK directly: keyhole
// itself never writes policies.
func putPolicy(t *testing.T, b backend, secretID, policy string) {
	t.Helper()
	_, err := rawClient(b).PutResourcePolicy(testContext(t), &secretsmanager.PutResourcePolicyInput{
		SecretId:       aws.String(secretID),
		ResourcePolicy: aws.String(policy),
	})
	if err != nil {
		t.Fatalf("put policy: %v", err)
	}
}

// sameJSON reports whether two JSON documents are equal once parsed.
func sameJSON(t *testing.T, a, b string) bool {
	t.Helper()
	var x, y any
	if err := json.Unmarshal([]byte(a), &x); err != nil {
		t.Fatalf("parse %s: %v", a, err)
	}
	if err := json.Unmarshal([]byte(b), &y); err != nil {
		t.Fatalf("parse %s: %v", b, err)
	}
	return reflect.DeepEqual(x, y)
}

func testBatchGet(t *testing.T, c *awsx.Client, _ backend) {
	prefix := uniqueName(t, "batch")
	want := map[string]string{}
	var ids []string
	for i := range 21 { // more than the 20 ids one request may name
		name := fmt.Sprintf("%s/%02d", prefix, i)
		value := fakeValue(t)
		mustCreateValue(t, c, name, model.StringValue(value))
		want[name] = value
		ids = append(ids, name)
	}
	missing := prefix + "/missing"
	ids = append(ids, missing)

	values, failed, err := c.BatchGetSecretValue(testContext(t), ids)
	if err != nil {
		t.Fatalf("batch get: %v", err)
	}
	if len(values) != len(want) {
		t.Errorf("got %d values, want %d", len(values), len(want))
	}
	for _, v := range values {
		if !v.Value.Equal(model.StringValue(want[v.Name])) {
			t.Errorf("%s: value differs from the one stored", v.Name)
		}
	}
	if len(failed) != 1 || failed[0].SecretID != missing {
		t.Fatalf("failures %+v, want one for %s", failed, missing)
	}
	if e := wantKind(t, failed[0].Err, model.KindNotFound); e.Code != "ResourceNotFoundException" {
		t.Errorf("missing secret: code %q, want ResourceNotFoundException", e.Code)
	}

	none, noneFailed, err := c.BatchGetSecretValue(testContext(t), nil)
	if err != nil || len(none) != 0 || len(noneFailed) != 0 {
		t.Errorf("batch get of nothing = %d values, %d failures, %v; want nothing", len(none), len(noneFailed), err)
	}
}

func testErrorClassification(t *testing.T, c *awsx.Client, b backend) {
	missing := uniqueName(t, "missing")
	_, err := c.DescribeSecret(testContext(t), missing)
	e := wantKind(t, err, model.KindNotFound)
	if e.Op != "DescribeSecret" || e.Code != "ResourceNotFoundException" || e.Message == "" {
		t.Errorf("not found: op %q code %q message %q", e.Op, e.Code, e.Message)
	}
	_, err = c.ListSecretVersions(testContext(t), missing, false)
	if b.quirks.versionsOfMissingFail500 {
		// moto fails with an internal error (HTTP 500) where AWS answers
		// ResourceNotFoundException.
		wantKind(t, err, model.KindService)
	} else {
		wantKind(t, err, model.KindNotFound)
	}
	_, err = c.GetSecretValue(testContext(t), model.ValueRef{SecretID: missing})
	wantKind(t, err, model.KindNotFound)

	name := uniqueName(t, "exists")
	mustCreateValue(t, c, name, model.StringValue(fakeValue(t)))
	_, _, err = c.CreateSecret(testContext(t), model.CreateInput{Name: name, Value: model.StringValue(fakeValue(t))})
	if e := wantKind(t, err, model.KindConflict); e.Code != "ResourceExistsException" {
		t.Errorf("existing name: code %q", e.Code)
	}

	// AWS allows letters, digits and /_+=.@- in a name.
	badName := uniqueName(t, "bad name!")
	_, _, err = c.CreateSecret(testContext(t), model.CreateInput{Name: badName, Value: model.StringValue(fakeValue(t))})
	if b.quirks.acceptsInvalidNames {
		// moto creates the secret anyway.
		if err != nil {
			t.Errorf("create %q: %v; this backend is known to accept it", badName, err)
		}
	} else {
		wantKind(t, err, model.KindInvalidRequest)
	}

	_, err = c.GetSecretValue(testContext(t), model.ValueRef{SecretID: name, Stage: "NO-SUCH-STAGE"})
	wantKind(t, err, model.KindNotFound)

	_, err = c.DeleteSecret(testContext(t), model.DeleteInput{SecretID: name, RecoveryWindowDays: 3})
	if e := wantKind(t, err, model.KindInvalidRequest); e.Code != "InvalidParameterException" {
		t.Errorf("recovery window of 3 days: code %q, want InvalidParameterException", e.Code)
	}

	// AWS answers ValidationException; moto answers InvalidParameterValue.
	// Both are invalid requests.
	_, err = c.RandomPassword(testContext(t), model.PasswordSpec{Length: 5000})
	wantKind(t, err, model.KindInvalidRequest)
}

func testErrorsNeverQuoteValues(t *testing.T, c *awsx.Client, _ backend) {
	value := fakeValue(t)
	missing := uniqueName(t, "novalue")
	_, err := c.PutSecretValue(testContext(t), model.PutValueInput{SecretID: missing, Value: model.StringValue(value)})
	wantKind(t, err, model.KindNotFound)
	if containsText(err, value) {
		t.Errorf("put error quotes the value: %v", err)
	}

	name := uniqueName(t, "dup")
	mustCreateValue(t, c, name, model.StringValue(fakeValue(t)))
	_, _, err = c.CreateSecret(testContext(t), model.CreateInput{Name: name, Value: model.StringValue(value)})
	wantKind(t, err, model.KindConflict)
	if containsText(err, value) || strings.Contains(fmt.Sprintf("%+v %#v", err, err), value) {
		t.Errorf("create error quotes the value: %v", err)
	}
}

func testCallerIdentity(t *testing.T, c *awsx.Client, _ backend) {
	id, err := c.CallerIdentity(testContext(t))
	if err != nil {
		t.Fatalf("caller identity: %v", err)
	}
	if len(id.Account) != 12 || !strings.HasPrefix(id.ARN, "arn:aws:") || id.UserID == "" {
		t.Errorf("identity %+v: want a 12-digit account, an ARN and a user id", id)
	}
}

func testInvalidSecretIDIsValidation(t *testing.T, c *awsx.Client, b backend) {
	bad := uniqueName(t, "bad id")
	ctx := testContext(t)
	calls := map[string]func() error{
		"DescribeSecret": func() error { _, err := c.DescribeSecret(ctx, bad); return err },
		"GetSecretValue": func() error { _, err := c.GetSecretValue(ctx, model.ValueRef{SecretID: bad}); return err },
		"PutSecretValue": func() error {
			_, err := c.PutSecretValue(ctx, model.PutValueInput{SecretID: bad, Value: model.StringValue(fakeValue(t))})
			return err
		},
		"UpdateSecret": func() error {
			return c.UpdateSecret(ctx, model.UpdateInput{SecretID: bad, Description: aws.String("d")})
		},
		"DeleteSecret": func() error {
			_, err := c.DeleteSecret(ctx, model.DeleteInput{SecretID: bad, RecoveryWindowDays: 7})
			return err
		},
		"RestoreSecret":     func() error { return c.RestoreSecret(ctx, bad) },
		"TagResource":       func() error { return c.TagSecret(ctx, bad, []model.Tag{{Key: "k", Value: "v"}}) },
		"UntagResource":     func() error { return c.UntagSecret(ctx, bad, []string{"k"}) },
		"GetResourcePolicy": func() error { _, err := c.GetResourcePolicy(ctx, bad); return err },
		"CancelRotation":    func() error { return c.CancelRotation(ctx, bad) },
	}
	for op, call := range calls {
		err := call()
		if b.quirks.secretIDNotValidated {
			// moto looks the name up and finds nothing.
			wantKind(t, err, model.KindNotFound)
			continue
		}
		e := wantKind(t, err, model.KindInvalidRequest)
		if e.Code != "ValidationException" || !strings.HasPrefix(e.Message, "Invalid name.") {
			t.Errorf("%s of %q: code %q message %q, want ValidationException Invalid name.", op, bad, e.Code, e.Message)
		}
	}
}

func testInputCheckedBeforeExistence(t *testing.T, c *awsx.Client, b backend) {
	missing := uniqueName(t, "missing")
	ctx := testContext(t)
	lambda := "arn:aws:lambda:" + testRegion + ":123456789012:function:rotate"
	calls := map[string]func() error{
		"PutSecretValue short token": func() error {
			_, err := c.PutSecretValue(ctx, model.PutValueInput{SecretID: missing, Value: model.StringValue(fakeValue(t)), ClientRequestToken: "short"})
			return err
		},
		"RotateSecret long token": func() error {
			_, err := c.RotateSecret(ctx, model.RotateInput{SecretID: missing, LambdaARN: lambda, ClientRequestToken: strings.Repeat("a", 65)})
			return err
		},
		"RotateSecret 1001 days": func() error {
			_, err := c.RotateSecret(ctx, model.RotateInput{SecretID: missing, LambdaARN: lambda, Rules: &model.RotationRules{AutomaticallyAfterDays: 1001}})
			return err
		},
		"RotateSecret long lambda ARN": func() error {
			_, err := c.RotateSecret(ctx, model.RotateInput{SecretID: missing, LambdaARN: lambda + strings.Repeat("x", 2048)})
			return err
		},
	}
	for what, call := range calls {
		err := call()
		if b.quirks.checksInputAfterExistence {
			// moto looks the secret up first.
			wantKind(t, err, model.KindNotFound)
			continue
		}
		if e := wantKind(t, err, model.KindInvalidRequest); e.Code != "ValidationException" {
			t.Errorf("%s of a missing secret: code %q, want ValidationException", what, e.Code)
		}
	}
}

func testTagsKeyAfterLastTagRemoved(t *testing.T, c *awsx.Client, b backend) {
	name := uniqueName(t, "tagskey")
	mustCreateValue(t, c, name, model.StringValue(fakeValue(t)))
	sm := rawClient(b)
	tagsOf := func() (described, listed []types.Tag) {
		t.Helper()
		d, err := sm.DescribeSecret(testContext(t), &secretsmanager.DescribeSecretInput{SecretId: aws.String(name)})
		if err != nil {
			t.Fatalf("describe: %v", err)
		}
		l, err := sm.ListSecrets(testContext(t), &secretsmanager.ListSecretsInput{Filters: []types.Filter{{Key: types.FilterNameStringTypeName, Values: []string{name}}}})
		if err != nil || len(l.SecretList) != 1 {
			t.Fatalf("list: %v (%d secrets)", err, len(l.SecretList))
		}
		return d.Tags, l.SecretList[0].Tags
	}
	if d, l := tagsOf(); d != nil || l != nil {
		t.Errorf("never tagged: described %v listed %v, want no Tags key", d, l)
	}
	if err := c.TagSecret(testContext(t), name, []model.Tag{{Key: "team", Value: "db"}}); err != nil {
		t.Fatalf("tag: %v", err)
	}
	if err := c.UntagSecret(testContext(t), name, []string{"team"}); err != nil {
		t.Fatalf("untag: %v", err)
	}
	d, l := tagsOf()
	if d == nil || len(d) != 0 || l == nil || len(l) != 0 {
		t.Errorf("after the last tag was removed: described %#v listed %#v, want Tags: []", d, l)
	}
}

func testErrorBodySaysMessage(t *testing.T, _ *awsx.Client, b backend) {
	req, err := http.NewRequestWithContext(testContext(t), http.MethodPost, b.endpoint,
		strings.NewReader(`{"SecretId":"`+uniqueName(t, "missing")+`"}`))
	if err != nil {
		t.Fatal(err)
	}
	req.Header.Set("Content-Type", "application/x-amz-json-1.1")
	req.Header.Set("X-Amz-Target", "secretsmanager.DescribeSecret")
	req.Header.Set("Authorization", "AWS4-HMAC-SHA256 Credential=AKIAKEYHOLETEST/20260101/"+testRegion+"/secretsmanager/aws4_request, SignedHeaders=host, Signature=0")
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatalf("post: %v", err)
	}
	defer resp.Body.Close()
	var body map[string]any
	if err := json.NewDecoder(resp.Body).Decode(&body); err != nil {
		t.Fatalf("decode error body: %v", err)
	}
	key := "Message"
	if b.quirks.lowercaseErrorMessage {
		// moto spells it message.
		key = "message"
	}
	if body["__type"] != "ResourceNotFoundException" || body[key] == nil {
		t.Errorf("error body %v, want __type ResourceNotFoundException and %s", body, key)
	}
}
