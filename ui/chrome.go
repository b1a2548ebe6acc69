package ui

import (
	"strings"

	"charm.land/lipgloss/v2"
	"github.com/charmbracelet/x/ansi"
	"github.com/keyhole-tui/keyhole/model"
	"github.com/keyhole-tui/keyhole/ui/render"
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
	frame := a.header() + "\n" + body + "\n" + a.statusBar()
	if a.ascii != nil {
		frame = a.ascii.Replace(frame)
	}
	return frame
}

// asciiSymbols turns the symbols keyhole draws into ASCII, for terminals
// whose locale is not UTF-8.
func asciiSymbols() *strings.Replacer {
	return strings.NewReplacer(
		"·", "-", "…", "...", "•", "*", "✗", "x", "▸", ">", "→", "->", "←", "<-",
		"↑", "^", "↓", "v", "─", "-", "│", "|", "╭", "+", "╮", "+", "╰", "+", "╯", "+",
	)
}

// header shows where keyhole is pointed: demo badge, profile, region,
// account, endpoint override and the RO/RW mode.
func (a *App) header() string {
	st := &a.styles
	parts := []string{st.AppName.Render("keyhole")}
	if a.cfg.Demo {
		parts = append(parts, st.BadgeDemo.Render("DEMO"))
	}
	item := func(label, value string) {
		if value != "" {
			parts = append(parts, st.HeaderItem.Render(label+" "+model.Sanitize(value)))
		}
	}
	item("profile", a.cfg.Profile)
	item("region", a.cfg.Region)
	item("account", a.identity.Account)
	item("endpoint", a.cfg.Endpoint)
	mode := st.BadgeRO.Render("RO")
	if a.cfg.ReadWrite {
		mode = st.BadgeRW.Render("RW")
	}
	left := strings.Join(parts, "")
	gap := a.width - ansi.StringWidth(left) - ansi.StringWidth(mode)
	if gap < 0 {
		left = ansi.Truncate(left, a.width-ansi.StringWidth(mode), "")
		gap = 0
	}
	return left + st.Header.Render(strings.Repeat(" ", gap)) + mode
}

// statusBar shows the last message or error, the clipboard countdown, and
// otherwise the main keys.
func (a *App) statusBar() string {
	st := &a.styles
	var left string
	switch {
	case a.status != "" && a.statusErr:
		left = st.Error.Render(" " + a.status)
	case a.status != "":
		left = " " + a.status
	default:
		left = " " + a.shortHelp()
	}
	right := a.clip.Status()
	if right != "" {
		right = st.Warning.Render(model.Sanitize(right) + " ")
	}
	room := a.width - ansi.StringWidth(right)
	return render.Fit(ansi.Truncate(left, max(room, 0), a.c.Ellipsis()), max(room, 0), "") + right
}

// shortHelp is the top screen's main keys, cut to the width by bubbles/help.
func (a *App) shortHelp() string { return a.help.ShortHelpView(a.top().ShortHelp()) }

// helpView lists every key by section, the sections flowed into as many
// columns as fit the width.
func (a *App) helpView() string {
	st := &a.styles
	var blocks []string
	for _, sec := range a.keys.Sections() {
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
	text := st.Title.Render("Keys") + "   " + st.Muted.Render("any key closes") + "\n\n" + strings.Join(rows, "\n")
	lines := strings.Split(text, "\n")
	_, h := a.pageSize()
	for len(lines) < h {
		lines = append(lines, "")
	}
	return strings.Join(lines[:h], "\n")
}
