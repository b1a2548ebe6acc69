package assets_test

import (
	"regexp"
	"strings"
	"testing"
)

// realLooking are the shapes secret scanners look for in leaked
// credentials. The seed may hold AWS keys only as the documentation's
// example values, and other providers' keys only in test mode.
var realLooking = map[string]*regexp.Regexp{
	"AWS access key id":     regexp.MustCompile(`\b(AKIA|ASIA)[A-Z0-9]{16}\b`),
	"AWS secret access key": regexp.MustCompile(`"aws_secret_access_key":"[^"]*"`),
	"live payment key":      regexp.MustCompile(`\b(sk|rk|pk)_live_`),
	"GitHub token":          regexp.MustCompile(`\bgh[pousr]_[A-Za-z0-9]{36}`),
	"Slack token":           regexp.MustCompile(`\bxox[abprs]-`),
	"Google API key":        regexp.MustCompile(`\bAIza[0-9A-Za-z_-]{35}`),
}

// prefixedKey is an API key written as a vendor's prefix and a random tail;
// the prefix must say the key is not real.
var prefixedKey = regexp.MustCompile(`^([a-z][a-z0-9]*[_.-])+[A-Za-z0-9]{16,}$`)

func TestDemoValuesNeverLookLikeRealCredentials(t *testing.T) {
	seed := demoSeed(t)
	for _, s := range seed.Secrets {
		for _, v := range s.Versions {
			value := string(v.Binary)
			if v.String != nil {
				value = *v.String
			}
			for kind, re := range realLooking {
				for _, m := range re.FindAllString(value, -1) {
					if !strings.Contains(m, "EXAMPLE") {
						t.Errorf("%s (%s/%s) holds what looks like a real %s", s.Name, placeOf(seed, s.Account, s.Region), v.ID, kind)
					}
				}
			}
			if prefixedKey.MatchString(value) && !strings.Contains(value, "demo") {
				t.Errorf("%s (%s/%s) is an API key whose prefix does not say it is a demo", s.Name, placeOf(seed, s.Account, s.Region), v.ID)
			}
		}
	}
}
