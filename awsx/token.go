package awsx

import "github.com/keyhole-tui/keyhole/model"

// requestToken is the caller's token, or a new one when it gave none.
func requestToken(given string) string {
	if given != "" {
		return given
	}
	return model.NewRequestToken()
}
