// Package emulator is an AWS-compatible Secrets Manager and CloudTrail
// LookupEvents server speaking the awsJson1_1 wire protocol, with STS
// GetCallerIdentity and AssumeRole over awsQuery, Organizations
// ListAccounts and DescribeOrganization, and the Account service's
// ListRegions. It backs keyhole's demo mode and its tests.
package emulator

import (
	"context"
	"io"
	"log/slog"
	"math/rand/v2"
	"strconv"
	"sync"
	"time"

	"github.com/keyhole-tui/keyhole/model"
)

// Options configures a Server.
type Options struct {
	// Clock is the time source; nil means time.Now.
	Clock func() time.Time
	// AccountID is the account the secrets belong to; default "123456789012".
	AccountID string
	// Region is the region of the secrets; default "us-east-1".
	Region string
	// Identities maps SigV4 access key ids to principal ARNs.
	Identities map[string]string
	// RotationStepDelay is the pause between rotation steps; 0 runs every
	// step before RotateSecret returns.
	RotationStepDelay time.Duration
	// Logger receives one line per call; nil discards. Values are never logged.
	Logger *slog.Logger
	// Latency is a fixed delay added to every request, on top of any
	// latency fault, to stand in for a real round trip.
	Latency time.Duration
}

// Server is an in-memory Secrets Manager and CloudTrail; it is an http.Handler.
type Server struct {
	opts   Options
	clock  func() time.Time
	logger *slog.Logger

	mu sync.Mutex
	// account and region are where requests without credentials or a
	// region go, and where seeds load unless they say otherwise.
	account    string
	region     string
	identities map[string]string
	places     map[placeKey]*regionState
	// org is the organisation the default account manages, if any.
	org *organization
	// enabledRegions are the regions enabled in accounts that don't name
	// their own; empty means AWS's default set.
	enabledRegions []string
	// roles are the role names AssumeRole accepts; empty accepts any.
	roles    []string
	rng      *rand.Rand
	faults   []*activeFault
	requests []Request
	seq      uint64
	latency  time.Duration
	// instance tells this server's NextTokens from another's.
	instance string

	ctx    context.Context
	cancel context.CancelFunc
	wg     sync.WaitGroup
}

// Request is one entry of the request log.
type Request struct {
	Time        time.Time
	Operation   string
	SecretID    string
	AccessKeyID string
	// Status is the HTTP status answered, or that would have been answered
	// when the connection was dropped.
	Status int
	// Dropped reports that the connection was closed without an answer.
	Dropped bool
}

// New makes an empty server.
func New(opts Options) *Server {
	if opts.AccountID == "" {
		opts.AccountID = "123456789012"
	}
	if opts.Region == "" {
		opts.Region = "us-east-1"
	}
	clock := opts.Clock
	if clock == nil {
		clock = time.Now
	}
	logger := opts.Logger
	if logger == nil {
		logger = slog.New(slog.NewTextHandler(io.Discard, nil))
	}
	identities := map[string]string{}
	for k, v := range opts.Identities {
		identities[k] = v
	}
	ctx, cancel := context.WithCancel(context.Background())
	seed := uint64(clock().UnixNano())
	return &Server{
		opts:       opts,
		clock:      clock,
		logger:     logger,
		account:    opts.AccountID,
		region:     opts.Region,
		identities: identities,
		places:     map[placeKey]*regionState{},
		rng:        rand.New(rand.NewPCG(seed, seed^0x9e3779b97f4a7c15)),
		latency:    opts.Latency,
		instance:   strconv.FormatUint(rand.Uint64(), 36),
		ctx:        ctx,
		cancel:     cancel,
	}
}

// Close stops background rotation work and waits for it to end.
func (s *Server) Close() {
	s.cancel()
	s.wg.Wait()
}

// SetLatency sets the fixed delay added to every request.
func (s *Server) SetLatency(d time.Duration) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.latency = d
}

// Requests returns a copy of the request log, oldest first.
func (s *Server) Requests() []Request {
	s.mu.Lock()
	defer s.mu.Unlock()
	return append([]Request(nil), s.requests...)
}

// now reads the clock in UTC.
func (s *Server) now() time.Time { return s.clock().UTC().Round(0) }

// identityFor maps an access key id to the caller's identity.
func (s *Server) identityFor(accessKeyID string) identity {
	if accessKeyID == "" {
		accessKeyID = defaultAccessKeyID
	}
	arn, ok := s.identities[accessKeyID]
	if !ok {
		arn = "arn:aws:iam::" + s.account + ":user/keyhole"
	}
	account := model.AccountFromARN(arn)
	if account == "" {
		account = s.account
	}
	return identity{accessKeyID: accessKeyID, arn: arn, accountID: account}
}

// nextID returns a fresh number for request and event ids.
func (s *Server) nextID() uint64 {
	s.seq++
	return s.seq
}
