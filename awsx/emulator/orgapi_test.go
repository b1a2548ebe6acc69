package emulator_test

import (
	"errors"
	"strings"
	"testing"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/organizations"
	orgtypes "github.com/aws/aws-sdk-go-v2/service/organizations/types"

	"github.com/keyhole-tui/keyhole/awsx/emulator"
)

// orgClient is an Organizations client of the SDK signing with accessKey.
func (e *env) orgClient(accessKey string) *organizations.Client {
	return organizations.NewFromConfig(awsConfig(accessKey), func(o *organizations.Options) {
		o.BaseEndpoint = aws.String(e.url)
	})
}

// orgEnv is an emulator loaded with orgSeed.
func orgEnv(t *testing.T) *env {
	t.Helper()
	e := newEnv(t, emulator.Options{})
	if err := e.srv.LoadJSON(strings.NewReader(orgSeed)); err != nil {
		t.Fatal(err)
	}
	return e
}

func TestListAccountsPagesThroughTheOrganization(t *testing.T) {
	e := orgEnv(t)
	client := e.orgClient(testAccessKey)
	var got []orgtypes.Account
	pages := 0
	p := organizations.NewListAccountsPaginator(client, &organizations.ListAccountsInput{MaxResults: aws.Int32(2)})
	for p.HasMorePages() {
		out, err := p.NextPage(t.Context())
		if err != nil {
			t.Fatalf("list accounts: %v", err)
		}
		pages++
		got = append(got, out.Accounts...)
	}
	if pages != 2 || len(got) != 4 {
		t.Fatalf("%d accounts in %d pages, want the management account and 3 members in 2 pages", len(got), pages)
	}
	mgmt, prod := got[0], got[3]
	if aws.ToString(mgmt.Id) != "111111111111" || mgmt.JoinedMethod != orgtypes.AccountJoinedMethodCreated {
		t.Errorf("first account %s joined %s, want the management account, created", aws.ToString(mgmt.Id), mgmt.JoinedMethod)
	}
	if aws.ToString(prod.Arn) != "arn:aws:organizations::111111111111:account/o-exampleorg1/444444444444" ||
		aws.ToString(prod.Email) != "prod@example.com" || aws.ToString(prod.Name) != "prod" ||
		prod.Status != orgtypes.AccountStatusActive || prod.State != orgtypes.AccountStateActive {
		t.Errorf("prod account %+v", prod)
	}
	if old := got[2]; old.Status != orgtypes.AccountStatusSuspended || old.State != orgtypes.AccountStateSuspended {
		t.Errorf("suspended account says %s / %s", old.Status, old.State)
	}
	if want := e.clock.Now().Add(-365 * 24 * time.Hour); !aws.ToTime(prod.JoinedTimestamp).Equal(want) {
		t.Errorf("joined %v, want a year ago by default, %v", prod.JoinedTimestamp, want)
	}
}

func TestListAccountsRefusesBadInput(t *testing.T) {
	e := orgEnv(t)
	client := e.orgClient(testAccessKey)
	for _, tc := range []struct {
		in     organizations.ListAccountsInput
		reason orgtypes.InvalidInputExceptionReason
	}{
		{organizations.ListAccountsInput{NextToken: aws.String("not-a-token")}, orgtypes.InvalidInputExceptionReasonInvalidPaginationToken},
		{organizations.ListAccountsInput{MaxResults: aws.Int32(21)}, orgtypes.InvalidInputExceptionReasonMaxValueExceeded},
		{organizations.ListAccountsInput{MaxResults: aws.Int32(0)}, orgtypes.InvalidInputExceptionReasonMinValueExceeded},
	} {
		_, err := client.ListAccounts(t.Context(), &tc.in)
		wantAPIError(t, err, "InvalidInputException", "")
		var invalid *orgtypes.InvalidInputException
		if !errors.As(err, &invalid) || invalid.Reason != tc.reason {
			t.Errorf("%+v: %v, want reason %s", tc.in, err, tc.reason)
		}
	}
}

func TestListAccountsIsForTheManagementAccountOnly(t *testing.T) {
	e := orgEnv(t)
	_, err := e.orgClient("AKIAMEMBERDEV000001").ListAccounts(t.Context(), &organizations.ListAccountsInput{})
	wantAPIError(t, err, "AccessDeniedException", "You don't have permissions to access this resource.")

	bare := newEnv(t, emulator.Options{})
	_, err = bare.orgClient(testAccessKey).ListAccounts(t.Context(), &organizations.ListAccountsInput{})
	wantAPIError(t, err, "AWSOrganizationsNotInUseException", "Your account is not a member of an organization.")
}

func TestDescribeOrganizationAnswersEveryMember(t *testing.T) {
	e := orgEnv(t)
	out, err := e.orgClient("AKIAMEMBERDEV000001").DescribeOrganization(t.Context(), &organizations.DescribeOrganizationInput{})
	if err != nil {
		t.Fatalf("describe organization from a member: %v", err)
	}
	org := out.Organization
	if aws.ToString(org.Id) != "o-exampleorg1" || aws.ToString(org.MasterAccountId) != "111111111111" ||
		aws.ToString(org.Arn) != "arn:aws:organizations::111111111111:organization/o-exampleorg1" || org.FeatureSet != orgtypes.OrganizationFeatureSetAll {
		t.Errorf("organization %+v", org)
	}
}
