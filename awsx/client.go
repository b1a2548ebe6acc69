package awsx

import (
	"context"
	"net/http"

	"github.com/aws/aws-sdk-go-v2/aws"
	awshttp "github.com/aws/aws-sdk-go-v2/aws/transport/http"
	"github.com/aws/aws-sdk-go-v2/config"
	"github.com/aws/aws-sdk-go-v2/credentials/stscreds"
	"github.com/aws/aws-sdk-go-v2/service/account"
	"github.com/aws/aws-sdk-go-v2/service/cloudtrail"
	"github.com/aws/aws-sdk-go-v2/service/organizations"
	"github.com/aws/aws-sdk-go-v2/service/secretsmanager"
	"github.com/aws/aws-sdk-go-v2/service/sts"
	"golang.org/x/time/rate"

	"github.com/keyhole-tui/keyhole/model"
)

// defaultProfile is the shared-config profile the SDK reads when none is named.
const defaultProfile = "default"

// EnvSource is what CredentialSource says when the credentials come from
// environment variables rather than a profile.
const EnvSource = "env"

// lookupEventsPerSecond is CloudTrail's LookupEvents quota per account and region.
const lookupEventsPerSecond = 2

// Options says how to reach AWS. The zero value uses the SDK's default chain:
// environment, shared config and profiles, SSO, assume-role and EC2 IMDS.
type Options struct {
	// Profile names a shared-config profile; empty leaves AWS_PROFILE or "default".
	Profile string
	// Region overrides the profile's and the environment's region.
	Region string
	// EndpointURL, when set, sends Secrets Manager, CloudTrail, STS,
	// Organizations and Account calls there (an emulator, moto, a VPC
	// endpoint). When empty, the SDK's own
	// AWS_ENDPOINT_URL and AWS_ENDPOINT_URL_<SERVICE> variables still apply.
	EndpointURL string
	// HTTPClient, when set, carries the calls to every service. Credential providers (SSO, assume-role, IMDS) keep the SDK's own
	// client, so a CA bundle from AWS_CA_BUNDLE or ca_bundle still applies
	// to them.
	HTTPClient *http.Client
	// Credentials, when set, replace the default credential chain.
	Credentials aws.CredentialsProvider
	// RetryMaxAttempts, when positive, caps the SDK's attempts per call.
	RetryMaxAttempts int
	// MFAToken, when set, answers the MFA code an assume-role profile with
	// mfa_serial asks for.
	MFAToken func() (string, error)
	// OnRetry, when set, hears about every failed attempt that the SDK is
	// about to try again, on the calls to every service. It
	// runs on the calling goroutine between attempts, before the backoff:
	// it must return quickly and be safe for concurrent use. When the
	// client's retry quota has run out, the call ends after a notice instead.
	OnRetry func(RetryNotice)
	// shared is a provider taken over from another client, already cached
	// and tagged, so both resolve credentials once.
	shared aws.CredentialsProvider
}

// Client calls Secrets Manager, CloudTrail, STS, Organizations and the
// Account service for one profile and region. It is safe for concurrent use.
type Client struct {
	sm       *secretsmanager.Client
	trail    *cloudtrail.Client
	sts      *sts.Client
	org      *organizations.Client
	account  *account.Client
	profile  string
	region   string
	endpoint string
	// usesSSO is set when the profile gets its credentials from IAM Identity Center.
	usesSSO bool
	// env says which environment variables the credentials come from, if any.
	env envCredentials
	// trailLimiter keeps LookupEvents within CloudTrail's per-client rate.
	trailLimiter *rate.Limiter
	// credentials is the provider every service client signs with.
	credentials aws.CredentialsProvider
	// opts are the options the client was made with, for clients derived
	// from it.
	opts Options
}

// New loads the AWS configuration and builds a Client. Credentials are
// resolved lazily, on the first call, so a missing or expired login shows
// up as a KindCredentials error from that call. A missing region is an error
// here (KindInvalidRequest, code MissingRegion): guessing one would show the
// wrong account's secrets without a word.
func New(ctx context.Context, opts Options) (*Client, error) {
	cfg, err := config.LoadDefaultConfig(ctx, loadOptions(opts)...)
	if err != nil {
		return nil, classifyConfig(opts.Profile, err)
	}
	profile := resolvedProfile(opts.Profile, cfg.ConfigSources)
	if cfg.Region == "" {
		return nil, missingRegion(profile)
	}
	if opts.shared != nil {
		cfg.Credentials = opts.shared
	} else {
		cfg.Credentials = tagCredentialErrors(cfg.Credentials)
	}

	c := &Client{
		opts:         opts,
		credentials:  cfg.Credentials,
		profile:      profile,
		region:       cfg.Region,
		usesSSO:      profileUsesSSO(cfg.ConfigSources),
		env:          credentialsFromEnv(opts, cfg.ConfigSources),
		trailLimiter: rate.NewLimiter(lookupEventsPerSecond, 1),
	}
	serviceCfg := cfg.Copy()
	if opts.HTTPClient != nil {
		serviceCfg.HTTPClient = opts.HTTPClient
	}
	if serviceCfg.HTTPClient == nil {
		// The SDK leaves it nil unless a CA bundle is configured.
		serviceCfg.HTTPClient = awshttp.NewBuildableClient()
	}
	serviceCfg.HTTPClient = plainBodies{inner: serviceCfg.HTTPClient}
	endpoint := opts.EndpointURL
	c.sm = secretsmanager.NewFromConfig(serviceCfg, func(o *secretsmanager.Options) {
		if endpoint != "" {
			o.BaseEndpoint = aws.String(endpoint)
		}
		o.APIOptions = append(o.APIOptions, noticeRetries(opts.OnRetry, func() aws.Retryer { return c.sm.Options().Retryer }))
	})
	c.trail = cloudtrail.NewFromConfig(serviceCfg, func(o *cloudtrail.Options) {
		if endpoint != "" {
			o.BaseEndpoint = aws.String(endpoint)
		}
		o.APIOptions = append(o.APIOptions, rateLimitAttempts(c.trailLimiter),
			noticeRetries(opts.OnRetry, func() aws.Retryer { return c.trail.Options().Retryer }))
	})
	c.sts = sts.NewFromConfig(serviceCfg, func(o *sts.Options) {
		if endpoint != "" {
			o.BaseEndpoint = aws.String(endpoint)
		}
		o.APIOptions = append(o.APIOptions, noticeRetries(opts.OnRetry, func() aws.Retryer { return c.sts.Options().Retryer }))
	})
	c.org = organizations.NewFromConfig(serviceCfg, func(o *organizations.Options) {
		if endpoint != "" {
			o.BaseEndpoint = aws.String(endpoint)
		}
		o.APIOptions = append(o.APIOptions, noticeRetries(opts.OnRetry, func() aws.Retryer { return c.org.Options().Retryer }))
	})
	c.account = account.NewFromConfig(serviceCfg, func(o *account.Options) {
		if endpoint != "" {
			o.BaseEndpoint = aws.String(endpoint)
		}
		o.APIOptions = append(o.APIOptions, noticeRetries(opts.OnRetry, func() aws.Retryer { return c.account.Options().Retryer }))
	})
	c.endpoint = aws.ToString(c.sm.Options().BaseEndpoint)
	return c, nil
}

// loadOptions turns Options into the SDK's configuration loaders.
func loadOptions(opts Options) []func(*config.LoadOptions) error {
	var load []func(*config.LoadOptions) error
	if opts.Profile != "" {
		load = append(load, config.WithSharedConfigProfile(opts.Profile))
	}
	if opts.Region != "" {
		load = append(load, config.WithRegion(opts.Region))
	}
	if opts.Credentials != nil {
		load = append(load, config.WithCredentialsProvider(opts.Credentials))
	}
	if opts.RetryMaxAttempts > 0 {
		load = append(load, config.WithRetryMaxAttempts(opts.RetryMaxAttempts))
	}
	if opts.MFAToken != nil {
		load = append(load, config.WithAssumeRoleCredentialOptions(func(o *stscreds.AssumeRoleOptions) {
			o.TokenProvider = opts.MFAToken
		}))
	}
	return load
}

// resolvedProfile is the shared-config profile in effect: the one asked for,
// else AWS_PROFILE, else "default".
func resolvedProfile(asked string, sources []any) string {
	if asked != "" {
		return asked
	}
	for _, src := range sources {
		if env, ok := src.(config.EnvConfig); ok && env.SharedConfigProfile != "" {
			return env.SharedConfigProfile
		}
	}
	return defaultProfile
}

// envCredentials says which environment variables, if any, the SDK's
// default chain takes the credentials from.
type envCredentials int

const (
	// notFromEnv: the credentials come from a profile, a provider given in
	// Options, or a source after the environment in the chain.
	notFromEnv envCredentials = iota
	// envKeys: AWS_ACCESS_KEY_ID, AWS_SECRET_ACCESS_KEY and maybe
	// AWS_SESSION_TOKEN, read once when the client is built.
	envKeys
	// envWebIdentity: the role in AWS_ROLE_ARN, assumed with the token file
	// in AWS_WEB_IDENTITY_TOKEN_FILE.
	envWebIdentity
)

// credentialsFromEnv says where the default chain finds credentials in the
// environment. A profile named in Options wins over the environment, but
// AWS_PROFILE does not: the SDK takes the environment's keys first.
func credentialsFromEnv(opts Options, sources []any) envCredentials {
	if opts.Profile != "" || opts.Credentials != nil {
		return notFromEnv
	}
	for _, src := range sources {
		env, ok := src.(config.EnvConfig)
		if !ok {
			continue
		}
		switch {
		case env.Credentials.HasKeys():
			return envKeys
		case env.WebIdentityTokenFilePath != "":
			return envWebIdentity
		}
	}
	return notFromEnv
}

// profileUsesSSO reports whether the loaded profile signs in through IAM Identity Center.
func profileUsesSSO(sources []any) bool {
	for _, src := range sources {
		if shared, ok := src.(config.SharedConfig); ok {
			return shared.SSOSessionName != "" || shared.SSOStartURL != ""
		}
	}
	return false
}

// missingRegion is the error New returns when no region is configured.
func missingRegion(profile string) error {
	return &model.Error{
		Kind:    model.KindInvalidRequest,
		Op:      "LoadConfig",
		Code:    "MissingRegion",
		Message: "no AWS region is set for profile " + profile,
		Fix:     "pass --region, set AWS_REGION, or add region to profile " + profile,
	}
}

// Profile is the shared-config profile in effect. Its region and settings
// apply even when the credentials come from the environment.
func (c *Client) Profile() string { return c.profile }

// CredentialSource names where the credentials come from, for people to
// read: EnvSource when the default chain takes them from environment
// variables, else the profile in effect.
func (c *Client) CredentialSource() string {
	if c.env != notFromEnv {
		return EnvSource
	}
	return c.profile
}

// Region is the region every call goes to.
func (c *Client) Region() string { return c.region }

// Endpoint is the Secrets Manager endpoint override in effect, from Options
// or the environment; empty means AWS's own endpoint.
func (c *Client) Endpoint() string { return c.endpoint }
