package switcher

import (
	"testing"

	"github.com/keyhole-tui/keyhole/ui/common"
	"github.com/keyhole-tui/keyhole/ui/internal/uitest"
)

func TestPickingAProfilePicksTheRegionItSets(t *testing.T) {
	c := uitest.Common()
	set := map[string]string{"prod": "eu-west-1", "staging": "ap-south-1"}
	p := New(c, []string{"default", "dev", "prod", "staging"}, []string{"us-east-1", "eu-west-1"}, set, "default", "us-east-1")
	p.SetSize(80, 20)
	s := &uitest.Screen{Page: p, Tasks: c.Tasks}
	s.Press("down")
	if got := p.lists[1].selected(); got != "us-east-1" {
		t.Fatalf("a profile that sets no region moved the region to %q", got)
	}
	s.Press("down")
	if got := p.lists[1].selected(); got != "eu-west-1" {
		t.Fatalf("picking prod selected %q, want its eu-west-1", got)
	}
	s.Press("down", "enter")
	if got := switched(t, s); got != (common.SwitchMsg{Profile: "staging", Region: "ap-south-1"}) {
		t.Fatalf("switched to %+v, want staging in the region it sets, even one not listed", got)
	}
}

func TestTheRegionPickedByHandStaysUntilTheProfileChanges(t *testing.T) {
	c := uitest.Common()
	p := New(c, []string{"default", "prod"}, []string{"us-east-1", "eu-west-1", "us-west-2"}, map[string]string{"prod": "eu-west-1"}, "default", "us-east-1")
	p.SetSize(80, 20)
	s := &uitest.Screen{Page: p, Tasks: c.Tasks}
	s.Press("down", "tab", "down", "enter")
	if got := switched(t, s); got != (common.SwitchMsg{Profile: "prod", Region: "us-west-2"}) {
		t.Fatalf("switched to %+v, want the region chosen after the profile", got)
	}
}
