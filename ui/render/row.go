package render

import (
	"strings"
	"time"

	"github.com/keyhole-tui/keyhole/model"
	"github.com/keyhole-tui/keyhole/ui/styles"
)

// Columns are the widths of the list's columns; zero hides a column.
type Columns struct {
	Name        int
	Rotation    int
	Changed     int
	Accessed    int
	Description int
	Tags        int
}

const (
	markWidth = 2
	gap       = 1
	timeWidth = 9
	rotWidth  = 8
)

// ListColumns fits the columns to the terminal width: name, rotation and
// dates always; description from 60 columns; tags from 120.
func ListColumns(width int) Columns {
	c := Columns{Rotation: rotWidth, Changed: timeWidth, Accessed: timeWidth}
	rest := width - markWidth - c.Rotation - c.Changed - c.Accessed - 3*gap
	switch {
	case width >= 120:
		rest -= 2 * gap
		c.Name = rest * 2 / 5
		c.Description = rest * 3 / 10
		c.Tags = rest - c.Name - c.Description
	case width >= 60:
		rest -= gap
		c.Name = max(rest*3/5, 20)
		c.Description = rest - c.Name
	default:
		c.Name = max(rest, 8)
	}
	return c
}

// ListHeader is the column titles line.
func ListHeader(c Columns, st *styles.Styles) string {
	cells := []string{strings.Repeat(" ", markWidth) + Fit("NAME", c.Name, "")}
	if c.Description > 0 {
		cells = append(cells, Fit("DESCRIPTION", c.Description, ""))
	}
	cells = append(cells, Fit("ROTATION", c.Rotation, ""), Fit("CHANGED", c.Changed, ""), Fit("ACCESSED", c.Accessed, ""))
	if c.Tags > 0 {
		cells = append(cells, Fit("TAGS", c.Tags, ""))
	}
	return st.Ink.ColumnHeader.Paint(strings.Join(cells, " "))
}

// RowOptions are the row's circumstances.
type RowOptions struct {
	Now      time.Time
	Selected bool
	ASCII    bool
}

// SecretRow renders one secret as a list row. Every AWS string is sanitized.
func SecretRow(s model.Secret, c Columns, st *styles.Styles, o RowOptions) string {
	tail := "…"
	mark := "✗ "
	if o.ASCII {
		tail, mark = "~", "x "
	}
	if !s.PendingDeletion() {
		mark = "  "
	}
	dir, leaf := SplitPath(model.Sanitize(s.Name))
	name := Fit(dir+leaf, c.Name, tail)
	rot := s.Rotation(o.Now)
	cells := []string{}
	if c.Description > 0 {
		cells = append(cells, Fit(model.Sanitize(s.Description), c.Description, tail))
	}
	rotCell := Fit(rot.String(), c.Rotation, tail)
	dates := Fit(Ago(s.LastChangedDate, o.Now), c.Changed, tail) + " " + Fit(Ago(s.LastAccessedDate, o.Now), c.Accessed, tail)
	tags := ""
	if c.Tags > 0 {
		tags = " " + Fit(TagList(s.Tags), c.Tags, tail)
	}
	if o.Selected {
		line := mark + name
		for _, cell := range cells {
			line += " " + cell
		}
		return st.Ink.SelectedRow.Paint(line + " " + rotCell + " " + dates + tags)
	}
	var b strings.Builder
	b.Grow(len(name) + len(dates) + len(tags) + 256)
	b.WriteString(st.Ink.Deleted.Paint(mark))
	b.WriteString(styleName(name, dir, st, s.PendingDeletion()))
	for _, cell := range cells {
		b.WriteString(" " + st.Ink.Muted.Paint(cell))
	}
	b.WriteString(" " + rotationInk(rot, st).Paint(rotCell))
	b.WriteString(" " + st.Ink.Row.Paint(dates))
	if tags != "" {
		b.WriteString(st.Ink.Muted.Paint(tags))
	}
	return b.String()
}

// styleName dims the folder part of a fitted name and brightens the leaf.
func styleName(fitted, dir string, st *styles.Styles, deleted bool) string {
	switch {
	case deleted:
		return st.Ink.Deleted.Paint(fitted)
	case !strings.HasPrefix(fitted, dir):
		return st.Ink.PathPrefix.Paint(fitted)
	}
	return st.Ink.PathPrefix.Paint(dir) + st.Ink.PathLeaf.Paint(fitted[len(dir):])
}

func rotationInk(r model.RotationStatus, st *styles.Styles) styles.Ink {
	switch r {
	case model.RotationStuck:
		return st.Ink.Error
	case model.RotationOverdue, model.RotationNeverRotated, model.RotationInProgress:
		return st.Ink.Warning
	case model.RotationEnabled:
		return st.Ink.OK
	}
	return st.Ink.Muted
}

// TagList is tags as "key=value" words, sanitized.
func TagList(tags []model.Tag) string {
	parts := make([]string, len(tags))
	for i, t := range tags {
		parts[i] = model.Sanitize(t.Key) + "=" + model.Sanitize(t.Value)
	}
	return strings.Join(parts, " ")
}
