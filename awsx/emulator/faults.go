package emulator

import "time"

// FaultKind is what a fault does to the calls it matches.
type FaultKind int

// The kinds of fault the emulator can inject.
const (
	// FaultError answers with the error named by Fault.ErrorCode.
	FaultError FaultKind = iota + 1
	// FaultThrottle answers ThrottlingException "Rate exceeded".
	FaultThrottle
	// FaultLatency delays the call by Fault.Latency, then serves it.
	FaultLatency
	// FaultDropConnection closes the connection before handling the call.
	FaultDropConnection
	// FaultDropResponse handles the call, then closes the connection
	// without answering.
	FaultDropResponse
)

// Fault makes matching calls misbehave, for tests.
type Fault struct {
	Kind FaultKind
	// Operation is the operation name ("GetSecretValue", "LookupEvents",
	// "AssumeRole", "ListAccounts"; see Operations); empty matches every
	// operation.
	Operation string
	// SecretID matches calls about this secret, by name or ARN; empty
	// matches every call.
	SecretID string
	// ErrorCode is the error FaultError answers: AccessDeniedException,
	// DecryptionFailure, InternalServiceError, ExpiredTokenException,
	// UnrecognizedClientException or ThrottlingException. STS answers
	// them under its own names (ExpiredToken, InvalidClientTokenId…).
	ErrorCode string
	// Latency is the delay FaultLatency adds.
	Latency time.Duration
	// Count limits the fault to the next Count matching calls; 0 means always.
	Count int
	// LaterPages limits the fault to calls that carry a NextToken: the
	// second and later pages of a listing.
	LaterPages bool
}

// activeFault is an added fault with its remaining uses.
type activeFault struct {
	Fault
	remaining int
}

// AddFault starts injecting f.
func (s *Server) AddFault(f Fault) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.faults = append(s.faults, &activeFault{Fault: f, remaining: f.Count})
}

// ClearFaults stops injecting every fault.
func (s *Server) ClearFaults() {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.faults = nil
}

// matchFaults returns the latency to add and the first non-latency fault
// that matches the call, using up one of each matching fault's uses.
// secretIDs are the names the call's secret goes by; laterPage says the
// call carries a NextToken. The caller holds s.mu.
func (s *Server) matchFaults(op string, secretIDs []string, laterPage bool) (time.Duration, *Fault) {
	var delay time.Duration
	var hit *Fault
	kept := s.faults[:0]
	for _, f := range s.faults {
		matches := (f.Operation == "" || f.Operation == op) && matchesSecret(f.SecretID, secretIDs) &&
			(laterPage || !f.LaterPages)
		if matches && (f.Kind == FaultLatency || hit == nil) {
			if f.Kind == FaultLatency {
				delay += f.Latency
			} else {
				fault := f.Fault
				hit = &fault
			}
			if f.Count > 0 {
				f.remaining--
				if f.remaining == 0 {
					continue
				}
			}
		}
		kept = append(kept, f)
	}
	s.faults = kept
	return delay, hit
}

// secretFault returns the error a fault aimed at one secret forces on a
// read of it inside BatchGetSecretValue, using up one of the fault's uses.
// The caller holds s.mu.
func (s *Server) secretFault(secretIDs []string) *Fault {
	for i, f := range s.faults {
		aimed := f.SecretID != "" && (f.Kind == FaultError || f.Kind == FaultThrottle) &&
			(f.Operation == "" || f.Operation == "BatchGetSecretValue" || f.Operation == "GetSecretValue")
		if !aimed || !matchesSecret(f.SecretID, secretIDs) {
			continue
		}
		fault := f.Fault
		if f.Count > 0 {
			if f.remaining--; f.remaining == 0 {
				s.faults = append(s.faults[:i], s.faults[i+1:]...)
			}
		}
		return &fault
	}
	return nil
}

func matchesSecret(want string, ids []string) bool {
	if want == "" {
		return true
	}
	for _, id := range ids {
		if id != "" && id == want {
			return true
		}
	}
	return false
}
