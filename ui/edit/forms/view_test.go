package forms

import (
	"strconv"
	"strings"
	"testing"

	"github.com/charmbracelet/x/ansi"
	"github.com/keyhole-tui/keyhole/ui/internal/uitest"
)

func TestAPageTooShortForItsLinesSaysThereIsMore(t *testing.T) {
	var lines []string
	for i := range 30 {
		lines = append(lines, "field "+strconv.Itoa(i))
	}
	page := ansi.Strip(Page(uitest.Common(), lines, 0, []string{"hints"}, 80, 10))
	got := strings.Split(page, "\n")
	if len(got) != 10 || !strings.Contains(got[8], "lines 1-8 of 30") || !strings.Contains(got[8], "more below") || got[9] != "hints" {
		t.Fatalf("page:\n%s", page)
	}
	if page := ansi.Strip(Page(uitest.Common(), lines[:3], 0, nil, 80, 10)); strings.Contains(page, "more") {
		t.Fatalf("a page that fits says there is more:\n%s", page)
	}
}
