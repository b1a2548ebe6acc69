package versions

import (
	"context"
	"fmt"
	"strings"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"
	"github.com/keyhole-tui/keyhole/model"
	"github.com/keyhole-tui/keyhole/ui/common"
	"github.com/keyhole-tui/keyhole/ui/internal/uitest"
)

// fakeAWS answers the versions screen from memory and counts value reads.
type fakeAWS struct {
	versions []model.Version
	values   map[string]string
	reads    []string
	moves    []model.StageMove
}

func (f *fakeAWS) ListSecretVersions(context.Context, string, bool) ([]model.Version, error) {
	return append([]model.Version(nil), f.versions...), nil
}

func (f *fakeAWS) GetSecretValue(_ context.Context, ref model.ValueRef) (model.SecretVersion, error) {
	f.reads = append(f.reads, ref.VersionID)
	return model.SecretVersion{VersionID: ref.VersionID, Value: model.StringValue(f.values[ref.VersionID])}, nil
}

func (f *fakeAWS) UpdateVersionStage(_ context.Context, m model.StageMove) error {
	f.moves = append(f.moves, m)
	return nil
}

func newFake() *fakeAWS {
	day := 24 * time.Hour
	return &fakeAWS{
		versions: []model.Version{
			{ID: "old-1", Stages: []string{model.StagePrevious}, CreatedDate: uitest.Clock().Add(-9 * day)},
			{ID: "new-2", Stages: []string{model.StageCurrent}, CreatedDate: uitest.Clock().Add(-day)},
		},
		values: map[string]string{
			"old-1": `{"user":"app","password":"pass-old"}`,
			"new-2": `{"user":"app","password":"pass-new","port":5432}`,
		},
	}
}

func newTestPage(t *testing.T, aws *fakeAWS) *Page {
	t.Helper()
	p := newPage(uitest.Common(), aws, model.Secret{ARN: "arn:db", Name: "app/db"})
	p.SetSize(100, 30)
	deliver(t, p, p.Init())
	return p
}

// deliver hands a task's answer to the page as the root would, and fails
// when the root would drop it.
func deliver(t *testing.T, p *Page, cmd tea.Cmd) tea.Cmd {
	t.Helper()
	return uitest.Deliver(t, p, p.c.Tasks, cmd)
}

// drawn is what the page draws, without styles.
func drawn(p *Page) string { return ansi.Strip(p.View()) }

func TestRevealReadsTheSelectedVersionOnceAndShowsItUnderItsRow(t *testing.T) {
	aws := newFake()
	p := newTestPage(t, aws)
	p.Update(uitest.KeyPress("j"))
	deliver(t, p, uitest.Act(t, p.Actions(), &p.c.Keys.Reveal))
	s := drawn(p)
	if !strings.Contains(s, "pass-old") || strings.Contains(s, "pass-new") {
		t.Fatalf("want the older version revealed only:\n%s", s)
	}
	if i, j := strings.Index(s, "old-1"), strings.Index(s, "pass-old"); i < 0 || j < i {
		t.Fatalf("the value is not under its version's row:\n%s", s)
	}
	uitest.Act(t, p.Actions(), &p.c.Keys.Reveal)
	if strings.Contains(drawn(p), "pass-old") || len(aws.reads) != 1 {
		t.Fatalf("want the value masked again without a read, reads %v:\n%s", aws.reads, drawn(p))
	}
}

func TestRevealAllShowsEveryHeldValueThenMasksThem(t *testing.T) {
	p := newTestPage(t, newFake())
	deliver(t, p, uitest.Act(t, p.Actions(), &p.c.Keys.Copy))
	p.Update(uitest.KeyPress("j"))
	deliver(t, p, uitest.Act(t, p.Actions(), &p.c.Keys.Copy))
	uitest.Act(t, p.Actions(), &p.c.Keys.RevealAll)
	if s := drawn(p); !strings.Contains(s, "pass-old") || !strings.Contains(s, "pass-new") {
		t.Fatalf("want both held values shown:\n%s", s)
	}
	uitest.Act(t, p.Actions(), &p.c.Keys.RevealAll)
	if s := drawn(p); strings.Contains(s, "pass-") {
		t.Fatalf("want every value masked:\n%s", s)
	}
}

func TestListingAgainKeepsTheSelectedVersion(t *testing.T) {
	aws := newFake()
	p := newTestPage(t, aws)
	p.Update(uitest.KeyPress("j"))
	aws.versions = append(aws.versions, model.Version{ID: "newest-3", CreatedDate: uitest.Clock()})
	deliver(t, p, uitest.Act(t, p.Actions(), &p.c.Keys.Reload))
	if v, _ := p.selected(); v.ID != "old-1" {
		t.Fatalf("selected %q after listing again, want old-1", v.ID)
	}
}

func TestADiffClosedBeforeItsAnswerIsDropped(t *testing.T) {
	p := newTestPage(t, newFake())
	uitest.Act(t, p.Actions(), &p.c.Keys.Mark)
	p.Update(uitest.KeyPress("j"))
	prints := uitest.Act(t, p.Actions(), &p.c.Keys.Diff)
	uitest.Act(t, p.Actions(), &p.c.Keys.Back)
	if _, ok := uitest.Answer(t, p.c.Tasks, prints); ok {
		t.Fatal("the answer of a closed diff would still be shown")
	}
}

func TestTheDiffShowsPathsAndKindsNeverValues(t *testing.T) {
	p := newTestPage(t, newFake())
	uitest.Act(t, p.Actions(), &p.c.Keys.Mark)
	p.Update(uitest.KeyPress("j"))
	deliver(t, p, uitest.Act(t, p.Actions(), &p.c.Keys.Diff))
	s := drawn(p)
	if !strings.Contains(s, "1 changed, 0 added, 1 removed, 1 unchanged") || strings.Contains(s, "pass-") {
		t.Fatalf("want a masked diff:\n%s", s)
	}
}

func TestPromoteIsRefusedWhenCurrentMovedSinceTheListing(t *testing.T) {
	aws := newFake()
	msg := promoteTask(aws, "arn:db", "old-1", "someone-else")(context.Background()).(promotedMsg)
	if !msg.moved || msg.movedTo != "new-2" || len(aws.moves) != 0 {
		t.Fatalf("promoted over a move: %+v, moves %v", msg, aws.moves)
	}
	msg = promoteTask(aws, "arn:db", "old-1", "new-2")(context.Background()).(promotedMsg)
	if msg.moved || msg.err != nil || len(aws.moves) != 1 || aws.moves[0].MoveToVersionID != "old-1" {
		t.Fatalf("did not promote: %+v, moves %v", msg, aws.moves)
	}
}

func TestForgetWipesEveryValueHeld(t *testing.T) {
	p := newTestPage(t, newFake())
	deliver(t, p, uitest.Act(t, p.Actions(), &p.c.Keys.Reveal))
	value := p.values["new-2"].value
	if !p.Forget() {
		t.Fatal("Forget reported no value held")
	}
	if strings.Contains(string(value.Reveal()), "pass-new") || strings.Contains(drawn(p), "pass-new") {
		t.Fatal("the value survives Forget")
	}
}

func TestRemaskMasksEveryVersion(t *testing.T) {
	p := newTestPage(t, newFake())
	deliver(t, p, uitest.Act(t, p.Actions(), &p.c.Keys.Reveal))
	p.Update(common.RemaskMsg{})
	if strings.Contains(drawn(p), "pass-new") {
		t.Fatalf("a value is shown after a remask:\n%s", drawn(p))
	}
}

func TestARevealedVersionShowsItsLinesWrappedUnderItself(t *testing.T) {
	aws := newFake()
	aws.values["new-2"] = `{"cert":"-----BEGIN CERTIFICATE-----\nMIIBszCCAVmgAwIBAgIU\n-----END CERTIFICATE-----","token":"` + strings.Repeat("x", 150) + `END"}`
	p := newTestPage(t, aws)
	p.SetSize(80, 40)
	deliver(t, p, uitest.Act(t, p.Actions(), &p.c.Keys.Reveal))
	s := drawn(p)
	if strings.Contains(s, `\n`) || !strings.Contains(s, "\n             MIIBszCCAVmgAwIBAgIU\n") {
		t.Fatalf("want the certificate's lines one under the other:\n%s", s)
	}
	if !strings.Contains(s, "xEND") {
		t.Fatalf("want a long value wrapped to its end:\n%s", s)
	}
	uitest.FitsWidth(t, s, 80)
}

func TestCopyWithTheClipboardOffReadsNothing(t *testing.T) {
	aws := newFake()
	c := uitest.Common()
	c.ClipboardOff = true
	p := newPage(c, aws, model.Secret{ARN: "arn:db", Name: "app/db"})
	p.SetSize(100, 30)
	deliver(t, p, p.Init())
	status, ok := uitest.Act(t, p.Actions(), &p.c.Keys.Copy)().(common.StatusMsg)
	if !ok || status.Err == nil || len(aws.reads) != 0 {
		t.Fatalf("want the copy refused before reading, got %#v after %d reads", status, len(aws.reads))
	}
}

func TestATallRevealedValueScrollsBeforeTheCursorMovesOn(t *testing.T) {
	aws := newFake()
	var fields []string
	for i := range 60 {
		fields = append(fields, fmt.Sprintf(`"key%02d":"v%02d"`, i, i))
	}
	aws.values["new-2"] = "{" + strings.Join(fields, ",") + "}"
	p := newTestPage(t, aws)
	p.SetSize(80, 24)
	deliver(t, p, uitest.Act(t, p.Actions(), &p.c.Keys.Reveal))
	if !strings.Contains(drawn(p), "key00") || strings.Contains(drawn(p), "key59") {
		t.Fatalf("want the value's start on screen first:\n%s", drawn(p))
	}
	seen := drawn(p)
	for range 80 {
		p.Update(uitest.KeyPress("j"))
		seen += drawn(p)
		if strings.Contains(drawn(p), "key59") {
			break
		}
	}
	if !strings.Contains(seen, "key30") || !strings.Contains(drawn(p), "key59") {
		t.Fatalf("j did not scroll through the value to its end:\n%s", drawn(p))
	}
	if v, _ := p.selected(); v.ID != "new-2" {
		t.Fatalf("the cursor left the version while its value still had lines below: %s", v.ID)
	}
	for range 80 {
		p.Update(uitest.KeyPress("k"))
	}
	if !strings.Contains(drawn(p), "key00") {
		t.Fatalf("k did not scroll back to the value's start:\n%s", drawn(p))
	}
}
