package list

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"testing"

	"github.com/charmbracelet/x/ansi"
	"github.com/keyhole-tui/keyhole/model"
	"github.com/keyhole-tui/keyhole/ui/common"
	"github.com/keyhole-tui/keyhole/ui/internal/uitest"
)

// fakeBackend lists pages of secrets by token ("" first, then "2", "3"…)
// and describes the secrets it holds.
type fakeBackend struct {
	pages [][]model.Secret
	// fail lists the tokens whose pages fail.
	fail    map[string]bool
	listed  []string
	secrets map[string]model.Secret
}

func (f *fakeBackend) ListSecretsPage(_ context.Context, _ model.ListQuery, token string) (model.SecretPage, error) {
	f.listed = append(f.listed, token)
	if f.fail[token] {
		return model.SecretPage{}, errors.New("ThrottlingException: slow down")
	}
	i := 0
	if token != "" {
		fmt.Sscan(token, &i)
		i--
	}
	page := model.SecretPage{Secrets: f.pages[i]}
	if i+1 < len(f.pages) {
		page.NextToken = fmt.Sprint(i + 2)
	}
	return page, nil
}

func (f *fakeBackend) DescribeSecret(_ context.Context, arn string) (model.SecretDetail, error) {
	s, ok := f.secrets[arn]
	if !ok {
		return model.SecretDetail{}, &model.Error{Kind: model.KindNotFound, Op: "describe"}
	}
	return model.SecretDetail{Secret: s}, nil
}

func secret(name string) model.Secret {
	return model.Secret{ARN: "arn:aws:secretsmanager:us-east-1:123456789012:secret:" + name, Name: name}
}

func secrets(names ...string) []model.Secret {
	out := make([]model.Secret, len(names))
	for i, n := range names {
		out[i] = secret(n)
	}
	return out
}

func open(b *fakeBackend) (*uitest.Screen, *Page) {
	c := uitest.Common()
	p := newPage(c, b)
	p.SetSize(80, 20)
	s := &uitest.Screen{Page: p, Tasks: c.Tasks}
	s.Do(p.Init())
	return s, p
}

func selectedName(p *Page) string {
	s, _ := p.selected()
	return s.Name
}

func TestListLoadsEveryPageAndTellsTheAccount(t *testing.T) {
	b := &fakeBackend{pages: [][]model.Secret{secrets("b", "d"), secrets("a", "c")}}
	s, p := open(b)
	if n, loading := p.Count(); n != 4 || loading {
		t.Fatalf("%d secrets, loading %v", n, loading)
	}
	if got := strings.Join(b.listed, ","); got != ",2" {
		t.Errorf("pages asked for: %q", got)
	}
	if screen := ansi.Strip(p.View()); !strings.Contains(screen, "4 of 4 secrets · sorted by name") {
		t.Errorf("summary:\n%s", screen)
	}
	if len(s.Sent) != 1 || s.Sent[0] != (common.AccountMsg{Account: "123456789012"}) {
		t.Errorf("sent %v, want the account once", s.Sent)
	}
}

func TestListKeepsTheSelectedSecretWhenAPageLandsBeforeIt(t *testing.T) {
	b := &fakeBackend{pages: [][]model.Secret{secrets("m", "n"), secrets("a", "b")}}
	c := uitest.Common()
	p := newPage(c, b)
	p.SetSize(80, 20)
	s := &uitest.Screen{Page: p, Tasks: c.Tasks}
	first := p.Init()().(common.TaskMsg)
	c.Tasks.Accept(first)
	_, next := p.Update(first.Msg)
	s.Press("j")
	if selectedName(p) != "n" {
		t.Fatalf("selected %q, want n", selectedName(p))
	}
	s.Do(next)
	if selectedName(p) != "n" {
		t.Errorf("after a page sorted before it, %q is selected, want n", selectedName(p))
	}
}

func TestListRetriesThePageThatFailedAndKeepsTheRows(t *testing.T) {
	b := &fakeBackend{pages: [][]model.Secret{secrets("a"), secrets("b")}, fail: map[string]bool{"2": true}}
	s, p := open(b)
	if screen := ansi.Strip(p.View()); !strings.Contains(screen, "listing failed (R retries)") || !strings.Contains(screen, "1 of 1 secrets") {
		t.Fatalf("a failed page is not said:\n%s", screen)
	}
	b.fail = nil
	s.Press("R")
	if n, _ := p.Count(); n != 2 || b.listed[len(b.listed)-1] != "2" {
		t.Errorf("%d secrets after retrying pages %q", n, b.listed)
	}
}

func TestListDropsASecretThatIsGoneAndKeepsTheSelection(t *testing.T) {
	all := secrets("a", "b", "c")
	b := &fakeBackend{pages: [][]model.Secret{all}, secrets: map[string]model.Secret{all[1].ARN: all[1], all[2].ARN: all[2]}}
	s, p := open(b)
	s.Press("end")
	s.Update(common.ChangedMsg{ARN: all[0].ARN})
	if n, _ := p.Count(); n != 2 || selectedName(p) != "c" {
		t.Errorf("%d secrets, %q selected; want 2 and c", n, selectedName(p))
	}
}

func TestListFilterStartsAtTheTopAndClearingKeepsTheSecret(t *testing.T) {
	b := &fakeBackend{pages: [][]model.Secret{secrets("alpha", "beta", "gamma", "delta")}}
	s, p := open(b)
	// Typing runs no command here: the input's cursor blinks on a timer.
	p.openFilter()
	for _, k := range []string{"a", "enter"} {
		p.Update(uitest.KeyPress(k))
	}
	s.Press("j")
	if !strings.Contains(ansi.Strip(p.View()), "/a") || selectedName(p) != "beta" {
		t.Fatalf("selected %q in the filtered list:\n%s", selectedName(p), ansi.Strip(p.View()))
	}
	s.Press("esc")
	if n, _ := p.Count(); p.idx.len() != n || selectedName(p) != "beta" {
		t.Errorf("after clearing the filter %q is selected of %d", selectedName(p), p.idx.len())
	}
}

func TestListShowsAndSelectsASecretJustCreated(t *testing.T) {
	all := secrets("a", "c")
	made := secret("b")
	b := &fakeBackend{pages: [][]model.Secret{all}, secrets: map[string]model.Secret{made.ARN: made}}
	s, p := open(b)
	s.Update(common.ChangedMsg{ARN: made.ARN})
	if n, _ := p.Count(); n != 3 || selectedName(p) != "b" {
		t.Errorf("%d secrets, %q selected; want 3 and the new b", n, selectedName(p))
	}
}

func TestListReloadKeepsTheSelectedSecret(t *testing.T) {
	b := &fakeBackend{pages: [][]model.Secret{secrets("a", "b"), secrets("c", "d")}}
	s, p := open(b)
	s.Press("j", "j")
	if selectedName(p) != "c" {
		t.Fatalf("selected %q, want c", selectedName(p))
	}
	s.Press("ctrl+r")
	if selectedName(p) != "c" || len(b.listed) != 4 {
		t.Errorf("after reloading pages %q, %q is selected, want c", b.listed, selectedName(p))
	}
}

func TestListSortsNamesRegardlessOfCase(t *testing.T) {
	b := &fakeBackend{pages: [][]model.Secret{secrets("MyTestSecret", "chatops-bot", "Zeta", "alpha", "mytestsecret")}}
	_, p := open(b)
	var got []string
	for i := range p.idx.len() {
		s, _ := p.idx.at(i)
		got = append(got, s.Name)
	}
	if want := "alpha,chatops-bot,MyTestSecret,mytestsecret,Zeta"; strings.Join(got, ",") != want {
		t.Errorf("sorted %v, want %s", got, want)
	}
}

func TestListShowsTheColumnItIsSortedBy(t *testing.T) {
	b := &fakeBackend{pages: [][]model.Secret{secrets("a")}}
	s, p := open(b)
	s.Press("s", "s", "s")
	screen := ansi.Strip(p.View())
	if !strings.Contains(screen, "sorted by created") || !strings.Contains(screen, "CREATED↓") {
		t.Errorf("sorted by created without its column:\n%s", screen)
	}
}

func TestListCursorStepsOverTheFuzzySeparator(t *testing.T) {
	b := &fakeBackend{pages: [][]model.Secret{secrets("pay/one", "pay/two", "plain-yak", "pxaxy")}}
	s, p := open(b)
	p.openFilter()
	for _, k := range []string{"p", "a", "y", "enter"} {
		p.Update(uitest.KeyPress(k))
	}
	screen := ansi.Strip(p.View())
	if !strings.Contains(screen, "── 2 fuzzy matches: the letters in the name, in order") || !strings.Contains(screen, "4 of 4 secrets") {
		t.Fatalf("no separator before the fuzzy matches:\n%s", screen)
	}
	s.Press("j", "j")
	if selectedName(p) != "plain-yak" {
		t.Errorf("two steps down from the top select %q, want plain-yak past the separator", selectedName(p))
	}
	s.Press("k")
	if selectedName(p) != "pay/two" {
		t.Errorf("a step up selects %q, want pay/two past the separator", selectedName(p))
	}
}

func TestListFilterWithOnlyFuzzyMatchesStartsBelowTheSeparator(t *testing.T) {
	b := &fakeBackend{pages: [][]model.Secret{secrets("plain-yak", "other")}}
	_, p := open(b)
	p.openFilter()
	for _, k := range []string{"p", "a", "y"} {
		p.Update(uitest.KeyPress(k))
	}
	if selectedName(p) != "plain-yak" {
		t.Errorf("selected %q, want the first fuzzy match", selectedName(p))
	}
}
