package edit

import (
	"charm.land/bubbles/v2/textinput"
	"github.com/keyhole-tui/keyhole/model"
	"github.com/keyhole-tui/keyhole/ui/common"
	"github.com/keyhole-tui/keyhole/ui/edit/forms"
)

// row is one field edited in place: a JSON leaf, or the whole text value
// when path is nil.
type row struct {
	path    model.JSONPath
	kind    model.LeafKind
	orig    model.Value
	input   textinput.Model
	added   bool
	deleted bool
	// locked says why the field cannot be typed into here, or is "".
	locked string
}

func (r row) label() string {
	if r.path == nil {
		return "text"
	}
	return model.Sanitize(r.path.String())
}

// text is the field's current text: what was typed, or the base's text
// for a locked field, which no input ever held.
func (r row) text() string {
	if r.locked != "" {
		return string(r.orig.Reveal())
	}
	return r.input.Value()
}

func (r row) changed() bool {
	return r.added || r.deleted || r.text() != string(r.orig.Reveal())
}

// newRow makes the row of one field; fields a one-line input would alter
// (several lines, tabs, control characters) are locked.
func newRow(c common.Common, path model.JSONPath, kind model.LeafKind, v model.Value) row {
	r := row{path: path, kind: kind, orig: v, input: forms.NewMaskedInput(c, "")}
	text := string(v.Reveal())
	switch {
	case kind == model.LeafEmptyObject || kind == model.LeafEmptyArray:
		r.locked = "an empty object or array: " + keyName(c.Keys.DeleteKey) + " deletes it, " + keyName(c.Keys.EditExternal) + " edits the whole value"
	case !forms.Editable(text) || model.Sanitize(text) != text:
		r.locked = "has several lines or control characters: " + keyName(c.Keys.EditExternal) + " edits it in $EDITOR"
	default:
		r.input.SetValue(text)
	}
	return r
}

// rowsOf lays a value out as rows: the leaves of a JSON object, or one row
// for text. Binary values have no rows.
func rowsOf(c common.Common, v model.Value) ([]row, model.Shape) {
	parsed := v.Parse()
	switch parsed.Shape {
	case model.ShapeBinary:
		return nil, model.ShapeBinary
	case model.ShapeJSON:
		leaves, err := model.JSONLeaves(v)
		if err == nil {
			rows := make([]row, len(leaves))
			for i, l := range leaves {
				rows[i] = newRow(c, l.Path, l.Kind, l.Value)
			}
			return rows, model.ShapeJSON
		}
	}
	return []row{newRow(c, nil, model.LeafString, v)}, model.ShapeText
}

// changes lists the edits of JSON rows in order.
func changes(rows []row) []model.JSONChange {
	var out []model.JSONChange
	for _, r := range rows {
		switch {
		case r.added && r.deleted:
		case r.deleted:
			out = append(out, model.JSONChange{Path: r.path, Delete: true})
		case r.added || r.text() != string(r.orig.Reveal()):
			out = append(out, model.JSONChange{Path: r.path, Value: model.StringValue(r.text())})
		}
	}
	return out
}

// rebaseRows lays out a new base and replays the user's changes on it:
// fields the user did not touch take the new values, the user's own
// changes are kept, fields the other writer removed come back as new when
// the user changed them. It returns how many of the user's changes landed
// on fields the other writer changed too.
func rebaseRows(c common.Common, newBase model.Value, old []row) ([]row, int) {
	rows, _ := rowsOf(c, newBase)
	overlaps := 0
	for _, ch := range changes(old) {
		i := findRow(rows, ch.Path)
		switch {
		case i < 0 && ch.Delete:
		case i < 0:
			r := newRow(c, ch.Path, model.LeafString, model.Value{})
			r.input.SetValue(string(ch.Value.Reveal()))
			r.added, r.locked = true, ""
			rows = append(rows, r)
		default:
			if j := findRow(old, ch.Path); j >= 0 && !old[j].added && !rows[i].orig.Equal(old[j].orig) {
				overlaps++
			}
			if ch.Delete {
				rows[i].deleted = true
			} else {
				rows[i].input.SetValue(string(ch.Value.Reveal()))
			}
		}
	}
	return rows, overlaps
}

func findRow(rows []row, p model.JSONPath) int {
	for i, r := range rows {
		if r.path.Equal(p) {
			return i
		}
	}
	return -1
}
