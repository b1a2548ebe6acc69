package audit

import (
	"github.com/keyhole-tui/keyhole/model"
	"github.com/keyhole-tui/keyhole/ui/render"
	"github.com/keyhole-tui/keyhole/ui/widget"
)

// eventView is one event's whole CloudTrail record as pretty JSON,
// sanitized, wrapped to the screen and scrolled.
type eventView struct {
	title string
	view  widget.ScrollView
}

// newEventView shows e in a box width cells wide and height lines tall.
func newEventView(e model.TrailEvent, width, height int) *eventView {
	title := model.Sanitize(e.Name) + " · " + render.Stamp(e.Time)
	if e.Principal != "" {
		title += " · " + model.Sanitize(e.Principal)
	}
	v := &eventView{title: title, view: widget.ScrollView{Fold: widget.HangingWrap}}
	v.view.SetSize(width, height)
	v.view.SetContent(render.EventJSON(e.Raw))
	return v
}
