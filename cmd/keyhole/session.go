package main

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"sync/atomic"
	"time"

	"github.com/aws/aws-sdk-go-v2/credentials"
	"github.com/aws/aws-sdk-go-v2/credentials/stscreds"
	"github.com/keyhole-tui/keyhole/awsx"
	"github.com/keyhole-tui/keyhole/awsx/emulator"
	"github.com/keyhole-tui/keyhole/awsx/split"
	"github.com/keyhole-tui/keyhole/model"
	"github.com/keyhole-tui/keyhole/ui/common"
)

// demoAccessKey is the access key the app uses against the demo emulator;
// the demo seed maps it to a principal so its own reads show in the audit.
const demoAccessKey = "AKIAKEYHOLEDEMO"

// demoEndpoint names the in-process demo emulator in request URLs.
const demoEndpoint = "http://demo.keyhole.invalid"

// demoStepDelay spaces the demo's rotation steps so the labels can be seen
// moving.
const demoStepDelay = 1500 * time.Millisecond

// session is a client ready to use and what must be torn down after.
type session struct {
	client *awsx.Client
	demo   bool
	close  func()
}

// openSession connects to AWS as the global flags say, or starts the demo
// emulator on a loopback port.
func openSession(ctx context.Context, g globalFlags) (*session, error) {
	return openSessionWith(ctx, g, nil)
}

// openSessionWith is openSession with onRetry told about every attempt the
// SDK is about to try again.
func openSessionWith(ctx context.Context, g globalFlags, onRetry func(awsx.RetryNotice)) (*session, error) {
	if !g.demo {
		mfa := &mfaOnce{}
		client, err := awsx.New(ctx, awsx.Options{
			Profile: g.profile, Region: g.region, EndpointURL: g.endpointURL,
			MFAToken: mfa.token, OnRetry: onRetry,
		})
		if err != nil {
			return nil, err
		}
		// A profile that needs an MFA code asks for it now, before the
		// terminal UI takes the screen. A refused code ends keyhole here;
		// other failures show in the UI.
		if err := client.Warm(ctx); err != nil && mfa.asked.Load() {
			return nil, fmt.Errorf("sign-in with the MFA code failed: %w", err)
		}
		return &session{client: client, close: func() {}}, nil
	}
	if g.endpointURL != "" {
		return nil, errors.New("--demo runs its own emulator: drop --endpoint-url")
	}
	emu, err := demoEmulator()
	if err != nil {
		return nil, err
	}
	// The demo emulator is served in process: no port, no socket.
	client, err := awsx.New(ctx, awsx.Options{
		Region:      "us-east-1",
		EndpointURL: demoEndpoint,
		HTTPClient:  &http.Client{Transport: emu.Transport()},
		Credentials: credentials.NewStaticCredentialsProvider(demoAccessKey, "demo-secret-key", ""),
		OnRetry:     onRetry,
	})
	if err != nil {
		emu.Close()
		return nil, err
	}
	return &session{client: client, demo: true, close: emu.Close}, nil
}

// mfaOnce asks for an MFA code on the terminal once, before the UI takes
// the screen. After that the UI owns the terminal, so a request for another
// code fails and says what to do instead of reading keys meant for the UI.
type mfaOnce struct{ asked atomic.Bool }

// token is the SDK's MFA token provider.
func (m *mfaOnce) token() (string, error) {
	if m.asked.Swap(true) {
		return "", model.RestartError{Reason: "the AWS session needs a new MFA code: quit and start keyhole again to type it"}
	}
	return stscreds.StdinTokenProvider()
}

// demoEmulator is an emulator loaded with the embedded demo seed.
func demoEmulator() (*emulator.Server, error) {
	emu := emulator.New(emulator.Options{RotationStepDelay: demoStepDelay})
	if err := loadEmulator(emu, "", true, 0); err != nil {
		emu.Close()
		return nil, err
	}
	return emu, nil
}

// connector opens other profiles and regions from inside the UI, their
// clients telling onRetry about retries. An empty profile opens the
// credentials keyhole started with again, as it found them: --profile as
// given, else the SDK's default chain, which reads the environment's keys
// and AWS_PROFILE afresh. An MFA code cannot be typed there, so such
// profiles say to restart instead.
func connector(g globalFlags, onRetry func(awsx.RetryNotice)) common.Connect {
	return func(ctx context.Context, profile, region string) (common.Connection, error) {
		if profile == "" {
			profile = g.profile
		}
		client, err := awsx.New(ctx, awsx.Options{
			Profile: profile, Region: region, EndpointURL: g.endpointURL, OnRetry: onRetry,
			MFAToken: func() (string, error) {
				if profile == "" {
					return "", model.RestartError{Reason: "the profile needs a new MFA code: start keyhole again to type it"}
				}
				return "", model.RestartError{Reason: fmt.Sprintf("profile %s needs an MFA code: start keyhole with --profile %s to type it", profile, profile)}
			},
		})
		if err != nil {
			return common.Connection{}, err
		}
		return common.Connection{Backend: split.New(client), Profile: client.CredentialSource(), Region: client.Region(), Endpoint: client.Endpoint()}, nil
	}
}
