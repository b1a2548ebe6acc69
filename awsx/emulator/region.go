package emulator

import (
	"net/http"
	"strings"
)

// regionState is what one account holds in one region: its secrets, the
// listings being paged through and its CloudTrail event history. Every
// request is served from the regionState of its caller's account and its
// SigV4 scope's region.
type regionState struct {
	account  string
	region   string
	secrets  *store
	trail    *trail
	listings *listingCache
}

// placeKey names a regionState.
type placeKey struct{ account, region string }

// at returns the state of account in region, making an empty one on first
// use. The caller holds s.mu.
func (s *Server) at(account, region string) *regionState {
	k := placeKey{account, region}
	if r := s.places[k]; r != nil {
		return r
	}
	r := &regionState{
		account:  account,
		region:   region,
		trail:    newTrail(),
		listings: newListingCache(),
	}
	r.secrets = newStore(s.rng.Uint64(), r)
	s.places[k] = r
	return r
}

// home is the default account's state in the default region.
func (s *Server) home() *regionState { return s.at(s.account, s.region) }

// regionFromRequest reads the region of the SigV4 credential scope
// ("Credential=AKID/20260101/us-west-2/secretsmanager/aws4_request").
func regionFromRequest(r *http.Request) string {
	_, cred, ok := strings.Cut(r.Header.Get("Authorization"), "Credential=")
	if !ok {
		return ""
	}
	cred, _, _ = strings.Cut(cred, ",")
	parts := strings.Split(strings.TrimSpace(cred), "/")
	if len(parts) < 5 {
		return ""
	}
	return parts[2]
}
