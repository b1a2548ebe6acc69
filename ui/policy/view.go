package policy

import (
	"strings"

	"github.com/keyhole-tui/keyhole/model"
	"github.com/keyhole-tui/keyhole/ui/render"
)

// bodyLines are everything below the title: the validation verdict first,
// so a public policy is seen without scrolling, then the policy itself.
func (p *Page) bodyLines() []string {
	st := p.c.Styles
	switch {
	case p.c.Tasks.Awaits(taskLoad):
		return []string{st.Muted.Render("  loading the policy…")}
	case p.policyErr != nil:
		return []string{st.Error.Render("  get resource policy failed: " + model.Sanitize(p.policyErr.Error()))}
	case strings.TrimSpace(p.policy) == "":
		return []string{st.Muted.Render("  no resource policy: access is decided by IAM policies alone")}
	}
	lines := []string{st.Title.Render("Validation (ValidateResourcePolicy)")}
	switch {
	case p.c.Tasks.Awaits(taskValidate):
		lines = append(lines, st.Muted.Render("  validating…"))
	case p.validErr != nil:
		lines = append(lines, st.Error.Render("  could not validate: "+model.Sanitize(p.validErr.Error())))
	case p.validation != nil:
		for _, l := range render.ValidationLines(*p.validation, st, p.c.ASCII, p.width-2) {
			lines = append(lines, "  "+l)
		}
	}
	lines = append(lines, "", st.Title.Render("Policy"))
	text, err := render.PolicyLines(p.policy)
	if err != nil {
		lines = append(lines, st.Warning.Render("  "+model.Sanitize(err.Error())+"; shown as stored"))
	}
	for _, l := range text {
		lines = append(lines, "  "+st.Row.Render(l))
	}
	return lines
}
