package uitest

import (
	"time"

	"github.com/keyhole-tui/keyhole/awsx/emulator"
)

func str(s string) *string { return &s }

// Canary is the password of prod/payments/postgres: tests look for it on
// screens where it must not be.
const Canary = "canary-Pa55-w0rd-91f3"

// Seed is a small account: a JSON credential with rotation, a plain API key,
// a binary bundle, a secret whose reads are denied, one pending deletion.
func Seed() emulator.Seed {
	day := 24 * time.Hour
	return emulator.Seed{
		Identities: map[string]string{"AKIATEST": "arn:aws:iam::123456789012:user/tester"},
		Secrets: []emulator.SeedSecret{
			{
				Name:        "prod/payments/postgres",
				Description: "Primary database for payments",
				Tags:        []emulator.SeedTag{{Key: "team", Value: "payments"}, {Key: "env", Value: "prod"}},
				Created:     emulator.Relative(-200 * day),
				Versions: []emulator.SeedVersion{
					{ID: "11111111-1111-4111-8111-111111111111", String: str(`{"username":"payments_app","password":"old-password-0001"}`), Stages: []string{"AWSPREVIOUS"}, Created: emulator.Relative(-40 * day)},
					{ID: "22222222-2222-4222-8222-222222222222", String: str(`{"username":"payments_app","password":"` + Canary + `","host":"pg.internal","port":5432}`), Stages: []string{"AWSCURRENT"}, Created: emulator.Relative(-10 * day)},
				},
				Rotation: &emulator.SeedRotation{
					Enabled: true, LambdaARN: "arn:aws:lambda:us-east-1:123456789012:function:keyhole-rotate-password",
					AutomaticallyAfterDays: 30, LastRotated: emulator.Relative(-10 * day), NextRotation: emulator.Relative(20 * day),
				},
			},
			{
				Name:        "dev/search/api-key",
				Description: "Clé d'API du moteur de recherche",
				Tags:        []emulator.SeedTag{{Key: "team", Value: "search"}, {Key: "env", Value: "dev"}},
				Created:     emulator.Relative(-30 * day),
				Versions:    []emulator.SeedVersion{{String: str("sk_test_demo_4f9a8b7c6d5e"), Stages: []string{"AWSCURRENT"}, Created: emulator.Relative(-30 * day)}},
			},
			{
				Name:        "prod/edge/tls-bundle",
				Description: "TLS certificate bundle",
				Tags:        []emulator.SeedTag{{Key: "team", Value: "platform"}},
				Created:     emulator.Relative(-90 * day),
				Versions:    []emulator.SeedVersion{{Binary: []byte{0x30, 0x82, 0x01, 0x0a, 0xde, 0xad, 0xbe, 0xef}, Stages: []string{"AWSCURRENT"}, Created: emulator.Relative(-90 * day)}},
			},
			{
				Name:        "staging/identity/oauth-client",
				Description: "OAuth client for the staging identity provider",
				Tags:        []emulator.SeedTag{{Key: "team", Value: "identity"}, {Key: "env", Value: "staging"}},
				Created:     emulator.Relative(-60 * day),
				Versions:    []emulator.SeedVersion{{String: str(`{"client_id":"abc","client_secret":"xyz"}`), Stages: []string{"AWSCURRENT"}, Created: emulator.Relative(-60 * day)}},
				Rotation: &emulator.SeedRotation{
					Enabled: true, LambdaARN: "arn:aws:lambda:us-east-1:123456789012:function:keyhole-rotate-password",
					AutomaticallyAfterDays: 7, LastRotated: emulator.Relative(-20 * day), NextRotation: emulator.Relative(-13 * day),
				},
			},
			{
				Name:               "legacy-token",
				Description:        "Old token, being retired",
				Created:            emulator.Relative(-400 * day),
				Versions:           []emulator.SeedVersion{{String: str("tok_legacy"), Stages: []string{"AWSCURRENT"}, Created: emulator.Relative(-400 * day)}},
				Deleted:            emulator.Relative(-3 * day),
				RecoveryWindowDays: 30,
			},
		},
	}
}
