package rotation

import (
	"regexp"
	"strings"
	"testing"

	"github.com/charmbracelet/x/ansi"
	"github.com/keyhole-tui/keyhole/ui/internal/uitest"
)

func TestTheScheduleFormSavesOnTheSaveKeyAsEveryFormDoes(t *testing.T) {
	aws := newFake()
	p := newTestPage(t, aws, 24)
	uitest.Act(t, p.Actions(), &p.c.Keys.EditSchedule)
	form := p.c.Slot.Modal()
	form, _ = form.Update(uitest.KeyPress("7"))
	form, cmd := form.Update(uitest.KeyPress("ctrl+s"))
	if form != nil || cmd == nil {
		t.Fatal("ctrl+s did not save a valid schedule")
	}
}

func TestTheScheduleFormNamesDaysAndMarksTheFocusedField(t *testing.T) {
	aws := newFake()
	p := newTestPage(t, aws, 24)
	uitest.Act(t, p.Actions(), &p.c.Keys.EditSchedule)
	form := p.c.Slot.Modal()
	form, _ = form.Update(uitest.KeyPress("7"))
	view := ansi.Strip(form.View(80))
	if !strings.Contains(view, "▸ schedule  7") || !regexp.MustCompile(`schedule  7 +days`).MatchString(view) {
		t.Fatalf("the schedule shows no focus or no unit:\n%s", view)
	}
	form, _ = form.Update(uitest.KeyPress("tab"))
	if view := ansi.Strip(form.View(80)); !strings.Contains(view, "▸ window") {
		t.Fatalf("the focus mark did not follow tab:\n%s", view)
	}
	if !strings.Contains(view, "ctrl+s or enter saves") {
		t.Fatalf("the hint does not name the save key:\n%s", view)
	}
}

func TestTheScheduleFormKeepsItsBorderInASCII(t *testing.T) {
	aws := newFake()
	p := newTestPage(t, aws, 24)
	p.c.ASCII = true
	uitest.Act(t, p.Actions(), &p.c.Keys.EditSchedule)
	view := ansi.Strip(p.c.Slot.Modal().View(80))
	if strings.Contains(view, "…") {
		t.Fatalf("an ellipsis the ASCII fallback would widen past the border:\n%s", view)
	}
}
