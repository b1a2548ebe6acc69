package list

import (
	"strings"
	"testing"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"
	"github.com/keyhole-tui/keyhole/model"
	"github.com/keyhole-tui/keyhole/ui/common"
)

// lastOpen is the last screen the list asked the root to open.
func lastOpen(t *testing.T, sent []tea.Msg) common.OpenMsg {
	t.Helper()
	for i := len(sent) - 1; i >= 0; i-- {
		if m, ok := sent[i].(common.OpenMsg); ok {
			return m
		}
	}
	t.Fatal("the list opened no screen")
	return common.OpenMsg{}
}

func TestMarkingTwoSecretsOpensTheirMaskedDiff(t *testing.T) {
	s, p := open(&fakeBackend{pages: [][]model.Secret{secrets("a", "b", "c")}})
	s.Press("=")
	if len(s.Sent) == 0 || !strings.Contains(statusText(s.Sent[len(s.Sent)-1]), "marks a secret") {
		t.Fatalf("= with nothing marked said %v", s.Sent)
	}
	s.Press("space", "j", "j", "space", "k")
	if got := ansi.Strip(p.View()); strings.Count(got, "◆") != 2 {
		t.Fatalf("two marked secrets show %d marks:\n%s", strings.Count(got, "◆"), got)
	}
	s.Press("=")
	m := lastOpen(t, s.Sent)
	if m.Screen != common.ScreenCompare || m.Secret.Name != "a" || m.With.Name != "c" {
		t.Fatalf("= opened %v about %v and %v, want the diff of a and c", m.Screen, m.Secret, m.With)
	}
	s.Press("g", "space", "j", "=")
	m = lastOpen(t, s.Sent)
	if m.Secret.Name != "c" || m.With.Name != "b" {
		t.Fatalf("with a unmarked, = diffs %s and %s, want the marked c and the selected b", m.Secret.Name, m.With.Name)
	}
}

// statusText is a status message's text; "" for any other message.
func statusText(msg tea.Msg) string {
	if m, ok := msg.(common.StatusMsg); ok {
		return m.Text
	}
	return ""
}
