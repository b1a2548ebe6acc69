package common

import (
	tea "charm.land/bubbletea/v2"
	"github.com/keyhole-tui/keyhole/model"
)

// Screen names a screen the root can open on top of the stack.
type Screen int

// The screens the root opens by OpenMsg; the list is always at the bottom.
const (
	ScreenDetail Screen = iota + 1
	ScreenRotation
	// ScreenAudit is a secret's audit trail, or the account's when the
	// OpenMsg has no secret.
	ScreenAudit
	ScreenCreate
	ScreenEdit
	// ScreenEditInEditor edits the value in $EDITOR.
	ScreenEditInEditor
	ScreenVersions
	ScreenPolicy
	ScreenMeta
	ScreenSwitcher
	// ScreenHygiene is the hygiene findings of the secrets the list loaded.
	ScreenHygiene
	// ScreenTargets is a fleet's accounts and regions and how each listed.
	ScreenTargets
	// ScreenCompare is the masked diff of the OpenMsg's Secret and With.
	ScreenCompare
)

// OpenMsg asks the root to open a screen, about Secret where it is about one.
type OpenMsg struct {
	Screen Screen
	Secret *model.Secret
	// With is the second secret of a screen about two.
	With *model.Secret
}

// Open is the command that opens screen about s (nil for none).
func Open(screen Screen, s *model.Secret) tea.Cmd {
	return Send(OpenMsg{Screen: screen, Secret: s})
}

// BackMsg asks the root to close the current screen.
type BackMsg struct{}

// Back is the command, and a screen's back action, that closes the current
// screen.
func Back() tea.Cmd { return Send(BackMsg{}) }

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

// ChangedMsg tells every screen that a secret changed, so they reload what
// they show of it, or that a secret was created: the list adds and selects
// one it does not hold.
type ChangedMsg struct{ ARN string }

// SwitchMsg asks the root to connect to another profile and region.
type SwitchMsg struct{ Profile, Region string }

// AccountMsg tells the root the account the listed secrets belong to, read
// from their ARNs; empty when the list found none to read it from.
type AccountMsg struct{ Account string }
