package detail

import (
	"fmt"
	"strings"

	tea "charm.land/bubbletea/v2"
	"github.com/keyhole-tui/keyhole/model"
	"github.com/keyhole-tui/keyhole/ui/common"
	"github.com/keyhole-tui/keyhole/ui/render"
)

// maxSharedNamed is how many other secrets the status line names.
const maxSharedNamed = 4

// keepPrints records the fingerprints of the AWSCURRENT value just read, so
// that the session can tell which secrets share a value with it. It keeps
// fingerprints, not the value.
func (p *Page) keepPrints(v model.SecretVersion) {
	if p.c.Shares != nil && p.stage == model.StageCurrent {
		p.c.Shares.AddPrints(p.secret.ARN, p.secret.Name, p.c.Shares.Prints(v.Value))
	}
}

// sharedValue says which of the secrets read this session hold the value
// of the selected field, which must be revealed: that is where the
// question comes from.
func (p *Page) sharedValue() tea.Cmd {
	k := p.c.Keys
	switch {
	case p.c.Shares == nil:
		return nil
	case p.version == nil || len(p.parsed.Fields) == 0 || !p.reveal.Shown(p.field):
		return status(k.Reveal.Help().Key + " reveals a field first; then " + k.SharedValue.Help().Key + " lists the secrets read this session that share its value")
	case p.stage != model.StageCurrent:
		return status("only AWSCURRENT values are compared: " + k.Stage.Help().Key + " shows AWSCURRENT")
	}
	f := p.parsed.Fields[p.field]
	path := f.Path
	if path == "" {
		path = model.WholeValuePath
	}
	others := p.c.Shares.Sharing(model.Holder{Secret: p.secret.ARN, Path: path})
	read := p.c.Shares.Len()
	if len(others) == 0 {
		return status(fmt.Sprintf("no other place holds this value among the %s read this session (numbers, true, false, null and empty values are not compared)", render.Plural(read, "secret")))
	}
	names := make([]string, 0, min(len(others), maxSharedNamed))
	for _, h := range others[:min(len(others), maxSharedNamed)] {
		names = append(names, p.holderName(h))
	}
	text := "same value in " + strings.Join(names, ", ")
	if more := len(others) - len(names); more > 0 {
		text += fmt.Sprintf(" and %d more", more)
	}
	return status(fmt.Sprintf("%s (of %s read this session)", text, render.Plural(read, "secret")))
}

// holderName names another place holding the value: the secret's name,
// where it lives when that is not where this secret does, and the key path.
func (p *Page) holderName(h model.Holder) string {
	if h.Secret == p.secret.ARN {
		return "this secret's " + model.Sanitize(h.Path)
	}
	name := model.Sanitize(p.c.Shares.Label(h.Secret))
	acct, region := model.AccountFromARN(h.Secret), model.RegionFromARN(h.Secret)
	if acct != model.AccountFromARN(p.secret.ARN) || region != model.RegionFromARN(p.secret.ARN) {
		name = acct + " " + region + " " + name
	}
	if h.Path != model.WholeValuePath {
		name += " " + model.Sanitize(h.Path)
	}
	return name
}

// status is a status line command.
func status(text string) tea.Cmd { return common.Send(common.StatusMsg{Text: text}) }
