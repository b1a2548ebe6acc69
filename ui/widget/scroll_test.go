package widget

import (
	"fmt"
	"slices"
	"strings"
	"testing"

	tea "charm.land/bubbletea/v2"
	"github.com/keyhole-tui/keyhole/ui/internal/uitest"
	"github.com/keyhole-tui/keyhole/ui/keys"
)

// numbered is n short lines, no two neighbours alike.
func numbered(n int) []string {
	out := make([]string, n)
	for i := range out {
		out[i] = strings.Repeat("x", i%3) + string(rune('a'+i%26))
	}
	return out
}

func view(lines []string, width, height int) ScrollView {
	var v ScrollView
	v.SetSize(width, height)
	v.SetContent(lines)
	return v
}

func TestScrollViewPadsAndCutsToTheBox(t *testing.T) {
	v := view([]string{"abcdef", "gh"}, 4, 3)
	if got := v.Lines(); !slices.Equal(got, []string{"abcd", "gh", ""}) {
		t.Errorf("lines %q", got)
	}
	v.Fold = Cut("~")
	v.SetContent([]string{"abcdef"})
	if got := v.Lines()[0]; got != "abc~" {
		t.Errorf("cut line %q, want abc~", got)
	}
}

func TestScrollViewScrollsOnKeysAndWheelWithinItsContent(t *testing.T) {
	km := keys.Default()
	v := view(numbered(40), 10, 10)
	for _, step := range []struct {
		key  string
		want int
	}{{"j", 1}, {"pgdown", 11}, {"end", 30}, {"down", 30}, {"pgup", 20}, {"home", 0}, {"k", 0}} {
		if !v.Key(&km, uitest.KeyPress(step.key)) || v.Offset() != step.want {
			t.Errorf("after %s the offset is %d, want %d", step.key, v.Offset(), step.want)
		}
	}
	v.Wheel(tea.MouseWheelMsg{Button: tea.MouseWheelDown})
	if v.Offset() != 3 {
		t.Errorf("a wheel notch moved to %d, want 3", v.Offset())
	}
	if v.Key(&km, uitest.KeyPress("enter")) {
		t.Error("enter scrolled")
	}
}

func TestScrollViewStaysWithinContentThatShrinks(t *testing.T) {
	v := view(numbered(40), 10, 10)
	v.ScrollBy(40)
	v.SetContent(numbered(15))
	if v.Offset() != 5 {
		t.Errorf("offset %d after the content shrank to 15, want 5", v.Offset())
	}
	v.SetSize(10, 20)
	if v.Offset() != 0 || v.Overflows() {
		t.Errorf("offset %d in a box taller than the content", v.Offset())
	}
}

func TestScrollViewRevealsItsFocusMovingAsLittleAsItCan(t *testing.T) {
	v := view(numbered(40), 10, 10)
	v.Reveal(15, 16)
	if v.Offset() != 7 {
		t.Fatalf("offset %d, want 7: lines 15-16 at the bottom", v.Offset())
	}
	v.Reveal(9, 9)
	if v.Offset() != 7 {
		t.Errorf("a focus already in view scrolled to %d", v.Offset())
	}
	v.Reveal(2, 30)
	if v.Offset() != 2 {
		t.Errorf("a focus taller than the box shows from %d, want its first line", v.Offset())
	}
}

func TestScrollViewRevealsWrappedLinesWhole(t *testing.T) {
	lines := []string{"a", "b", "0123456789abcdefghij", "c"}
	v := ScrollView{Fold: WordWrap}
	v.SetSize(10, 2)
	v.SetContent(lines)
	if v.Len() != 5 {
		t.Fatalf("laid out in %d lines, want 5", v.Len())
	}
	v.Reveal(2, 2)
	if got := v.Lines(); !slices.Equal(got, []string{"0123456789", "abcdefghij"}) || v.Offset() != 2 {
		t.Errorf("offset %d shows %q", v.Offset(), got)
	}
	if i, ok := v.LineAt(1); !ok || i != 2 {
		t.Errorf("line 1 of the box is content line %d, want 2", i)
	}
	if _, ok := v.LineAt(2); ok {
		t.Error("a line below the box is drawn")
	}
}

func TestScrollViewCopyKeepsWhatItShowed(t *testing.T) {
	v := view([]string{"one", "two"}, 10, 2)
	before := v
	v.SetContent([]string{"three", "four"})
	if got := before.Lines(); !slices.Equal(got, []string{"one", "two"}) {
		t.Errorf("a copy taken before shows %q", got)
	}
}

func TestBeyondAndWithinTellWhereATallRangeRuns(t *testing.T) {
	var v ScrollView
	v.SetSize(20, 5)
	var lines []string
	for i := range 12 {
		lines = append(lines, fmt.Sprint("line ", i))
	}
	v.SetContent(lines)
	if above, below := v.Beyond(0, 9); above || !below {
		t.Errorf("at the top, lines 0-9 run past the bottom only: above %v, below %v", above, below)
	}
	if !v.Within(0, 9) || v.Within(0, 3) {
		t.Error("at the top the view shows only lines 0-9, and more than lines 0-3")
	}
	v.ScrollBy(5)
	if above, below := v.Beyond(0, 9); !above || below {
		t.Errorf("scrolled to line 5, lines 0-9 run past the top only: above %v, below %v", above, below)
	}
	if !v.Within(0, 9) || v.Within(6, 11) {
		t.Error("scrolled to line 5 the view shows only lines 0-9 (5-9), not only lines 6-11")
	}
}
