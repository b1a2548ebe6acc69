package policy

import (
	"context"
	"errors"
	"strings"
	"testing"

	"github.com/charmbracelet/x/ansi"
	"github.com/keyhole-tui/keyhole/model"
	"github.com/keyhole-tui/keyhole/ui/common"
	"github.com/keyhole-tui/keyhole/ui/internal/uitest"
)

// fakeBackend answers with a fixed policy and validation, and counts calls.
type fakeBackend struct {
	policy     string
	getErr     error
	validation model.PolicyValidation
	gets       int
	validates  int
}

func (f *fakeBackend) GetResourcePolicy(context.Context, string) (string, error) {
	f.gets++
	return f.policy, f.getErr
}

func (f *fakeBackend) ValidateResourcePolicy(context.Context, string, string) (model.PolicyValidation, error) {
	f.validates++
	return f.validation, nil
}

// longPolicy has a statement per action, so it takes more than a screen.
const longPolicy = `{"Version":"2012-10-17","Statement":[` +
	`{"Effect":"Allow","Principal":"*","Action":"secretsmanager:GetSecretValue","Resource":"*"},` +
	`{"Effect":"Allow","Principal":"*","Action":"secretsmanager:DescribeSecret","Resource":"*"},` +
	`{"Effect":"Allow","Principal":"*","Action":"secretsmanager:ListSecretVersionIds","Resource":"*"}]}`

func open(t *testing.T, b *fakeBackend, width, height int) *uitest.Screen {
	t.Helper()
	c := uitest.Common()
	p := newPage(c, b, model.Secret{ARN: "arn:aws:secretsmanager:us-east-1:123456789012:secret:prod/db-AbCdEf", Name: "prod/db"})
	p.SetSize(width, height)
	s := &uitest.Screen{Page: p, Tasks: c.Tasks}
	s.Do(p.Init())
	return s
}

func screen(s *uitest.Screen) string { return ansi.Strip(s.Page.View()) }

func TestPolicyIsValidatedOnceLoaded(t *testing.T) {
	b := &fakeBackend{policy: longPolicy, validation: model.PolicyValidation{Findings: []model.ValidationFinding{
		{Check: "BLOCK_PUBLIC_POLICY", Message: "public"},
	}}}
	s := open(t, b, 100, 60)
	got := screen(s)
	for _, want := range []string{"Resource policy · prod/db", "PUBLIC ACCESS", `"Principal": "*"`} {
		if !strings.Contains(got, want) {
			t.Errorf("screen lacks %q:\n%s", want, got)
		}
	}
	if b.gets != 1 || b.validates != 1 {
		t.Errorf("%d reads and %d validations, want one each", b.gets, b.validates)
	}
}

func TestPolicyWithoutOneIsNotValidated(t *testing.T) {
	b := &fakeBackend{}
	s := open(t, b, 100, 20)
	if !strings.Contains(screen(s), "no resource policy") || b.validates != 0 {
		t.Errorf("%d validations of no policy:\n%s", b.validates, screen(s))
	}
	b.getErr = errors.New("AccessDeniedException: no")
	s.Press("ctrl+r")
	if !strings.Contains(screen(s), "get resource policy failed: AccessDeniedException: no") {
		t.Errorf("a failed read is not said:\n%s", screen(s))
	}
}

func TestPolicyReloadDropsTheValidationUnderWay(t *testing.T) {
	b := &fakeBackend{policy: longPolicy, validation: model.PolicyValidation{Passed: true}}
	c := uitest.Common()
	p := newPage(c, b, model.Secret{ARN: "arn", Name: "prod/db"})
	p.SetSize(100, 30)
	s := &uitest.Screen{Page: p, Tasks: c.Tasks}
	loaded := p.Init()().(common.TaskMsg)
	c.Tasks.Accept(loaded)
	_, late := p.Update(loaded.Msg)
	if !strings.Contains(screen(s), "validating…") {
		t.Fatalf("the validation under way is not said:\n%s", screen(s))
	}
	s.Press("ctrl+r")
	b.validation = model.PolicyValidation{Findings: []model.ValidationFinding{{Check: "BLOCK_PUBLIC_POLICY", Message: "public"}}}
	s.Do(late)
	if got := screen(s); strings.Contains(got, "PUBLIC ACCESS") || c.Tasks.Busy() {
		t.Errorf("the validation of the policy before the reload was shown:\n%s", got)
	}
}

func TestPolicyScrollsWithinItsLines(t *testing.T) {
	s := open(t, &fakeBackend{policy: longPolicy}, 100, 8)
	s.Press("end")
	got := screen(s)
	if !strings.Contains(got, "]") || strings.Contains(got, "Validation") {
		t.Errorf("the end of the policy is not on screen:\n%s", got)
	}
	if lines := strings.Count(got, "\n") + 1; lines != 8 {
		t.Errorf("%d lines drawn, want 8", lines)
	}
	s.Press("g")
	if !strings.Contains(screen(s), "Validation") {
		t.Errorf("home does not go back to the top:\n%s", screen(s))
	}
}
