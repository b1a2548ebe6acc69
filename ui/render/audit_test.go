package render

import (
	"strings"
	"testing"

	"github.com/charmbracelet/x/ansi"
	"github.com/keyhole-tui/keyhole/model"
	"github.com/keyhole-tui/keyhole/ui/styles"
)

func TestAuditColumnsFillTheWidthAndDropTheUserAgentFirst(t *testing.T) {
	st := styles.New(true, false)
	e := model.NewTrailEvent(model.AuditEvent{Name: "GetSecretValue", PrincipalARN: "arn:aws:iam::1:user/x", SourceIP: "10.0.0.1", UserAgent: "aws-cli/2.15.1"})
	for _, width := range []int{80, 100, 109, 110, 120, 139, 140, 160, 200} {
		for _, account := range []bool{false, true} {
			c := AuditTableColumns(width, account)
			if got := ansi.StringWidth(AuditHeader(c, &st)); got != width {
				t.Errorf("width %d account %v: header is %d wide", width, account, got)
			}
			if got := ansi.StringWidth(AuditRow(&e, c, &st, RowOptions{})); got != width {
				t.Errorf("width %d account %v: row is %d wide", width, account, got)
			}
			if c.Agent > 0 && width < 110 || !account && (c.Agent > 0) != (width >= 110) {
				t.Errorf("width %d account %v: user agent shown = %v", width, account, c.Agent > 0)
			}
			if account && c.Secret < auditMinSecret {
				t.Errorf("width %d: secret column %d wide", width, c.Secret)
			}
			if !account && c.SourceIP == 0 || width >= 100 && c.SourceIP == 0 {
				t.Errorf("width %d account %v: no source IP", width, account)
			}
			if c.Principal < auditMinPrincipal || c.Error < auditMinError {
				t.Errorf("width %d account %v: %+v", width, account, c)
			}
		}
	}
}

// TestAccountAuditShowsTheSecretAt80Columns pins down that the account-wide
// audit trail names the secret of each event at 80 columns, cut in the
// middle, and gives up the source IP for it.
func TestAccountAuditShowsTheSecretAt80Columns(t *testing.T) {
	st := styles.New(true, false)
	e := model.NewTrailEvent(model.AuditEvent{Name: "GetSecretValue", SecretID: "prod/payments/svc-037/postgres", PrincipalARN: "arn:aws:sts::1:assumed-role/AWSReservedSSO_Admin/alice@example.com", SourceIP: "10.0.0.1"})
	c := AuditTableColumns(80, true)
	row := ansi.Strip(AuditRow(&e, c, &st, RowOptions{}))
	for _, want := range []string{"prod/…/postgres", "/alice@example.com"} {
		if !strings.Contains(row, want) {
			t.Errorf("row lacks %q: %q", want, row)
		}
	}
	if head := ansi.Strip(AuditHeader(c, &st)); !strings.Contains(head, "SECRET") || strings.Contains(head, "SOURCE IP") {
		t.Errorf("header %q", head)
	}
}

func TestFitPrincipalKeepsThePerson(t *testing.T) {
	tests := []struct {
		p     string
		width int
		want  string
	}{
		{"AWSReservedSSO_Admin/alice@example.com", 23, "AWSR…/alice@example.com"},
		{"AWSReservedSSO_Admin/alice@example.com", 40, "AWSReservedSSO_Admin/alice@example.com  "},
		{"payments-api/i-0abc1234def567890", 20, "payments-api/i-0abc…"},
		{"AWSReservedSSO_Admin/alice@example.com", 20, "AWSReservedSSO_Admi…"},
	}
	for _, tt := range tests {
		if got := fitPrincipal(tt.p, tt.width, "…"); got != tt.want {
			t.Errorf("fitPrincipal(%q, %d) = %q, want %q", tt.p, tt.width, got, tt.want)
		}
	}
}

func TestEventJSONIsIndentedAndSanitized(t *testing.T) {
	lines := EventJSON(`{"eventName":"GetSecretValue","userAgent":"x` + "\u202e" + `y","n":[1]}`)
	want := []string{"{", `  "eventName": "GetSecretValue",`, `  "userAgent": "x\u202ey",`, `  "n": [`, "    1", "  ]", "}"}
	if strings.Join(lines, "\n") != strings.Join(want, "\n") {
		t.Fatalf("EventJSON =\n%s\nwant\n%s", strings.Join(lines, "\n"), strings.Join(want, "\n"))
	}
	if got := EventJSON("not json\x1b[2J"); len(got) != 1 || got[0] != `not json\x1b[2J` {
		t.Fatalf("EventJSON of text = %q", got)
	}
}

func TestReaderRowsMarkNewAndFitTheWidth(t *testing.T) {
	st := styles.New(true, false)
	for _, width := range []int{80, 160} {
		c := ReaderTableColumns(width)
		r := model.Reader{Who: "user/" + strings.Repeat("svc-legacy-export-", 10), ReadCounts: model.ReadCounts{Gets: 3, Failed: 1, New: true}}
		row := ansi.Strip(ReaderRow(r, c, &st, RowOptions{}))
		if ansi.StringWidth(row) != width || !strings.Contains(row, "… NEW") {
			t.Errorf("width %d: %q (%d wide)", width, row, ansi.StringWidth(row))
		}
		if got := ansi.StringWidth(ReaderHeader(c, &st)); got != width {
			t.Errorf("width %d: header is %d wide", width, got)
		}
	}
}
