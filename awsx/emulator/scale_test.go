package emulator_test

import (
	"encoding/base64"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/secretsmanager"
	"github.com/aws/aws-sdk-go-v2/service/secretsmanager/types"

	"github.com/keyhole-tui/keyhole/awsx/emulator"
)

// syntheticEnv is an emulator holding n synthetic secrets.
func syntheticEnv(t *testing.T, n int) (*env, emulator.Seed) {
	t.Helper()
	e := newEnv(t, emulator.Options{})
	seed := emulator.Synthetic(n, 3)
	if err := e.srv.Load(seed); err != nil {
		t.Fatal(err)
	}
	return e, seed
}

func TestListSecretsPagesEveryOrderWhole(t *testing.T) {
	e, _ := syntheticEnv(t, 1500)
	all := listNames(t, e, &secretsmanager.ListSecretsInput{IncludePlannedDeletion: aws.Bool(true), SortBy: types.SortByTypeName})
	if len(all) != 1500 || !slices.IsSorted(all) {
		t.Fatalf("by name: %d secrets, sorted %t; want 1500 in order", len(all), slices.IsSorted(all))
	}
	desc := listNames(t, e, &secretsmanager.ListSecretsInput{IncludePlannedDeletion: aws.Bool(true), SortBy: types.SortByTypeName, SortOrder: types.SortOrderTypeDesc, MaxResults: aws.Int32(7)})
	slices.Reverse(desc)
	if !slices.Equal(desc, all) {
		t.Fatal("name desc in pages of 7 must be name asc reversed")
	}
	var created []time.Time
	var live int
	p := secretsmanager.NewListSecretsPaginator(e.sm, &secretsmanager.ListSecretsInput{MaxResults: aws.Int32(33)})
	for p.HasMorePages() {
		out, err := p.NextPage(t.Context())
		if err != nil {
			t.Fatal(err)
		}
		for _, s := range out.SecretList {
			if s.DeletedDate != nil {
				t.Fatalf("%s is pending deletion and was listed", aws.ToString(s.Name))
			}
			created = append(created, aws.ToTime(s.CreatedDate))
			live++
		}
	}
	if live == 0 || live >= 1500 || !slices.IsSortedFunc(created, time.Time.Compare) {
		t.Fatalf("default order: %d live secrets, sorted %t; want fewer than 1500 by creation date", live, slices.IsSortedFunc(created, time.Time.Compare))
	}
}

func TestListSecretsPagingSeesChangesMidWalk(t *testing.T) {
	e, _ := syntheticEnv(t, 300)
	first, err := e.sm.ListSecrets(t.Context(), &secretsmanager.ListSecretsInput{SortBy: types.SortByTypeName, MaxResults: aws.Int32(10)})
	if err != nil {
		t.Fatal(err)
	}
	// A secret sorting after the first page is added and one before it is
	// removed; the walk goes on from where it was.
	e.create(t, "zz/added-mid-walk", "v")
	if _, err := e.sm.DeleteSecret(t.Context(), &secretsmanager.DeleteSecretInput{
		SecretId: first.SecretList[0].Name, ForceDeleteWithoutRecovery: aws.Bool(true),
	}); err != nil {
		t.Fatal(err)
	}
	names := []string{}
	for _, s := range first.SecretList {
		names = append(names, aws.ToString(s.Name))
	}
	token := first.NextToken
	for token != nil {
		out, err := e.sm.ListSecrets(t.Context(), &secretsmanager.ListSecretsInput{SortBy: types.SortByTypeName, MaxResults: aws.Int32(50), NextToken: token})
		if err != nil {
			t.Fatal(err)
		}
		for _, s := range out.SecretList {
			names = append(names, aws.ToString(s.Name))
		}
		token = out.NextToken
	}
	if !slices.IsSorted(names) || len(slices.Compact(slices.Clone(names))) != len(names) || names[len(names)-1] != "zz/added-mid-walk" {
		t.Fatalf("walk must stay in order, without repeats, and reach the added secret; ends with %v", names[len(names)-3:])
	}
}

func TestListSecretsRejectsForgedCursor(t *testing.T) {
	e, _ := syntheticEnv(t, 20)
	out, err := e.sm.ListSecrets(t.Context(), &secretsmanager.ListSecretsInput{MaxResults: aws.Int32(5)})
	if err != nil || out.NextToken == nil {
		t.Fatalf("first page: %v", err)
	}
	raw, _ := base64.RawURLEncoding.DecodeString(*out.NextToken)
	instance, _, _ := strings.Cut(string(raw), "|")
	other, _ := syntheticEnv(t, 20)
	for _, payload := range []string{"~something", instance + "|created+|not-a-time|x", instance + "|sideways|2026-01-01T00:00:00Z|x"} {
		_, err := e.sm.ListSecrets(t.Context(), &secretsmanager.ListSecretsInput{NextToken: aws.String(base64.RawURLEncoding.EncodeToString([]byte(payload)))})
		wantAPIError(t, err, "InvalidNextTokenException", "")
	}
	_, err = other.sm.ListSecrets(t.Context(), &secretsmanager.ListSecretsInput{NextToken: out.NextToken})
	wantAPIError(t, err, "InvalidNextTokenException", "")
}

func TestLatencyDelaysEveryRequest(t *testing.T) {
	const d = 60 * time.Millisecond
	e := newEnv(t, emulator.Options{Latency: d})
	start := time.Now()
	e.create(t, "slow", "v")
	if took := time.Since(start); took < d {
		t.Fatalf("CreateSecret took %v; want at least the %v latency", took, d)
	}
	e.srv.AddFault(emulator.Fault{Kind: emulator.FaultThrottle, Operation: "GetSecretValue", Count: 1})
	_, err := e.sm.GetSecretValue(t.Context(), &secretsmanager.GetSecretValueInput{SecretId: aws.String("slow")})
	wantAPIError(t, err, "ThrottlingException", "")
}

func TestSeedLatencyDelaysRequests(t *testing.T) {
	e := newEnv(t, emulator.Options{})
	if err := e.srv.LoadJSON(strings.NewReader(`{"latency":"50ms","secrets":[]}`)); err != nil {
		t.Fatal(err)
	}
	start := time.Now()
	if _, err := e.sm.ListSecrets(t.Context(), &secretsmanager.ListSecretsInput{}); err != nil {
		t.Fatal(err)
	}
	if took := time.Since(start); took < 50*time.Millisecond {
		t.Fatalf("ListSecrets took %v; want at least the seed's 50ms", took)
	}
	if err := e.srv.LoadJSON(strings.NewReader(`{"latency":"soon","secrets":[]}`)); err == nil {
		t.Fatal("a latency that is no duration must not load")
	}
}
