package widget

import (
	tea "charm.land/bubbletea/v2"
	"github.com/keyhole-tui/keyhole/ui/common"
	"github.com/keyhole-tui/keyhole/ui/keys"
)

// Key moves the cursor on a movement key of km: a row, a screen of rows,
// or to either end. It reports whether msg was one.
func (t *Table) Key(km *keys.KeyMap, msg tea.KeyPressMsg) bool {
	return moveOnKey(km, msg, t.Height(), t.rows, t.Move)
}

// Wheel moves the cursor as a turn of the mouse wheel asks; it reports
// whether msg was one.
func (t *Table) Wheel(msg tea.MouseWheelMsg) bool { return moveOnWheel(msg, t.Move) }

// Click selects the row under a left click, the first row on screen being
// drawn on line top; it reports whether the click fell on a row.
func (t *Table) Click(msg tea.MouseClickMsg, top int) bool {
	if msg.Button != tea.MouseLeft {
		return false
	}
	i, ok := t.RowAt(msg.Y - top)
	if ok {
		t.Select(i)
	}
	return ok
}

// Key scrolls on a movement key of km: a line, a screen, or to either end.
// It reports whether msg was one.
func (v *ScrollView) Key(km *keys.KeyMap, msg tea.KeyPressMsg) bool {
	return moveOnKey(km, msg, v.Height(), len(v.lines), v.ScrollBy)
}

// Wheel scrolls as a turn of the mouse wheel asks; it reports whether msg
// was one.
func (v *ScrollView) Wheel(msg tea.MouseWheelMsg) bool { return moveOnWheel(msg, v.ScrollBy) }

// moveOnKey moves by the distance a movement key of km means where page
// of all lines show, and reports whether msg was one.
func moveOnKey(km *keys.KeyMap, msg tea.KeyPressMsg, page, all int, move func(delta int)) bool {
	delta, ok := km.Step(msg, page, all)
	if ok {
		move(delta)
	}
	return ok
}

// moveOnWheel moves by a turn of the mouse wheel, and reports whether msg
// was one.
func moveOnWheel(msg tea.MouseWheelMsg, move func(delta int)) bool {
	step, ok := common.WheelStep(msg)
	if ok {
		move(step)
	}
	return ok
}
