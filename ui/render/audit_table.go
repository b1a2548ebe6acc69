package render

import (
	"strings"

	"charm.land/lipgloss/v2"
	"github.com/charmbracelet/x/ansi"

	"github.com/keyhole-tui/keyhole/model"
	"github.com/keyhole-tui/keyhole/ui/styles"
)

// AuditColumns are the widths of the audit table's columns; zero hides a
// column.
type AuditColumns struct {
	Time      int
	Event     int
	Secret    int
	Principal int
	SourceIP  int
	Agent     int
	Error     int
}

// Audit table widths.
const (
	auditShortTime    = len("01-02 15:04")
	auditLongTime     = len("2006-01-02 15:04:05")
	auditShortEvent   = 15
	auditLongEvent    = len("UpdateSecretVersionStage")
	auditIP           = len("255.255.255.255")
	auditAgent        = 18
	auditMinError     = 10
	auditMinPrincipal = 22
	auditMinSecret    = 15
	auditMaxError     = 24
)

// auditLayout is which of the optional audit columns a table shows.
type auditLayout struct{ agent, sourceIP, secret bool }

// AuditTableColumns fits the audit table to width: time, event, principal
// and error always; the source IP, the user agent from 110 columns and the
// secret (withSecret, for the account-wide view) as long as the principal
// keeps its room: the user agent goes first, then, in the account-wide
// view, the source IP, which leaves the secret room at 80 columns. Dates
// and whole event names come from 140 columns. Principal, secret and error
// share what is left.
func AuditTableColumns(width int, withSecret bool) AuditColumns {
	c := AuditColumns{Time: auditShortTime, Event: auditShortEvent}
	if width >= 140 {
		c.Time, c.Event = auditLongTime, auditLongEvent
	}
	layouts := []auditLayout{{agent: true, sourceIP: true, secret: withSecret}, {sourceIP: true, secret: withSecret}}
	if withSecret {
		layouts = append(layouts, auditLayout{secret: true})
	}
	for _, l := range layouts {
		if l.agent && width < 110 {
			continue
		}
		c.share(width, l)
		if c.Principal >= auditMinPrincipal && (!l.secret || c.Secret >= auditMinSecret) {
			return c
		}
	}
	c.share(width, auditLayout{sourceIP: true})
	return c
}

// share sets the optional columns of layout l and splits what the fixed
// columns leave between principal, secret (when shown) and error; the
// secret takes no room the principal needs.
func (c *AuditColumns) share(width int, l auditLayout) {
	columns, weights := 4, 7
	c.Agent, c.SourceIP, c.Secret = 0, 0, 0
	if l.agent {
		c.Agent = auditAgent
		columns++
	}
	if l.sourceIP {
		c.SourceIP = auditIP
		columns++
	}
	if l.secret {
		columns++
		weights += 4
	}
	rest := width - markWidth - c.Time - c.Event - c.SourceIP - c.Agent - (columns-1)*gap
	c.Error = min(max(rest*2/weights, auditMinError), auditMaxError)
	if l.secret {
		c.Secret = max(min((rest-c.Error)*4/9, rest-c.Error-auditMinPrincipal), 0)
	}
	c.Principal = max(rest-c.Error-c.Secret, 8)
}

// AuditHeader is the audit table's column titles.
func AuditHeader(c AuditColumns, st *styles.Styles) string {
	cells := []string{strings.Repeat(" ", markWidth) + Fit("TIME (UTC)", c.Time, ""), Fit("EVENT", c.Event, "")}
	if c.Secret > 0 {
		cells = append(cells, Fit("SECRET", c.Secret, ""))
	}
	cells = append(cells, Fit("PRINCIPAL", c.Principal, ""))
	if c.SourceIP > 0 {
		cells = append(cells, Fit("SOURCE IP", c.SourceIP, ""))
	}
	if c.Agent > 0 {
		cells = append(cells, Fit("USER AGENT", c.Agent, ""))
	}
	cells = append(cells, Fit("ERROR", c.Error, ""))
	return st.ColumnHeader.Render(strings.Join(cells, " "))
}

// AuditRow renders one event as a table row. Every CloudTrail string is
// sanitized; a failed call is marked and its error shown.
func AuditRow(e *model.TrailEvent, c AuditColumns, st *styles.Styles, o RowOptions) string {
	tail, mark := "…", "✗ "
	if o.ASCII {
		tail, mark = "~", "x "
	}
	if !e.Failed() {
		mark = "  "
	}
	eventStyle := st.Row
	if e.Failed() {
		eventStyle = st.Error
	}
	cells := []styledCell{
		{Fit(eventTime(e, c), c.Time, tail), st.Muted},
		{Fit(model.Sanitize(e.Name), c.Event, tail), eventStyle},
	}
	if c.Secret > 0 {
		dir, leaf := FitPath(orDash(model.Sanitize(e.Secret)), c.Secret, tail)
		cells = append(cells, styledCell{dir + leaf, st.Row})
	}
	cells = append(cells, styledCell{fitPrincipal(orDash(model.Sanitize(e.Principal)), c.Principal, tail), st.Row})
	if c.SourceIP > 0 {
		cells = append(cells, styledCell{Fit(orDash(model.Sanitize(e.SourceIP)), c.SourceIP, tail), st.Muted})
	}
	if c.Agent > 0 {
		cells = append(cells, styledCell{Fit(orDash(model.Sanitize(e.Agent)), c.Agent, tail), st.Muted})
	}
	cells = append(cells, styledCell{Fit(model.Sanitize(ShortErrorCode(e.ErrorCode)), c.Error, tail), st.Error})
	var b strings.Builder
	b.WriteString(Cursor(o.Selected, o.ASCII, st))
	b.WriteString(st.Error.Render(mark))
	for i, cl := range cells {
		if i > 0 {
			b.WriteByte(' ')
		}
		b.WriteString(cl.style.Render(cl.text))
	}
	return b.String()
}

// fitPrincipal fits a principal to width. A role session named after a
// person ("AWSReservedSSO_Admin/alice@example.com") that does not fit keeps
// the person and cuts the role, when at least a few characters of the role
// still fit; anything else is cut at the end.
func fitPrincipal(p string, width int, tail string) string {
	i := strings.LastIndexByte(p, '/')
	if ansi.StringWidth(p) <= width || i < 0 || !strings.Contains(p[i+1:], "@") {
		return Fit(p, width, tail)
	}
	session := p[i:]
	room := width - ansi.StringWidth(session)
	if room < 4 {
		return Fit(p, width, tail)
	}
	return Fit(p[:i], room, tail) + session
}

// styledCell is one fitted cell and the style it is drawn in.
type styledCell struct {
	text  string
	style lipgloss.Style
}

// eventTime is when the event happened, in UTC, to the minute in a narrow
// table and to the second in a wide one.
func eventTime(e *model.TrailEvent, c AuditColumns) string {
	switch {
	case e.Time.IsZero():
		return "-"
	case c.Time >= auditLongTime:
		return e.Time.UTC().Format("2006-01-02 15:04:05")
	}
	return e.Time.UTC().Format("01-02 15:04")
}

// ShortErrorCode drops the "Exception" every Secrets Manager error code
// ends with: AccessDeniedException → AccessDenied.
func ShortErrorCode(code string) string {
	if short := strings.TrimSuffix(code, "Exception"); short != "" {
		return short
	}
	return code
}
