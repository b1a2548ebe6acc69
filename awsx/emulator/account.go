package emulator

import (
	"fmt"
	"net/http"
	"slices"
	"strings"
)

// The Account service speaks REST-JSON: each operation is a POST to its own
// path with a JSON body, answered in JSON.
const (
	serviceAccount = "account"
	// listRegionsPath is the path of Account ListRegions.
	listRegionsPath = "/listRegions"
	// restJSONContentType is the media type REST-JSON answers with.
	restJSONContentType = "application/json"
	// listRegionsMax is ListRegions' largest MaxResults.
	listRegionsMax = 50
)

type listRegionsInput struct {
	AccountID               *string `json:"AccountId"`
	MaxResults              *int
	NextToken               *string
	RegionOptStatusContains []string
}

type regionEntry struct {
	RegionName      string `json:"RegionName"`
	RegionOptStatus string `json:"RegionOptStatus"`
}

type listRegionsOutput struct {
	Regions   []regionEntry `json:"Regions"`
	NextToken string        `json:"NextToken,omitempty"`
}

// listRegions serves Account ListRegions: every AWS commercial region with
// its opt-in status in the caller's account, or in the member account named
// by AccountId when the caller is the organisation's management account.
func (s *Server) listRegions(c *call) (any, *apiError) {
	var in listRegionsInput
	if err := c.decode(&in); err != nil {
		return nil, err
	}
	limit, err := maxResults(in.MaxResults, listRegionsMax, listRegionsMax)
	if err != nil {
		return nil, accountValidation(err)
	}
	if err := checkOptStatuses(in.RegionOptStatusContains); err != nil {
		return nil, err
	}
	account, err := s.regionsAccount(c, in.AccountID)
	if err != nil {
		return nil, err
	}
	var all []regionEntry
	for _, name := range slices.Sorted(slices.Values(append(defaultRegions(), optInRegions()...))) {
		status := s.regionStatus(account, name)
		if len(in.RegionOptStatusContains) == 0 || slices.Contains(in.RegionOptStatusContains, status) {
			all = append(all, regionEntry{RegionName: name, RegionOptStatus: status})
		}
	}
	offset, err := offsetToken(in.NextToken)
	if err != nil || offset > len(all) {
		return nil, accountValidation(newError("ValidationException", "The NextToken is not valid."))
	}
	out := listRegionsOutput{Regions: all[offset:min(offset+limit, len(all))]}
	if offset+limit < len(all) {
		out.NextToken = offsetTokenFor(offset + limit)
	}
	if out.Regions == nil {
		out.Regions = []regionEntry{}
	}
	return out, nil
}

// checkOptStatuses refuses a RegionOptStatusContains value the Account
// service does not know.
func checkOptStatuses(statuses []string) *apiError {
	known := []string{regionEnabled, "ENABLING", "DISABLING", regionDisabled, regionEnabledByDefault}
	for _, st := range statuses {
		if !slices.Contains(known, st) {
			return accountValidation(errValidation(fmt.Sprintf("[%s]", strings.Join(statuses, ", ")), "regionOptStatusContains",
				"Member must satisfy constraint: [Member must satisfy enum value set: ["+strings.Join(known, ", ")+"]]"))
		}
	}
	return nil
}

// regionsAccount is the account whose regions ListRegions lists: the
// caller's, or the member account id names, which only the management
// account of its organisation may ask about. The management account may
// not name itself.
func (s *Server) regionsAccount(c *call, id *string) (string, *apiError) {
	if id == nil {
		return c.caller.accountID, nil
	}
	if !validAccountID(*id) {
		return "", accountValidation(errValidation(*id, "accountId", "Member must satisfy regular expression pattern: ^\\d{12}$"))
	}
	if s.org != nil && c.caller.accountID == s.org.management && *id != s.org.management {
		if _, member := s.org.account(*id); member {
			return *id, nil
		}
	}
	denied := errAccessDenied(c.caller.arn, "account:ListRegions", "")
	denied.Status = http.StatusForbidden
	return "", denied
}

// accountValidation marks a validation failure with the reason the
// Account service gives.
func accountValidation(e *apiError) *apiError {
	e.Fields = map[string]any{"reason": "fieldValidationFailed"}
	return e
}
