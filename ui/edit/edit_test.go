package edit

import (
	"context"
	"slices"
	"strings"
	"testing"

	"github.com/keyhole-tui/keyhole/model"
	"github.com/keyhole-tui/keyhole/ui/common"
	"github.com/keyhole-tui/keyhole/ui/edit/forms/formstest"
	"github.com/keyhole-tui/keyhole/ui/internal/uitest"
)

// fakeAWS is one secret: its versions' values, the one AWSCURRENT points
// at, and what was written.
type fakeAWS struct {
	values  map[string]string
	current string
	puts    []model.PutValueInput
	// lose loses the answers to PutSecretValue after writing.
	lose bool
}

func newFake() *fakeAWS {
	return &fakeAWS{values: map[string]string{"v1": `{"user":"app","password":"hunter2"}`}, current: "v1"}
}

func (f *fakeAWS) GetSecretValue(_ context.Context, _ model.ValueRef) (model.SecretVersion, error) {
	return model.SecretVersion{VersionID: f.current, Value: model.StringValue(f.values[f.current])}, nil
}

func (f *fakeAWS) DescribeSecret(context.Context, string) (model.SecretDetail, error) {
	stages := model.StageMapOf(map[string][]string{f.current: {model.StageCurrent}})
	return model.SecretDetail{Secret: model.Secret{VersionStages: stages}}, nil
}

func (f *fakeAWS) PutSecretValue(_ context.Context, in model.PutValueInput) (string, error) {
	f.puts = append(f.puts, in)
	f.write(in.ClientRequestToken, string(in.Value.Reveal()))
	if f.lose {
		return "", &model.Error{Kind: model.KindNetwork, Message: "connection reset"}
	}
	return in.ClientRequestToken, nil
}

func (f *fakeAWS) ListSecretVersions(context.Context, string, bool) ([]model.Version, error) {
	var out []model.Version
	for id := range f.values {
		v := model.Version{ID: id}
		if id == f.current {
			v.Stages = []string{model.StageCurrent}
		}
		out = append(out, v)
	}
	return out, nil
}

func (f *fakeAWS) RandomPassword(_ context.Context, spec model.PasswordSpec) (model.Value, error) {
	return model.StringValue(strings.Repeat("g", int(spec.Length))), nil
}

// write stores a version made by anyone and makes it AWSCURRENT.
func (f *fakeAWS) write(id, value string) {
	f.values[id], f.current = value, id
}

func open(t *testing.T, aws *fakeAWS, c common.Common) *formstest.Driver {
	return formstest.New(t, c, func(c common.Common) common.Page {
		p := New(c, model.Secret{ARN: "arn:s", Name: "prod/db"}, false)
		p.b = aws
		return p
	})
}

// hints are the screen's status-bar hints as the root draws them.
func hints(d *formstest.Driver) []string {
	var out []string
	for _, b := range common.Bindings(d.Page.Actions(), true) {
		out = append(out, b.Help().Key+" "+b.Help().Desc)
	}
	return out
}

func TestRebindingAddKeyChangesTheKeyAndTheHint(t *testing.T) {
	c := uitest.Common()
	if err := c.Keys.Rebind("add_key", []string{"+"}); err != nil {
		t.Fatal(err)
	}
	d := open(t, newFake(), c)
	if h := hints(d); !slices.Contains(h, "+ add a key") || slices.Contains(h, "a add a key") {
		t.Fatalf("hints after rebinding add_key to +: %v", h)
	}
	d.Press("a")
	if strings.Contains(d.Screen(), "new key") {
		t.Fatal("a still adds a key")
	}
	d.Press("+")
	if !strings.Contains(d.Screen(), "new key") || !strings.Contains(d.Screen(), "enter adds · esc cancels") {
		t.Fatalf("+ did not add a key:\n%s", d.Screen())
	}
}

func TestHintsNameTheKeysOfTypingWhileTyping(t *testing.T) {
	d := open(t, newFake(), uitest.Common())
	d.Press("enter")
	if h := hints(d); !slices.Contains(h, "tab next field") || slices.Contains(h, "a add a key") {
		t.Fatalf("hints while typing: %v", h)
	}
	d.Type("a")
	if d.Page.(*Page).rows[0].text() != "appa" {
		t.Fatal("a was not typed into the field")
	}
}

func TestSaveAsksThenWritesWithItsTokenAndGoesBack(t *testing.T) {
	aws := newFake()
	d := open(t, aws, uitest.Common())
	d.Press("down", "enter", "ctrl+u")
	d.Type("s3cret")
	d.Press("enter", "ctrl+s")
	if len(aws.puts) != 0 || !strings.Contains(d.Screen(), "Save a new version of prod/db?") {
		t.Fatalf("save did not ask first:\n%s", d.Screen())
	}
	d.Press("y")
	if len(aws.puts) != 1 || string(aws.puts[0].Value.Reveal()) != `{"user":"app","password":"s3cret"}` || aws.puts[0].ClientRequestToken == "" {
		t.Fatalf("wrote %+v", aws.puts)
	}
	if !d.WentBack() || d.Status() != "saved as version "+aws.puts[0].ClientRequestToken {
		t.Fatalf("status %q, back %v", d.Status(), d.WentBack())
	}
}

func TestSaveAfterAnotherWriterStopsThenRebasesKeepingTheEdit(t *testing.T) {
	aws := newFake()
	d := open(t, aws, uitest.Common())
	d.Press("down", "enter", "ctrl+u")
	d.Type("mine")
	d.Press("enter")
	aws.write("v2", `{"user":"other","password":"hunter2"}`)
	d.Press("ctrl+s", "y")
	if len(aws.puts) != 0 || !strings.Contains(d.Screen(), "AWSCURRENT moved from v1 to v2") {
		t.Fatalf("wrote %d versions over another writer's:\n%s", len(aws.puts), d.Screen())
	}
	d.Press("r")
	if !strings.Contains(d.Status(), "rebased onto version v2") {
		t.Fatalf("status %q", d.Status())
	}
	d.Press("ctrl+s", "y")
	if len(aws.puts) != 1 || string(aws.puts[0].Value.Reveal()) != `{"user":"other","password":"mine"}` {
		t.Fatalf("wrote %+v", aws.puts)
	}
}

func TestALostAnswerIsCheckedAgainstTheVersions(t *testing.T) {
	aws := newFake()
	aws.lose = true
	d := open(t, aws, uitest.Common())
	d.Press("enter")
	d.Type("x")
	d.Press("enter", "ctrl+s", "y")
	if !strings.Contains(d.Status(), "saved (the answer was lost; version "+aws.current+" is AWSCURRENT)") {
		t.Fatalf("status %q:\n%s", d.Status(), d.Screen())
	}
}

func TestRevealShowsTheFieldUnderTheCursorUntilTheCursorMovesOrARemask(t *testing.T) {
	d := open(t, newFake(), uitest.Common())
	d.Press("down", "v")
	if !strings.Contains(d.Screen(), "hunter2") || strings.Contains(d.Screen(), "app") {
		t.Fatalf("v did not reveal the password alone:\n%s", d.Screen())
	}
	d.Press("up")
	if strings.Contains(d.Screen(), "hunter2") {
		t.Fatal("moving away left the password revealed")
	}
	d.Press("v")
	p := d.Page.(*Page)
	d.Page, _ = p.Update(common.RemaskMsg{})
	if strings.Contains(d.Screen(), "app") {
		t.Fatal("a remask left the field revealed")
	}
}

func TestLeavingWithChangesAsksFirst(t *testing.T) {
	d := open(t, newFake(), uitest.Common())
	d.Press("esc")
	if !d.WentBack() {
		t.Fatal("esc without changes did not go back")
	}
	d = open(t, newFake(), uitest.Common())
	d.Press("d", "esc")
	if d.WentBack() || !strings.Contains(d.Screen(), "Leave without saving? Your changes are discarded.") {
		t.Fatalf("esc dropped a deletion without asking:\n%s", d.Screen())
	}
}

func TestGeneratorFillsTheFieldUnderTheCursor(t *testing.T) {
	d := open(t, newFake(), uitest.Common())
	d.Press("down", "ctrl+g", "enter")
	p := d.Page.(*Page)
	if got := p.rows[1].text(); got != strings.Repeat("g", 32) || strings.Contains(d.Screen(), "gggg") {
		t.Fatalf("the password field holds %q:\n%s", got, d.Screen())
	}
}
