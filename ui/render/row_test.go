package render

import (
	"strings"
	"testing"
	"time"

	"github.com/charmbracelet/x/ansi"
	"github.com/keyhole-tui/keyhole/model"
	"github.com/keyhole-tui/keyhole/ui/styles"
)

// TestCursorChangesOnlyTheFirstCell pins down what makes a cursor move
// cheap: the selected and the unselected row differ in the bar alone, the
// rest of the row is the same bytes.
func TestCursorChangesOnlyTheFirstCell(t *testing.T) {
	st := styles.New(true, false)
	now := time.Date(2026, 11, 28, 12, 0, 0, 0, time.UTC)
	for _, s := range []model.Secret{
		{Name: "prod/payments/db", Description: "Primary database", LastChangedDate: now.Add(-time.Hour), Tags: []model.Tag{{Key: "team", Value: "payments"}}},
		{Name: "prod/old", DeletedDate: now.Add(-time.Hour)},
	} {
		for _, ascii := range []bool{false, true} {
			c := ListColumns(160, nil)
			plain := SecretRow(s, c, &st, RowOptions{Now: now, ASCII: ascii})
			selected := SecretRow(s, c, &st, RowOptions{Now: now, ASCII: ascii, Selected: true})
			bar := "▌"
			if ascii {
				bar = ">"
			}
			rest, ok := strings.CutPrefix(selected, st.Ink.Cursor.Paint(bar))
			if !ok || rest != strings.TrimPrefix(plain, " ") || !strings.HasPrefix(plain, " ") {
				t.Errorf("%s ascii=%v:\nselected %q\nplain    %q", s.Name, ascii, selected, plain)
			}
			if w := ansi.StringWidth(selected); w != ansi.StringWidth(plain) || w > 160 {
				t.Errorf("%s: widths %d and %d", s.Name, w, ansi.StringWidth(plain))
			}
		}
	}
}

func TestListHeaderMarksTheSortedColumnAndShowsIt(t *testing.T) {
	st := styles.New(true, false)
	c := ListColumns(80, nil)
	for _, tc := range []struct {
		by    string
		ascii bool
		want  string
		gone  string
	}{
		{"name", false, "NAME↑", ""},
		{"changed", true, "CHANGED*", ""},
		{"created", false, "CREATED↓", "CHANGED"},
		{"accessed", false, "ACCESSED↓", ""},
	} {
		sorted := c.Sorted(tc.by)
		header := ansi.Strip(ListHeader(sorted, tc.ascii, &st))
		if !strings.Contains(header, tc.want) || (tc.gone != "" && strings.Contains(header, tc.gone)) || ansi.StringWidth(header) > 80 {
			t.Errorf("sorted by %s: header %q, want %q without %q", tc.by, header, tc.want, tc.gone)
		}
	}
	hidden := ListColumns(80, []string{"description"}).Sorted("accessed")
	if header := ansi.Strip(ListHeader(hidden, false, &st)); !strings.Contains(header, "ACCESSED↓") || ansi.StringWidth(header) > 80 {
		t.Errorf("a hidden sort column does not show: %q", header)
	}
}

func TestSecretRowUnderlinesMarkedLettersOnly(t *testing.T) {
	st := styles.New(true, false)
	s := model.Secret{Name: "prod/payments/postgres"}
	c := ListColumns(80, nil)
	plain := SecretRow(s, c, &st, RowOptions{})
	marked := SecretRow(s, c, &st, RowOptions{Marks: func(shown string) []bool {
		m := make([]bool, len(shown))
		m[5], m[6], m[7] = true, true, true
		return m
	}})
	if ansi.Strip(marked) != ansi.Strip(plain) {
		t.Errorf("marks changed the text:\n%q\n%q", ansi.Strip(marked), ansi.Strip(plain))
	}
	if !strings.Contains(marked, st.Ink.Match.Paint("pay")) {
		t.Errorf("pay is not underlined: %q", marked)
	}
}

// TestWideListGivesNamesTheirRoom checks that from 120 columns, where tags
// show too, a name of nameRoom cells is not cut, and that the columns fill
// the width.
func TestWideListGivesNamesTheirRoom(t *testing.T) {
	for width := 120; width <= 200; width += 5 {
		c := ListColumns(width, nil)
		if c.Name < nameRoom || c.Description < 15 || c.Tags < 15 {
			t.Errorf("width %d: %+v", width, c)
		}
		if got := markWidth + c.Name + c.Description + c.Rotation + c.Changed + c.Accessed + c.Tags + 5*gap; got != width {
			t.Errorf("width %d: columns take %d", width, got)
		}
	}
}
