// Package detail is the screen that shows one secret: its metadata, and its
// value masked until the user asks.
package detail

import (
	"slices"
	"strings"
	"time"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
	"github.com/keyhole-tui/keyhole/model"
	"github.com/keyhole-tui/keyhole/ui/common"
	"github.com/keyhole-tui/keyhole/ui/lifecycle"
	"github.com/keyhole-tui/keyhole/ui/render"
)

// action is what to do once a requested value arrives.
type action int

const (
	actNone action = iota
	actReveal
	actRevealAll
	actCopy
	actCopyAs
)

// Page shows one secret. No value is fetched until the user reveals or
// copies; the fetched value lives only as long as the page.
type Page struct {
	c             common.Common
	width, height int

	secret      model.Secret
	detail      *model.SecretDetail
	describeErr error

	stage    string
	valueGen int
	loading  bool
	version  *model.SecretVersion
	parsed   model.Parsed
	revealed []bool
	// drawn holds each revealed field's rendered lines, drawn once when it
	// is revealed rather than on every frame, so that a revealed value
	// leaves fewer copies of itself in memory.
	drawn    [][]string
	field    int
	valueErr error
	after    action
	afterFmt copyFormat

	idleGen int
	scroll  int
}

// New makes the detail screen of a secret picked in the list.
func New(c common.Common, s model.Secret) *Page {
	return &Page{c: c, secret: s, stage: model.StageCurrent}
}

// Init asks for the secret's description.
func (p *Page) Init() tea.Cmd { return describeCmd(p.c.Ctx, p.c.Backend, p.secret.ARN) }

// SetSize sets the area the screen may draw in.
func (p *Page) SetSize(width, height int) { p.width, p.height = width, height }

// Secret is the secret the page shows.
func (p *Page) Secret() model.Secret { return p.secret }

// Capturing reports false: the detail's dialogs are the root's.
func (p *Page) Capturing() bool { return false }

// lifecycleKey opens the delete or restore dialog.
func (p *Page) lifecycleKey(msg tea.KeyPressMsg) tea.Cmd {
	name := model.Sanitize(p.secret.Name)
	if key.Matches(msg, p.c.Keys.Restore) {
		switch {
		case !p.c.ReadWrite:
			return common.ReadOnlyMsg("restoring a secret")
		case !p.secret.PendingDeletion():
			return common.Send(common.StatusMsg{Text: name + " is not scheduled for deletion"})
		}
		return lifecycle.AskRestore(p.c, p.secret)
	}
	switch {
	case !p.c.ReadWrite:
		return common.ReadOnlyMsg("deleting a secret")
	case p.secret.PendingDeletion():
		return common.Send(common.StatusMsg{Text: name + " is already scheduled for deletion"})
	}
	return lifecycle.AskDelete(p.c, p.secret)
}

// AnyRevealed reports whether a value is on screen.
func (p *Page) AnyRevealed() bool { return slices.Contains(p.revealed, true) }

// Update handles a message for the detail screen.
func (p *Page) Update(msg tea.Msg) (common.Page, tea.Cmd) {
	switch msg := msg.(type) {
	case describedMsg:
		return p, p.described(msg)
	case valueLoadedMsg:
		cmd := p.valueLoaded(msg)
		return p, tea.Batch(cmd, p.touch())
	case idleMsg:
		if msg.gen == p.idleGen && p.maskAll() {
			return p, common.ScrubCmd
		}
	case copyPickedMsg:
		if msg.arn != p.secret.ARN {
			return p, nil
		}
		if !msg.format.needsValue() {
			return p, p.copy(msg.format)
		}
		return p, p.request(actCopyAs, msg.format)
	case common.RemaskMsg:
		if p.maskAll() {
			return p, common.ScrubCmd
		}
	case common.ChangedMsg:
		if msg.ARN == p.secret.ARN {
			p.dropValue()
			return p, describeCmd(p.c.Ctx, p.c.Backend, p.secret.ARN)
		}
	case tea.KeyPressMsg:
		cmd := p.key(msg)
		return p, tea.Batch(cmd, p.touch())
	case tea.MouseWheelMsg:
		if msg.Button == tea.MouseWheelUp {
			p.moveField(-1)
		} else if msg.Button == tea.MouseWheelDown {
			p.moveField(1)
		}
	}
	return p, nil
}

// Waiting reports whether the description or a value is on its way.
func (p *Page) Waiting() bool { return (p.detail == nil && p.describeErr == nil) || p.loading }

func (p *Page) described(msg describedMsg) tea.Cmd {
	if msg.arn != p.secret.ARN {
		return nil
	}
	if model.IsKind(msg.err, model.KindNotFound) {
		name := model.Sanitize(p.secret.Name)
		return tea.Batch(
			func() tea.Msg { return common.BackMsg{} },
			func() tea.Msg { return common.StatusMsg{Err: errGone(name)} },
		)
	}
	if msg.err != nil {
		p.describeErr = msg.err
		return nil
	}
	p.describeErr = nil
	p.detail = &msg.detail
	p.secret = msg.detail.Secret
	return nil
}

func (p *Page) valueLoaded(msg valueLoadedMsg) tea.Cmd {
	if msg.gen != p.valueGen {
		return nil
	}
	p.loading = false
	if msg.err != nil {
		p.valueErr = msg.err
		p.after = actNone
		if model.IsKind(msg.err, model.KindNotFound) {
			// The secret may be gone, or only the stage: describing tells
			// which, and leaves the screen if the secret is gone.
			return describeCmd(p.c.Ctx, p.c.Backend, p.secret.ARN)
		}
		return nil
	}
	p.version = &msg.version
	p.parsed = msg.version.Value.Parse()
	p.revealed = make([]bool, len(p.parsed.Fields))
	p.drawn = make([][]string, len(p.parsed.Fields))
	p.field = min(p.field, max(len(p.parsed.Fields)-1, 0))
	after, f := p.after, p.afterFmt
	p.after = actNone
	return p.do(after, f)
}

// do runs an action on the loaded value.
func (p *Page) do(a action, f copyFormat) tea.Cmd {
	switch a {
	case actReveal:
		if len(p.revealed) > 0 {
			p.reveal(p.field, !p.revealed[p.field])
		}
	case actRevealAll:
		show := !p.AnyRevealed() || slices.Contains(p.revealed, false)
		for i := range p.revealed {
			p.reveal(i, show)
		}
	case actCopy:
		return p.copy(copyRaw)
	case actCopyAs:
		return p.copy(f)
	}
	return nil
}

func (p *Page) copy(f copyFormat) tea.Cmd {
	var value, field model.Value
	what := f.String() + " of " + model.Sanitize(p.secret.Name)
	if p.version != nil {
		value = p.version.Value
		if len(p.parsed.Fields) > 0 {
			fl := p.parsed.Fields[p.field]
			field = fl.Value
			if f == copyRaw && fl.Path != "" {
				what = model.Sanitize(fl.Path) + " of " + model.Sanitize(p.secret.Name)
			} else if f == copyRaw {
				what = "value of " + model.Sanitize(p.secret.Name)
			}
		}
	}
	text, err := copyText(f, p.secret, value, field)
	if err != nil {
		return common.Send(common.StatusMsg{Err: errNotCopied(err)})
	}
	return func() tea.Msg { return common.CopyMsg{Value: text, What: what} }
}

// request runs a on the value, fetching it first if needed.
func (p *Page) request(a action, f copyFormat) tea.Cmd {
	if p.version != nil {
		return p.do(a, f)
	}
	p.after, p.afterFmt = a, f
	if p.loading {
		return nil
	}
	p.loading, p.valueErr = true, nil
	p.valueGen++
	ref := model.ValueRef{SecretID: p.secret.ARN, Stage: p.stage}
	return getValueCmd(p.c.Ctx, p.c.Backend, p.valueGen, ref)
}

func (p *Page) key(msg tea.KeyPressMsg) tea.Cmd {
	k := p.c.Keys
	switch {
	case key.Matches(msg, k.Delete), key.Matches(msg, k.Restore):
		return p.lifecycleKey(msg)
	case key.Matches(msg, k.Back):
		return func() tea.Msg { return common.BackMsg{} }
	case key.Matches(msg, k.Reload):
		p.describeErr = nil
		return describeCmd(p.c.Ctx, p.c.Backend, p.secret.ARN)
	case key.Matches(msg, k.Up):
		p.moveField(-1)
	case key.Matches(msg, k.Down):
		p.moveField(1)
	case key.Matches(msg, k.Top):
		p.moveField(-len(p.parsed.Fields))
	case key.Matches(msg, k.Bottom):
		p.moveField(len(p.parsed.Fields))
	case key.Matches(msg, k.Reveal):
		return p.request(actReveal, 0)
	case key.Matches(msg, k.RevealAll):
		return p.request(actRevealAll, 0)
	case key.Matches(msg, k.Copy):
		return p.request(actCopy, 0)
	case key.Matches(msg, k.CopyAs):
		p.c.Slot.Open(copyMenu{c: p.c, arn: p.secret.ARN})
	case key.Matches(msg, k.Stage):
		return p.nextStage()
	case key.Matches(msg, k.Rotation):
		return p.open(common.ScreenRotation)
	case key.Matches(msg, k.Audit):
		return p.open(common.ScreenAudit)
	case key.Matches(msg, k.AccountAudit):
		return common.Open(common.ScreenAudit, nil)
	case key.Matches(msg, k.Versions):
		return p.open(common.ScreenVersions)
	case key.Matches(msg, k.Policy):
		return p.open(common.ScreenPolicy)
	case key.Matches(msg, k.Edit):
		return p.open(common.ScreenEdit)
	case key.Matches(msg, k.EditExternal):
		return p.open(common.ScreenEditInEditor)
	case key.Matches(msg, k.Tags):
		return p.open(common.ScreenMeta)
	}
	return nil
}

// open opens screen about this secret.
func (p *Page) open(screen common.Screen) tea.Cmd {
	s := p.secret
	return common.Open(screen, &s)
}

// nextStage picks the next stage label and forgets the loaded value.
func (p *Page) nextStage() tea.Cmd {
	labels := render.Labels(p.secret.VersionStages)
	if len(labels) == 0 {
		return nil
	}
	i := slices.Index(labels, p.stage)
	p.stage = labels[(i+1)%len(labels)]
	p.dropValue()
	stage := p.stage
	return func() tea.Msg { return common.StatusMsg{Text: "showing " + model.Sanitize(stage) + " (v loads it)"} }
}

// Forget drops the loaded value and overwrites its bytes.
func (p *Page) Forget() bool {
	held := p.version != nil
	p.dropValue()
	return held
}

// dropValue forgets the loaded value, overwriting its bytes.
func (p *Page) dropValue() {
	if p.version != nil {
		p.version.Value.Wipe()
	}
	p.parsed.Wipe()
	p.valueGen++
	p.version, p.parsed, p.revealed, p.drawn, p.valueErr = nil, model.Parsed{}, nil, nil, nil
	p.loading, p.after, p.field = false, actNone, 0
}

// maskAll masks every field and reports whether one was revealed.
func (p *Page) maskAll() bool {
	was := p.AnyRevealed()
	clear(p.revealed)
	clear(p.drawn)
	return was
}

// reveal shows field i, drawing it once, or masks it.
func (p *Page) reveal(i int, show bool) {
	p.revealed[i], p.drawn[i] = show, nil
	if show {
		p.drawn[i] = p.revealedLines(p.parsed.Fields[i])
	}
}

func (p *Page) moveField(d int) {
	if n := len(p.parsed.Fields); n > 0 {
		p.field = max(min(p.field+d, n-1), 0)
		return
	}
	p.scroll = max(p.scroll+d, 0)
}

// touch restarts the idle timer while anything is revealed.
func (p *Page) touch() tea.Cmd {
	if !p.AnyRevealed() || p.c.RevealTimeout <= 0 {
		return nil
	}
	p.idleGen++
	gen := p.idleGen
	return tea.Tick(p.c.RevealTimeout, func(time.Time) tea.Msg { return idleMsg{gen: gen} })
}

// Actions lists what the detail does with the secret and its value.
func (p *Page) Actions() []common.Action {
	k := p.c.Keys
	actions := []common.Action{
		{Key: &k.Reveal, Short: true}, {Key: &k.RevealAll, Short: true}, {Key: &k.Copy, Short: true},
		{Key: &k.CopyAs, Short: true}, {Key: &k.Stage, Short: true}, {Key: &k.Back, Short: true},
		{Key: &k.Rotation}, {Key: &k.Audit}, {Key: &k.AccountAudit}, {Key: &k.Versions}, {Key: &k.Policy},
		common.RW(&k.Edit, "editing a value"), common.RW(&k.EditExternal, "editing a value"),
		common.RW(&k.Tags, "editing description and tags"),
		common.RW(&k.Delete, "deleting a secret"), common.RW(&k.Restore, "restoring a secret"),
		{Key: &k.Reload},
	}
	return append(actions, common.MoveActions(k)...)
}

// View draws the metadata, then the value area, scrolled so the selected
// field is visible.
func (p *Page) View() string {
	lines, focus := p.lines()
	height := max(p.height, 1)
	return strings.Join(render.Window(lines, focus, height, p.scroll, p.width, p.c.Ellipsis()), "\n")
}
