package detail

import (
	"strings"
	"testing"

	"github.com/keyhole-tui/keyhole/model"
	"github.com/keyhole-tui/keyhole/ui/common"
	"github.com/keyhole-tui/keyhole/ui/internal/uitest"
)

func TestSharedValueListsOtherSecretsReadThisSession(t *testing.T) {
	shares := model.NewShares(model.NewFingerprintKey())
	shares.AddPrints("arn:aws:secretsmanager:us-east-1:1:secret:app/other", "app/other",
		shares.Prints(model.StringValue(`{"db": {"pw": "hunter2-now"}}`)))
	shares.AddPrints("arn:aws:secretsmanager:eu-west-1:2:secret:app/far", "app/far", shares.Prints(model.StringValue("hunter2-now")))
	shares.AddPrints("arn:aws:secretsmanager:us-east-1:1:secret:app/unrelated", "app/unrelated", shares.Prints(model.StringValue("nope-value")))
	aws := newFake()
	aws.detail.Secret.ARN = "arn:aws:secretsmanager:us-east-1:1:secret:app/db"
	p := newTestPageWith(t, aws, func(c *common.Common) { c.Shares = shares })

	ask := func() string {
		msg, _ := uitest.Act(t, p.Actions(), &p.c.Keys.SharedValue)().(common.StatusMsg)
		return msg.Text
	}
	if got := ask(); !strings.Contains(got, "reveals a field first") || len(aws.reads) != 0 {
		t.Fatalf("S before a reveal said %q after %d reads", got, len(aws.reads))
	}
	deliver(t, p, uitest.Act(t, p.Actions(), &p.c.Keys.Reveal))
	p.Update(uitest.KeyPress("j"))
	uitest.Act(t, p.Actions(), &p.c.Keys.Reveal)
	got := ask()
	for _, want := range []string{"app/other db.pw", "2 eu-west-1 app/far", "of 4 secrets read this session"} {
		if !strings.Contains(got, want) {
			t.Errorf("S on the revealed password said %q, want %q in it", got, want)
		}
	}
	if strings.Contains(got, "unrelated") || strings.Contains(got, "hunter2") {
		t.Errorf("S said %q", got)
	}
}
