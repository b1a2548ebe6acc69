package awsx_test

import (
	"fmt"
	"maps"
	"slices"
	"testing"

	"github.com/keyhole-tui/keyhole/awsx"
	"github.com/keyhole-tui/keyhole/awsx/split"
	"github.com/keyhole-tui/keyhole/model"
)

// testSplitListingMatchesPaginator: listing from both ends at once gives
// every secret the plain paginator gives, each once, whether the backend
// honours SortOrder (the streams meet) or not (one stream goes on alone).
func testSplitListingMatchesPaginator(t *testing.T, c *awsx.Client, _ backend) {
	ctx := testContext(t)
	prefix := uniqueName(t, "split")
	for i := range 25 {
		mustCreate(t, c, model.CreateInput{Name: fmt.Sprintf("%s/%02d", prefix, (i*7)%25), Value: model.StringValue(fakeValue(t))})
	}
	q := model.ListQuery{PageSize: 10, IncludePlannedDeletion: true}
	want := map[string]bool{}
	for page, err := range c.ListAllSecrets(ctx, q) {
		if err != nil {
			t.Fatalf("paginate: %v", err)
		}
		for _, s := range page.Secrets {
			want[s.ARN] = true
		}
	}
	l := split.New(c)
	defer l.Close()
	got := map[string]bool{}
	token := ""
	for {
		page, err := l.ListSecretsPage(ctx, q, token)
		if err != nil {
			t.Fatalf("split listing: %v", err)
		}
		for _, s := range page.Secrets {
			if got[s.ARN] {
				t.Errorf("%s listed twice", s.Name)
			}
			got[s.ARN] = true
		}
		if token = page.NextToken; token == "" {
			break
		}
	}
	if !maps.Equal(got, want) {
		t.Errorf("split listing has %d secrets, the paginator %d: %v", len(got), len(want),
			slices.Collect(maps.Keys(got)))
	}
}
