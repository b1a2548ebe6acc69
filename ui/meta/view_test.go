package meta

import (
	"strings"
	"testing"

	"github.com/keyhole-tui/keyhole/model"
	"github.com/keyhole-tui/keyhole/ui/common"
	"github.com/keyhole-tui/keyhole/ui/edit/forms/formstest"
	"github.com/keyhole-tui/keyhole/ui/internal/uitest"
)

func TestTheFocusedFieldIsMarked(t *testing.T) {
	d := open(t, &fakeAWS{})
	if s := d.Screen(); !strings.Contains(s, "▸ Description") || strings.Contains(s, "▸ Tags") {
		t.Fatalf("the description has the focus but is not marked:\n%s", s)
	}
	d.Press("tab")
	if s := d.Screen(); strings.Contains(s, "▸ Description") || !strings.Contains(s, "▸ Tags") {
		t.Fatalf("the tags have the focus but are not marked:\n%s", s)
	}
}

func TestTagsLongerThanShownSayThereIsMore(t *testing.T) {
	many := secret
	many.Tags = nil
	for i := range 30 {
		many.Tags = append(many.Tags, model.Tag{Key: "k" + string(rune('a'+i%26)) + string(rune('a'+i/26)), Value: "v"})
	}
	d := formstest.New(t, uitest.Common(), func(c common.Common) common.Page {
		p := New(c, many)
		p.b = &fakeAWS{}
		return p
	})
	if s := d.Screen(); !strings.Contains(s, "tags 1-12 of 31 · more below ↓") {
		t.Fatalf("no marker for tags below the field:\n%s", s)
	}
	few := open(t, &fakeAWS{})
	if s := few.Screen(); strings.Contains(s, "more below") {
		t.Fatalf("a marker under tags that all show:\n%s", s)
	}
}
