package ui_test

import (
	"context"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/keyhole-tui/keyhole/awsx/emulator"
	"github.com/keyhole-tui/keyhole/ui"
	"github.com/keyhole-tui/keyhole/ui/internal/uitest"
)

// TestAFilterTypedWhileLoadingAsksAWSToo types the name of a secret the
// listing reaches last while it has barely started: AWS's own search finds
// it, it shows marked as found, and once the listing brings it too it is
// listed once, unmarked.
func TestAFilterTypedWhileLoadingAsksAWSToo(t *testing.T) {
	seed := emulator.Synthetic(3_000, 7)
	var names []string
	for _, s := range seed.Secrets {
		if s.Deleted.IsZero() {
			names = append(names, s.Name)
		}
	}
	slices.Sort(names)
	last := names[len(names)-1]
	emu, client := uitest.Backend(t, seed)
	emu.SetLatency(25 * time.Millisecond) // 30 pages: about a second
	ctx, cancel := context.WithCancel(context.Background())
	t.Cleanup(cancel)
	d := uitest.NewDriver(t, ui.New(ctx, client, ui.Config{Profile: "test", Region: "us-east-1", Now: uitest.Clock,
		Clipboard: &uitest.Clipboard{}}), 160, 40)
	d.WaitForText("loading")
	d.Press("/")
	d.Type(last)
	d.WaitFor("the secret found by search", func(s string) bool {
		return strings.Contains(s, "~ "+last) && strings.Contains(s, "1 found by search (~), to be confirmed") && strings.Contains(s, "loading")
	})
	d.WaitFor("the listing to confirm it", func(s string) bool {
		return !strings.Contains(s, "loading") && !strings.Contains(s, "found by search")
	})
	s := d.Screen()
	// Once on the filter line, once as a row.
	if strings.Count(s, last) != 2 || strings.Contains(s, "~ "+last) {
		t.Fatalf("after the listing, %s should show once, unmarked:\n%s", last, s)
	}
}
