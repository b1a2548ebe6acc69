package emulator

import "testing"

// TestOperationsAreServed keeps the list that fault specs are checked
// against in step with the operations the server answers.
func TestOperationsAreServed(t *testing.T) {
	s := New(Options{})
	defer s.Close()
	for _, op := range Operations() {
		switch op {
		case "LookupEvents", "GetCallerIdentity":
			continue
		}
		if _, ok := s.handler(op); !ok {
			t.Errorf("Operations lists %s, which the server does not serve", op)
		}
	}
}
