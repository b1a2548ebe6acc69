package widget

import "testing"

func TestPositionSaysWhereTheViewIs(t *testing.T) {
	v := view(numbered(40), 10, 19)
	for _, step := range []struct {
		scroll int
		want   string
		ascii  string
	}{
		{0, "lines 1-19 of 40 · more below ↓", "lines 1-19 of 40 - more below v"},
		{2, "↑ more above · lines 3-21 of 40 · more below ↓", "^ more above - lines 3-21 of 40 - more below v"},
		{40, "↑ more above · lines 22-40 of 40", "^ more above - lines 22-40 of 40"},
	} {
		v.ScrollBy(step.scroll)
		if got := v.Position(false); got != step.want {
			t.Errorf("position %q, want %q", got, step.want)
		}
		if got := v.Position(true); got != step.ascii {
			t.Errorf("ASCII position %q, want %q", got, step.ascii)
		}
	}
	if got := view(numbered(3), 10, 5).Position(false); got != "lines 1-3 of 3" {
		t.Errorf("position of content that fits %q", got)
	}
}
