package create

import (
	"context"
	"testing"

	tea "charm.land/bubbletea/v2"
	"github.com/keyhole-tui/keyhole/ui/common"
	"github.com/keyhole-tui/keyhole/ui/keys"
	"github.com/keyhole-tui/keyhole/ui/styles"
)

func TestNewRefusesWithoutReadWrite(t *testing.T) {
	st, k := styles.New(true, false), keys.Default()
	p := New(common.Common{Ctx: context.Background(), Styles: &st, Keys: &k})
	batch, ok := p.Init()().(tea.BatchMsg)
	if !ok || len(batch) != 2 {
		t.Fatalf("Init did not refuse: %T", batch)
	}
	status, _ := batch[0]().(common.StatusMsg)
	if _, back := batch[1]().(common.BackMsg); !back || status.Text == "" {
		t.Fatalf("want a read-only status and back, got %+v", status)
	}
	if _, cmd := p.Update(tea.KeyPressMsg{Code: 's', Mod: tea.ModCtrl}); cmd != nil {
		t.Fatal("a read-only form acted on a key")
	}
}
