package create

import (
	"context"
	"errors"
	"slices"
	"strings"
	"testing"

	tea "charm.land/bubbletea/v2"

	"github.com/keyhole-tui/keyhole/model"
	"github.com/keyhole-tui/keyhole/ui/common"
	"github.com/keyhole-tui/keyhole/ui/edit/forms/formstest"
	"github.com/keyhole-tui/keyhole/ui/internal/uitest"
)

// fakeAWS keeps what CreateSecret was asked, failing the first fails
// calls, and hands out a fixed password.
type fakeAWS struct {
	created []model.CreateInput
	fails   int
	spec    model.PasswordSpec
}

func (f *fakeAWS) CreateSecret(_ context.Context, in model.CreateInput) (string, string, error) {
	f.created = append(f.created, in)
	if len(f.created) <= f.fails {
		return "", "", errors.New("connection reset")
	}
	return "arn:" + in.Name, "v1", nil
}

func (f *fakeAWS) RandomPassword(_ context.Context, spec model.PasswordSpec) (model.Value, error) {
	f.spec = spec
	return model.StringValue(strings.Repeat("p", int(spec.Length))), nil
}

func open(t *testing.T, aws *fakeAWS) *formstest.Driver {
	return formstest.New(t, uitest.Common(), func(c common.Common) common.Page {
		p := New(c)
		p.b = aws
		return p
	})
}

// fillPair types a name and one key/value pair, leaving the focus on the
// value.
func fillPair(d *formstest.Driver, name, key, value string) {
	d.Type(name)
	d.Press("tab", "tab", "tab", "tab", "tab")
	d.Type(key)
	d.Press("tab")
	d.Type(value)
}

func TestCreateAsksThenCreatesAndGoesBack(t *testing.T) {
	aws := &fakeAWS{}
	d := open(t, aws)
	fillPair(d, "app/db", "password", "hunter2")
	d.Press("ctrl+s")
	if !strings.Contains(d.Screen(), "Create secret app/db?") || len(aws.created) != 0 {
		t.Fatalf("save did not ask first:\n%s", d.Screen())
	}
	d.Press("y")
	if len(aws.created) != 1 || string(aws.created[0].Value.Reveal()) != `{"password":"hunter2"}` {
		t.Fatalf("created %+v", aws.created)
	}
	if !d.WentBack() || d.Status() != "created app/db (version v1)" {
		t.Fatalf("status %q, back %v", d.Status(), d.WentBack())
	}
	if !slices.Contains(d.Sent, tea.Msg(common.ChangedMsg{ARN: "arn:app/db"})) {
		t.Errorf("sent %v, want the new secret's ARN so the list shows it", d.Sent)
	}
}

func TestResubmittingAFailedCreateReusesItsToken(t *testing.T) {
	aws := &fakeAWS{fails: 1}
	d := open(t, aws)
	fillPair(d, "app/db", "password", "hunter2")
	d.Press("ctrl+s", "y")
	if d.WentBack() || !strings.Contains(d.Screen(), "connection reset") {
		t.Fatalf("a failed create left or said nothing:\n%s", d.Screen())
	}
	d.Press("ctrl+s", "y")
	if len(aws.created) != 2 || aws.created[0].ClientRequestToken != aws.created[1].ClientRequestToken {
		t.Fatalf("the same submission got a new token: %+v", aws.created)
	}
	d.Type("3")
	d.Press("ctrl+s", "y")
	if aws.created[2].ClientRequestToken == aws.created[1].ClientRequestToken {
		t.Fatal("a changed submission kept the failed one's token")
	}
}

func TestGeneratorFillsTheFocusedValueUnseen(t *testing.T) {
	aws := &fakeAWS{}
	d := open(t, aws)
	d.Press("ctrl+g")
	if !strings.Contains(d.Screen(), "move to a value field first") || d.C.Slot.Modal() != nil {
		t.Fatalf("the generator opened on the name:\n%s", d.Screen())
	}
	fillPair(d, "app/db", "password", "")
	d.Press("ctrl+g", "down", "down", "space", "enter")
	if !aws.spec.ExcludePunctuation || aws.spec.Length != 32 {
		t.Fatalf("asked for %+v", aws.spec)
	}
	if d.Status() != "generated a 32-character password into the field (not shown)" || strings.Contains(d.Screen(), "pppp") {
		t.Fatalf("status %q:\n%s", d.Status(), d.Screen())
	}
	d.Press("ctrl+s", "y")
	if got := string(aws.created[0].Value.Reveal()); got != `{"password":"`+strings.Repeat("p", 32)+`"}` {
		t.Fatalf("created %s", got)
	}
}

func TestKindChangesOnTheChoiceKeysOnly(t *testing.T) {
	d := open(t, &fakeAWS{})
	d.Press("tab", "tab", "tab", "tab")
	d.Press("right")
	if !strings.Contains(d.Screen(), "Value · plaintext") {
		t.Fatalf("right did not pick plaintext:\n%s", d.Screen())
	}
	d.Press("left", "left")
	if !strings.Contains(d.Screen(), "Value · binary file") {
		t.Fatalf("left did not go round to binary:\n%s", d.Screen())
	}
	d.Press("shift+tab")
	d.Type("l")
	if !strings.Contains(d.Screen(), "Value · binary file") {
		t.Fatal("l typed into the tags changed the kind")
	}
}

func TestLeavingAFilledFormAsksFirst(t *testing.T) {
	d := open(t, &fakeAWS{})
	d.Press("esc")
	if !d.WentBack() {
		t.Fatal("esc on an empty form did not go back")
	}
	d = open(t, &fakeAWS{})
	d.Type("half")
	d.Press("esc")
	if d.WentBack() || !strings.Contains(d.Screen(), "Leave without saving?") {
		t.Fatalf("esc dropped what was typed:\n%s", d.Screen())
	}
}
