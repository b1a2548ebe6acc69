package awsx_test

import (
	"errors"
	"fmt"
	"slices"
	"strings"
	"testing"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/credentials"
	"github.com/aws/aws-sdk-go-v2/service/organizations"
	orgtypes "github.com/aws/aws-sdk-go-v2/service/organizations/types"

	"github.com/keyhole-tui/keyhole/awsx"
	"github.com/keyhole-tui/keyhole/model"
)

// contractRoleAccount is the account the contract assumes a role in: a
// member of the emulator's organisation.
const contractRoleAccount = "210987654321"

// testAssumeRoleActsInRoleAccount: credentials from AssumeRole act as the
// role in the role's account, so a secret made with them lands there and
// is not seen with the credentials that assumed the role.
func testAssumeRoleActsInRoleAccount(t *testing.T, c *awsx.Client, b backend) {
	ctx := testContext(t)
	roleARN := "arn:aws:iam::" + contractRoleAccount + ":role/KeyholeContract"
	creds := c.AssumeRoleCredentials(roleARN, "keyhole-contract")
	role, err := awsx.New(ctx, awsx.Options{Region: testRegion, EndpointURL: b.endpoint, Credentials: creds})
	if err != nil {
		t.Fatalf("build a client with the role's credentials: %v", err)
	}
	id, err := role.CallerIdentity(ctx)
	if err != nil {
		t.Fatalf("caller identity as the role: %v", err)
	}
	want := "arn:aws:sts::" + contractRoleAccount + ":assumed-role/KeyholeContract/keyhole-contract"
	if id.Account != contractRoleAccount || id.ARN != want {
		t.Errorf("role session is %s in %s, want %s in %s", id.ARN, id.Account, want, contractRoleAccount)
	}
	got, err := creds.Retrieve(ctx)
	if err != nil || !strings.HasPrefix(got.AccessKeyID, "ASIA") || got.SessionToken == "" || !got.CanExpire {
		t.Errorf("session credentials %s (token set %v, expires %v), err %v; want ASIA keys with a token that expire",
			got.AccessKeyID, got.SessionToken != "", got.CanExpire, err)
	}

	name := uniqueName(t, "assumed")
	arn, _ := mustCreate(t, role, model.CreateInput{Name: name, Value: model.StringValue(fakeValue(t))})
	if model.AccountFromARN(arn) != contractRoleAccount {
		t.Errorf("secret made as the role is %s, want it in %s", arn, contractRoleAccount)
	}
	if _, err := c.DescribeSecret(ctx, name); err == nil {
		t.Errorf("the caller's own account sees %s, made in the role's account", name)
	} else {
		wantKind(t, err, model.KindNotFound)
	}
}

// testOrganizationAccountsPaginated: every account of the organisation is
// listed, across pages, with its name, email and status.
func testOrganizationAccountsPaginated(t *testing.T, c *awsx.Client, b backend) {
	ctx := testContext(t)
	if b.name == "moto" {
		makeMotoOrganization(t, b, 3)
	}
	accounts, err := c.OrganizationAccounts(ctx)
	if err != nil {
		t.Fatalf("organization accounts: %v", err)
	}
	raw := organizationsClient(b)
	var pages, listed int
	p := organizations.NewListAccountsPaginator(raw, &organizations.ListAccountsInput{MaxResults: aws.Int32(2)})
	for p.HasMorePages() {
		page, err := p.NextPage(ctx)
		if err != nil {
			t.Fatalf("list accounts two at a time: %v", err)
		}
		pages++
		listed += len(page.Accounts)
	}
	if len(accounts) < 4 || listed != len(accounts) || pages != (listed+1)/2 {
		t.Fatalf("%d accounts, and %d listed in %d pages of 2; want at least 4, the same ones, paged", len(accounts), listed, pages)
	}
	ids := make([]string, len(accounts))
	for i, a := range accounts {
		ids[i] = a.ID
		if len(a.ID) != 12 || a.Name == "" || !strings.Contains(a.Email, "@") || a.Status == "" {
			t.Errorf("account %+v lacks an id, name, email or status", a)
		}
	}
	if !slices.Contains(ids, "123456789012") {
		t.Errorf("accounts %v leave out the management account 123456789012", ids)
	}
	slices.Sort(ids)
	if len(slices.Compact(ids)) != len(accounts) {
		t.Errorf("accounts %v list one twice", ids)
	}
}

// testOrganizationAccountsRefusedToMembers: a member account may not list
// its organisation's accounts; the refusal is an access-denied error
// naming the action.
func testOrganizationAccountsRefusedToMembers(t *testing.T, c *awsx.Client, b backend) {
	ctx := testContext(t)
	member := contractRoleAccount
	if b.name == "moto" {
		member = motoMember(t, b)
	}
	creds := c.AssumeRoleCredentials("arn:aws:iam::"+member+":role/KeyholeContract", "keyhole-member")
	asMember, err := awsx.New(ctx, awsx.Options{Region: testRegion, EndpointURL: b.endpoint, Credentials: creds})
	if err != nil {
		t.Fatalf("build a client in the member account: %v", err)
	}
	_, err = asMember.OrganizationAccounts(ctx)
	if b.quirks.membersListAccounts {
		if err != nil {
			t.Fatalf("moto lists accounts for a member account; got %v", err)
		}
		return
	}
	e := wantKind(t, err, model.KindAccessDenied)
	if e.Code != "AccessDeniedException" || e.Action != "organizations:ListAccounts" {
		t.Errorf("refusal %+v, want AccessDeniedException naming organizations:ListAccounts", e)
	}
}

// testEnabledRegions: the regions enabled by default are usable, sorted,
// and an opt-in region the account has not enabled is not.
func testEnabledRegions(t *testing.T, c *awsx.Client, b backend) {
	if b.name == "moto" {
		t.Skip("moto 5.2 does not serve Account ListRegions: its account service has only the alternate-contact operations")
	}
	regions, err := c.EnabledRegions(testContext(t))
	if err != nil {
		t.Fatalf("enabled regions: %v", err)
	}
	if !slices.IsSorted(regions) || !slices.Contains(regions, "us-east-1") || !slices.Contains(regions, "eu-west-1") {
		t.Errorf("enabled regions %v, want them sorted, with us-east-1 and eu-west-1", regions)
	}
	if slices.Contains(regions, "ap-east-1") {
		t.Errorf("enabled regions %v name ap-east-1, an opt-in region nobody enabled", regions)
	}
}

// organizationsClient is an Organizations client of the SDK with the
// contract's credentials.
func organizationsClient(b backend) *organizations.Client {
	return organizations.New(organizations.Options{
		Region:       testRegion,
		BaseEndpoint: aws.String(b.endpoint),
		Credentials:  credentials.NewStaticCredentialsProvider("AKIAKEYHOLETEST", "test-secret-key", ""),
	})
}

// makeMotoOrganization makes the caller's account manage an organisation
// with n new member accounts.
func makeMotoOrganization(t *testing.T, b backend, n int) {
	t.Helper()
	ctx := testContext(t)
	raw := organizationsClient(b)
	_, err := raw.CreateOrganization(ctx, &organizations.CreateOrganizationInput{FeatureSet: orgtypes.OrganizationFeatureSetAll})
	var exists *orgtypes.AlreadyInOrganizationException
	if err != nil && !errors.As(err, &exists) {
		t.Fatalf("create organization: %v", err)
	}
	for i := range n {
		_, err := raw.CreateAccount(ctx, &organizations.CreateAccountInput{
			AccountName: aws.String(fmt.Sprintf("member-%d", i)),
			Email:       aws.String(fmt.Sprintf("member-%d-%s@example.com", i, randomHex(t, 3))),
		})
		if err != nil {
			t.Fatalf("create account %d: %v", i, err)
		}
	}
}

// motoMember is a member account of moto's organisation, made if need be.
func motoMember(t *testing.T, b backend) string {
	t.Helper()
	makeMotoOrganization(t, b, 1)
	out, err := organizationsClient(b).ListAccounts(testContext(t), &organizations.ListAccountsInput{})
	if err != nil {
		t.Fatalf("list moto's accounts: %v", err)
	}
	for _, a := range out.Accounts {
		if id := aws.ToString(a.Id); id != "123456789012" {
			return id
		}
	}
	t.Fatal("moto's organisation has no member account")
	return ""
}
