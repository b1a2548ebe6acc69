package edit

import (
	"strings"
	"testing"

	"github.com/keyhole-tui/keyhole/model"
	"github.com/keyhole-tui/keyhole/ui/common"
	"github.com/keyhole-tui/keyhole/ui/edit/forms/formstest"
	"github.com/keyhole-tui/keyhole/ui/internal/uitest"
)

func TestSavingASecretAnotherServiceOwnsWarnsFirst(t *testing.T) {
	aws := newFake()
	d := formstest.New(t, uitest.Common(), func(c common.Common) common.Page {
		p := New(c, model.Secret{ARN: "arn:s", Name: "prod/db", OwningService: "rds"}, false)
		p.b = aws
		return p
	})
	d.Press("down", "enter", "ctrl+u")
	d.Type("s3cret")
	d.Press("enter", "ctrl+s")
	if !strings.Contains(d.Screen(), "Owned by rds: changing it here can break rds") || len(aws.puts) != 0 {
		t.Fatalf("save of a secret rds owns did not warn:\n%s", d.Screen())
	}
}
