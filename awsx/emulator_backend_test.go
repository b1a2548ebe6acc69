package awsx_test

import (
	"net/http/httptest"
	"testing"

	"github.com/keyhole-tui/keyhole/awsx/emulator"
)

// emulatorRotationLambdaARN names the emulator's built-in rotation function
// that puts a fresh "password" into a JSON secret.
const emulatorRotationLambdaARN = "arn:aws:lambda:" + testRegion + ":123456789012:function:" + emulator.RotatePasswordFunction

// startEmulator serves a fresh emulator on a loopback test server for the
// rest of the test and returns its endpoint URL.
func startEmulator(t *testing.T) string {
	t.Helper()
	srv := emulator.New(emulator.Options{})
	hs := httptest.NewServer(srv)
	t.Cleanup(func() {
		hs.Close()
		srv.Close()
	})
	return hs.URL
}
