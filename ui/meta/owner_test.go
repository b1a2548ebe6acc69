package meta

import (
	"strings"
	"testing"

	"github.com/keyhole-tui/keyhole/ui/common"
	"github.com/keyhole-tui/keyhole/ui/edit/forms/formstest"
	"github.com/keyhole-tui/keyhole/ui/internal/uitest"
)

func TestChangingASecretAnotherServiceOwnsWarnsFirst(t *testing.T) {
	owned := secret
	owned.OwningService = "rds"
	d := formstest.New(t, uitest.Common(), func(c common.Common) common.Page {
		p := New(c, owned)
		p.b = &fakeAWS{}
		return p
	})
	d.Type("!")
	d.Press("ctrl+s")
	if !strings.Contains(d.Screen(), "Owned by rds: changing it here can break rds") {
		t.Fatalf("the confirmation does not warn of the owner:\n%s", d.Screen())
	}
	plain := open(t, &fakeAWS{})
	plain.Type("!")
	plain.Press("ctrl+s")
	if strings.Contains(plain.Screen(), "Owned by") {
		t.Fatalf("a secret no service owns warns:\n%s", plain.Screen())
	}
}
