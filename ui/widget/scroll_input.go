package widget

import (
	tea "charm.land/bubbletea/v2"
	"github.com/keyhole-tui/keyhole/ui/common"
	"github.com/keyhole-tui/keyhole/ui/keys"
)

// Key scrolls on a movement key of km: a line, a screen, or to either end.
// It reports whether msg was one.
func (v *ScrollView) Key(km *keys.KeyMap, msg tea.KeyPressMsg) bool {
	delta, ok := km.Step(msg, v.Height(), len(v.lines))
	if ok {
		v.ScrollBy(delta)
	}
	return ok
}

// Wheel scrolls as a turn of the mouse wheel asks; it reports whether msg
// was one.
func (v *ScrollView) Wheel(msg tea.MouseWheelMsg) bool {
	step, ok := common.WheelStep(msg)
	if ok {
		v.ScrollBy(step)
	}
	return ok
}
