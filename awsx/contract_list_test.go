package awsx_test

import (
	"slices"
	"testing"

	"github.com/keyhole-tui/keyhole/awsx"
	"github.com/keyhole-tui/keyhole/model"
)

func testListFilters(t *testing.T, c *awsx.Client, _ backend) {
	prefix := uniqueName(t, "filters")
	scope := "kh-scope-" + randomHex(t, 4)
	db, api, cookie := prefix+"/app/db", prefix+"/app/api", prefix+"/web/cookie"
	for _, in := range []model.CreateInput{
		{Name: db, Description: "Payments database password", Tags: []model.Tag{{Key: "env", Value: "prod"}, {Key: scope, Value: "x"}}},
		{Name: api, Description: "API key for partners", Tags: []model.Tag{{Key: "env", Value: "dev"}, {Key: scope, Value: "x"}}},
		{Name: cookie, Description: "Cookie signing key", Tags: []model.Tag{{Key: scope, Value: "x"}}},
	} {
		in.Value = model.StringValue(fakeValue(t))
		mustCreate(t, c, in)
	}

	cases := []struct {
		name string
		q    model.ListQuery
		want []string
	}{
		{"name prefix", byNamePrefix(prefix + "/app"), []string{db, api}},
		{"name is case-sensitive", byNamePrefix(prefix + "/APP"), nil},
		{"several names are ORed", model.ListQuery{Filters: []model.ListFilter{
			{Key: model.FilterName, Values: []string{db, prefix + "/web"}},
		}}, []string{db, cookie}},
		{"tag key", byNamePrefix(prefix, model.ListFilter{Key: model.FilterTagKey, Values: []string{"env"}}), []string{db, api}},
		{"tag value", byNamePrefix(prefix, model.ListFilter{Key: model.FilterTagValue, Values: []string{"prod"}}), []string{db}},
		{"description ignores case", byNamePrefix(prefix, model.ListFilter{Key: model.FilterDescription, Values: []string{"payments"}}), []string{db}},
		{"negated description", byNamePrefix(prefix, model.ListFilter{Key: model.FilterDescription, Values: []string{"!payments"}}), []string{api, cookie}},
		{"negated name", model.ListQuery{Filters: []model.ListFilter{
			{Key: model.FilterTagKey, Values: []string{scope}},
			{Key: model.FilterName, Values: []string{"!" + prefix + "/app"}},
		}}, []string{cookie}},
		{"filters are ANDed", byNamePrefix(prefix+"/app", model.ListFilter{Key: model.FilterTagValue, Values: []string{"dev"}}), []string{api}},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			got := names(listAll(t, c, tc.q))
			if !sameSet(got, tc.want) {
				t.Errorf("listed %v, want %v", got, tc.want)
			}
		})
	}
}

func testListPlannedDeletion(t *testing.T, c *awsx.Client, _ backend) {
	prefix := uniqueName(t, "planned")
	kept, deleted := prefix+"/kept", prefix+"/deleted"
	mustCreateValue(t, c, kept, model.StringValue(fakeValue(t)))
	mustCreateValue(t, c, deleted, model.StringValue(fakeValue(t)))
	if _, err := c.DeleteSecret(testContext(t), model.DeleteInput{SecretID: deleted, RecoveryWindowDays: 7}); err != nil {
		t.Fatalf("delete: %v", err)
	}

	if got := names(listAll(t, c, byNamePrefix(prefix))); !sameSet(got, []string{kept}) {
		t.Errorf("listed %v without planned deletions, want only %s", got, kept)
	}
	q := byNamePrefix(prefix)
	q.IncludePlannedDeletion = true
	all := listAll(t, c, q)
	if !sameSet(names(all), []string{kept, deleted}) {
		t.Fatalf("listed %v with planned deletions, want both", names(all))
	}
	for _, s := range all {
		if s.PendingDeletion() != (s.Name == deleted) {
			t.Errorf("%s: pending deletion %v (deleted date %v)", s.Name, s.PendingDeletion(), s.DeletedDate)
		}
	}
}

func testListPaging(t *testing.T, c *awsx.Client, _ backend) {
	prefix := uniqueName(t, "paging")
	var want []string
	for i := range 5 {
		name := prefix + "/" + string(rune('a'+i))
		mustCreateValue(t, c, name, model.StringValue(fakeValue(t)))
		want = append(want, name)
	}
	q := byNamePrefix(prefix)
	q.PageSize = 2

	first, err := c.ListSecretsPage(testContext(t), q, "")
	if err != nil {
		t.Fatalf("first page: %v", err)
	}
	if len(first.Secrets) != 2 || first.NextToken == "" {
		t.Fatalf("first page has %d secrets and token %q, want 2 and a token", len(first.Secrets), first.NextToken)
	}

	var got []string
	pages := 0
	for page, err := range c.ListAllSecrets(testContext(t), q) {
		if err != nil {
			t.Fatalf("page %d: %v", pages+1, err)
		}
		pages++
		if len(page.Secrets) > 2 {
			t.Errorf("page %d has %d secrets, more than MaxResults 2", pages, len(page.Secrets))
		}
		got = append(got, names(page.Secrets)...)
	}
	if pages != 3 || !sameSet(got, want) {
		t.Errorf("paged through %d pages listing %v, want 3 pages listing %v", pages, got, want)
	}

	stopped := 0
	for range c.ListAllSecrets(testContext(t), q) {
		stopped++
		break
	}
	if stopped != 1 {
		t.Errorf("breaking out of the page loop after one page yielded %d pages", stopped)
	}
}

func testListSort(t *testing.T, c *awsx.Client, b backend) {
	prefix := uniqueName(t, "sort")
	created := []string{prefix + "/b", prefix + "/c", prefix + "/a"}
	for _, name := range created {
		mustCreateValue(t, c, name, model.StringValue(fakeValue(t)))
	}
	asc := byNamePrefix(prefix)
	asc.SortBy = model.SortByName
	desc := asc
	desc.Descending = true

	wantAsc := []string{prefix + "/a", prefix + "/b", prefix + "/c"}
	wantDesc := []string{prefix + "/c", prefix + "/b", prefix + "/a"}
	if b.quirks.ignoresSort {
		// moto ignores SortBy and SortOrder and lists in creation order.
		wantAsc, wantDesc = created, created
	}
	if got := names(listAll(t, c, asc)); !slices.Equal(got, wantAsc) {
		t.Errorf("sorted by name ascending: %v, want %v", got, wantAsc)
	}
	if got := names(listAll(t, c, desc)); !slices.Equal(got, wantDesc) {
		t.Errorf("sorted by name descending: %v, want %v", got, wantDesc)
	}
}

func testListFiltersMatchWords(t *testing.T, c *awsx.Client, b backend) {
	prefix := uniqueName(t, "words")
	creds, key := prefix+"/credsDatabase-892", prefix+"/apiKey"
	mustCreate(t, c, model.CreateInput{Name: creds, Description: "Primary billing database", Value: model.StringValue(fakeValue(t))})
	mustCreate(t, c, model.CreateInput{Name: key, Description: "Billing API key for partners", Value: model.StringValue(fakeValue(t))})
	desc := func(values ...string) model.ListFilter {
		return model.ListFilter{Key: model.FilterDescription, Values: values}
	}
	cases := []struct {
		what string
		more []model.ListFilter
		want []string
	}{
		{"a description word that does not start it", []model.ListFilter{desc("billing")}, []string{creds, key}},
		{"every value word", []model.ListFilter{desc("primary data")}, []string{creds}},
		{"two values ORed", []model.ListFilter{desc("partners", "primary")}, []string{creds, key}},
		{"repeated keys ANDed", []model.ListFilter{desc("billing"), desc("partners")}, []string{key}},
		{"no word starts with the value", []model.ListFilter{desc("illing")}, nil},
	}
	for _, tc := range cases {
		if got := names(listAll(t, c, byNamePrefix(prefix, tc.more...))); !sameSet(got, tc.want) {
			t.Errorf("%s: listed %v, want %v", tc.what, got, tc.want)
		}
	}

	// A name word after a case change or a digit run starts a match.
	want := []string{creds}
	if b.quirks.namePrefixOnly {
		// moto matches a name filter against the whole name's start only.
		want = nil
	}
	byWord := byNamePrefix(prefix, model.ListFilter{Key: model.FilterName, Values: []string{"Database"}})
	if got := names(listAll(t, c, byWord)); !sameSet(got, want) {
		t.Errorf("name word Database: listed %v, want %v", got, want)
	}

	_, err := c.ListSecretsPage(testContext(t), model.ListQuery{Filters: []model.ListFilter{{Key: model.FilterName}}}, "")
	if e := wantKind(t, err, model.KindInvalidRequest); e.Code != "InvalidParameterException" {
		t.Errorf("a filter without values: code %q, want InvalidParameterException", e.Code)
	}
}
