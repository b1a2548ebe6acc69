// Package styles holds the lipgloss styles every screen draws with, built
// once for the terminal's background.
package styles

import (
	"image/color"

	"charm.land/bubbles/v2/help"
	"charm.land/lipgloss/v2"
)

// The hint colours reach a contrast of 4.5:1 (WCAG AA for text) on the
// background the theme assumes; the separator is decoration and need not.
const (
	darkHintKey  = "#c9d1d9"
	darkHintDesc = "#9198a1"
	darkHintSep  = "#6e7681"

	lightHintKey  = "#32383f"
	lightHintDesc = "#59636e"
	lightHintSep  = "#8c959f"
)

// hintStyles are the status bar's and help screen's key hints, readable on
// the theme's background: bubbles' defaults reach about 2.5:1 on dark and
// 2.1:1 on light backgrounds.
func hintStyles(isDark bool) help.Styles {
	ld := lipgloss.LightDark(isDark)
	keyStyle := lipgloss.NewStyle().Foreground(ld(lipgloss.Color(lightHintKey), lipgloss.Color(darkHintKey)))
	desc := lipgloss.NewStyle().Foreground(ld(lipgloss.Color(lightHintDesc), lipgloss.Color(darkHintDesc)))
	sep := lipgloss.NewStyle().Foreground(ld(lipgloss.Color(lightHintSep), lipgloss.Color(darkHintSep)))
	return help.Styles{
		ShortKey: keyStyle, ShortDesc: desc, ShortSeparator: sep, Ellipsis: sep,
		FullKey: keyStyle, FullDesc: desc, FullSeparator: sep,
	}
}

// Styles is every style keyhole draws with.
type Styles struct {
	App        lipgloss.Style
	Header     lipgloss.Style
	AppName    lipgloss.Style
	HeaderItem lipgloss.Style
	BadgeDemo  lipgloss.Style
	BadgeRO    lipgloss.Style
	BadgeRW    lipgloss.Style

	ColumnHeader lipgloss.Style
	Row          lipgloss.Style
	SelectedRow  lipgloss.Style
	// Cursor draws the bar in a table's first column that marks the row
	// the cursor is on.
	Cursor     lipgloss.Style
	PathPrefix lipgloss.Style
	PathLeaf   lipgloss.Style
	Muted      lipgloss.Style
	Deleted    lipgloss.Style

	Title      lipgloss.Style
	Label      lipgloss.Style
	FieldValue lipgloss.Style
	Mask       lipgloss.Style
	Revealed   lipgloss.Style
	Selected   lipgloss.Style

	OK      lipgloss.Style
	Warning lipgloss.Style
	Error   lipgloss.Style

	StatusBar lipgloss.Style
	Filter    lipgloss.Style
	Dialog    lipgloss.Style

	// Help draws the key hints of the status bar and help screen.
	Help help.Styles
	// Hint draws a form's own line of keys, in the hint colour, which
	// reads at 4.5:1 where faint text may not.
	Hint lipgloss.Style

	// Ink holds the row styles reduced to escape sequences.
	Ink Inks
}

// New builds the styles for a dark or a light background; ascii draws
// borders with ASCII characters for terminals without UTF-8.
func New(isDark, ascii bool) Styles {
	ld := lipgloss.LightDark(isDark)
	var (
		text    = ld(lipgloss.Color("#1f2328"), lipgloss.Color("#e6edf3"))
		muted   = ld(lipgloss.Color("#6e7781"), lipgloss.Color("#8b949e"))
		accent  = ld(lipgloss.Color("#0969da"), lipgloss.Color("#58a6ff"))
		selBg   = ld(lipgloss.Color("#ddf4ff"), lipgloss.Color("#1f3a5f"))
		okC     = ld(lipgloss.Color("#1a7f37"), lipgloss.Color("#3fb950"))
		warnC   = ld(lipgloss.Color("#9a6700"), lipgloss.Color("#d29922"))
		errC    = ld(lipgloss.Color("#cf222e"), lipgloss.Color("#f85149"))
		barBg   = ld(lipgloss.Color("#eaeef2"), lipgloss.Color("#21262d"))
		reveal  = ld(lipgloss.Color("#8250df"), lipgloss.Color("#d2a8ff"))
		onBadge = lipgloss.Color("#ffffff")
	)
	border := lipgloss.RoundedBorder()
	if ascii {
		border = lipgloss.ASCIIBorder()
	}
	badge := func(bg color.Color) lipgloss.Style {
		return lipgloss.NewStyle().Bold(true).Padding(0, 1).Foreground(onBadge).Background(bg)
	}
	st := Styles{
		App:        lipgloss.NewStyle().Foreground(text),
		Header:     lipgloss.NewStyle().Background(barBg).Foreground(text),
		AppName:    lipgloss.NewStyle().Bold(true).Foreground(accent).Background(barBg).Padding(0, 1),
		HeaderItem: lipgloss.NewStyle().Foreground(muted).Background(barBg).Padding(0, 1),
		BadgeDemo:  badge(lipgloss.Color("#8250df")),
		BadgeRO:    badge(lipgloss.Color("#1a7f37")),
		BadgeRW:    badge(lipgloss.Color("#cf222e")),

		ColumnHeader: lipgloss.NewStyle().Bold(true).Foreground(muted),
		// Plain rows use the terminal's own colour: no escape per cell.
		Row:         lipgloss.NewStyle(),
		SelectedRow: lipgloss.NewStyle().Background(selBg).Foreground(text),
		Cursor:      lipgloss.NewStyle().Foreground(accent),
		// Secondary text is the terminal's own colour at half intensity:
		// readable on any theme, and four bytes where a colour takes 11 to
		// 19, on every row drawn.
		PathPrefix: lipgloss.NewStyle().Faint(true),
		PathLeaf:   lipgloss.NewStyle().Bold(true),
		Muted:      lipgloss.NewStyle().Faint(true),
		Deleted:    lipgloss.NewStyle().Foreground(errC).Strikethrough(true),

		Title:      lipgloss.NewStyle().Bold(true).Foreground(accent),
		Label:      lipgloss.NewStyle().Faint(true),
		FieldValue: lipgloss.NewStyle().Foreground(text),
		Mask:       lipgloss.NewStyle().Faint(true),
		Revealed:   lipgloss.NewStyle().Foreground(reveal),
		Selected:   lipgloss.NewStyle().Background(selBg),

		OK:      lipgloss.NewStyle().Foreground(okC),
		Warning: lipgloss.NewStyle().Foreground(warnC),
		Error:   lipgloss.NewStyle().Foreground(errC),

		StatusBar: lipgloss.NewStyle().Background(barBg).Foreground(text),
		Filter:    lipgloss.NewStyle().Foreground(accent),
		Dialog:    lipgloss.NewStyle().Border(border).BorderForeground(accent).Padding(0, 1),

		Help: hintStyles(isDark),
		Hint: hintStyles(isDark).ShortDesc,
	}
	st.Ink = inksOf(st)
	return st
}
