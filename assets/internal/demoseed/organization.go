package demoseed

import "github.com/keyhole-tui/keyhole/awsx/emulator"

// auditRole is the role the fleet view assumes in every account of the
// organisation to read its secrets' metadata.
const auditRole = "KeyholeAudit"

// The member accounts of the organisation.
const (
	stagingAccount = "234567890123"
	sandboxAccount = "345678901234"
	legacyAccount  = "456789012345"
)

// regions are the regions enabled in every account, the home region first.
func regions() []string { return []string{region, "eu-west-1", "ap-northeast-1"} }

// organization is the AWS Organizations organisation the demo account
// manages: staging and a developers' sandbox, and an old analytics account
// that is suspended on its way to closing.
func organization() *emulator.SeedOrganization {
	return &emulator.SeedOrganization{
		ID: "o-lk7d3m0x2q", Name: "larkspur-production", Email: "aws+production@larkspur.example",
		Accounts: []emulator.SeedAccount{
			{ID: stagingAccount, Name: "larkspur-staging", Email: "aws+staging@larkspur.example",
				Joined: emulator.Relative(-days(912))},
			{ID: sandboxAccount, Name: "larkspur-dev-sandbox", Email: "aws+sandbox@larkspur.example",
				Joined: emulator.Relative(-days(540))},
			{ID: legacyAccount, Name: "legacy-analytics (suspended, closing)", Email: "aws+legacy-analytics@larkspur.example",
				Status: "SUSPENDED", Joined: emulator.Relative(-days(1650))},
		},
	}
}
