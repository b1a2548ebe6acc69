package list

import (
	"context"
	"strings"
	"testing"

	"github.com/charmbracelet/x/ansi"
	"github.com/keyhole-tui/keyhole/model"
	"github.com/keyhole-tui/keyhole/ui/common"
	"github.com/keyhole-tui/keyhole/ui/internal/uitest"
)

// needsMFA fails every listing as a profile that needs an MFA code does.
type needsMFA struct{ fakeBackend }

func (needsMFA) ListSecretsPage(context.Context, model.ListQuery, string) (model.SecretPage, error) {
	return model.SecretPage{}, &model.Error{Kind: model.KindCredentials,
		Err: model.RestartError{Reason: "profile dev needs an MFA code: start keyhole with --profile dev to type it"}}
}

func TestAListingOnlyARestartMendsOffersNoRetry(t *testing.T) {
	c := uitest.Common()
	p := newPage(c, &needsMFA{})
	p.SetSize(80, 20)
	s := &uitest.Screen{Page: p, Tasks: c.Tasks}
	s.Do(p.Init())
	screen := ansi.Strip(p.View())
	if !strings.Contains(screen, "needs an MFA code") || strings.Contains(screen, "R retries") {
		t.Fatalf("the MFA failure offers a retry that cannot help:\n%s", screen)
	}
	for _, msg := range s.Sent {
		if st, ok := msg.(common.StatusMsg); ok && st.Err != nil && strings.Contains(st.Err.Error(), "R retries") {
			t.Fatalf("the status offers a retry that cannot help: %v", st.Err)
		}
	}
}
