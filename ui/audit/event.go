package audit

import (
	"github.com/keyhole-tui/keyhole/model"
	"github.com/keyhole-tui/keyhole/ui/render"
)

// eventView is one event's whole CloudTrail record as pretty JSON,
// sanitized, wrapped to the screen and scrolled.
type eventView struct {
	title   string
	lines   []string
	wrapped []string
	width   int
	top     int
}

func newEventView(e model.TrailEvent, width int) *eventView {
	title := model.Sanitize(e.Name) + " · " + render.Stamp(e.Time)
	if e.Principal != "" {
		title += " · " + model.Sanitize(e.Principal)
	}
	v := &eventView{title: title, lines: render.EventJSON(e.Raw)}
	v.layout(width)
	return v
}

// layout wraps the lines to width.
func (v *eventView) layout(width int) {
	if width == v.width && v.wrapped != nil {
		return
	}
	v.width = width
	v.wrapped = render.WrapLines(v.lines, width)
}

// scroll moves the view by delta lines within a screen of rows lines.
func (v *eventView) scroll(delta, rows int) {
	v.top = max(min(v.top+delta, len(v.wrapped)-rows), 0)
}
