package detail

import (
	"fmt"
	"strings"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"
	"github.com/keyhole-tui/keyhole/model"
	"github.com/keyhole-tui/keyhole/ui/common"
	"github.com/keyhole-tui/keyhole/ui/internal/uitest"
)

// pageHeight is what the root leaves a screen of an 80×24 terminal.
const pageHeight = 22

// longDescription is a description far wider than 80 columns.
const longDescription = "Primary database credentials for the payments service, rotated monthly by the platform team; ask #payments-oncall before changing anything here"

// tagged is a secret with a long name, description and ARN and 20 tags.
func tagged() *fakeAWS {
	aws := newFake()
	s := &aws.detail.Secret
	s.ARN = "arn:aws:secretsmanager:us-east-1:123456789012:secret:prod/payments/postgres/primary-writer-2O4C1p"
	s.Description = longDescription
	for i := range 20 {
		s.Tags = append(s.Tags, model.Tag{Key: fmt.Sprintf("tag%02d", i), Value: fmt.Sprintf("value-%02d", i)})
	}
	return aws
}

// seen gathers every line shown while pressing key n times.
func seen(p *Page, key string, n int) string {
	var all []string
	for range n {
		all = append(all, screen(p))
		p.Update(uitest.KeyPress(key))
	}
	return strings.Join(append(all, screen(p)), "\n")
}

func TestLongMetadataWrapsWithinTheWidth(t *testing.T) {
	p := newTestPage(t, tagged())
	p.SetSize(80, 60)
	v := screen(p)
	for _, want := range []string{"changing anything here", "postgres/primary-writer-2O4C1p"} {
		if !strings.Contains(v, want) {
			t.Errorf("the end of a long field is cut: no %q in\n%s", want, v)
		}
	}
	uitest.FitsWidth(t, v, 80)
}

func TestEveryTagIsReachableByScrolling(t *testing.T) {
	p := newTestPage(t, tagged())
	p.SetSize(80, pageHeight)
	before := seen(p, "j", 40)
	deliver(t, p, uitest.Act(t, p.Actions(), &p.c.Keys.RevealAll))
	after := seen(p, "k", 40)
	for i := range 20 {
		tag := fmt.Sprintf("tag%02d=value-%02d", i, i)
		if !strings.Contains(before, tag) || !strings.Contains(after, tag) {
			t.Errorf("%s is never shown while scrolling (before the value is read: %v)", tag, strings.Contains(before, tag))
		}
	}
}

func TestAPEMInsideJSONShowsAsLines(t *testing.T) {
	aws := newFake()
	aws.values[model.StageCurrent] = `{"cert":"-----BEGIN CERTIFICATE-----\nMIIBszCCAVmgAwIBAgIU\nZm9vYmFy\n-----END CERTIFICATE-----\n"}`
	p := newTestPage(t, aws)
	deliver(t, p, uitest.Act(t, p.Actions(), &p.c.Keys.Reveal))
	v := screen(p)
	if strings.Contains(v, `\n`) {
		t.Fatalf("the newlines show as \\n:\n%s", v)
	}
	for _, want := range []string{"▸ cert  -----BEGIN CERTIFICATE-----", "        MIIBszCCAVmgAwIBAgIU", "        -----END CERTIFICATE-----"} {
		if !strings.Contains(v, want) {
			t.Fatalf("want %q on a line of its own:\n%s", want, v)
		}
	}
}

func TestA60KBValueScrollsToItsEnd(t *testing.T) {
	aws := newFake()
	aws.values[model.StageCurrent] = "START" + strings.Repeat("0123456789", 6000) + "END"
	p := newTestPage(t, aws)
	p.SetSize(80, pageHeight)
	deliver(t, p, uitest.Act(t, p.Actions(), &p.c.Keys.Reveal))
	if v := screen(p); !strings.Contains(v, "START") || strings.Contains(v, "END") {
		t.Fatalf("want the start of the value shown:\n%s", v)
	}
	p.Update(uitest.KeyPress("pgdown"))
	if v := screen(p); strings.Contains(v, "START") {
		t.Fatalf("page down did not scroll the value:\n%s", v)
	}
	p.Update(uitest.KeyPress("G"))
	if v := screen(p); !strings.Contains(v, "789END") {
		t.Fatalf("want the end of the value shown:\n%s", v)
	}
	p.Update(uitest.KeyPress("g"))
	if v := screen(p); !strings.Contains(v, "START") {
		t.Fatalf("want the start of the value shown again:\n%s", v)
	}
}

func TestALongKeyPathLeavesTheValueOnScreen(t *testing.T) {
	aws := newFake()
	var b strings.Builder
	for i := range 40 {
		fmt.Fprintf(&b, `{"level%02d":`, i)
	}
	b.WriteString(`"deep-secret-value"`)
	b.WriteString(strings.Repeat("}", 40))
	aws.values[model.StageCurrent] = b.String()
	p := newTestPage(t, aws)
	deliver(t, p, uitest.Act(t, p.Actions(), &p.c.Keys.Reveal))
	v := screen(p)
	if !strings.Contains(v, "level39  deep-secret-value") {
		t.Fatalf("want the field's own name and its value on screen:\n%s", v)
	}
	if !strings.Contains(v, "  level00.level01.level02") || !strings.Contains(v, "level38.level39") {
		t.Fatalf("want the whole key path of the selected field shown:\n%s", v)
	}
	uitest.FitsWidth(t, v, 80)
}

func TestAStageLeftAndShownAgainIsNotReadAgain(t *testing.T) {
	aws := newFake()
	p := newTestPage(t, aws)
	deliver(t, p, uitest.Act(t, p.Actions(), &p.c.Keys.RevealAll))
	uitest.Act(t, p.Actions(), &p.c.Keys.Stage)
	deliver(t, p, uitest.Act(t, p.Actions(), &p.c.Keys.RevealAll))
	if cmd := uitest.Act(t, p.Actions(), &p.c.Keys.Stage); cmd == nil {
		t.Fatal("switching back said nothing")
	}
	if v := screen(p); strings.Contains(v, "hunter2") || !strings.Contains(v, "version v-AWSCURRENT") {
		t.Fatalf("want the current value held again, masked:\n%s", v)
	}
	if cmd := uitest.Act(t, p.Actions(), &p.c.Keys.RevealAll); cmd != nil || len(aws.reads) != 2 {
		t.Fatalf("showing a stage read before read it again: %d reads", len(aws.reads))
	}
	if !strings.Contains(screen(p), "hunter2-now") {
		t.Fatalf("want the current value shown:\n%s", screen(p))
	}
	kept := p.kept[model.StagePrevious].version.Value
	if !p.Forget() || strings.Contains(string(kept.Reveal()), "hunter2") || len(p.kept) != 0 {
		t.Fatal("Forget leaves the value kept for the stage left")
	}
}

func TestMaskingAfterIdleSaysSo(t *testing.T) {
	p := newTestPageWith(t, newFake(), func(c *common.Common) { c.RevealTimeout = time.Millisecond })
	deliver(t, p, uitest.Act(t, p.Actions(), &p.c.Keys.RevealAll))
	_, cmd := p.Update(p.reveal.Touch()())
	if p.AnyRevealed() {
		t.Fatal("the value is still shown after the idle timeout")
	}
	if !saysStatus(cmd, "values masked again after 1ms idle") {
		t.Fatal("masking after the idle timeout said nothing")
	}
	_, cmd = p.Update(common.RemaskMsg{})
	if saysStatus(cmd, "idle") {
		t.Fatal("a remask for another reason says it was the idle timeout")
	}
}

// saysStatus reports whether cmd, or a command it batches, sets a status
// line containing text.
func saysStatus(cmd tea.Cmd, text string) bool {
	if cmd == nil {
		return false
	}
	switch msg := cmd().(type) {
	case tea.BatchMsg:
		for _, c := range msg {
			if saysStatus(c, text) {
				return true
			}
		}
	case common.StatusMsg:
		return strings.Contains(msg.Text, text)
	}
	return false
}

func TestTheValueReadBringsEveryMaskedKeyIntoView(t *testing.T) {
	aws := tagged()
	aws.values[model.StageCurrent] = `{"user":"app","password":"hunter2-now","host":"db","port":5432}`
	p := newTestPage(t, aws)
	p.SetSize(80, pageHeight)
	deliver(t, p, uitest.Act(t, p.Actions(), &p.c.Keys.Reveal))
	v := screen(p)
	for _, key := range []string{"Value · AWSCURRENT", "user", "password", "host", "port"} {
		if !strings.Contains(v, key+" ") {
			t.Errorf("%q is not in view once the value is read:\n%s", key, v)
		}
	}
}

func TestAFailedReplicasReasonShowsWholeAt80Columns(t *testing.T) {
	aws := newFake()
	reason := "Replication failed: a secret named prod/payments/postgres already exists in the destination region eu-central-2"
	aws.detail.Replicas = []model.Replica{{Region: "eu-central-2", Status: "Failed", StatusMessage: reason}}
	p := newTestPage(t, aws)
	p.SetSize(80, 60)
	v := screen(p)
	if !strings.Contains(strings.Join(strings.Fields(v), " "), "already exists in the destination region eu-central-2") {
		t.Errorf("the replica's reason is cut:\n%s", v)
	}
	uitest.FitsWidth(t, v, 80)
}
