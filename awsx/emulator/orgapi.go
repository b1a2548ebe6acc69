package emulator

import "net/http"

// Organizations speaks awsJson1_1 under this X-Amz-Target prefix.
const (
	serviceOrganizations = "organizations"
	orgTargetPrefix      = "AWSOrganizationsV20161128."
	// listAccountsMax is ListAccounts' largest MaxResults.
	listAccountsMax = 20
)

// accountsHandler returns the handler of an Organizations or Account
// service operation.
func (s *Server) accountsHandler(service, op string) (opHandler, bool) {
	switch service + "." + op {
	case serviceOrganizations + ".ListAccounts":
		return s.listAccounts, true
	case serviceOrganizations + ".DescribeOrganization":
		return s.describeOrganization, true
	case serviceAccount + ".ListRegions":
		return s.listRegions, true
	}
	return nil, false
}

type listAccountsInput struct {
	MaxResults *int
	NextToken  *string
}

type accountEntry struct {
	ID    string `json:"Id"`
	Arn   string `json:"Arn"`
	Email string `json:"Email"`
	Name  string `json:"Name"`
	// Status is the field AWS is retiring; State replaces it.
	Status          string `json:"Status"`
	State           string `json:"State"`
	JoinedMethod    string `json:"JoinedMethod"`
	JoinedTimestamp epoch  `json:"JoinedTimestamp"`
}

type listAccountsOutput struct {
	Accounts  []accountEntry `json:"Accounts"`
	NextToken string         `json:"NextToken,omitempty"`
}

// listAccounts serves Organizations ListAccounts to the management account.
func (s *Server) listAccounts(c *call) (any, *apiError) {
	var in listAccountsInput
	if err := c.decode(&in); err != nil {
		return nil, err
	}
	limit, err := orgMaxResults(in.MaxResults)
	if err != nil {
		return nil, err
	}
	if err := s.checkOrgCaller(c, true); err != nil {
		return nil, err
	}
	offset, err := offsetToken(in.NextToken)
	if err != nil || offset > len(s.org.accounts) {
		return nil, orgInvalidInput("INVALID_NEXT_TOKEN",
			"You specified an invalid value for nextToken. You must get the value from the response to a previous call to the API.")
	}
	end := min(offset+limit, len(s.org.accounts))
	out := listAccountsOutput{Accounts: []accountEntry{}}
	for _, a := range s.org.accounts[offset:end] {
		out.Accounts = append(out.Accounts, s.org.entry(a))
	}
	if end < len(s.org.accounts) {
		out.NextToken = offsetTokenFor(end)
	}
	return out, nil
}

type organizationEntry struct {
	ID                 string `json:"Id"`
	Arn                string `json:"Arn"`
	FeatureSet         string `json:"FeatureSet"`
	MasterAccountArn   string `json:"MasterAccountArn"`
	MasterAccountID    string `json:"MasterAccountId"`
	MasterAccountEmail string `json:"MasterAccountEmail"`
}

// describeOrganization serves Organizations DescribeOrganization to any
// account of the organisation.
func (s *Server) describeOrganization(c *call) (any, *apiError) {
	if err := s.checkOrgCaller(c, false); err != nil {
		return nil, err
	}
	mgmt := s.org.accounts[0]
	return map[string]any{"Organization": organizationEntry{
		ID:                 s.org.id,
		Arn:                "arn:aws:organizations::" + s.org.management + ":organization/" + s.org.id,
		FeatureSet:         "ALL",
		MasterAccountArn:   s.org.accountARN(mgmt.id),
		MasterAccountID:    mgmt.id,
		MasterAccountEmail: mgmt.email,
	}}, nil
}

// checkOrgCaller refuses a caller outside the organisation and, when
// managementOnly, a member account.
func (s *Server) checkOrgCaller(c *call, managementOnly bool) *apiError {
	if s.org == nil {
		return newError("AWSOrganizationsNotInUseException", "Your account is not a member of an organization.")
	}
	if _, ok := s.org.account(c.caller.accountID); !ok {
		return newError("AWSOrganizationsNotInUseException", "Your account is not a member of an organization.")
	}
	if managementOnly && c.caller.accountID != s.org.management {
		return newError("AccessDeniedException", "You don't have permissions to access this resource.")
	}
	return nil
}

// orgMaxResults reads an Organizations MaxResults, 1 to 20; none means 20.
func orgMaxResults(v *int) (int, *apiError) {
	switch {
	case v == nil:
		return listAccountsMax, nil
	case *v < 1:
		return 0, orgInvalidInput("MIN_VALUE_EXCEEDED", "You provided a numeric parameter that has a smaller value than allowed.")
	case *v > listAccountsMax:
		return 0, orgInvalidInput("MAX_VALUE_EXCEEDED", "You provided a numeric parameter that has a larger value than allowed.")
	}
	return *v, nil
}

// orgInvalidInput is Organizations' InvalidInputException for reason.
func orgInvalidInput(reason, message string) *apiError {
	return &apiError{Status: http.StatusBadRequest, Code: "InvalidInputException", Message: message,
		Fields: map[string]any{"Reason": reason}}
}

// accountARN is the ARN of one account of the organisation.
func (o *organization) accountARN(id string) string {
	return "arn:aws:organizations::" + o.management + ":account/" + o.id + "/" + id
}

// entry is the Account element ListAccounts answers for a.
func (o *organization) entry(a orgAccount) accountEntry {
	return accountEntry{
		ID: a.id, Arn: o.accountARN(a.id), Email: a.email, Name: a.name,
		Status: a.status, State: a.status, JoinedMethod: a.joinedMethod,
		JoinedTimestamp: epoch(a.joined),
	}
}
