// Package ui is keyhole's terminal interface: the root model that owns the
// page stack, the header, the status bar and the global keys.
package ui

import (
	"context"
	"fmt"
	"io"
	"log/slog"
	"strings"
	"time"

	"charm.land/bubbles/v2/help"
	"charm.land/bubbles/v2/spinner"
	tea "charm.land/bubbletea/v2"
	"github.com/keyhole-tui/keyhole/model"
	"github.com/keyhole-tui/keyhole/ui/clipboard"
	"github.com/keyhole-tui/keyhole/ui/common"
	"github.com/keyhole-tui/keyhole/ui/keys"
	"github.com/keyhole-tui/keyhole/ui/lifecycle"
	"github.com/keyhole-tui/keyhole/ui/styles"
	"github.com/keyhole-tui/keyhole/ui/widget"
)

// Config is how the app was started.
type Config struct {
	Profile  string
	Region   string
	Endpoint string
	Demo     bool
	// ReadWrite enables mutations (--rw).
	ReadWrite bool
	// Mouse turns on wheel and click (--mouse).
	Mouse            bool
	RevealTimeout    time.Duration
	ClipboardTimeout time.Duration
	Clipboard        clipboard.Backend
	// ASCII draws without Unicode symbols.
	ASCII bool
	// Theme is "dark", "light", or "auto" (empty) to follow the terminal's
	// background.
	Theme string
	// Columns lists the optional list columns to show: description,
	// rotation, changed, accessed, tags. Nil shows them all.
	Columns []string
	// Keys is the keymap; the zero value means keys.Default().
	Keys keys.KeyMap
	// Connect opens another profile and region; nil turns switching off
	// (as in demo mode).
	Connect common.Connect
	// Profiles and Regions are what the switcher offers, regions most
	// recently used first.
	Profiles []string
	Regions  []string
	// ProfileRegions are the regions profiles set in the shared config;
	// picking such a profile in the switcher picks its region.
	ProfileRegions map[string]string
	// RememberRegion records a region as just used; it may do I/O and runs
	// in a command.
	RememberRegion func(region string)
	// Hygiene are the hygiene screen's thresholds; what is left zero takes
	// model.DefaultHygieneRules.
	Hygiene model.HygieneRules
	// Now is the clock; nil means time.Now.
	Now func() time.Time
	// Logger receives message types, never their contents; nil discards.
	Logger *slog.Logger
}

// identityMsg carries STS GetCallerIdentity's answer.
type identityMsg struct {
	backend  common.Backend
	identity model.Identity
	err      error
}

// App is the root model.
type App struct {
	cfg    Config
	c      common.Common
	styles styles.Styles
	keys   keys.KeyMap
	log    *slog.Logger

	// ctx is the app's context; each screen's is cancelled when it closes.
	ctx context.Context
	// stack holds the screens, the list at the bottom; pages counts the
	// screens ever opened, which numbers them for their answers.
	stack         []frame
	pages         int
	width, height int
	// slot holds the dialog open over the top screen, if any.
	slot common.Slot

	status    string
	statusErr bool
	// statusRows is how many rows the status bar took when the pages were
	// last sized.
	statusRows int
	identity   model.Identity
	showHelp   bool
	clip       *clipboard.Manager
	// help draws the status bar's key hints.
	help help.Model
	// ascii replaces symbols when the locale is not UTF-8; nil otherwise.
	ascii *strings.Replacer
	// staleCredentials is set by a credentials error: the next reload
	// reconnects, so credentials refreshed meanwhile are read again.
	staleCredentials bool
	// source is the profile Connect takes to open the current connection
	// again: empty until a switch, for the credentials the app started
	// with, whatever cfg.Profile shows for them.
	source string
	// helpScroll is how far help is scrolled when its keys do not fit.
	helpScroll widget.ScrollView
	// retry is the SDK's latest retry notice, shown while no other status
	// is; retryGen tells its expiry from an older notice's.
	retry    string
	retryGen int
	// spin turns in the status bar while the top screen waits on AWS;
	// spinning says its ticks are running.
	spin     spinner.Model
	spinning bool
}

// New builds the app on a backend.
func New(ctx context.Context, b common.Backend, cfg Config) *App {
	if cfg.Now == nil {
		cfg.Now = time.Now
	}
	log := cfg.Logger
	if log == nil {
		log = slog.New(slog.DiscardHandler)
	}
	km := cfg.Keys
	if len(km.Quit.Keys()) == 0 {
		km = keys.Default()
	}
	if cfg.ASCII {
		km = km.ASCIIHelp()
	}
	a := &App{cfg: cfg, ctx: ctx, styles: styles.New(cfg.Theme != "light", cfg.ASCII), keys: km, log: log}
	a.help = help.New()
	a.help.Styles = a.styles.Help
	a.help.ShortSeparator = " · "
	a.spin = spinner.New(spinner.WithSpinner(spinner.MiniDot))
	if cfg.ASCII {
		a.ascii = asciiSymbols()
		a.spin = spinner.New(spinner.WithSpinner(spinner.Line))
	}
	a.c = common.Common{
		Ctx: ctx, Backend: b, Styles: &a.styles, Keys: &a.keys, Slot: &a.slot,
		Now: cfg.Now, ASCII: cfg.ASCII, RevealTimeout: cfg.RevealTimeout, ReadWrite: cfg.ReadWrite,
		Columns: cfg.Columns, ClipboardOff: clipboardOff(cfg.Clipboard),
		Shares: model.NewShares(model.NewFingerprintKey()),
	}
	a.clip = clipboard.NewManager(cfg.Clipboard, cfg.ClipboardTimeout, cfg.Now)
	a.stack = []frame{a.listFrame()}
	return a
}

// Init starts loading the list and asks who we are and how the terminal looks.
func (a *App) Init() tea.Cmd {
	return tea.Batch(a.top().Init(), tea.RequestBackgroundColor)
}

// identityCmd asks STS who the credentials belong to, for the header of an
// account whose list gave no ARN to read the account from.
func (a *App) identityCmd() tea.Cmd {
	b, ctx := a.c.Backend, a.c.Ctx
	return func() tea.Msg {
		id, err := b.CallerIdentity(ctx)
		return identityMsg{backend: b, identity: id, err: err}
	}
}

// Update routes a message and keeps the status bar's spinner turning while
// the top screen waits on AWS, and stops it when it does not.
func (a *App) Update(msg tea.Msg) (tea.Model, tea.Cmd) {
	if tick, ok := msg.(spinner.TickMsg); ok && tick.ID == a.spin.ID() {
		if !a.topWaiting() {
			a.spinning = false
			a.fitStatus()
			return a, nil
		}
		var cmd tea.Cmd
		a.spin, cmd = a.spin.Update(tick)
		return a, cmd
	}
	m, cmd := a.route(msg)
	a.fitStatus()
	if !a.spinning && a.topWaiting() {
		a.spinning = true
		cmd = tea.Batch(cmd, a.spin.Tick)
	}
	return m, cmd
}

// retryShown is how long a retry notice stays in the status bar; the call
// has usually settled by then, and its outcome is said on its own.
const retryShown = 4 * time.Second

// retryExpiredMsg ends the retry notice of generation gen.
type retryExpiredMsg struct{ gen int }

// topWaiting reports whether the top screen waits on AWS.
func (a *App) topWaiting() bool {
	if a.stack[len(a.stack)-1].tasks.Busy() {
		return true
	}
	w, ok := a.top().(common.Waiter)
	return ok && w.Waiting()
}

// route routes a message: global messages and keys first, then keys and
// the mouse to the top page and everything else to every page.
func (a *App) route(msg tea.Msg) (tea.Model, tea.Cmd) {
	a.log.Debug("message", "type", fmt.Sprintf("%T", msg))
	switch msg := msg.(type) {
	case tea.WindowSizeMsg:
		a.width, a.height = msg.Width, msg.Height
		a.help.SetWidth(max(msg.Width-1, 0))
		for _, f := range a.stack {
			f.page.SetSize(a.pageSize())
		}
		return a, nil
	case tea.BackgroundColorMsg:
		if a.cfg.Theme == "" || a.cfg.Theme == "auto" {
			a.styles = styles.New(msg.IsDark(), a.cfg.ASCII)
			a.help.Styles = a.styles.Help
		}
		return a, nil
	case common.AccountMsg:
		// The account comes from the listed ARNs; STS is asked only when
		// there was none to read, so browsing calls no other service.
		if msg.Account != "" {
			a.identity.Account = msg.Account
			return a, nil
		}
		return a, a.identityCmd()
	case identityMsg:
		if msg.backend == a.c.Backend {
			a.identity = msg.identity
		}
		return a, nil
	case common.RetryMsg:
		a.retry = msg.Text
		a.retryGen++
		gen := a.retryGen
		return a, tea.Tick(retryShown, func(time.Time) tea.Msg { return retryExpiredMsg{gen: gen} })
	case retryExpiredMsg:
		if msg.gen == a.retryGen {
			a.retry = ""
		}
		return a, nil
	case common.StatusMsg:
		a.setStatus(msg)
		if model.IsKind(msg.Err, model.KindCredentials) {
			a.staleCredentials = true
		}
		return a, nil
	case common.OpenMsg:
		return a, a.open(msg)
	case common.TaskMsg:
		return a, a.deliver(msg)
	case common.SwitchMsg:
		return a, a.connect(msg)
	case connectedMsg:
		return a, a.connected(msg)
	case common.BackMsg:
		return a, a.pop()
	case lifecycle.DeletedMsg, lifecycle.RestoredMsg:
		return a, lifecycle.Outcome(msg)
	case common.CopyMsg:
		if a.c.ClipboardOff {
			a.setStatus(common.ClipboardOffStatus())
			return a, nil
		}
		a.setStatus(common.StatusMsg{Text: msg.What + " copied (" + a.clip.Backend().Name() + ")"})
		return a, a.clip.Copy(msg.Value)
	case clipboard.ResultMsg:
		switch {
		case msg.Err != nil:
			a.setStatus(common.StatusMsg{Err: msg.Err})
		case msg.Note != "":
			a.setStatus(common.StatusMsg{Text: msg.Note})
		case msg.Cleared:
			a.setStatus(common.StatusMsg{Text: "clipboard cleared"})
		}
		return a, nil
	case tea.BlurMsg:
		return a, a.broadcast(common.RemaskMsg{})
	case tea.MouseMsg:
		// The mouse, like the keys, acts on the top screen only, and only
		// with --mouse and no help or dialog over it.
		if !a.cfg.Mouse || a.showHelp || a.slot.Modal() != nil {
			return a, nil
		}
		var forward tea.Msg = msg
		if click, ok := msg.(tea.MouseClickMsg); ok {
			click.Y -= headerRows // pages count rows from their own top
			forward = click
		}
		return a, a.updateTop(forward)
	case tea.KeyPressMsg:
		return a, a.key(msg)
	}
	if cmd := a.clip.Update(msg); cmd != nil {
		return a, cmd
	}
	return a, tea.Batch(a.updateModal(msg), a.broadcast(msg))
}

// clipboardOff reports whether b is the backend of --clipboard off, which
// names itself after its mode.
func clipboardOff(b clipboard.Backend) bool { return b != nil && b.Name() == clipboard.ModeOff }

// ClearClipboardOnExit clears what keyhole copied, once the program has
// stopped or while it cannot be reached (a signal's way out); terminal
// sequences go to tty. It may run on any goroutine.
func (a *App) ClearClipboardOnExit(tty io.Writer) error { return a.clip.ClearOnExit(tty) }

func (a *App) setStatus(msg common.StatusMsg) {
	a.retry = ""
	if msg.Err != nil {
		a.status, a.statusErr = model.Sanitize(msg.Err.Error()), true
		return
	}
	a.status, a.statusErr = msg.Text, false
}

// headerRows is how many rows the header takes above every page.
const headerRows = 1

// pageSize is the area below the header and above the status bar.
func (a *App) pageSize() (int, int) {
	return a.width, max(a.height-headerRows-max(a.statusRows, 1), 1)
}

// fitStatus gives the pages the rows the status bar leaves them, whenever
// a longer or shorter message changed its height.
func (a *App) fitStatus() {
	if a.width == 0 {
		return
	}
	if n := a.statusRowCount(); n != a.statusRows {
		a.statusRows = n
		for _, f := range a.stack {
			f.page.SetSize(a.pageSize())
		}
	}
}

// View draws header, page (or help) and status bar.
func (a *App) View() tea.View {
	v := tea.NewView(a.render())
	v.AltScreen = true
	v.ReportFocus = true
	v.WindowTitle = "keyhole"
	if a.cfg.Mouse {
		v.MouseMode = tea.MouseModeCellMotion
	}
	return v
}
