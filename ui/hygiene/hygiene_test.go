package hygiene

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/charmbracelet/x/ansi"
	"github.com/keyhole-tui/keyhole/model"
	"github.com/keyhole-tui/keyhole/ui/common"
	"github.com/keyhole-tui/keyhole/ui/internal/uitest"
)

// fakeBackend answers every policy read with policy, or err for the ARNs
// in fail, and counts the calls.
type fakeBackend struct {
	mu        sync.Mutex
	policy    string
	fail      map[string]bool
	gets      int
	describes int
	inFlight  int
	most      int
}

func (f *fakeBackend) GetResourcePolicy(_ context.Context, arn string) (string, error) {
	f.mu.Lock()
	f.gets++
	f.inFlight++
	f.most = max(f.most, f.inFlight)
	f.mu.Unlock()
	time.Sleep(time.Millisecond)
	f.mu.Lock()
	defer f.mu.Unlock()
	f.inFlight--
	if f.fail[arn] {
		return "", errors.New("access denied: secretsmanager:GetResourcePolicy")
	}
	return f.policy, nil
}

func (f *fakeBackend) DescribeSecret(context.Context, string) (model.SecretDetail, error) {
	f.mu.Lock()
	defer f.mu.Unlock()
	f.describes++
	return model.SecretDetail{Replicas: []model.Replica{{Region: "eu-west-1", Status: "Failed"}}}, nil
}

// secretsOf makes n secrets of the test account, created a year ago.
func secretsOf(n int) []*model.Secret {
	out := make([]*model.Secret, n)
	for i := range out {
		out[i] = &model.Secret{
			ARN:         fmt.Sprintf("arn:aws:secretsmanager:us-east-1:123456789012:secret:app/s%03d-AbCdEf", i),
			Name:        fmt.Sprintf("app/s%03d", i),
			CreatedDate: uitest.Clock().AddDate(-1, 0, 0),
		}
	}
	return out
}

func open(b *fakeBackend, l Listing) (*Page, *uitest.Screen) {
	c := uitest.Common()
	p := newPage(c, b, model.HygieneRules{}, l)
	p.SetSize(80, 20)
	return p, &uitest.Screen{Page: p, Tasks: c.Tasks}
}

func screen(p *Page) string { return ansi.Strip(p.View()) }

func TestHygieneShowsTheMetadataCountsBeforeThePolicies(t *testing.T) {
	b := &fakeBackend{policy: `{"Statement":[{"Effect":"Allow","Principal":"*","Action":"*","Resource":"*"}]}`}
	p, s := open(b, Listing{Secrets: model.SecretSlice(secretsOf(3))})
	cmds := p.Init()
	checked, ok := uitest.Answer(t, p.c.Tasks, p.check())
	if !ok {
		t.Fatal("the first check was dropped")
	}
	s.Update(checked)
	got := screen(p)
	for _, want := range []string{"reading resource policies…", "SecretsManager.1  MEDIUM       3", "KH.1              HIGH         …"} {
		if !strings.Contains(got, want) {
			t.Errorf("screen lacks %q:\n%s", want, got)
		}
	}
	s.Press("G", "up", "up", "up", "enter")
	if !strings.Contains(screen(p), "checking…") {
		t.Errorf("a policy control opened before the policies are read does not say it waits:\n%s", screen(p))
	}
	s.Do(cmds)
	got = screen(p)
	if !strings.Contains(got, "policy grants everyone") || !strings.Contains(got, "3 secrets") {
		t.Errorf("the open control did not fill in once the policies were read:\n%s", got)
	}
}

func TestHygieneReadsAFewPoliciesAtATimeUpToTheLimit(t *testing.T) {
	b := &fakeBackend{}
	secrets := secretsOf(fetchLimit + 5)
	secrets[0].DeletedDate = uitest.Clock()
	p, s := open(b, Listing{Secrets: model.SecretSlice(secrets), Loading: true})
	s.Do(p.Init())
	if b.gets != fetchLimit || b.most > fetchConcurrency {
		t.Errorf("%d reads, at most %d at once; want %d, at most %d", b.gets, b.most, fetchLimit, fetchConcurrency)
	}
	want := fmt.Sprintf("list still loading · policies read for %d secrets, 4 over the limit unread", fetchLimit)
	if !strings.Contains(screen(p), want) {
		t.Errorf("screen lacks %q:\n%s", want, screen(p))
	}
}

func TestHygieneSaysWhichPolicyReadsFailed(t *testing.T) {
	secrets := secretsOf(3)
	b := &fakeBackend{fail: map[string]bool{secrets[1].ARN: true}}
	p, s := open(b, Listing{Secrets: model.SecretSlice(secrets)})
	s.Do(p.Init())
	if want := "policies read for 2 secrets · 1 failed"; !strings.Contains(screen(p), want) {
		t.Errorf("screen lacks %q:\n%s", want, screen(p))
	}
	status, ok := s.Sent[len(s.Sent)-1].(common.StatusMsg)
	want := "hygiene: 1 of 3 policy reads failed: access denied: secretsmanager:GetResourcePolicy"
	if !ok || status.Err == nil || status.Err.Error() != want {
		t.Errorf("status %+v, want the error %q", s.Sent, want)
	}
}

func TestHygieneDescribesOnlyReplicatedSecrets(t *testing.T) {
	secrets := secretsOf(3)
	secrets[2].PrimaryRegion = "us-east-1"
	secrets[1].PrimaryRegion = "eu-west-1" // a replica: its primary is elsewhere
	b := &fakeBackend{}
	p, s := open(b, Listing{Secrets: model.SecretSlice(secrets)})
	s.Do(p.Init())
	if b.describes != 1 {
		t.Errorf("%d DescribeSecret calls, want 1", b.describes)
	}
	if got := p.summary[6]; got.Control.ID != model.ControlReplicaFailed || got.Count != 1 {
		t.Errorf("replica count = %+v", got)
	}
}

func TestHygieneEnterOpensTheSecretAndEscGoesBackAStep(t *testing.T) {
	p, s := open(&fakeBackend{}, Listing{Secrets: model.SecretSlice(secretsOf(2))})
	s.Do(p.Init())
	s.Press("enter", "down", "enter")
	opened, ok := s.Sent[len(s.Sent)-1].(common.OpenMsg)
	if !ok || opened.Screen != common.ScreenDetail || opened.Secret.Name != "app/s001" {
		t.Fatalf("enter sent %+v, want the detail of app/s001", s.Sent)
	}
	s.Press("esc")
	if !strings.Contains(screen(p), "CONTROL") {
		t.Fatalf("esc did not go back to the controls:\n%s", screen(p))
	}
	s.Press("esc")
	if _, ok := s.Sent[len(s.Sent)-1].(common.BackMsg); !ok {
		t.Fatalf("esc on the controls did not close the screen: %+v", s.Sent)
	}
}

func TestHygieneFitsNarrowScreens(t *testing.T) {
	secrets := secretsOf(2)
	secrets[0].Name = strings.Repeat("very-long-folder/", 8) + "db"
	p, s := open(&fakeBackend{}, Listing{Secrets: model.SecretSlice(secrets)})
	s.Do(p.Init())
	for _, w := range []int{80, 60, 40} {
		p.SetSize(w, 20)
		uitest.FitsWidth(t, p.View(), w)
		s.Press("enter")
		uitest.FitsWidth(t, p.View(), w)
		s.Press("esc")
	}
}
