package rotation

import (
	"context"
	"strings"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"
	"github.com/keyhole-tui/keyhole/model"
	"github.com/keyhole-tui/keyhole/ui/internal/uitest"
)

// fakeAWS answers the rotation screen from memory.
type fakeAWS struct {
	secret  model.Secret
	pages   []model.AuditPage
	rotated []model.RotateInput
}

func (f *fakeAWS) DescribeSecret(context.Context, string) (model.SecretDetail, error) {
	return model.SecretDetail{Secret: f.secret}, nil
}

func (f *fakeAWS) ListSecretVersions(context.Context, string, bool) ([]model.Version, error) {
	return nil, nil
}

// LookupEvents answers page n for the token "n".
func (f *fakeAWS) LookupEvents(_ context.Context, _ model.AuditQuery, token string) (model.AuditPage, error) {
	n := 0
	if token != "" {
		n = int(token[0] - '0')
	}
	return f.pages[n], nil
}

func (f *fakeAWS) RotateSecret(_ context.Context, in model.RotateInput) (string, error) {
	f.rotated = append(f.rotated, in)
	return "v-new", nil
}

func (f *fakeAWS) CancelRotation(context.Context, string) error { return nil }

func newFake() *fakeAWS {
	return &fakeAWS{
		secret: model.Secret{ARN: "arn:db", Name: "app/db", VersionStages: model.StageMapOf(map[string][]string{"v-old": {model.StageCurrent}})},
		pages:  []model.AuditPage{{}},
	}
}

func newTestPage(t *testing.T, aws *fakeAWS, height int) *Page {
	t.Helper()
	p := newPage(uitest.Common(), aws, aws.secret)
	p.SetSize(80, height)
	for _, cmd := range p.Init()().(tea.BatchMsg) {
		msg, ok := uitest.Answer(t, p.c.Tasks, cmd)
		if !ok {
			t.Fatal("a first answer would be dropped")
		}
		p.Update(msg)
	}
	return p
}

func TestHistoryKeepsTheRotationEventsOfEveryPage(t *testing.T) {
	aws := newFake()
	aws.pages = []model.AuditPage{
		{Events: []model.AuditEvent{{Name: "GetSecretValue"}, {Name: "RotationSucceeded"}}, NextToken: "1"},
		{Events: []model.AuditEvent{{Name: "RotateSecret"}, {Name: "DescribeSecret"}}},
	}
	events, err := history(context.Background(), aws, "arn:db", uitest.Clock())
	if err != nil || len(events) != 2 || events[0].Name != "RotationSucceeded" || events[1].Name != "RotateSecret" {
		t.Fatalf("history = %v, %v", events, err)
	}
}

func TestFollowJudgesHowARotationEnded(t *testing.T) {
	start := uitest.Clock()
	stages := func(m map[string][]string) model.Secret { return model.Secret{VersionStages: model.StageMapOf(m)} }
	for _, tt := range []struct {
		name    string
		secret  model.Secret
		failure *model.AuditEvent
		now     time.Time
		want    outcome
	}{
		{"current", stages(map[string][]string{"v-new": {model.StageCurrent}}), nil, start, succeeded},
		{"still pending", stages(map[string][]string{"v-new": {model.StagePending}}), nil, start, following},
		{"a failure event", stages(map[string][]string{"v-new": {model.StagePending}}), &model.AuditEvent{Name: "RotationFailed"}, start, failed},
		{"lost its label", stages(map[string][]string{"v-old": {model.StageCurrent}}), nil, start, failed},
		{"too long", stages(map[string][]string{"v-new": {model.StagePending}}), nil, start.Add(followLimit + time.Second), gaveUp},
	} {
		f := follow{versionID: "v-new", started: start}
		f.judge(tt.secret, tt.failure, tt.now)
		if f.outcome != tt.want {
			t.Errorf("%s: outcome %d, want %d", tt.name, f.outcome, tt.want)
		}
	}
}

func TestTheScheduleFormRefusesAnInvalidScheduleThenAsksBeforeSending(t *testing.T) {
	aws := newFake()
	p := newTestPage(t, aws, 24)
	uitest.Act(t, p.Actions(), &p.c.Keys.EditSchedule)
	form := p.c.Slot.Modal()
	for _, k := range []string{"r", "a", "t", "e", "(", "1", " ", "h", "o", "u", "r", ")"} {
		form, _ = form.Update(uitest.KeyPress(k))
	}
	form, cmd := form.Update(uitest.KeyPress("enter"))
	if form == nil || cmd != nil || !strings.Contains(ansi.Strip(form.View(80)), "at most every 4 hours") {
		t.Fatal("an invalid schedule closed the form")
	}
	for range len("rate(1 hour)") {
		form, _ = form.Update(uitest.KeyPress("backspace"))
	}
	form, _ = form.Update(uitest.KeyPress("7"))
	form, cmd = form.Update(uitest.KeyPress("enter"))
	if form != nil || cmd == nil {
		t.Fatal("a valid schedule left the form open")
	}
	p.Update(cmd())
	if p.c.Slot.Modal() == nil || len(aws.rotated) != 0 {
		t.Fatal("the schedule was sent before it was confirmed")
	}
}

func TestAFollowedRotationThatSucceededReloads(t *testing.T) {
	aws := newFake()
	p := newTestPage(t, aws, 24)
	p.follow = &follow{versionID: "v-new", started: uitest.Clock()}
	aws.secret.VersionStages = model.StageMapOf(map[string][]string{"v-new": {model.StageCurrent}, "v-old": {model.StagePrevious}})
	cmd := p.followed(followStepMsg{detail: model.SecretDetail{Secret: aws.secret}})
	p.layout()
	if p.follow.outcome != succeeded || cmd == nil || !p.c.Tasks.Awaits(kindDescribe) {
		t.Fatal("a rotation that succeeded did not reload the screen")
	}
	if s := ansi.Strip(p.View()); !strings.Contains(s, "Rotation succeeded: AWSCURRENT moved to v-new") {
		t.Fatalf("the screen does not say the rotation succeeded:\n%s", s)
	}
}

func TestMovementKeysScrollAScreenTooShort(t *testing.T) {
	p := newTestPage(t, newFake(), 5)
	p.Update(uitest.KeyPress("G"))
	if s := ansi.Strip(p.View()); strings.Contains(s, "Rotation · app/db") || !strings.Contains(s, "no rotation events") {
		t.Fatalf("G did not scroll to the end:\n%s", s)
	}
	p.Update(uitest.KeyPress("g"))
	if s := ansi.Strip(p.View()); !strings.Contains(s, "Rotation · app/db") {
		t.Fatalf("g did not scroll to the top:\n%s", s)
	}
}
