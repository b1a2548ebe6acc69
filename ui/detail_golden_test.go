package ui_test

import (
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/keyhole-tui/keyhole/awsx/emulator"
	"github.com/keyhole-tui/keyhole/ui/internal/uitest"
)

// longSeed holds one secret with every field long: its name, description
// and KMS key, 20 tags, and a value holding a certificate.
func longSeed() emulator.Seed {
	var tags []emulator.SeedTag
	for i := range 20 {
		tags = append(tags, emulator.SeedTag{Key: fmt.Sprintf("tag%02d", i), Value: fmt.Sprintf("value-%02d", i)})
	}
	value := `{"user":"payments_app","cert":"-----BEGIN CERTIFICATE-----\nMIIBszCCAVmgAwIBAgIUZm9vYmFyYmF6cXV4cXV1eGNvcmdlZ3JhdWx0Z2FycGx5\nd2FsZG9mcmVkcGx1Z2h4eXp6eQ==\n-----END CERTIFICATE-----\n"}`
	return emulator.Seed{
		Identities: uitest.Seed().Identities,
		Secrets: []emulator.SeedSecret{{
			Name:        "prod/payments/postgres-primary-writer",
			Description: "Primary database credentials for the payments service, rotated monthly by the platform team; ask #payments-oncall before changing anything here",
			KMSKeyID:    "arn:aws:kms:us-east-1:123456789012:key/1234abcd-12ab-34cd-56ef-1234567890ab",
			Tags:        tags,
			Versions: []emulator.SeedVersion{{
				ID: "33333333-3333-4333-8333-333333333333", String: &value, Stages: []string{"AWSCURRENT"}, Created: emulator.Relative(-24 * time.Hour),
			}},
		}},
	}
}

// openLong opens the detail of longSeed's secret, whose value area is below
// the screen at 80×24.
func (h harness) openLong() {
	h.Press("/")
	h.Type("writer")
	h.Press("enter", "enter")
	h.WaitForText("tag00=value-00")
	h.WaitFor("the description", func(s string) bool { return !strings.Contains(s, "loading metadata") })
}

func TestGoldenDetailLongFields80x24(t *testing.T) {
	h := startOn(t, longSeed(), 80, 24, "1 of 1 secrets")
	h.openLong()
	golden(t, "detail-long-80x24", settled(t, h.Driver))
}

func TestGoldenDetailCertificateRevealed80x24(t *testing.T) {
	h := startOn(t, longSeed(), 80, 24, "1 of 1 secrets")
	h.openLong()
	h.Press("v")
	h.WaitForText("pick a field")
	h.Press("j", "v")
	h.WaitForText("-----END CERTIFICATE-----")
	golden(t, "detail-certificate-80x24", settled(t, h.Driver))
}

func TestEveryTagOfTheDetailIsReachableAt80x24(t *testing.T) {
	h := startOn(t, longSeed(), 80, 24, "1 of 1 secrets")
	h.openLong()
	var seen strings.Builder
	for range 30 {
		seen.WriteString(h.Screen())
		h.Press("j")
	}
	for i := range 20 {
		if tag := fmt.Sprintf("tag%02d=value-%02d", i, i); !strings.Contains(seen.String(), tag) {
			t.Errorf("%s is never shown while scrolling", tag)
		}
	}
}
