package compare

import (
	"context"
	"errors"
	"strings"
	"testing"

	"github.com/charmbracelet/x/ansi"
	"github.com/keyhole-tui/keyhole/model"
	"github.com/keyhole-tui/keyhole/ui/internal/uitest"
)

// canary is a value the screen must never draw.
const canary = "canary-4b7f-compare"

// fakeBackend answers GetSecretValue from values by ARN.
type fakeBackend struct{ values map[string]string }

func (f *fakeBackend) GetSecretValue(_ context.Context, ref model.ValueRef) (model.SecretVersion, error) {
	v, ok := f.values[ref.SecretID]
	if !ok {
		return model.SecretVersion{}, errors.New("not found: no such secret")
	}
	return model.SecretVersion{ARN: ref.SecretID, Value: model.StringValue(v)}, nil
}

var (
	staging = model.Secret{ARN: "arn:aws:secretsmanager:eu-west-1:111111111111:secret:app-AbCdEf", Name: "app"}
	prod    = model.Secret{ARN: "arn:aws:secretsmanager:us-east-1:222222222222:secret:app-GhIjKl", Name: "app"}
)

func TestCompareShowsPathsAcrossTargetsAndNeverAValue(t *testing.T) {
	b := &fakeBackend{values: map[string]string{
		staging.ARN: `{"db": {"password": "` + canary + `", "host": "a"}, "debug": "on"}`,
		prod.ARN:    `{"db": {"password": "` + canary + `", "host": "b"}, "port": 5432}`,
	}}
	c := uitest.Common()
	c.Shares = model.NewShares(model.NewFingerprintKey())
	p := newPage(c, b, staging, prod)
	p.SetSize(100, 30)
	s := &uitest.Screen{Page: p, Tasks: c.Tasks}
	s.Do(p.Init())
	got := ansi.Strip(p.View())
	for _, want := range []string{"Diff · app → app", "111111111111 eu-west-1", "222222222222 us-east-1",
		"1 changed, 1 added, 1 removed, 1 unchanged", "~ changed   db.host", "= unchanged db.password", "- removed   debug", "+ added     port"} {
		if !strings.Contains(got, want) {
			t.Errorf("the diff lacks %q:\n%s", want, got)
		}
	}
	if strings.Contains(got, canary) {
		t.Fatalf("the diff drew a value:\n%s", got)
	}
	shared := c.Shares.Sharing(model.Holder{Secret: staging.ARN, Path: "db.password"})
	if len(shared) != 1 || shared[0] != (model.Holder{Secret: prod.ARN, Path: "db.password"}) {
		t.Errorf("the session's shared values after the diff: %v", shared)
	}
}

func TestCompareSaysWhichSideCannotBeRead(t *testing.T) {
	c := uitest.Common()
	p := newPage(c, &fakeBackend{values: map[string]string{staging.ARN: canary}}, staging, prod)
	p.SetSize(100, 30)
	s := &uitest.Screen{Page: p, Tasks: c.Tasks}
	s.Do(p.Init())
	got := ansi.Strip(p.View())
	if !strings.Contains(got, "cannot read app: not found") || strings.Contains(got, "changed,") || strings.Contains(got, canary) {
		t.Fatalf("a side that failed:\n%s", got)
	}
}
