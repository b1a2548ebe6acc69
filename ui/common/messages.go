package common

import "github.com/keyhole-tui/keyhole/model"

// OpenSecretMsg asks the root to open a secret's detail.
type OpenSecretMsg struct{ Secret model.Secret }

// BackMsg asks the root to close the current screen.
type BackMsg struct{}

// StatusMsg puts a line in the status bar; Err makes it an error.
type StatusMsg struct {
	Text string
	Err  error
}

// CopyMsg asks the root to put a value on the clipboard. What names it for
// the status bar, such as "password of prod/db"; it never holds the value.
type CopyMsg struct {
	Value model.Value
	What  string
}

// RemaskMsg tells a screen to hide every revealed value now.
type RemaskMsg struct{}

// OpenRotationMsg asks the root to open a secret's rotation view.
type OpenRotationMsg struct{ Secret model.Secret }

// OpenAuditMsg asks the root to open the audit trail of a secret, or of the
// whole account when Secret is nil.
type OpenAuditMsg struct{ Secret *model.Secret }
