package emulator

import "slices"

// The opt-in statuses of a region, as the Account service names them.
const (
	regionEnabledByDefault = "ENABLED_BY_DEFAULT"
	regionEnabled          = "ENABLED"
	regionDisabled         = "DISABLED"
)

// defaultRegions are the AWS commercial regions enabled in every account;
// they cannot be disabled.
func defaultRegions() []string {
	return []string{
		"ap-northeast-1", "ap-northeast-2", "ap-northeast-3", "ap-south-1", "ap-southeast-1",
		"ap-southeast-2", "ca-central-1", "eu-central-1", "eu-north-1", "eu-west-1",
		"eu-west-2", "eu-west-3", "sa-east-1", "us-east-1", "us-east-2", "us-west-1", "us-west-2",
	}
}

// optInRegions are the AWS commercial regions an account must enable
// before it can use them.
func optInRegions() []string {
	return []string{
		"af-south-1", "ap-east-1", "ap-east-2", "ap-south-2", "ap-southeast-3", "ap-southeast-4",
		"ap-southeast-5", "ap-southeast-6", "ap-southeast-7", "ca-west-1", "eu-central-2",
		"eu-south-1", "eu-south-2", "il-central-1", "me-central-1", "me-south-1", "mx-central-1",
	}
}

// regionStatus is region's opt-in status in account: ENABLED_BY_DEFAULT
// for a default region, ENABLED or DISABLED for an opt-in one, and "" for
// a name AWS does not have. The caller holds s.mu.
func (s *Server) regionStatus(account, region string) string {
	switch {
	case slices.Contains(defaultRegions(), region):
		return regionEnabledByDefault
	case !slices.Contains(optInRegions(), region):
		return ""
	case slices.Contains(s.regionsOf(account), region):
		return regionEnabled
	}
	return regionDisabled
}

// regionsOf are the regions the seed enables in account: the
// organisation's list for it, else the seed's list for every account. The
// caller holds s.mu.
func (s *Server) regionsOf(account string) []string {
	if s.org != nil {
		if a, ok := s.org.account(account); ok && len(a.regions) > 0 {
			return a.regions
		}
	}
	return s.enabledRegions
}

// errRegionDisabled is AWS's answer to a call signed for an opt-in region
// the caller's account has not enabled: the region does not know the
// account's credentials.
func errRegionDisabled() *apiError {
	return newError("UnrecognizedClientException", "The security token included in the request is invalid.")
}
