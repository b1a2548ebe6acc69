package emulator

import "testing"

// TestOperationsAreServed keeps the list that fault specs are checked
// against in step with the operations the server answers.
func TestOperationsAreServed(t *testing.T) {
	s := New(Options{})
	defer s.Close()
	for _, op := range Operations() {
		switch op {
		case "LookupEvents", "GetCallerIdentity", "AssumeRole":
			continue
		}
		_, sm := s.handler(op)
		_, org := s.accountsHandler(serviceOrganizations, op)
		_, account := s.accountsHandler(serviceAccount, op)
		if !sm && !org && !account {
			t.Errorf("Operations lists %s, which the server does not serve", op)
		}
	}
}
