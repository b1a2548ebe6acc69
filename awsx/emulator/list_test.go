package emulator_test

import (
	"fmt"
	"slices"
	"testing"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/secretsmanager"
	"github.com/aws/aws-sdk-go-v2/service/secretsmanager/types"

	"github.com/keyhole-tui/keyhole/awsx/emulator"
)

// listFixture makes secrets with names, descriptions and tags to filter on.
func listFixture(t testing.TB) *env {
	t.Helper()
	e := newEnv(t, emulator.Options{})
	for _, s := range []struct{ name, desc, env string }{
		{"prod/db/password", "Primary database", "prod"},
		{"prod/api/key", "Payments API key", "prod"},
		{"staging/db/password", "staging database", "staging"},
		{"Prod-upper", "upper case name", "prod"},
	} {
		if _, err := e.sm.CreateSecret(t.Context(), &secretsmanager.CreateSecretInput{
			Name: aws.String(s.name), Description: aws.String(s.desc), SecretString: aws.String("v"),
			Tags: []types.Tag{{Key: aws.String("env"), Value: aws.String(s.env)}},
		}); err != nil {
			t.Fatal(err)
		}
		e.clock.Advance(time.Minute)
	}
	return e
}

func listNames(t testing.TB, e *env, in *secretsmanager.ListSecretsInput) []string {
	t.Helper()
	var names []string
	p := secretsmanager.NewListSecretsPaginator(e.sm, in)
	for p.HasMorePages() {
		out, err := p.NextPage(t.Context())
		if err != nil {
			t.Fatal(err)
		}
		for _, s := range out.SecretList {
			names = append(names, aws.ToString(s.Name))
		}
	}
	return names
}

func filter(key types.FilterNameStringType, values ...string) types.Filter {
	return types.Filter{Key: key, Values: values}
}

func TestListSecretsFilters(t *testing.T) {
	e := listFixture(t)
	sorted := func(names []string) []string { slices.Sort(names); return names }
	cases := []struct {
		name    string
		filters []types.Filter
		want    []string
	}{
		{"name prefix is case sensitive", []types.Filter{filter("name", "prod")}, []string{"prod/api/key", "prod/db/password"}},
		{"values of one filter are ORed", []types.Filter{filter("name", "prod/db", "staging")}, []string{"prod/db/password", "staging/db/password"}},
		{"filters are ANDed", []types.Filter{filter("name", "prod"), filter("description", "payments")}, []string{"prod/api/key"}},
		{"description is case insensitive", []types.Filter{filter("description", "STAGING")}, []string{"staging/db/password"}},
		{"negation", []types.Filter{filter("tag-value", "!prod")}, []string{"staging/db/password"}},
		{"tag key", []types.Filter{filter("tag-key", "en")}, []string{"Prod-upper", "prod/api/key", "prod/db/password", "staging/db/password"}},
		{"all matches words anywhere", []types.Filter{filter("all", "database")}, []string{"prod/db/password", "staging/db/password"}},
		{"no match", []types.Filter{filter("name", "nothing")}, nil},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			got := sorted(listNames(t, e, &secretsmanager.ListSecretsInput{Filters: c.filters}))
			if !slices.Equal(got, c.want) {
				t.Fatalf("got %v, want %v", got, c.want)
			}
		})
	}
}

func TestListSecretsValidatesInput(t *testing.T) {
	e := listFixture(t)
	for _, n := range []int32{0, 101} {
		_, err := e.sm.ListSecrets(t.Context(), &secretsmanager.ListSecretsInput{MaxResults: aws.Int32(n)})
		wantAPIError(t, err, "ValidationException", "")
	}
	_, err := e.sm.ListSecrets(t.Context(), &secretsmanager.ListSecretsInput{Filters: []types.Filter{filter("colour", "red")}})
	wantAPIError(t, err, "ValidationException", "")
	_, err = e.sm.ListSecrets(t.Context(), &secretsmanager.ListSecretsInput{NextToken: aws.String("garbage")})
	wantAPIError(t, err, "InvalidNextTokenException", "")
}

func TestListSecretsSortsAndPages(t *testing.T) {
	e := listFixture(t)
	byCreated := listNames(t, e, &secretsmanager.ListSecretsInput{SortBy: types.SortByTypeCreatedDate, SortOrder: types.SortOrderTypeAsc, MaxResults: aws.Int32(1)})
	if want := []string{"prod/db/password", "prod/api/key", "staging/db/password", "Prod-upper"}; !slices.Equal(byCreated, want) {
		t.Fatalf("created asc %v, want %v", byCreated, want)
	}
	byName := listNames(t, e, &secretsmanager.ListSecretsInput{SortBy: types.SortByTypeName, SortOrder: types.SortOrderTypeDesc, MaxResults: aws.Int32(3)})
	if want := []string{"staging/db/password", "prod/db/password", "prod/api/key", "Prod-upper"}; !slices.Equal(byName, want) {
		t.Fatalf("name desc %v, want %v", byName, want)
	}
	if _, err := e.sm.GetSecretValue(t.Context(), &secretsmanager.GetSecretValueInput{SecretId: aws.String("Prod-upper")}); err != nil {
		t.Fatal(err)
	}
	e.clock.Advance(48 * time.Hour)
	if _, err := e.sm.GetSecretValue(t.Context(), &secretsmanager.GetSecretValueInput{SecretId: aws.String("prod/api/key")}); err != nil {
		t.Fatal(err)
	}
	byAccess := listNames(t, e, &secretsmanager.ListSecretsInput{SortBy: types.SortByTypeLastAccessedDate, SortOrder: types.SortOrderTypeDesc})
	if byAccess[0] != "prod/api/key" || byAccess[1] != "Prod-upper" {
		t.Fatalf("last accessed desc %v", byAccess)
	}
}

func TestListSecretsHidesPlannedDeletionUnlessAsked(t *testing.T) {
	e := listFixture(t)
	if _, err := e.sm.DeleteSecret(t.Context(), &secretsmanager.DeleteSecretInput{SecretId: aws.String("Prod-upper")}); err != nil {
		t.Fatal(err)
	}
	if got := listNames(t, e, &secretsmanager.ListSecretsInput{}); slices.Contains(got, "Prod-upper") || len(got) != 3 {
		t.Fatalf("default listing %v", got)
	}
	out, err := e.sm.ListSecrets(t.Context(), &secretsmanager.ListSecretsInput{IncludePlannedDeletion: aws.Bool(true), Filters: []types.Filter{filter("name", "Prod")}})
	if err != nil || len(out.SecretList) != 1 || out.SecretList[0].DeletedDate == nil {
		t.Fatalf("planned deletion listing: %v %+v", err, out)
	}
}

func TestListSecretsReportsVersionStages(t *testing.T) {
	e := listFixture(t)
	out, err := e.sm.ListSecrets(t.Context(), &secretsmanager.ListSecretsInput{Filters: []types.Filter{filter("name", "prod/db")}})
	if err != nil || len(out.SecretList) != 1 {
		t.Fatalf("%v %v", err, out)
	}
	s := out.SecretList[0]
	if len(s.SecretVersionsToStages) != 1 || s.CreatedDate == nil || s.LastChangedDate == nil || len(s.Tags) != 1 {
		t.Fatalf("entry %+v", s)
	}
}

func TestBatchGetSecretValue(t *testing.T) {
	e := listFixture(t)
	out, err := e.sm.BatchGetSecretValue(t.Context(), &secretsmanager.BatchGetSecretValueInput{SecretIdList: []string{"prod/db/password", "missing"}})
	if err != nil {
		t.Fatal(err)
	}
	if len(out.SecretValues) != 1 || aws.ToString(out.SecretValues[0].SecretString) != "v" {
		t.Fatalf("values %+v", out.SecretValues)
	}
	if len(out.Errors) != 1 || aws.ToString(out.Errors[0].ErrorCode) != "ResourceNotFoundException" || aws.ToString(out.Errors[0].SecretId) != "missing" {
		t.Fatalf("errors %+v", out.Errors)
	}
	byFilter, err := e.sm.BatchGetSecretValue(t.Context(), &secretsmanager.BatchGetSecretValueInput{Filters: []types.Filter{filter("name", "prod")}})
	if err != nil || len(byFilter.SecretValues) != 2 {
		t.Fatalf("by filter: %v %+v", err, byFilter)
	}
	_, err = e.sm.BatchGetSecretValue(t.Context(), &secretsmanager.BatchGetSecretValueInput{SecretIdList: []string{"a"}, Filters: []types.Filter{filter("name", "prod")}})
	wantAPIError(t, err, "InvalidParameterException", "")
}

// seedSecrets loads n secrets named secret-00000...
func seedSecrets(t testing.TB, e *env, n int) {
	t.Helper()
	seed := emulator.Seed{}
	v := `{"password":"p"}`
	for i := range n {
		seed.Secrets = append(seed.Secrets, emulator.SeedSecret{
			Name:     fmt.Sprintf("secret-%05d", i),
			Created:  emulator.Relative(-time.Duration(i) * time.Minute),
			Versions: []emulator.SeedVersion{{String: &v, Stages: []string{"AWSCURRENT"}}},
		})
	}
	if err := e.srv.Load(seed); err != nil {
		t.Fatal(err)
	}
}

func TestListSecretsPagesThroughEverySecretOnce(t *testing.T) {
	e := newEnv(t, emulator.Options{})
	seedSecrets(t, e, 1050)
	names := listNames(t, e, &secretsmanager.ListSecretsInput{MaxResults: aws.Int32(100)})
	if len(names) != 1050 {
		t.Fatalf("listed %d secrets", len(names))
	}
	seen := map[string]bool{}
	for _, n := range names {
		if seen[n] {
			t.Fatalf("%s listed twice", n)
		}
		seen[n] = true
	}
	// Default order is oldest first: secret-01049 was created first.
	if names[0] != "secret-01049" {
		t.Fatalf("first listed %s", names[0])
	}
}

func BenchmarkListSecrets10k(b *testing.B) {
	e := newEnv(b, emulator.Options{})
	seedSecrets(b, e, 10000)
	b.ResetTimer()
	for b.Loop() {
		n := 0
		p := secretsmanager.NewListSecretsPaginator(e.sm, &secretsmanager.ListSecretsInput{MaxResults: aws.Int32(100)})
		for p.HasMorePages() {
			out, err := p.NextPage(b.Context())
			if err != nil {
				b.Fatal(err)
			}
			n += len(out.SecretList)
		}
		if n != 10000 {
			b.Fatalf("listed %d", n)
		}
	}
}

func TestListSecretsFiltersOnRegionAndOwningService(t *testing.T) {
	e := newEnv(t, emulator.Options{})
	v := "x"
	if err := e.srv.Load(emulator.Seed{Secrets: []emulator.SeedSecret{{Name: "mine!", Versions: []emulator.SeedVersion{{String: &v}}}}}); err == nil {
		t.Fatal("'!' is only legal in the names of secrets another service owns")
	}
	err := e.srv.Load(emulator.Seed{Secrets: []emulator.SeedSecret{
		{Name: "rds!cluster-1", OwningService: "rds", PrimaryRegion: "eu-west-1", Versions: []emulator.SeedVersion{{String: &v}}},
		{Name: "mine", PrimaryRegion: "us-east-1", Versions: []emulator.SeedVersion{{String: &v}}},
	}})
	if err != nil {
		t.Fatal(err)
	}
	if got := listNames(t, e, &secretsmanager.ListSecretsInput{Filters: []types.Filter{filter("owning-service", "rds")}}); !slices.Equal(got, []string{"rds!cluster-1"}) {
		t.Fatalf("owning-service %v", got)
	}
	if got := listNames(t, e, &secretsmanager.ListSecretsInput{Filters: []types.Filter{filter("primary-region", "us-")}}); !slices.Equal(got, []string{"mine"}) {
		t.Fatalf("primary-region %v", got)
	}
	out, err := e.sm.ListSecrets(t.Context(), &secretsmanager.ListSecretsInput{Filters: []types.Filter{filter("name", "rds")}})
	if err != nil || aws.ToString(out.SecretList[0].OwningService) != "rds" || aws.ToString(out.SecretList[0].PrimaryRegion) != "eu-west-1" {
		t.Fatalf("entry %v %+v", err, out)
	}
}
