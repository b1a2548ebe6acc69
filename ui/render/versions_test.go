package render

import (
	"strings"
	"testing"
	"time"

	"github.com/charmbracelet/x/ansi"
	"github.com/keyhole-tui/keyhole/model"
	"github.com/keyhole-tui/keyhole/ui/styles"
)

func TestVersionRowFitsTheWidth(t *testing.T) {
	st := styles.New(true, false)
	now := time.Date(2026, 11, 28, 12, 0, 0, 0, time.UTC)
	v := model.Version{ID: "50000000-0000-4000-8000-000000000005", Stages: []string{"BLUE", "AWSCURRENT"}, CreatedDate: now.Add(-48 * time.Hour)}
	for _, width := range []int{60, 80, 119, 120, 160, 240} {
		c := VersionTableColumns(width)
		for _, selected := range []bool{false, true} {
			row := VersionRow(v, c, &st, VersionRowOptions{RowOptions: RowOptions{Now: now, Selected: selected}})
			if w := ansi.StringWidth(row); w > width {
				t.Errorf("width %d: row is %d wide", width, w)
			}
		}
		if w := ansi.StringWidth(VersionHeader(c, &st)); w > width {
			t.Errorf("width %d: header is %d wide", width, w)
		}
	}
	if c := VersionTableColumns(80); c.ID != 36 {
		t.Errorf("a version id is cut at 80 columns: %d", c.ID)
	}
}

func TestVersionRowSanitizesAndOrdersLabels(t *testing.T) {
	st := styles.New(true, false)
	v := model.Version{ID: "id\x1b[31m", Stages: []string{"custom\u202e", "AWSPREVIOUS"}}
	row := ansi.Strip(VersionRow(v, VersionTableColumns(160), &st, VersionRowOptions{RowOptions: RowOptions{ASCII: true}, Marked: true}))
	if strings.ContainsAny(row, "\x1b\u202e") {
		t.Fatalf("raw control characters in %q", row)
	}
	if !strings.Contains(row, `AWSPREVIOUS, custom\u202e`) || !strings.HasPrefix(row, " * ") {
		t.Fatalf("row = %q", row)
	}
	if got := StageLabels(nil); got != "(deprecated)" {
		t.Fatalf("no labels read %q", got)
	}
}

func TestDiffRowShowsPathAndChangeOnly(t *testing.T) {
	st := styles.New(true, false)
	tests := []struct {
		line model.DiffLine
		want string
	}{
		{model.DiffLine{Path: "db.password", Change: model.Changed}, "  ~ changed   db.password"},
		{model.DiffLine{Path: "port", Change: model.Added}, "  + added     port"},
		{model.DiffLine{Path: "legacy", Change: model.Removed}, "  - removed   legacy"},
		{model.DiffLine{Path: "user\x07", Change: model.Unchanged}, `  = unchanged user\x07`},
	}
	for _, tt := range tests {
		if got := ansi.Strip(DiffRow(tt.line, &st, false, false)); got != " "+tt.want {
			t.Errorf("DiffRow = %q, want %q", got, " "+tt.want)
		}
		if got := ansi.Strip(DiffRow(tt.line, &st, true, false)); got != "▌"+tt.want {
			t.Errorf("selected DiffRow = %q, want %q", got, "▌"+tt.want)
		}
		if got := ansi.Strip(DiffRow(tt.line, &st, true, true)); got != ">"+tt.want {
			t.Errorf("selected ASCII DiffRow = %q, want %q", got, ">"+tt.want)
		}
	}
}

func TestNewestFirst(t *testing.T) {
	now := time.Now()
	vs := NewestFirst([]model.Version{{ID: "b", CreatedDate: now}, {ID: "old", CreatedDate: now.Add(-time.Hour)}, {ID: "a", CreatedDate: now}, {ID: "new", CreatedDate: now.Add(time.Hour)}})
	var ids []string
	for _, v := range vs {
		ids = append(ids, v.ID)
	}
	if got := strings.Join(ids, " "); got != "new a b old" {
		t.Fatalf("order = %s", got)
	}
}
