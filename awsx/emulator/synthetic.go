package emulator

import (
	"fmt"
	"math/rand/v2"
	"time"
)

// Synthetic makes a seed of n secrets that look like a large account's:
// path-like names across environments, teams and services, tags,
// descriptions, and a mix of rotation states. The same n and seed give the
// same data.
func Synthetic(n int, seed uint64) Seed {
	rng := rand.New(rand.NewPCG(seed, seed^0x9e3779b97f4a7c15))
	envs := []string{"prod", "staging", "dev", "qa", "sandbox"}
	teams := []string{"payments", "identity", "search", "data", "platform", "mobile", "ml", "support", "growth", "billing", "risk", "ledger"}
	kinds := []string{"postgres", "mysql", "redis", "api-key", "oauth-client", "webhook-secret", "tls-key", "kafka-sasl", "smtp", "s3-credentials"}
	descs := []string{
		"Database credentials for %s", "API key used by %s", "OAuth client of %s", "Signing secret for %s webhooks",
		"Zugangsdaten für %s", "Clé d'accès de %s", "%s の接続情報", "Credenciales de %s",
	}
	day := 24 * time.Hour
	out := Seed{Secrets: make([]SeedSecret, 0, n)}
	for i := range n {
		env, team, kind := envs[rng.IntN(len(envs))], teams[rng.IntN(len(teams))], kinds[rng.IntN(len(kinds))]
		service := fmt.Sprintf("svc-%03d", rng.IntN(500))
		name := fmt.Sprintf("%s/%s/%s/%s-%06d", env, team, service, kind, i)
		created := -time.Duration(30+rng.IntN(700)) * day
		changed := created + time.Duration(rng.IntN(int(-created/day)))*day
		value := fmt.Sprintf(`{"username":"%s_%d","password":"synthetic-%016x"}`, team, i, rng.Uint64())
		s := SeedSecret{
			Name:        name,
			Description: fmt.Sprintf(descs[rng.IntN(len(descs))], service),
			Tags: []SeedTag{
				{Key: "env", Value: env}, {Key: "team", Value: team},
				{Key: "owner", Value: team + "-oncall@example.com"}, {Key: "cost-center", Value: fmt.Sprintf("CC-%04d", rng.IntN(3000))},
			},
			Created:  Relative(created),
			Versions: []SeedVersion{{String: &value, Stages: []string{"AWSCURRENT"}, Created: Relative(changed)}},
		}
		if rng.IntN(4) == 0 {
			s.LastAccessed = Relative(-time.Duration(rng.IntN(60)) * day)
		}
		switch rng.IntN(10) {
		case 0, 1, 2: // rotating on schedule
			last := -time.Duration(rng.IntN(30)) * day
			s.Rotation = &SeedRotation{Enabled: true, LambdaARN: "arn:aws:lambda:us-east-1:123456789012:function:" + RotatePasswordFunction,
				AutomaticallyAfterDays: 30, LastRotated: Relative(last), NextRotation: Relative(last + 30*day)}
		case 3: // overdue
			s.Rotation = &SeedRotation{Enabled: true, LambdaARN: "arn:aws:lambda:us-east-1:123456789012:function:" + RotatePasswordFunction,
				AutomaticallyAfterDays: 7, LastRotated: Relative(-40 * day), NextRotation: Relative(-33 * day)}
		}
		if rng.IntN(200) == 0 {
			s.Deleted, s.RecoveryWindowDays = Relative(-day), 30
		}
		out.Secrets = append(out.Secrets, s)
	}
	return out
}
