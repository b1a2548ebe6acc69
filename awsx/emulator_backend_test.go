package awsx_test

import (
	"fmt"
	"net/http/httptest"
	"testing"

	"github.com/keyhole-tui/keyhole/awsx/emulator"
)

// emulatorRotationLambdaARN names the emulator's built-in rotation function
// that puts a fresh "password" into a JSON secret.
const emulatorRotationLambdaARN = "arn:aws:lambda:" + testRegion + ":123456789012:function:" + emulator.RotatePasswordFunction

// startEmulator serves a fresh emulator on a loopback test server for the
// rest of the test and returns its endpoint URL. Its default account
// manages an organisation of more accounts than fit one ListAccounts page,
// contractRoleAccount among them.
func startEmulator(t *testing.T) string {
	t.Helper()
	srv := emulator.New(emulator.Options{})
	if err := srv.Load(contractSeed()); err != nil {
		t.Fatalf("load the contract seed: %v", err)
	}
	hs := httptest.NewServer(srv)
	t.Cleanup(func() {
		hs.Close()
		srv.Close()
	})
	return hs.URL
}

// contractSeed is the organisation the emulator starts with: 24 members.
func contractSeed() emulator.Seed {
	org := &emulator.SeedOrganization{ID: "o-keyholecontract"}
	org.Accounts = append(org.Accounts, emulator.SeedAccount{ID: contractRoleAccount, Name: "role-account"})
	for i := range 23 {
		org.Accounts = append(org.Accounts, emulator.SeedAccount{ID: fmt.Sprintf("3000000000%02d", i), Name: fmt.Sprintf("member-%d", i)})
	}
	return emulator.Seed{Organization: org}
}
