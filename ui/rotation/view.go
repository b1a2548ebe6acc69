package rotation

import (
	"strings"

	"github.com/keyhole-tui/keyhole/model"
	"github.com/keyhole-tui/keyhole/ui/render"
)

const labelWidth = 15

// lines are the screen's content, before scrolling.
func (p *Page) lines() []string {
	st := p.c.Styles
	now := p.c.Now()
	s := p.secret
	lines := []string{st.Title.Render("Rotation · " + model.Sanitize(s.Name))}
	if p.describeErr != nil {
		lines = append(lines, st.Error.Render("describe failed: "+model.Sanitize(p.describeErr.Error())))
	}
	field := func(label, value string, warn bool) {
		v := st.FieldValue.Render(value)
		if warn {
			v = st.Warning.Render(value)
		}
		lines = append(lines, st.Label.Render(render.Fit(label, labelWidth, ""))+" "+v)
	}
	state := s.Rotation(now)
	field("State", render.RotationState(s, now), state >= model.RotationNeverRotated)
	field("Function", render.KeepEnd(orDash(model.Sanitize(s.RotationLambdaARN)), p.width-labelWidth-1, p.c.Ellipsis()), false)
	field("Schedule", orDash(render.Schedule(s.RotationRules)), false)
	field("Last rotated", render.When(s.LastRotatedDate, now), false)
	field("Next rotation", render.When(s.NextRotationDate, now), state == model.RotationOverdue)
	if line := p.followLine(); line != "" {
		lines = append(lines, "", line)
	}

	lines = append(lines, "", st.Title.Render("Versions"))
	lines = append(lines, p.versionLines()...)
	lines = append(lines, "", st.Title.Render("History (CloudTrail, 90 days)"))
	return append(lines, p.historyLines()...)
}

func (p *Page) followLine() string {
	f, st := p.follow, p.c.Styles
	if f == nil {
		return ""
	}
	id := model.Sanitize(f.versionID)
	switch f.outcome {
	case succeeded:
		return st.OK.Render("Rotation succeeded: AWSCURRENT moved to " + id)
	case failed:
		return st.Error.Render("Rotation failed: " + f.reason + " (AWSPENDING left on " + id + ")")
	case gaveUp:
		return st.Warning.Render("Rotation still in progress on " + id + "; " + p.c.Keys.Reload.Help().Key + " checks again")
	}
	stages, _ := p.secret.VersionStages.Of(f.versionID)
	labels := strings.Join(stages, ", ")
	if labels == "" {
		labels = "no labels yet"
	}
	return st.Warning.Render("Rotating: " + id + " has " + model.Sanitize(labels) + " · checking again in " + f.pause().String())
}

func (p *Page) versionLines() []string {
	st := p.c.Styles
	now := p.c.Now()
	if p.versionsErr != nil {
		return []string{st.Error.Render("  " + model.Sanitize(p.versionsErr.Error()))}
	}
	versions := p.versions
	if versions == nil {
		versions = render.StageOrder(p.secret.VersionStages)
	}
	// The labels move while a rotation runs: take them from the latest
	// description, the dates from ListSecretVersionIds.
	var out []string
	for _, v := range versions {
		stages, ok := p.secret.VersionStages.Of(v.ID)
		if !ok && p.described {
			continue
		}
		if !ok {
			stages = v.Stages
		}
		line := "  " + render.Fit(model.Sanitize(v.ID), 36, p.c.Ellipsis()) + "  " + render.Fit(model.Sanitize(strings.Join(stages, ", ")), 22, p.c.Ellipsis())
		if !v.CreatedDate.IsZero() {
			line += " created " + render.Ago(v.CreatedDate, now)
		}
		out = append(out, line)
	}
	for _, v := range render.StageOrder(p.secret.VersionStages) {
		if !hasVersion(versions, v.ID) {
			out = append(out, "  "+render.Fit(model.Sanitize(v.ID), 36, p.c.Ellipsis())+"  "+model.Sanitize(strings.Join(v.Stages, ", ")))
		}
	}
	if len(out) == 0 {
		return []string{st.Muted.Render("  no labelled versions")}
	}
	return out
}

func hasVersion(vs []model.Version, id string) bool {
	for _, v := range vs {
		if v.ID == id {
			return true
		}
	}
	return false
}

func (p *Page) historyLines() []string {
	st := p.c.Styles
	var out []string
	switch {
	case p.historyErr != nil:
		out = append(out, st.Error.Render("  "+model.Sanitize(p.historyErr.Error())))
	case p.c.Tasks.Awaits(kindHistory):
		out = append(out, st.Muted.Render("  loading CloudTrail events…"))
	case len(p.history) == 0:
		out = append(out, st.Muted.Render("  no rotation events in the last 90 days"))
	}
	for _, e := range p.history {
		line := "  " + render.Stamp(e.Time) + "  " + render.Fit(model.Sanitize(e.Name), 18, p.c.Ellipsis()) + " " + model.Sanitize(shortPrincipal(e))
		if e.Failed() || e.ErrorMessage != "" {
			out = append(out, st.Error.Render(line+"  "+model.Sanitize(strings.TrimSpace(e.ErrorCode+" "+e.ErrorMessage))))
			continue
		}
		out = append(out, line)
	}
	return out
}

// shortPrincipal is the last part of the caller's ARN, or its user name.
func shortPrincipal(e model.AuditEvent) string {
	if e.PrincipalARN == "" {
		return e.Username
	}
	arn := e.PrincipalARN
	if i := strings.Index(arn, ":assumed-role/"); i >= 0 {
		return arn[i+len(":assumed-role/"):]
	}
	if i := strings.LastIndexByte(arn, ':'); i >= 0 {
		return arn[i+1:]
	}
	return arn
}

func orDash(s string) string {
	if s == "" {
		return "-"
	}
	return s
}
