package model

import (
	"crypto/rand"
	"encoding/hex"
)

// NewRequestToken makes a random (version 4) UUID to send as a write's
// ClientRequestToken. A caller makes one per submission and keeps it for
// that submission, so retries of the same request reuse it and AWS stores
// at most one version.
func NewRequestToken() string {
	var b [16]byte
	_, _ = rand.Read(b[:]) // crypto/rand.Read never fails
	b[6] = b[6]&0x0f | 0x40
	b[8] = b[8]&0x3f | 0x80
	h := hex.EncodeToString(b[:])
	return h[0:8] + "-" + h[8:12] + "-" + h[12:16] + "-" + h[16:20] + "-" + h[20:32]
}
