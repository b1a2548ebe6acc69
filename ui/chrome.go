package ui

import (
	"net/url"
	"strings"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
	"charm.land/lipgloss/v2"
	"github.com/charmbracelet/x/ansi"
	"github.com/keyhole-tui/keyhole/model"
	"github.com/keyhole-tui/keyhole/ui/common"
	"github.com/keyhole-tui/keyhole/ui/render"
	"github.com/keyhole-tui/keyhole/ui/widget"
)

// render lays out the screen as one string.
func (a *App) render() string {
	if a.width == 0 || a.height == 0 {
		return ""
	}
	body := a.top().View()
	if a.showHelp {
		body = a.helpView()
	}
	status := a.statusLines()
	// The page fills the rows between header and status bar: a shorter one
	// still puts the status bar at the bottom, a longer one is cut.
	h := max(a.height-headerRows-len(status), 1)
	lines := strings.Split(body, "\n")
	for len(lines) < h {
		lines = append(lines, "")
	}
	body = strings.Join(lines[:h], "\n")
	if m := a.slot.Modal(); m != nil && !a.showHelp {
		body = overlayBottom(body, m.View(a.width))
	}
	frame := a.header() + "\n" + body + "\n" + strings.Join(status, "\n")
	if a.ascii != nil {
		frame = a.ascii.Replace(frame)
	}
	return frame
}

// asciiSymbols turns the symbols keyhole draws into ASCII, for terminals
// whose locale is not UTF-8. Key names are ASCII already (keys.ASCIIHelp).
func asciiSymbols() *strings.Replacer {
	return strings.NewReplacer(
		"–", "-",
		"·", "-", "…", "...", "•", "*", "✗", "x", "▸", ">", "→", "->", "←", "<-",
		"↑", "^", "↓", "v", "⇧", "shift+", "─", "-", "│", "|", "╭", "+", "╮", "+", "╰", "+", "╯", "+",
	)
}

// header shows where keyhole is pointed: demo badge, profile, region,
// account, endpoint override and the RO/RW mode. When that is wider than
// the terminal the endpoint loses its scheme, then the items their labels,
// then the end is cut with an ellipsis; the mode badge always stays.
func (a *App) header() string {
	mode := a.styles.BadgeRO.Render("RO")
	if a.cfg.ReadWrite {
		mode = a.styles.BadgeRW.Render("RW")
	}
	room := max(a.width-ansi.StringWidth(mode), 0)
	host := endpointHost(a.cfg.Endpoint)
	left := a.headerItems(a.cfg.Endpoint, true)
	for _, shorter := range []string{a.headerItems(host, true), a.headerItems(host, false)} {
		if ansi.StringWidth(left) > room {
			left = shorter
		}
	}
	if ansi.StringWidth(left) > room {
		// One cell stays free, as an item's padding would leave it.
		left = ansi.Truncate(left, max(room-1, 0), a.c.Ellipsis())
	}
	gap := room - ansi.StringWidth(left)
	return left + a.styles.Header.Render(strings.Repeat(" ", gap)) + mode
}

// headerItems is the left part of the header with the endpoint as given,
// each item after its label or, unlabelled, alone.
func (a *App) headerItems(endpoint string, labelled bool) string {
	st := &a.styles
	parts := []string{st.AppName.Render("keyhole")}
	if a.cfg.Demo {
		parts = append(parts, st.BadgeDemo.Render("DEMO"))
	}
	item := func(label, value string) {
		if value == "" {
			return
		}
		if labelled {
			value = label + " " + value
		}
		parts = append(parts, st.HeaderItem.Render(model.Sanitize(value)))
	}
	if f, ok := a.c.Backend.(common.Fleet); ok {
		// A screen about one secret says where it is; the list, the
		// fleet's size.
		if account, region := a.fleetPlace(f); account != "" {
			item("account", account)
			item("region", region)
		} else {
			item("fleet", fleetSize(f))
		}
	} else {
		item("profile", a.cfg.Profile)
		item("region", a.cfg.Region)
		item("account", a.identity.Account)
	}
	item("endpoint", endpoint)
	return strings.Join(parts, "")
}

// endpointHost is an endpoint URL without its scheme, such as
// 127.0.0.1:4566; anything that is not such a URL is kept as it is.
func endpointHost(endpoint string) string {
	u, err := url.Parse(endpoint)
	if err != nil || u.Host == "" {
		return endpoint
	}
	return u.Host + strings.TrimSuffix(u.Path, "/")
}

// maxStatusLines is the most lines a message takes in the status bar;
// the page gives them up while it shows.
const maxStatusLines = 3

// statusLines are the status bar: the last message or error, wrapped in
// up to maxStatusLines lines so that its cause shows, or otherwise the
// main keys; the clipboard countdown ends the last line.
func (a *App) statusLines() []string {
	text, style := a.statusMessage()
	right := a.statusRight()
	room := max(a.width-ansi.StringWidth(right), 0)
	if text == "" {
		left := a.spinnerText() + " " + a.shortHelp()
		return []string{render.Fit(ansi.Truncate(left, room, a.c.Ellipsis()), room, "") + right}
	}
	lines := wrapStatus(a.spinnerText()+" "+text, room, a.c.Ellipsis())
	for i, l := range lines {
		lines[i] = render.Fit(style.Render(l), room, "")
	}
	lines[len(lines)-1] += right
	return lines
}

// statusRowCount is how many rows statusLines takes, found without
// drawing the key hints.
func (a *App) statusRowCount() int {
	text, _ := a.statusMessage()
	if text == "" {
		return 1
	}
	room := max(a.width-ansi.StringWidth(a.statusRight()), 0)
	return len(wrapStatus(a.spinnerText()+" "+text, room, a.c.Ellipsis()))
}

// statusRight is the clipboard countdown, when one runs.
func (a *App) statusRight() string {
	right := a.clip.Status()
	if right == "" {
		return ""
	}
	return a.styles.Warning.Render(model.Sanitize(right) + " ")
}

// statusMessage is the message the status bar shows and its style: the
// last error or message, else a retry notice, else none.
func (a *App) statusMessage() (string, lipgloss.Style) {
	st := &a.styles
	switch {
	case a.status != "" && a.statusErr:
		return a.status, st.Error
	case a.status != "":
		return a.status, lipgloss.NewStyle()
	case a.retry != "":
		return a.retry, st.Warning
	}
	return "", lipgloss.NewStyle()
}

// spinnerText is the spinner, after a space, while the top screen waits.
func (a *App) spinnerText() string {
	if a.spinning && a.topWaiting() {
		return " " + a.spin.View()
	}
	return ""
}

// wrapStatus wraps a message, which starts with a space, in lines of
// width cells, each after a space, breaking at spaces where it can; text
// beyond maxStatusLines lines is cut with tail.
func wrapStatus(text string, width int, tail string) []string {
	if width < 2 {
		return []string{""}
	}
	text = strings.TrimPrefix(text, " ")
	lines := strings.Split(ansi.Wrap(text, width-1, " "), "\n")
	if len(lines) > maxStatusLines {
		rest := strings.Join(lines[maxStatusLines-1:], " ")
		lines = append(lines[:maxStatusLines-1], ansi.Truncate(rest, width-1, tail))
	}
	for i, l := range lines {
		lines[i] = " " + l
	}
	return lines
}

// shortHelp is the top screen's main keys, then help and quit, which
// always show: the screen's keys are cut to the room left by bubbles/help.
func (a *App) shortHelp() string {
	always := common.Bindings(a.globalActions(), true)
	tail := a.help.ShortHelpView(always)
	room := max(a.width-2-ansi.StringWidth(tail)-ansi.StringWidth(a.help.ShortSeparator), 0)
	hints := a.help
	hints.SetWidth(room)
	own := hints.ShortHelpView(common.Bindings(a.top().Actions(), true))
	if own == "" {
		return tail
	}
	return own + a.help.Styles.ShortSeparator.Render(a.help.ShortSeparator) + tail
}

// helpHeadLines is the help screen's title line and the blank line under it.
const helpHeadLines = 2

// helpView lists every key by section, the sections flowed into as many
// columns as fit the width. Keys that do not fit the height scroll, with a
// last line that says where the view is.
func (a *App) helpView() string {
	st := &a.styles
	keys := a.helpBody()
	body := keys.Lines()
	hint := "any key closes"
	if keys.Overflows() {
		hint = a.helpScrollKeys() + " scroll · " + hint
		body = append(body, st.Muted.Render(keys.Position(a.c.ASCII)))
	}
	lines := append([]string{st.Title.Render("Keys") + "   " + st.Muted.Render(hint), ""}, body...)
	_, h := a.pageSize()
	for len(lines) < h {
		lines = append(lines, "")
	}
	for i, l := range lines[:h] {
		lines[i] = ansi.Truncate(l, a.width, a.c.Ellipsis())
	}
	return strings.Join(lines[:h], "\n")
}

// helpBody is the help screen's keys below its title, scrolled as far as
// help is: all of them when they fit, else a line fewer, which leaves a
// line for the position.
func (a *App) helpBody() widget.ScrollView {
	v := a.helpScroll
	v.Fold = widget.Cut(a.c.Ellipsis())
	v.SetContent(a.helpLines())
	_, h := a.pageSize()
	rows := h - helpHeadLines
	if v.Len() > rows {
		rows--
	}
	v.SetSize(a.width, rows)
	return v
}

// helpScrollKeys names the keys that scroll help, as the keymap binds them.
func (a *App) helpScrollKeys() string {
	k := &a.keys
	return strings.Join([]string{k.Up.Help().Key, k.Down.Help().Key, k.PageUp.Help().Key, k.PageDown.Help().Key}, " ")
}

// helpLines are the help screen's sections laid out in columns, one string
// per line, without blank lines at the end.
func (a *App) helpLines() []string {
	st := &a.styles
	var blocks []string
	for _, sec := range a.helpSections() {
		lines := []string{st.Title.Render(sec.Name)}
		keyWidth := 0
		for _, b := range sec.Bindings {
			keyWidth = max(keyWidth, ansi.StringWidth(b.Help().Key))
		}
		for _, b := range sec.Bindings {
			h := b.Help()
			lines = append(lines, render.Fit(h.Key, keyWidth, "")+"  "+st.Muted.Render(h.Desc))
		}
		blocks = append(blocks, strings.Join(lines, "\n"))
	}
	var rows, row []string
	used := 0
	for _, b := range blocks {
		w := lipgloss.Width(b) + 4
		if used+w > a.width && len(row) > 0 {
			rows = append(rows, lipgloss.JoinHorizontal(lipgloss.Top, row...))
			row, used = nil, 0
		}
		row = append(row, lipgloss.NewStyle().PaddingRight(4).PaddingBottom(1).Render(b))
		used += w
	}
	if len(row) > 0 {
		rows = append(rows, lipgloss.JoinHorizontal(lipgloss.Top, row...))
	}
	lines := strings.Split(strings.Join(rows, "\n"), "\n")
	for len(lines) > 0 && strings.TrimSpace(ansi.Strip(lines[len(lines)-1])) == "" {
		lines = lines[:len(lines)-1]
	}
	return lines
}

// helpKey answers a key while help is open: quit quits, the movement keys
// scroll keys that do not fit, and any other key closes help.
func (a *App) helpKey(msg tea.KeyPressMsg) tea.Cmd {
	if key.Matches(msg, a.keys.Quit) {
		return a.quit()
	}
	if keys := a.helpBody(); keys.Overflows() && keys.Key(&a.keys, msg) {
		a.helpScroll = keys
		return nil
	}
	a.showHelp = false
	return nil
}

// overlayBottom replaces the last lines of screen with box.
func overlayBottom(screen, box string) string {
	lines := strings.Split(screen, "\n")
	boxLines := strings.Split(box, "\n")
	start := max(len(lines)-len(boxLines), 0)
	return strings.Join(append(lines[:start], boxLines...), "\n")
}
