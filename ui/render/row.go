package render

import (
	"slices"
	"strings"
	"time"

	"github.com/keyhole-tui/keyhole/model"
	"github.com/keyhole-tui/keyhole/ui/styles"
)

// Columns are the widths of the list's columns; zero hides a column.
type Columns struct {
	Name int
	// Account and Region show where a fleet's secret lives.
	Account     int
	Region      int
	Rotation    int
	Created     int
	Changed     int
	Accessed    int
	Description int
	Tags        int
	// SortedBy names the column the rows are sorted by ("name", "created",
	// "changed" or "accessed"), whose title carries a mark; "" marks none.
	SortedBy string
}

// Sorted shows the column named by, the one the rows are sorted by, when
// it is hidden: created takes the place of changed, when that shows, and
// otherwise room from the name, as a hidden changed or accessed column does.
func (c Columns) Sorted(by string) Columns {
	c.SortedBy = by
	width := map[string]*int{"created": &c.Created, "changed": &c.Changed, "accessed": &c.Accessed}[by]
	switch {
	case width == nil || *width > 0:
	case by == "created" && c.Changed > 0:
		c.Created, c.Changed = c.Changed, 0
	default:
		*width = timeWidth
		c.Name = max(c.Name-timeWidth-gap, 8)
	}
	return c
}

// WithPlace makes room for a fleet's account and region columns after the
// name: from the description first, then, below 100 columns, the changed
// column, then the name, which keeps at least 16 cells.
func (c Columns) WithPlace(width int) Columns {
	c.Account, c.Region = 14, 14
	if width >= 100 {
		c.Account = 18
	} else if c.Changed > 0 {
		c.Changed = 0
		c.Name += timeWidth + gap
	}
	need := c.Account + c.Region + 2*gap
	if c.Description > 0 {
		take := min(need, c.Description)
		if c.Description-take < 8 {
			take = c.Description
			need += gap // the description's own gap goes too
		}
		c.Description -= take
		need -= take
	}
	if need > 0 && c.Changed > 0 && c.Name-need < 16 {
		c.Changed = 0
		need -= timeWidth + gap
	}
	if need > 0 {
		c.Name = max(c.Name-need, 16)
	}
	return c
}

const (
	// markWidth is the cursor bar, a mark (deleted, failed, marked for a
	// diff) and a space before a table's first column.
	markWidth = 3
	gap       = 1
	timeWidth = 9
	rotWidth  = 8
	// nameRoom is what most secret names need, which the name column gets
	// before description and tags share the rest, as long as they keep
	// minDescAndTags between them.
	nameRoom       = 48
	minDescAndTags = 38
)

// ListColumnNames are the optional list columns, as the config names them.
func ListColumnNames() []string {
	return []string{"description", "rotation", "changed", "accessed", "tags"}
}

// ListColumns fits the columns to the terminal width: name always;
// rotation and dates; description from 60 columns; tags from 120, where
// the name gets the room most names need first. show lists the optional
// columns wanted (nil: all).
func ListColumns(width int, show []string) Columns {
	wanted := func(name string) bool { return show == nil || slices.Contains(show, name) }
	var c Columns
	if wanted("rotation") {
		c.Rotation = rotWidth
	}
	if wanted("changed") {
		c.Changed = timeWidth
	}
	if wanted("accessed") {
		c.Accessed = timeWidth
	}
	rest := width - markWidth - c.Rotation - c.Changed - c.Accessed - 3*gap
	desc, tags := wanted("description"), wanted("tags")
	switch {
	case width >= 120 && desc && tags:
		rest -= 2 * gap
		c.Name = max(rest*2/5, min(nameRoom, rest-minDescAndTags))
		c.Description = min(rest*3/10, (rest-c.Name)*3/5)
		c.Tags = rest - c.Name - c.Description
	case width >= 120 && tags:
		rest -= gap
		c.Name = rest * 3 / 5
		c.Tags = rest - c.Name
	case width >= 60 && desc:
		rest -= gap
		c.Name = max(rest*3/5, 20)
		c.Description = rest - c.Name
	default:
		c.Name = max(rest, 8)
	}
	return c
}

// ListHeader is the column titles line. The column the rows are sorted by
// carries an arrow, up for names A to Z and down for dates newest first,
// or a star in ASCII.
func ListHeader(c Columns, ascii bool, st *styles.Styles) string {
	title := func(name, up string) string {
		if !strings.EqualFold(name, c.SortedBy) {
			return strings.ToUpper(name)
		}
		if ascii {
			return strings.ToUpper(name) + "*"
		}
		return strings.ToUpper(name) + up
	}
	cells := []string{strings.Repeat(" ", markWidth) + Fit(title("name", "↑"), c.Name, "")}
	for _, col := range []struct {
		title string
		width int
	}{{title("account", "↑"), c.Account}, {"REGION", c.Region}, {"DESCRIPTION", c.Description}, {"ROTATION", c.Rotation}, {title("created", "↓"), c.Created},
		{title("changed", "↓"), c.Changed}, {title("accessed", "↓"), c.Accessed}, {"TAGS", c.Tags}} {
		if col.width > 0 {
			cells = append(cells, Fit(col.title, col.width, ""))
		}
	}
	return st.Ink.ColumnHeader.Paint(strings.Join(cells, " "))
}

// RowOptions are the row's circumstances.
type RowOptions struct {
	Now      time.Time
	Selected bool
	ASCII    bool
	// Marks, when set, tells which bytes of the name as shown a filter
	// matched, to underline.
	Marks func(shown string) []bool
	// Account and Region are where a fleet's secret lives.
	Account, Region string
	// Found marks a secret a search found that the listing has not
	// brought yet.
	Found bool
	// Marked says the secret is marked for a masked diff.
	Marked bool
}

// SecretRow renders one secret as a list row. Every AWS string is sanitized.
func SecretRow(s model.Secret, c Columns, st *styles.Styles, o RowOptions) string {
	tail, mark := "…", "✗ "
	if o.ASCII {
		tail, mark = "~", "x "
	}
	dir, leaf := FitPath(model.Sanitize(s.Name), c.Name, tail)
	rot := s.Rotation(o.Now)
	type cell struct {
		text string
		ink  styles.Ink
	}
	var cells []cell
	add := func(width int, text string, ink styles.Ink) {
		if width > 0 {
			cells = append(cells, cell{Fit(text, width, tail), ink})
		}
	}
	if c.Account > 0 {
		cells = append(cells, cell{FitEnd(model.Sanitize(o.Account), c.Account, tail), st.Ink.Row})
	}
	add(c.Region, model.Sanitize(o.Region), st.Ink.Row)
	add(c.Description, model.Sanitize(s.Description), st.Ink.Muted)
	add(c.Rotation, rot.String(), rotationInk(rot, st))
	add(c.Created, Ago(s.CreatedDate, o.Now), st.Ink.Row)
	add(c.Changed, Ago(s.LastChangedDate, o.Now), st.Ink.Row)
	add(c.Accessed, AccessDay(s.LastAccessedDate, o.Now), st.Ink.Row)
	if c.Tags > 0 {
		add(c.Tags, TagList(s.Tags), st.Ink.Muted)
	}
	var b strings.Builder
	b.Grow(c.Name + c.Description + c.Tags + 256)
	b.WriteString(Cursor(o.Selected, o.ASCII, st))
	switch {
	case o.Marked && o.ASCII:
		b.WriteString(st.Ink.Cursor.Paint("* "))
	case o.Marked:
		b.WriteString(st.Ink.Cursor.Paint("◆ "))
	case s.PendingDeletion():
		b.WriteString(st.Ink.Deleted.Paint(mark))
	case o.Found:
		b.WriteString(st.Ink.Muted.Paint("~ "))
	default:
		b.WriteString("  ")
	}
	if o.Marks != nil {
		b.WriteString(markedName(dir, leaf, o.Marks(dir+leaf), st, s.PendingDeletion()))
	} else {
		b.WriteString(styleName(dir, leaf, st, s.PendingDeletion()))
	}
	// Neighbouring cells in the same ink share one escape sequence.
	for i := 0; i < len(cells); {
		j := i + 1
		text := cells[i].text
		for j < len(cells) && cells[j].ink == cells[i].ink {
			text += " " + cells[j].text
			j++
		}
		b.WriteString(" " + cells[i].ink.Paint(text))
		i = j
	}
	return b.String()
}

// Cursor is a table row's first cell: a bar on the row the cursor is on,
// blank on the others. Moving the cursor rewrites these two cells and
// nothing else of either row, which keeps a move cheap on a slow link, and
// the bar shows without colour too.
func Cursor(selected, ascii bool, st *styles.Styles) string {
	switch {
	case !selected:
		return " "
	case ascii:
		return st.Ink.Cursor.Paint(">")
	}
	return st.Ink.Cursor.Paint("▌")
}

// styleName dims the folder part of a fitted name and brightens the leaf.
func styleName(dir, leaf string, st *styles.Styles, deleted bool) string {
	if deleted {
		return st.Ink.Deleted.Paint(dir + leaf)
	}
	return st.Ink.PathPrefix.Paint(dir) + st.Ink.PathLeaf.Paint(leaf)
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
