package detail

import (
	"context"
	"strings"
	"testing"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"
	"github.com/keyhole-tui/keyhole/model"
	"github.com/keyhole-tui/keyhole/ui/common"
	"github.com/keyhole-tui/keyhole/ui/internal/uitest"
)

// fakeAWS answers the detail screen from memory and counts value reads.
type fakeAWS struct {
	detail      model.SecretDetail
	describeErr error
	values      map[string]string
	reads       []model.ValueRef
}

func (f *fakeAWS) DescribeSecret(context.Context, string) (model.SecretDetail, error) {
	return f.detail, f.describeErr
}

func (f *fakeAWS) GetSecretValue(_ context.Context, ref model.ValueRef) (model.SecretVersion, error) {
	f.reads = append(f.reads, ref)
	s, ok := f.values[ref.Stage]
	if !ok {
		return model.SecretVersion{}, &model.Error{Kind: model.KindNotFound, Op: "GetSecretValue"}
	}
	return model.SecretVersion{VersionID: "v-" + ref.Stage, Value: model.StringValue(s)}, nil
}

func newFake() *fakeAWS {
	s := model.Secret{ARN: "arn:db", Name: "app/db", VersionStages: model.StageMapOf(map[string][]string{
		"v-AWSCURRENT": {model.StageCurrent}, "v-AWSPREVIOUS": {model.StagePrevious},
	})}
	return &fakeAWS{detail: model.SecretDetail{Secret: s}, values: map[string]string{
		model.StageCurrent:  `{"user":"app","password":"hunter2-now"}`,
		model.StagePrevious: `{"user":"app","password":"hunter2-old"}`,
	}}
}

// screen is what the page draws, without styles.
func screen(p *Page) string { return ansi.Strip(p.View()) }

func newTestPage(t *testing.T, aws *fakeAWS) *Page {
	t.Helper()
	return newTestPageWith(t, aws, func(*common.Common) {})
}

// newTestPageWith is newTestPage with what tweak changes in what the root
// hands the screen.
func newTestPageWith(t *testing.T, aws *fakeAWS, tweak func(*common.Common)) *Page {
	t.Helper()
	c := uitest.Common()
	tweak(&c)
	p := newPage(c, aws, aws.detail.Secret)
	p.SetSize(80, 24)
	deliver(t, p, p.Init())
	return p
}

// deliver hands a task's answer to the page as the root would, and fails
// when the root would drop it.
func deliver(t *testing.T, p *Page, cmd tea.Cmd) tea.Cmd {
	t.Helper()
	return uitest.Deliver(t, p, p.c.Tasks, cmd)
}

func TestTheFirstRevealReadsTheValueAndWaitsForAFieldToBeChosen(t *testing.T) {
	aws := newFake()
	p := newTestPage(t, aws)
	status, ok := deliver(t, p, uitest.Act(t, p.Actions(), &p.c.Keys.Reveal))().(common.StatusMsg)
	if !ok || !strings.Contains(status.Text, "pick a field") {
		t.Fatalf("want the user asked to choose a field, got %#v", status)
	}
	if v := screen(p); !strings.Contains(v, "user      "+p.c.Mask()) || !strings.Contains(v, "password  "+p.c.Mask()) || p.AnyRevealed() {
		t.Fatalf("want every key shown masked:\n%s", v)
	}
	p.Update(uitest.KeyPress("j"))
	if cmd := uitest.Act(t, p.Actions(), &p.c.Keys.Reveal); cmd != nil {
		t.Fatal("revealing a field of a value held asked for something")
	}
	if v := screen(p); !strings.Contains(v, "hunter2-now") || strings.Contains(v, "user      app") || len(aws.reads) != 1 {
		t.Fatalf("want the password alone shown after one read, reads %d:\n%s", len(aws.reads), v)
	}
}

func TestTheFirstRevealOfAValueWithOneFieldShowsItAndSaysSo(t *testing.T) {
	aws := newFake()
	aws.values[model.StageCurrent] = "just-one-token"
	p := newTestPage(t, aws)
	status, ok := deliver(t, p, uitest.Act(t, p.Actions(), &p.c.Keys.Reveal))().(common.StatusMsg)
	if !ok || status.Text != "revealed text, the only field" || !strings.Contains(screen(p), "just-one-token") {
		t.Fatalf("want the only field shown and named, got %#v:\n%s", status, screen(p))
	}
}

func TestAValueReadForAStageLeftBehindIsDropped(t *testing.T) {
	p := newTestPage(t, newFake())
	read := uitest.Act(t, p.Actions(), &p.c.Keys.Reveal)
	uitest.Act(t, p.Actions(), &p.c.Keys.Stage)
	if _, ok := uitest.Answer(t, p.c.Tasks, read); ok {
		t.Fatal("the value of the stage left behind would still be shown")
	}
	if p.loading() {
		t.Fatal("the screen still waits for the value of the stage left behind")
	}
	deliver(t, p, uitest.Act(t, p.Actions(), &p.c.Keys.RevealAll))
	if v := screen(p); !strings.Contains(v, "hunter2-old") || !strings.Contains(v, "AWSPREVIOUS") {
		t.Fatalf("want the previous value shown:\n%s", v)
	}
}

func TestRemaskMasksEveryFieldAndDropsWhatWasDrawn(t *testing.T) {
	p := newTestPage(t, newFake())
	deliver(t, p, uitest.Act(t, p.Actions(), &p.c.Keys.RevealAll))
	if _, cmd := p.Update(common.RemaskMsg{}); cmd == nil {
		t.Fatal("masking revealed fields scrubbed nothing")
	}
	if strings.Contains(screen(p), "hunter2") || p.AnyRevealed() {
		t.Fatalf("a field is still shown:\n%s", screen(p))
	}
	for i, lines := range p.drawn {
		if lines != nil {
			t.Fatalf("field %d keeps its drawn lines after masking", i)
		}
	}
}

func TestForgetWipesTheValueItHeld(t *testing.T) {
	p := newTestPage(t, newFake())
	deliver(t, p, uitest.Act(t, p.Actions(), &p.c.Keys.Reveal))
	value := p.version.Value
	if !p.Forget() {
		t.Fatal("Forget reported no value held")
	}
	if strings.Contains(string(value.Reveal()), "hunter2") {
		t.Fatal("the value's bytes survive Forget")
	}
	if p.Forget() || p.AnyRevealed() || strings.Contains(screen(p), "hunter2") {
		t.Fatal("a value is still held after Forget")
	}
}

func TestTheFirstCopyReadsTheValueAndCopiesOnlyTheFieldChosen(t *testing.T) {
	aws := newFake()
	p := newTestPage(t, aws)
	if _, copied := deliver(t, p, uitest.Act(t, p.Actions(), &p.c.Keys.Copy))().(common.CopyMsg); copied {
		t.Fatal("the first copy copied the first field before one was chosen")
	}
	p.Update(uitest.KeyPress("j"))
	copied, ok := uitest.Act(t, p.Actions(), &p.c.Keys.Copy)().(common.CopyMsg)
	if !ok || string(copied.Value.Reveal()) != "hunter2-now" || copied.What != "password of app/db" || len(aws.reads) != 1 {
		t.Fatalf("copied %q as %q after %d reads", copied.Value.Reveal(), copied.What, len(aws.reads))
	}
	if p.AnyRevealed() {
		t.Fatal("copying revealed a field")
	}
}

func TestASecretGoneWhileOpenLeavesTheScreen(t *testing.T) {
	aws := newFake()
	p := newTestPage(t, aws)
	aws.describeErr = &model.Error{Kind: model.KindNotFound, Op: "DescribeSecret"}
	next := deliver(t, p, uitest.Act(t, p.Actions(), &p.c.Keys.Reload))
	msgs, ok := next().(tea.BatchMsg)
	if !ok || len(msgs) != 2 {
		t.Fatalf("want the screen closed and a status line, got %T", next())
	}
	if _, ok := msgs[0]().(common.BackMsg); !ok {
		t.Fatal("the screen stays open on a secret that is gone")
	}
}

func TestEveryActionButMovementRunsByItself(t *testing.T) {
	p := newTestPage(t, newFake())
	moves := len(common.MoveActions(p.c.Keys))
	actions := p.Actions()
	for _, a := range actions[:len(actions)-moves] {
		if a.Run == nil {
			t.Errorf("the action on %q hands its key to Update", a.Key.Help().Key)
		}
	}
}

func TestTheSelectedFieldStaysInViewOnAShortScreen(t *testing.T) {
	aws := newFake()
	aws.values[model.StageCurrent] = `{"a":"1","b":"2","c":"3","d":"4","e":"5","f":"6","g":"7","h":"8"}`
	p := newTestPage(t, aws)
	p.SetSize(80, 6)
	deliver(t, p, uitest.Act(t, p.Actions(), &p.c.Keys.RevealAll))
	p.Update(uitest.KeyPress("G"))
	if v := screen(p); !strings.Contains(v, "h  8") || strings.Contains(v, "app/db") {
		t.Fatalf("want the last field in view, scrolled past the title:\n%s", v)
	}
	p.Update(uitest.KeyPress("g"))
	if v := screen(p); !strings.Contains(v, "a  1") {
		t.Fatalf("want the first field in view:\n%s", v)
	}
}

func TestCopyWithTheClipboardOffReadsNothing(t *testing.T) {
	aws := newFake()
	p := newTestPageWith(t, aws, func(c *common.Common) { c.ClipboardOff = true })
	for _, b := range []*key.Binding{&p.c.Keys.Copy, &p.c.Keys.CopyAs} {
		status, ok := uitest.Act(t, p.Actions(), b)().(common.StatusMsg)
		if !ok || status.Err == nil || !strings.Contains(status.Err.Error(), "clipboard is off") {
			t.Fatalf("%s: want the copy refused, got %#v", b.Help().Key, status)
		}
	}
	if len(aws.reads) != 0 || p.c.Slot.Modal() != nil || p.loading() {
		t.Fatalf("a refused copy read the value %d times or opened a menu", len(aws.reads))
	}
}

func TestNewOpensTheNewSecretFormAsFromTheList(t *testing.T) {
	p := newTestPage(t, newFake())
	for _, a := range p.Actions() {
		if a.Key == &p.c.Keys.New && a.Needs&common.NeedsReadWrite == 0 {
			t.Fatal("creating a secret from the detail is allowed without --rw")
		}
	}
	open, ok := uitest.Act(t, p.Actions(), &p.c.Keys.New)().(common.OpenMsg)
	if !ok || open.Screen != common.ScreenCreate || open.Secret != nil {
		t.Fatalf("want the new-secret form opened, got %#v", open)
	}
}

func TestTheFirstCopyOfAValueWithOneFieldCopiesItAtOnce(t *testing.T) {
	aws := newFake()
	aws.values[model.StageCurrent] = "just-one-token"
	p := newTestPage(t, aws)
	copied, ok := deliver(t, p, uitest.Act(t, p.Actions(), &p.c.Keys.Copy))().(common.CopyMsg)
	if !ok || string(copied.Value.Reveal()) != "just-one-token" || copied.What != "value of app/db" {
		t.Fatalf("want the only field copied and named, got %#v", copied)
	}
}
