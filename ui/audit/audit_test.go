package audit

import (
	"context"
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/charmbracelet/x/ansi"
	"github.com/keyhole-tui/keyhole/model"
	"github.com/keyhole-tui/keyhole/ui/common"
	"github.com/keyhole-tui/keyhole/ui/internal/uitest"
)

// fakeTrail answers LookupEvents with pages of events by token ("" first,
// then "2", "3"…) and counts the lookups.
type fakeTrail struct {
	pages   [][]model.AuditEvent
	lookups int
}

func (f *fakeTrail) LookupEvents(_ context.Context, _ model.AuditQuery, token string) (model.AuditPage, error) {
	f.lookups++
	i := 0
	if token != "" {
		fmt.Sscan(token, &i)
		i--
	}
	page := model.AuditPage{Events: f.pages[i]}
	if i+1 < len(f.pages) {
		page.NextToken = fmt.Sprint(i + 2)
	}
	return page, nil
}

// event is a call minutes before the test clock, failed when code is set.
func event(id, name string, minutes int, code string) model.AuditEvent {
	return model.AuditEvent{
		ID: id, Name: name, Time: uitest.Clock().Add(-time.Duration(minutes) * time.Minute),
		Source: model.SecretsManagerSource, ReadOnly: true, Username: "alice", ErrorCode: code,
		Raw: `{"eventID":"` + id + `","eventName":"` + name + `","note":"` + strings.Repeat("x", 100) + `"}`,
	}
}

func openTrail(f *fakeTrail, height int) (*uitest.Screen, *Page) {
	c := uitest.Common()
	p := newPage(c, f, nil)
	p.SetSize(80, height)
	s := &uitest.Screen{Page: p, Tasks: c.Tasks}
	s.Do(p.Init())
	return s, p
}

func selectedEvent(p *Page) string {
	return p.events.SelectedID(p.eventID)
}

func TestAuditLoadsEveryPageOneAtATime(t *testing.T) {
	f := &fakeTrail{pages: [][]model.AuditEvent{
		{event("e1", "GetSecretValue", 1, ""), event("e2", "PutSecretValue", 2, "")},
		{event("e3", "GetSecretValue", 3, "")},
	}}
	_, p := openTrail(f, 20)
	screen := ansi.Strip(p.View())
	if f.lookups != 2 || !strings.Contains(screen, "3 of 3 events") || !strings.Contains(screen, "2 requests to CloudTrail") {
		t.Errorf("%d lookups:\n%s", f.lookups, screen)
	}
}

func TestAuditKeepsTheSelectedEventAcrossFilters(t *testing.T) {
	f := &fakeTrail{pages: [][]model.AuditEvent{{
		event("e1", "GetSecretValue", 1, ""), event("e2", "GetSecretValue", 2, "AccessDenied"), event("e3", "GetSecretValue", 3, ""),
	}}}
	s, p := openTrail(f, 20)
	s.Press("j")
	if selectedEvent(p) != "e2" {
		t.Fatalf("selected %q, want e2", selectedEvent(p))
	}
	s.Press("E")
	if selectedEvent(p) != "e2" || p.events.Len() != 1 {
		t.Errorf("errors only: %q selected of %d", selectedEvent(p), p.events.Len())
	}
	s.Press("E")
	if selectedEvent(p) != "e2" || p.events.Cursor() != 1 {
		t.Errorf("every call again: %q selected on row %d", selectedEvent(p), p.events.Cursor())
	}
}

func TestAuditDropsThePagesOfALoadItReplaced(t *testing.T) {
	f := &fakeTrail{pages: [][]model.AuditEvent{{event("e1", "GetSecretValue", 1, "")}}}
	c := uitest.Common()
	p := newPage(c, f, nil)
	p.SetSize(80, 20)
	s := &uitest.Screen{Page: p, Tasks: c.Tasks}
	late := p.Init()
	f.pages = [][]model.AuditEvent{{event("e9", "PutSecretValue", 1, "")}}
	s.Press("ctrl+r")
	s.Do(late)
	if p.hist.Len() != 1 || selectedEvent(p) != "e9" {
		t.Errorf("%d events, %q selected: the page of the load replaced was taken", p.hist.Len(), selectedEvent(p))
	}
}

func TestAuditOpensAnEventScrollsItAndGoesBack(t *testing.T) {
	f := &fakeTrail{pages: [][]model.AuditEvent{{event("e1", "GetSecretValue", 1, "")}}}
	s, p := openTrail(f, 6)
	s.Press("enter")
	screen := ansi.Strip(p.View())
	if !strings.Contains(screen, "Event · GetSecretValue") || !strings.Contains(screen, "lines 1-4 of") || !strings.Contains(screen, "more below") {
		t.Fatalf("the event is not open at its top:\n%s", screen)
	}
	for i, l := range strings.Split(screen, "\n") {
		if ansi.StringWidth(l) > 80 {
			t.Errorf("line %d is %d wide", i, ansi.StringWidth(l))
		}
	}
	s.Press("end")
	if screen := ansi.Strip(p.View()); !strings.Contains(screen, "more above") || strings.Contains(screen, "more below") {
		t.Errorf("end does not reach the end of the event:\n%s", screen)
	}
	s.Press("esc")
	if p.event != nil || len(s.Sent) != 0 {
		t.Errorf("esc did not close the event alone: %v", s.Sent)
	}
	s.Press("esc")
	if len(s.Sent) != 1 || s.Sent[0] != (common.BackMsg{}) {
		t.Errorf("esc on the table did not go back: %v", s.Sent)
	}
}

func TestAuditWhoReadItFiltersTheEventsOfAReader(t *testing.T) {
	f := &fakeTrail{pages: [][]model.AuditEvent{{
		event("e1", "GetSecretValue", 1, ""), event("e2", "PutSecretValue", 2, ""),
	}}}
	s, p := openTrail(f, 20)
	s.Press("tab")
	if p.readers.table.Len() == 0 || !strings.Contains(ansi.Strip(p.View()), "alice") {
		t.Fatalf("no reader listed:\n%s", ansi.Strip(p.View()))
	}
	s.Press("enter")
	if p.tab != tabEvents || !strings.HasPrefix(p.input.Value(), "event:GetSecretValue principal:") || p.events.Len() != 1 {
		t.Errorf("tab %d, filter %q, %d events", p.tab, p.input.Value(), p.events.Len())
	}
}
