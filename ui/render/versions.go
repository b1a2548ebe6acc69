package render

import (
	"slices"
	"strings"

	"github.com/keyhole-tui/keyhole/model"
	"github.com/keyhole-tui/keyhole/ui/styles"
)

// VersionColumns are the widths of the versions table's columns.
type VersionColumns struct {
	ID       int
	Stages   int
	Created  int
	Accessed int
}

const (
	versionIDWidth    = 36 // a UUID
	versionLongDate   = 30 // "10d ago (2026-11-18 12:00 UTC)"
	versionShortDate  = 9  // "10d ago"
	versionDayWidth   = 10 // "yesterday"
	versionWideLayout = 120
	versionMaxStages  = 40
)

// VersionTableColumns fits the versions table to the terminal width: full
// version ids, and creation dates spelled out from 120 columns.
func VersionTableColumns(width int) VersionColumns {
	c := VersionColumns{ID: versionIDWidth, Created: versionShortDate, Accessed: versionDayWidth}
	if width >= versionWideLayout {
		c.Created = versionLongDate
	}
	rest := width - markWidth - c.Created - c.Accessed - 3*gap
	c.Stages = min(max(rest-c.ID, 12), versionMaxStages)
	c.ID = max(min(c.ID, rest-c.Stages), 8)
	return c
}

// VersionHeader is the versions table's column titles.
func VersionHeader(c VersionColumns, st *styles.Styles) string {
	return st.ColumnHeader.Render(strings.Repeat(" ", markWidth) + Fit("VERSION ID", c.ID, "") + " " +
		Fit("STAGES", c.Stages, "") + " " + Fit("CREATED", c.Created, "") + " " + Fit("ACCESSED", c.Accessed, ""))
}

// VersionRowOptions are a version row's circumstances: a list row's, and
// whether the version is marked for a diff.
type VersionRowOptions struct {
	RowOptions
	Marked bool
}

// VersionRow renders one version: id, stage labels, when it was created
// and the day it was last read. Every AWS string is sanitized.
func VersionRow(v model.Version, c VersionColumns, st *styles.Styles, o VersionRowOptions) string {
	tail, mark := "…", "◆ "
	if o.ASCII {
		tail, mark = "~", "* "
	}
	if !o.Marked {
		mark = "  "
	}
	stages := StageLabels(v.Stages)
	created := Ago(v.CreatedDate, o.Now)
	if c.Created >= versionLongDate {
		created = When(v.CreatedDate, o.Now)
	}
	cells := []string{
		Fit(model.Sanitize(v.ID), c.ID, tail),
		Fit(stages, c.Stages, tail),
		Fit(created, c.Created, tail),
		Fit(AccessDay(v.LastAccessedDate, o.Now), c.Accessed, tail),
	}
	stageStyle := st.Row
	switch {
	case v.Deprecated():
		stageStyle = st.Muted
	case v.HasStage(model.StageCurrent):
		stageStyle = st.OK
	case v.HasStage(model.StagePending):
		stageStyle = st.Warning
	}
	return Cursor(o.Selected, o.ASCII, st) + st.Title.Render(mark) + st.Row.Render(cells[0]) + " " + stageStyle.Render(cells[1]) + " " +
		st.Muted.Render(cells[2]+" "+cells[3])
}

// StageLabels lists a version's labels, AWS's own first, sanitized;
// "(deprecated)" when it has none.
func StageLabels(stages []string) string {
	if len(stages) == 0 {
		return "(deprecated)"
	}
	sorted := slices.Clone(stages)
	slices.SortStableFunc(sorted, func(a, b string) int { return labelWeight(a) - labelWeight(b) })
	return model.Sanitize(strings.Join(sorted, ", "))
}

// NewestFirst orders versions by creation, newest first, ties by id.
func NewestFirst(vs []model.Version) []model.Version {
	slices.SortStableFunc(vs, func(a, b model.Version) int {
		if d := b.CreatedDate.Compare(a.CreatedDate); d != 0 {
			return d
		}
		return strings.Compare(a.ID, b.ID)
	})
	return vs
}

// DiffRow renders one line of a masked diff: a sign, the change in words
// and the sanitized path. It never shows a value.
func DiffRow(l model.DiffLine, st *styles.Styles, selected, ascii bool) string {
	sign, style := "=", st.Muted
	switch l.Change {
	case model.Changed:
		sign, style = "~", st.Warning
	case model.Added:
		sign, style = "+", st.OK
	case model.Removed:
		sign, style = "-", st.Error
	}
	path := model.Sanitize(l.Path)
	return Cursor(selected, ascii, st) + "  " + style.Render(sign+" "+Fit(l.Change.String(), 10, "")) + st.Row.Render(path)
}
