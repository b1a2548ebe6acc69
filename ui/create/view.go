package create

import (
	"strings"

	"charm.land/bubbles/v2/textinput"
	"github.com/keyhole-tui/keyhole/model"
	"github.com/keyhole-tui/keyhole/ui/edit/forms"
	"github.com/keyhole-tui/keyhole/ui/render"
)

const (
	labelWidth = 13
	keyWidth   = 24
)

// View draws the form, with what it waits for under it.
func (p *Page) View() string {
	var tail []string
	if busy := p.busy(); busy != "" {
		tail = []string{p.c.Styles.Muted.Render(busy)}
	}
	lines, focus := p.lines()
	return forms.Page(p.c, lines, focus, tail, p.width, p.height)
}

// lines renders the form and says which line has the focus.
func (p *Page) lines() ([]string, int) {
	st, f := p.c.Styles, p.form
	focusLine := -1
	cur := f.focused()
	lines := []string{st.Title.Render("New secret")}
	row := func(t target, label, field string) {
		if t == cur {
			focusLine = len(lines)
		}
		lines = append(lines, forms.Pointer(p.c, t == cur)+st.Label.Render(render.Fit(label, labelWidth, ""))+" "+field)
	}
	row(target{slot: slotName}, "name", f.name.View())
	row(target{slot: slotDescription}, "description", f.description.View())
	row(target{slot: slotKMS}, "KMS key", f.kms.View())
	row(target{slot: slotTags}, "tags", f.tags.View())
	row(target{slot: slotKind}, "kind", p.kinds(cur.slot == slotKind))
	lines = append(lines, "", st.Title.Render("Value · "+f.kind.String()))
	switch f.kind {
	case kindPairs:
		lines = append(lines, "  "+st.Label.Render(render.Fit("key", keyWidth, "")+"  value"))
		for i, pr := range f.pairs {
			t := target{slot: slotPairKey, row: i}
			if cur.row == i && (cur.slot == slotPairKey || cur.slot == slotPairValue) {
				focusLine = len(lines)
			}
			on := cur.row == i && (cur.slot == slotPairKey || cur.slot == slotPairValue)
			keyView := st.Muted.Render(render.Fit("(new key)", keyWidth, ""))
			switch {
			case cur == t:
				keyView = pr.key.View()
			case pr.key.Value() != "":
				keyView = render.Fit(model.Sanitize(pr.key.Value()), keyWidth, p.c.Ellipsis())
			}
			lines = append(lines, forms.Pointer(p.c, on)+keyView+"  "+p.masked(pr.value, cur == target{slot: slotPairValue, row: i}))
		}
	case kindText:
		row(target{slot: slotText}, "value", p.masked(f.text, cur.slot == slotText))
	case kindBinary:
		row(target{slot: slotFile}, "file", f.file.View())
		lines = append(lines, "  "+st.Muted.Render("the file is read when you save; at most 65,536 bytes"))
	}
	lines = append(lines, "")
	if p.err != "" {
		lines = append(lines, st.Error.Render(model.Sanitize(p.err)))
	} else if w := model.NameWarning(f.name.Value()); w != "" {
		lines = append(lines, st.Warning.Render("note: "+w))
	}
	k := p.c.Keys
	lines = append(lines, st.Hint.Render(forms.Hints(forms.Hint{Key: k.Save, Does: "creates"},
		forms.Hint{Key: k.Generate, Does: "generates a password into the focused value"})))
	if f.onValue() {
		lines = append(lines, st.Hint.Render(forms.Hints(forms.Hint{Key: k.RevealTyped, Does: "reveals or masks the value typed here"})))
	}
	return lines, focusLine
}

// masked draws a value input with the fixed-width mask, which tells nothing
// of the length, followed by a cursor while focused; the focused value
// shows as typed while revealed.
func (p *Page) masked(in textinput.Model, focused bool) string {
	st := p.c.Styles
	switch {
	case focused && p.form.revealed:
		in.EchoMode = textinput.EchoNormal
		return forms.MaskedView(p.c, in)
	case focused:
		return forms.MaskedView(p.c, in)
	case in.Value() == "":
		return st.Muted.Render("(empty)")
	}
	return st.Mask.Render(p.c.Mask())
}

// kinds draws the kind selector.
func (p *Page) kinds(focused bool) string {
	st := p.c.Styles
	var parts []string
	for k := kindPairs; k < kindCount; k++ {
		mark := "( ) "
		if k == p.form.kind {
			mark = "(•) "
			if p.c.ASCII {
				mark = "(*) "
			}
		}
		parts = append(parts, mark+k.String())
	}
	out := strings.Join(parts, "   ")
	if focused {
		out += st.Muted.Render("   " + p.c.Keys.PrevChoice.Help().Key + " " + p.c.Keys.NextChoice.Help().Key + " change")
	}
	return out
}
