package policy

import tea "charm.land/bubbletea/v2"

// wheelLines is how many lines one notch of the wheel scrolls, as in the
// list.
const wheelLines = 3

// wheel scrolls the body as the up and down keys do.
func (p *Page) wheel(msg tea.MouseWheelMsg) {
	switch msg.Button {
	case tea.MouseWheelUp:
		p.scrollBy(-wheelLines)
	case tea.MouseWheelDown:
		p.scrollBy(wheelLines)
	}
}
