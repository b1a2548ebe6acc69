package meta

import (
	"context"
	"errors"
	"slices"
	"strings"
	"testing"

	"github.com/keyhole-tui/keyhole/model"
	"github.com/keyhole-tui/keyhole/ui/common"
	"github.com/keyhole-tui/keyhole/ui/edit/forms/formstest"
	"github.com/keyhole-tui/keyhole/ui/internal/uitest"
)

// fakeAWS records the writes and fails the one named in fail.
type fakeAWS struct {
	calls []string
	fail  string
}

func (f *fakeAWS) call(name string) error {
	f.calls = append(f.calls, name)
	if f.fail != "" && strings.HasPrefix(name, f.fail) {
		return errors.New("denied")
	}
	return nil
}

func (f *fakeAWS) UpdateSecret(_ context.Context, in model.UpdateInput) error {
	return f.call("UpdateSecret " + *in.Description)
}

func (f *fakeAWS) TagSecret(_ context.Context, _ string, tags []model.Tag) error {
	return f.call("TagSecret " + model.FormatTags(tags))
}

func (f *fakeAWS) UntagSecret(_ context.Context, _ string, keys []string) error {
	return f.call("UntagSecret " + strings.Join(keys, ","))
}

var secret = model.Secret{ARN: "arn:s", Name: "prod/db", Description: "db", Tags: []model.Tag{{Key: "env", Value: "prod"}}}

func open(t *testing.T, aws *fakeAWS) *formstest.Driver {
	return formstest.New(t, uitest.Common(), func(c common.Common) common.Page {
		p := New(c, secret)
		p.b = aws
		return p
	})
}

func TestLeavingWithoutChangesGoesBackAtOnce(t *testing.T) {
	d := open(t, &fakeAWS{})
	d.Press("esc")
	if !d.WentBack() || d.C.Slot.Modal() != nil {
		t.Fatal("esc on an unchanged form did not go straight back")
	}
}

func TestLeavingWithTypedChangesAsksFirst(t *testing.T) {
	d := open(t, &fakeAWS{})
	d.Type(" primary")
	d.Press("esc")
	if d.WentBack() || !strings.Contains(d.Screen(), "Leave without saving? Your changes are discarded.") {
		t.Fatalf("esc dropped typed changes without asking:\n%s", d.Screen())
	}
	d.Press("n")
	if d.WentBack() || !strings.Contains(d.Screen(), "db primary") {
		t.Fatalf("declining did not keep the form:\n%s", d.Screen())
	}
	d.Press("esc", "y")
	if !d.WentBack() {
		t.Fatal("confirming did not go back")
	}
}

func TestSaveWritesDescriptionThenTagsThenRemovals(t *testing.T) {
	aws := &fakeAWS{}
	d := open(t, aws)
	d.Type("!")
	d.Press("tab")
	for range "env=prod\n" {
		d.Press("backspace")
	}
	d.Type("tier=1")
	d.Press("ctrl+s")
	if !strings.Contains(d.Screen(), "Change the description, set 1 tag(s), remove env on prod/db?") || len(aws.calls) != 0 {
		t.Fatalf("save did not ask first (calls %v):\n%s", aws.calls, d.Screen())
	}
	d.Press("y")
	want := []string{"UpdateSecret db!", "TagSecret tier=1\n", "UntagSecret env"}
	if !slices.Equal(aws.calls, want) || !d.WentBack() || d.Status() != "description and tags of prod/db saved" {
		t.Fatalf("calls %v, status %q, back %v", aws.calls, d.Status(), d.WentBack())
	}
}

func TestAFailedSaveSaysWhichStepFailedAndStays(t *testing.T) {
	aws := &fakeAWS{fail: "TagSecret"}
	d := open(t, aws)
	d.Press("tab")
	d.Type("tier=1")
	d.Press("ctrl+s", "y")
	if d.WentBack() || !strings.Contains(d.Screen(), "set tags: denied") {
		t.Fatalf("back %v:\n%s", d.WentBack(), d.Screen())
	}
}

func TestSaveWithoutChangesSaysSoAndWritesNothing(t *testing.T) {
	aws := &fakeAWS{}
	d := open(t, aws)
	d.Press("ctrl+s")
	if d.C.Slot.Modal() != nil || len(aws.calls) != 0 || !strings.Contains(d.Screen(), "nothing changed") {
		t.Fatalf("calls %v:\n%s", aws.calls, d.Screen())
	}
}
