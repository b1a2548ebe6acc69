package demoseed

import (
	"strings"
	"time"
)

// weekend tells the days (0 is the last 24 hours) when people stay home.
func weekend(day int) bool { return day%7 == 2 || day%7 == 3 }

// recordReads records the GetSecretValue calls of a secret's readers, day
// by day; reads after the secret was deleted fail.
func recordReads(b *builtSecret, people cast, t *trail) {
	for _, r := range b.def.readers {
		who := people.get(r.who)
		d := b.at.dice("reads:" + b.def.name + ":" + r.who)
		for day := historyDays - 1; day >= 0; day-- {
			if who.office && weekend(day) {
				continue
			}
			n := int(r.perDay)
			if d.chance(r.perDay - float64(n)) {
				n++
			}
			for range n {
				at := who.momentOn(day, d)
				if at <= b.created {
					continue
				}
				e := who.from(d).event("GetSecretValue", b.def.name)
				if b.deleted != 0 && at > b.deleted {
					e = failed(e, "InvalidRequestException", markedForDeletion)
				}
				t.add(at, e)
			}
		}
	}
}

// recordPeople records what people and automation do besides an app's
// reads: browsing, describing, editing, and the calls they are refused.
func recordPeople(secrets []*builtSecret, people cast, t *trail) {
	recordAdmin(secrets, people.get("alice"), t)
	recordDeveloper(secrets, people.get("bob"), t)
	recordTerraform(secrets, people.get("terraform"), t)
	recordPolicyDenials(people.get("ml-inference"), t)
	recordNewReader(people.get("legacy-export"), t)
}

// pause is the time a person takes between two calls.
func pause(d *dice) time.Duration { return 5*time.Second + d.within(3*time.Minute) }

// pickLive returns a secret that exists at at and passes keep.
func pickLive(secrets []*builtSecret, at time.Duration, d *dice, keep func(*builtSecret) bool) *builtSecret {
	for {
		if s := pick(d, secrets); s.liveAt(at) && keep(s) {
			return s
		}
	}
}

func anySecret(*builtSecret) bool { return true }

func isProd(s *builtSecret) bool { return strings.HasPrefix(s.def.name, "prod/") }

// recordAdmin is the administrator: most weekdays she lists the secrets in
// the console, looks at a few, now and then reads or edits one.
func recordAdmin(secrets []*builtSecret, who principal, t *trail) {
	d := diceFor("people:" + who.key)
	for day := historyDays - 1; day >= 0; day-- {
		if weekend(day) || !d.chance(0.7) {
			continue
		}
		c, at := who.from(d), who.momentOn(day, d)
		t.add(at, c.event("ListSecrets", ""))
		for range d.between(1, 4) {
			s := pickLive(secrets, at, d, anySecret)
			at += pause(d)
			t.add(at, c.event("DescribeSecret", s.def.name))
			// She reads only what her console may: no secret behind a
			// VPC-only policy, and none left unused for months.
			if s.def.policy == "" && s.def.staleDays == 0 && d.chance(0.15) {
				at += pause(d)
				t.add(at, c.event("GetSecretValue", s.def.name))
			}
			if d.chance(0.05) {
				at += pause(d)
				t.add(at, c.event("UpdateSecret", s.def.name))
			}
		}
	}
}

// recordDeveloper is a developer who works on dev and staging, sometimes
// tries a prod secret he may not read and sometimes mistypes a name.
func recordDeveloper(secrets []*builtSecret, who principal, t *trail) {
	d := diceFor("people:" + who.key)
	typos := []string{"prod/payment/postgres", "staging/identity/oauth-clients", "dev/search/opensearch-admn", "dev/payments/postgress"}
	notProd := func(s *builtSecret) bool { return !isProd(s) && s.def.owningService == "" }
	for day := historyDays - 1; day >= 0; day-- {
		if weekend(day) || !d.chance(0.55) {
			continue
		}
		c, at := who.from(d), who.momentOn(day, d)
		t.add(at, c.event("ListSecrets", ""))
		for range d.between(1, 2) {
			at += pause(d)
			t.add(at, c.event("DescribeSecret", pickLive(secrets, at, d, notProd).def.name))
		}
		if d.chance(0.1) {
			s := pickLive(secrets, at, d, isProd)
			at += pause(d)
			t.add(at, failed(c.event("GetSecretValue", s.def.name), "AccessDeniedException",
				notAuthorized(who, "GetSecretValue", s.def.name, noIdentityPolicy)))
		}
		if d.chance(0.04) {
			at += pause(d)
			t.add(at, failed(c.event("GetSecretValue", pick(d, typos)), "ResourceNotFoundException",
				"Secrets Manager can't find the specified secret."))
		}
	}
}

// recordTerraform is the infrastructure pipeline: on a plan it refreshes
// every secret of one team, and an apply sometimes updates one.
func recordTerraform(secrets []*builtSecret, who principal, t *trail) {
	d := diceFor("people:" + who.key)
	teams := []string{"payments", "identity", "search", "data", "platform", "mobile", "ml", "support"}
	for day := historyDays - 1; day >= 0; day-- {
		if !d.chance(0.3) {
			continue
		}
		team, c, at := pick(d, teams), who.from(d), who.momentOn(day, d)
		t.add(at, c.event("ListSecrets", ""))
		var managed []*builtSecret
		for _, s := range secrets {
			if s.def.team == team && s.def.env != "dev" && s.liveAt(at) {
				managed = append(managed, s)
			}
		}
		for _, s := range managed {
			at += time.Second + d.within(2*time.Second)
			t.add(at, c.event("DescribeSecret", s.def.name))
			if s.def.policy != "" {
				t.add(at+time.Second, c.event("GetResourcePolicy", s.def.name))
			}
		}
		if len(managed) > 0 && d.chance(0.12) {
			t.add(at+20*time.Second, c.event("UpdateSecret", pick(d, managed).def.name))
		}
	}
}

// recordPolicyDenials is an app outside the data VPC that the warehouse
// secret's resource policy keeps refusing.
func recordPolicyDenials(who principal, t *trail) {
	const secretID = "prod/data/redshift"
	d := diceFor("denied:" + who.key)
	for _, day := range []int{27, 19, 12, 6, 2} {
		t.add(who.momentOn(day, d), failed(who.from(d).event("GetSecretValue", secretID), "AccessDeniedException",
			notAuthorized(who, "GetSecretValue", secretID, explicitDeny)))
	}
}

// recordNewReader is the caller to spot: an IAM user's key, unused for
// months, lists and reads prod secrets in the last day from an address no
// one else uses.
func recordNewReader(who principal, t *trail) {
	d := diceFor("new-reader")
	c := who.from(d)
	at := -19*time.Hour - d.within(time.Hour)
	t.add(at, c.event("ListSecrets", ""))
	t.add(at+2*time.Second, c.event("ListSecrets", ""))
	for _, secretID := range []string{
		"prod/payments/postgres", "prod/payments/stripe-api-key", "prod/identity/jwt-signing-key",
		"prod/data/redshift", "prod/identity/oauth-client", "prod/platform/github-app",
		"prod/data/s3-export-credentials", "prod/ml/inference-config",
	} {
		at += 20*time.Second + d.within(10*time.Minute)
		t.add(at, c.event("DescribeSecret", secretID))
		read := c.event("GetSecretValue", secretID)
		switch secretID {
		case "prod/data/redshift":
			read = failed(read, "AccessDeniedException", notAuthorized(who, "GetSecretValue", secretID, explicitDeny))
		case "prod/identity/jwt-signing-key":
			read = failed(read, "AccessDeniedException", "Access to KMS is not allowed")
		}
		t.add(at+time.Second, read)
	}
}
