package emulator_test

import (
	"slices"
	"strings"
	"testing"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/account"
	accounttypes "github.com/aws/aws-sdk-go-v2/service/account/types"
	"github.com/aws/aws-sdk-go-v2/service/cloudtrail"
	"github.com/aws/aws-sdk-go-v2/service/secretsmanager"

	"github.com/keyhole-tui/keyhole/awsx/emulator"
)

// accountClient is an Account service client of the SDK signing with accessKey.
func (e *env) accountClient(accessKey string) *account.Client {
	return account.NewFromConfig(awsConfig(accessKey), func(o *account.Options) {
		o.BaseEndpoint = aws.String(e.url)
	})
}

// regionStatuses lists every region ListRegions answers, page by page, by name.
func regionStatuses(t *testing.T, client *account.Client, in account.ListRegionsInput) map[string]accounttypes.RegionOptStatus {
	t.Helper()
	out := map[string]accounttypes.RegionOptStatus{}
	p := account.NewListRegionsPaginator(client, &in)
	for p.HasMorePages() {
		page, err := p.NextPage(t.Context())
		if err != nil {
			t.Fatalf("list regions %+v: %v", in, err)
		}
		for _, r := range page.Regions {
			out[aws.ToString(r.RegionName)] = r.RegionOptStatus
		}
	}
	return out
}

func TestListRegionsSaysWhichRegionsEachAccountEnabled(t *testing.T) {
	e := orgEnv(t)
	mgmt := regionStatuses(t, e.accountClient(testAccessKey), account.ListRegionsInput{MaxResults: aws.Int32(5)})
	if len(mgmt) < 30 {
		t.Fatalf("%d regions listed, want every commercial region", len(mgmt))
	}
	for region, want := range map[string]accounttypes.RegionOptStatus{
		"us-east-1":  accounttypes.RegionOptStatusEnabledByDefault,
		"eu-west-1":  accounttypes.RegionOptStatusEnabledByDefault,
		"eu-south-1": accounttypes.RegionOptStatusDisabled,
		"ap-east-1":  accounttypes.RegionOptStatusDisabled,
	} {
		if mgmt[region] != want {
			t.Errorf("management account: %s is %q, want %s", region, mgmt[region], want)
		}
	}

	prod := regionStatuses(t, e.accountClient(testAccessKey), account.ListRegionsInput{AccountId: aws.String("444444444444")})
	if prod["eu-south-1"] != accounttypes.RegionOptStatusEnabled || prod["us-west-2"] != accounttypes.RegionOptStatusEnabledByDefault ||
		prod["ap-east-1"] != accounttypes.RegionOptStatusDisabled {
		t.Errorf("prod account regions %v, want eu-south-1 enabled beside the default ones", prod)
	}

	usable := regionStatuses(t, e.accountClient(testAccessKey), account.ListRegionsInput{
		AccountId:               aws.String("444444444444"),
		RegionOptStatusContains: []accounttypes.RegionOptStatus{accounttypes.RegionOptStatusEnabled},
	})
	if len(usable) != 1 || usable["eu-south-1"] == "" {
		t.Errorf("opt-in regions enabled in prod: %v, want eu-south-1 alone", usable)
	}
}

func TestListRegionsOfAnotherAccountIsForItsManagementAccount(t *testing.T) {
	e := orgEnv(t)
	for key, id := range map[string]string{
		"AKIAMEMBERDEV000001": "444444444444", // a member asking about another member
		testAccessKey:         "999999999999", // outside the organisation
	} {
		_, err := e.accountClient(key).ListRegions(t.Context(), &account.ListRegionsInput{AccountId: aws.String(id)})
		wantAPIError(t, err, "AccessDeniedException", "")
	}
	_, err := e.accountClient(testAccessKey).ListRegions(t.Context(), &account.ListRegionsInput{MaxResults: aws.Int32(51)})
	wantAPIError(t, err, "ValidationException",
		"1 validation error detected: Value '51' at 'maxResults' failed to satisfy constraint: Member must have value less than or equal to 50")
}

func TestSeedRegionsEnableOptInRegionsInEveryAccount(t *testing.T) {
	e := newEnv(t, emulator.Options{})
	if err := e.srv.LoadJSON(strings.NewReader(`{"regions": ["us-east-1", "ap-east-1"], "secrets": []}`)); err != nil {
		t.Fatal(err)
	}
	got := regionStatuses(t, e.accountClient(testAccessKey), account.ListRegionsInput{
		RegionOptStatusContains: []accounttypes.RegionOptStatus{accounttypes.RegionOptStatusEnabled, accounttypes.RegionOptStatusEnabledByDefault},
	})
	if got["ap-east-1"] != accounttypes.RegionOptStatusEnabled || got["us-west-2"] != accounttypes.RegionOptStatusEnabledByDefault || got["eu-south-1"] != "" {
		t.Errorf("usable regions %v, want ap-east-1 enabled and the default regions", got)
	}
}

func TestDisabledRegionDoesNotKnowTheAccountsCredentials(t *testing.T) {
	e := orgEnv(t)
	inRegion := func(region, key string) (*secretsmanager.Client, *cloudtrail.Client) {
		sm := secretsmanager.NewFromConfig(awsConfig(key), func(o *secretsmanager.Options) {
			o.BaseEndpoint, o.Region = aws.String(e.url), region
		})
		ct := cloudtrail.NewFromConfig(awsConfig(key), func(o *cloudtrail.Options) {
			o.BaseEndpoint, o.Region = aws.String(e.url), region
		})
		return sm, ct
	}
	sm, ct := inRegion("eu-south-1", testAccessKey)
	_, err := sm.ListSecrets(t.Context(), &secretsmanager.ListSecretsInput{})
	wantAPIError(t, err, "UnrecognizedClientException", "The security token included in the request is invalid.")
	_, err = ct.LookupEvents(t.Context(), &cloudtrail.LookupEventsInput{})
	wantAPIError(t, err, "UnrecognizedClientException", "The security token included in the request is invalid.")

	// prod enabled eu-south-1; a region name AWS does not have is served.
	if err := e.srv.Load(emulator.Seed{Identities: map[string]string{"AKIAPRODUSER0000001": "arn:aws:iam::444444444444:user/p"}}); err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct{ region, key string }{{"eu-south-1", "AKIAPRODUSER0000001"}, {"xx-test-1", testAccessKey}} {
		sm, _ := inRegion(tc.region, tc.key)
		if _, err := sm.ListSecrets(t.Context(), &secretsmanager.ListSecretsInput{}); err != nil {
			t.Errorf("list secrets in %s as %s: %v", tc.region, tc.key, err)
		}
	}
	if reqs := e.srv.Requests(); !slices.ContainsFunc(reqs, func(r emulator.Request) bool { return r.Operation == "LookupEvents" && r.Status == 400 }) {
		t.Errorf("request log %+v lacks the refused LookupEvents", reqs)
	}
}
