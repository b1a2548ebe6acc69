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

// RetryMsg says the SDK is retrying a call. The root shows it in the
// status bar for a few seconds unless an error is shown there.
type RetryMsg struct{ Text string }

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

// OpenCreateMsg asks the root to open the new-secret form.
type OpenCreateMsg struct{}

// OpenEditMsg asks the root to edit a secret's value, in place or in $EDITOR.
type OpenEditMsg struct {
	Secret   model.Secret
	External bool
}

// OpenVersionsMsg asks the root to open a secret's versions.
type OpenVersionsMsg struct{ Secret model.Secret }

// OpenPolicyMsg asks the root to open a secret's resource policy.
type OpenPolicyMsg struct{ Secret model.Secret }

// OpenMetaMsg asks the root to open a secret's description and tags editor.
type OpenMetaMsg struct{ Secret model.Secret }

// ChangedMsg tells every screen that a secret changed, so they reload what
// they show of it. ARN is empty when a secret was created.
type ChangedMsg struct{ ARN string }

// SwitchMsg asks the root to connect to another profile and region.
type SwitchMsg struct{ Profile, Region string }

// AccountMsg tells the root the account the listed secrets belong to, read
// from their ARNs; empty when the list found none to read it from.
type AccountMsg struct{ Account string }
