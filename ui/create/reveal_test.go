package create

import (
	"strings"
	"testing"

	"github.com/keyhole-tui/keyhole/ui/common"
)

func TestOnlyTheValueIsMaskedAndTheRevealKeyShowsIt(t *testing.T) {
	d := open(t, &fakeAWS{})
	fillPair(d, "app/db", "username", "app_user")
	s := d.Screen()
	if !strings.Contains(s, "app/db") || !strings.Contains(s, "username") || strings.Contains(s, "app_user") {
		t.Fatalf("the name and key should show and the value be masked:\n%s", s)
	}
	if !strings.Contains(s, "ctrl+t reveals or masks the value typed here") {
		t.Fatalf("no hint for the reveal key on a value:\n%s", s)
	}
	d.Press("ctrl+t")
	if s := d.Screen(); !strings.Contains(s, "app_user") {
		t.Fatalf("ctrl+t did not reveal the value:\n%s", s)
	}
	d.Press("ctrl+t")
	if s := d.Screen(); strings.Contains(s, "app_user") {
		t.Fatalf("a second ctrl+t did not mask the value:\n%s", s)
	}
	d.Press("ctrl+t", "shift+tab")
	if s := d.Screen(); strings.Contains(s, "app_user") {
		t.Fatalf("moving the focus away left the value revealed:\n%s", s)
	}
}

func TestARemaskMasksARevealedValue(t *testing.T) {
	d := open(t, &fakeAWS{})
	fillPair(d, "app/db", "password", "hunter2")
	d.Press("ctrl+t")
	d.Page.Update(common.RemaskMsg{})
	if s := d.Screen(); strings.Contains(s, "hunter2") {
		t.Fatalf("a remask left the value revealed:\n%s", s)
	}
}

func TestTheRevealKeyDoesNothingOutsideAValue(t *testing.T) {
	d := open(t, &fakeAWS{})
	d.Type("app/db")
	d.Press("ctrl+t")
	if s := d.Screen(); strings.Contains(s, "reveals or masks") {
		t.Fatalf("the reveal hint shows on the name:\n%s", s)
	}
}
