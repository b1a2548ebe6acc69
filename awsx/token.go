package awsx

import (
	"crypto/rand"
	"encoding/hex"
)

// newRequestToken makes a random (version 4) UUID for a ClientRequestToken,
// so the SDK's retries of a write are idempotent.
func newRequestToken() string {
	var b [16]byte
	_, _ = rand.Read(b[:]) // crypto/rand.Read never fails
	b[6] = b[6]&0x0f | 0x40
	b[8] = b[8]&0x3f | 0x80
	h := hex.EncodeToString(b[:])
	return h[0:8] + "-" + h[8:12] + "-" + h[12:16] + "-" + h[16:20] + "-" + h[20:32]
}

// requestToken is the caller's token, or a new one when it gave none.
func requestToken(given string) string {
	if given != "" {
		return given
	}
	return newRequestToken()
}
