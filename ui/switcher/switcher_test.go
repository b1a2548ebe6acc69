package switcher

import (
	"fmt"
	"strings"
	"testing"

	"github.com/charmbracelet/x/ansi"
	"github.com/keyhole-tui/keyhole/ui/common"
	"github.com/keyhole-tui/keyhole/ui/internal/uitest"
)

func open(profiles, regions []string, profile, region string, height int) *uitest.Screen {
	c := uitest.Common()
	p := New(c, profiles, regions, nil, profile, region)
	p.SetSize(80, height)
	return &uitest.Screen{Page: p, Tasks: c.Tasks}
}

// switched is the profile and region the screen asked to connect to.
func switched(t *testing.T, s *uitest.Screen) common.SwitchMsg {
	t.Helper()
	for _, msg := range s.Sent {
		if sw, ok := msg.(common.SwitchMsg); ok {
			return sw
		}
	}
	t.Fatalf("no switch asked for: %v", s.Sent)
	return common.SwitchMsg{}
}

func TestSwitcherOpensOnTheCurrentPairAndConnectsToTheOnePicked(t *testing.T) {
	s := open([]string{"default", "prod", "staging"}, []string{"eu-west-1", "us-east-1"}, "prod", "us-east-1", 20)
	s.Press("down", "tab", "up", "enter")
	if got := switched(t, s); got != (common.SwitchMsg{Profile: "staging", Region: "eu-west-1"}) {
		t.Errorf("switched to %+v", got)
	}
	if _, ok := s.Sent[0].(common.BackMsg); !ok {
		t.Errorf("the switcher did not close first: %v", s.Sent)
	}
}

func TestSwitcherScrollsALongListToTheCursor(t *testing.T) {
	var profiles []string
	for i := range 30 {
		profiles = append(profiles, fmt.Sprintf("profile-%02d", i))
	}
	s := open(profiles, []string{"us-east-1"}, "profile-25", "us-east-1", 10)
	screen := ansi.Strip(s.Page.View())
	if !strings.Contains(screen, "> profile-25") || strings.Contains(screen, "profile-19") {
		t.Errorf("the current profile is not in view:\n%s", screen)
	}
	s.Press("g")
	if screen := ansi.Strip(s.Page.View()); !strings.Contains(screen, "> profile-00") {
		t.Errorf("home does not reach the first profile:\n%s", screen)
	}
}

func TestSwitcherWithoutProfilesSaysSo(t *testing.T) {
	s := open(nil, []string{"us-east-1"}, "", "us-east-1", 10)
	if screen := ansi.Strip(s.Page.View()); !strings.Contains(screen, "no profiles in ~/.aws/config") {
		t.Errorf("no word of missing profiles:\n%s", screen)
	}
	s.Press("down", "enter")
	if got := switched(t, s); got != (common.SwitchMsg{Region: "us-east-1"}) {
		t.Errorf("switched to %+v", got)
	}
}
