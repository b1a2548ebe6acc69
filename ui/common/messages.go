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
