package lifecycle

import (
	"strings"
	"testing"

	"github.com/charmbracelet/x/ansi"
	"github.com/keyhole-tui/keyhole/model"
	"github.com/keyhole-tui/keyhole/ui/internal/uitest"
)

func TestTheDeleteDialogWarnsOfTheOwningService(t *testing.T) {
	c := uitest.Common()
	AskDelete(c, model.Secret{Name: "rds!db-1", OwningService: "rds"})
	view := ansi.Strip(c.Slot.Modal().View(80))
	if !strings.Contains(view, "Owned by rds: deleting it here can break rds") {
		t.Fatalf("the delete dialog does not warn of the owner:\n%s", view)
	}
	if w := ansi.StringWidth(strings.Split(view, "\n")[0]); w > 80 {
		t.Fatalf("the dialog is %d columns wide", w)
	}
}
