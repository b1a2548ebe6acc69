package model

import (
	"fmt"
	"unicode/utf8"
)

// MaxNameLength is the longest secret name Secrets Manager accepts.
const MaxNameLength = 512

// nameSuffixLength is the length of the random suffix AWS appends to a
// secret's name in its ARN.
const nameSuffixLength = 6

// ValidateName checks a new secret's name as Secrets Manager does: 1 to 512
// characters, each an ASCII letter or digit or one of / _ + = . @ -. The
// error names the first character that is not allowed, escaped so it can be
// drawn, and its position counted in characters from 1.
func ValidateName(name string) error {
	if name == "" {
		return fmt.Errorf("enter a name: 1 to %d characters", MaxNameLength)
	}
	pos := 0
	for i, r := range name {
		pos++
		if nameRune(r) {
			continue
		}
		bad := string(r)
		if _, size := utf8.DecodeRuneInString(name[i:]); r == utf8.RuneError && size == 1 {
			bad = name[i : i+1]
		}
		return fmt.Errorf("name has '%s' at position %d: use letters, digits and / _ + = . @ -", Sanitize(bad), pos)
	}
	if pos > MaxNameLength {
		return fmt.Errorf("name is %d characters long: at most %d", pos, MaxNameLength)
	}
	return nil
}

// nameRune reports whether r may appear in a secret name.
func nameRune(r rune) bool {
	switch {
	case r >= 'a' && r <= 'z', r >= 'A' && r <= 'Z', r >= '0' && r <= '9':
		return true
	}
	switch r {
	case '/', '_', '+', '=', '.', '@', '-':
		return true
	}
	return false
}

// NameWarning returns advice about a valid name that AWS accepts but
// recommends against, or "" when there is none: a name ending in a hyphen
// and six characters looks like an ARN's random suffix, so a partial ARN
// can match the wrong secret.
func NameWarning(name string) string {
	n := len(name)
	if n > nameSuffixLength+1 && name[n-nameSuffixLength-1] == '-' {
		return "names ending in a hyphen and six characters can be mistaken for an ARN suffix"
	}
	return ""
}
