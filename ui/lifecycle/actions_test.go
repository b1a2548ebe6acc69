package lifecycle

import (
	"strings"
	"testing"
	"time"

	"github.com/keyhole-tui/keyhole/model"
	"github.com/keyhole-tui/keyhole/ui/common"
	"github.com/keyhole-tui/keyhole/ui/internal/uitest"
)

func TestDeleteAndRestoreSayWhenTheSecretIsNotInTheirState(t *testing.T) {
	c := uitest.Common()
	live := model.Secret{Name: "app/db"}
	going := model.Secret{Name: "app/old", DeletedDate: uitest.Clock().Add(-time.Hour)}
	for _, tt := range []struct {
		secret model.Secret
		delete bool
		want   string
	}{
		{going, true, "app/old is already scheduled for deletion"},
		{live, false, "app/db is not scheduled for deletion"},
	} {
		actions := Actions(c, func() (model.Secret, bool) { return tt.secret, true })
		b := &c.Keys.Restore
		if tt.delete {
			b = &c.Keys.Delete
		}
		msg, _ := uitest.Act(t, actions, b)().(common.StatusMsg)
		if !strings.Contains(msg.Text, tt.want) || c.Slot.Modal() != nil {
			t.Errorf("status %q with a dialog %v, want %q and none", msg.Text, c.Slot.Modal() != nil, tt.want)
		}
	}
}

func TestDeleteAndRestoreOpenTheirDialogs(t *testing.T) {
	c := uitest.Common()
	live := model.Secret{Name: "app/db"}
	uitest.Act(t, Actions(c, func() (model.Secret, bool) { return live, true }), &c.Keys.Delete)
	if _, ok := c.Slot.Modal().(Dialog); !ok {
		t.Fatalf("delete opened %T, want the delete dialog", c.Slot.Modal())
	}
	if cmd := uitest.Act(t, Actions(c, func() (model.Secret, bool) { return model.Secret{}, false }), &c.Keys.Restore); cmd != nil {
		t.Fatal("restore with no secret did something")
	}
}
