package demoseed

import "github.com/keyhole-tui/keyhole/awsx/emulator"

// scene is one place of the organisation: who calls there, the secrets it
// holds, and what its people do besides reading them.
type scene struct {
	at       place
	people   cast
	defs     []secretDef
	activity func(secrets []*builtSecret, people cast, t *trail)
}

// scenes are the places of the organisation, the demo account's home region
// first. The suspended account's secrets are there, but nobody has called
// in it since it was suspended.
func scenes() []scene {
	people := newCast()
	staging := crew(stagingAccount, "staging", "10.120.")
	sandbox := crew(sandboxAccount, "dev", "10.130.")
	at := func(account string, who cast, region string, defs func(place) []secretDef) scene {
		p := place{account, region}
		return scene{at: p, people: who, defs: defs(p), activity: browsing(p)}
	}
	const eu, jp = "eu-west-1", "ap-northeast-1"
	return []scene{
		{at: home(), people: people, defs: secretDefs(), activity: recordPeople},
		at(accountID, people, eu, productionEU),
		at(accountID, people, jp, productionJP),
		at(stagingAccount, staging, region, stagingUS),
		at(stagingAccount, staging, eu, stagingEU),
		at(stagingAccount, staging, jp, stagingJP),
		at(sandboxAccount, sandbox, region, sandboxUS),
		at(sandboxAccount, sandbox, eu, sandboxEU),
		at(sandboxAccount, sandbox, jp, sandboxJP),
		{at: place{legacyAccount, region}, people: crew(legacyAccount, "prod", "10.140."),
			defs: legacyAnalytics(), activity: func([]*builtSecret, cast, *trail) {}},
	}
}

// build turns the scene's definitions into seed secrets and records their
// history; secrets outside the home region name their account and region.
func (s scene) build() ([]emulator.SeedSecret, *trail) {
	t := &trail{}
	built := make([]*builtSecret, 0, len(s.defs))
	for _, def := range s.defs {
		b := buildSecret(def, s.at, s.people, t)
		recordReads(&b, s.people, t)
		built = append(built, &b)
	}
	s.activity(built, s.people, t)
	lastRead := t.lastReads()
	out := make([]emulator.SeedSecret, 0, len(built))
	for _, b := range built {
		if at, ok := lastRead[b.def.name]; ok {
			b.seed.LastAccessed = emulator.Relative(at)
		}
		if s.at != home() {
			b.seed.Account, b.seed.Region = s.at.account, s.at.region
		}
		out = append(out, b.seed)
	}
	return out, t
}
