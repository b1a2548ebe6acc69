package emulator

import (
	"crypto/rand"
	"math/big"
	"strings"
)

// Character classes GetRandomPassword draws from.
const (
	lowercaseChars   = "abcdefghijklmnopqrstuvwxyz"
	uppercaseChars   = "ABCDEFGHIJKLMNOPQRSTUVWXYZ"
	digitChars       = "0123456789"
	punctuationChars = "!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~"
)

type passwordInput struct {
	PasswordLength          *int
	ExcludeCharacters       string
	ExcludeNumbers          bool
	ExcludePunctuation      bool
	ExcludeUppercase        bool
	ExcludeLowercase        bool
	IncludeSpace            bool
	RequireEachIncludedType *bool
}

func (s *Server) getRandomPassword(c *call) (any, *apiError) {
	var in passwordInput
	if err := c.decode(&in); err != nil {
		return nil, err
	}
	pw, err := generatePassword(in)
	if err != nil {
		return nil, err
	}
	return struct {
		RandomPassword string `json:"RandomPassword"`
	}{pw}, nil
}

// generatePassword draws a password from crypto/rand as GetRandomPassword does.
func generatePassword(in passwordInput) (string, *apiError) {
	length := 32
	if in.PasswordLength != nil {
		length = *in.PasswordLength
	}
	if length < 1 || length > 4096 {
		return "", errValidation(length, "passwordLength", "Member must have value between 1 and 4096")
	}
	keep := func(set string) string {
		return strings.Map(func(r rune) rune {
			if strings.ContainsRune(in.ExcludeCharacters, r) {
				return -1
			}
			return r
		}, set)
	}
	var classes []string
	add := func(excluded bool, set string) {
		if set = keep(set); !excluded && set != "" {
			classes = append(classes, set)
		}
	}
	add(in.ExcludeLowercase, lowercaseChars)
	add(in.ExcludeUppercase, uppercaseChars)
	add(in.ExcludeNumbers, digitChars)
	add(in.ExcludePunctuation, punctuationChars)
	add(!in.IncludeSpace, " ")
	if len(classes) == 0 {
		return "", errInvalidParameter("Password length is too short based on the required types.")
	}
	requireEach := in.RequireEachIncludedType == nil || *in.RequireEachIncludedType
	if requireEach && length < len(classes) {
		return "", errInvalidParameter("Password length is too short based on the required types.")
	}
	all := strings.Join(classes, "")
	out := make([]byte, length)
	for i := range out {
		out[i] = all[randomIndex(len(all))]
	}
	if requireEach {
		// Put one character of each class at distinct random places.
		places := randomPermutation(length)
		for i, set := range classes {
			out[places[i]] = set[randomIndex(len(set))]
		}
	}
	return string(out), nil
}

func randomIndex(n int) int {
	v, err := rand.Int(rand.Reader, big.NewInt(int64(n)))
	if err != nil {
		panic("crypto/rand failed")
	}
	return int(v.Int64())
}

func randomPermutation(n int) []int {
	p := make([]int, n)
	for i := range p {
		p[i] = i
	}
	for i := n - 1; i > 0; i-- {
		j := randomIndex(i + 1)
		p[i], p[j] = p[j], p[i]
	}
	return p
}
