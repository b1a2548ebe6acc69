package list

import "strings"

// interner keeps one copy of each string it is given and numbers them, so
// that a row names a string many secrets share (a KMS key, a tag, a stage
// label) in a byte or two. Its zero value holds only "", numbered 0.
type interner struct {
	ids  map[string]uint32
	strs []string
}

// id is the number of s, kept from now on.
func (in *interner) id(s string) uint32 {
	if s == "" {
		return 0
	}
	if id, ok := in.ids[s]; ok {
		return id
	}
	if in.ids == nil {
		in.ids, in.strs = map[string]uint32{}, []string{""}
	}
	s = strings.Clone(s)
	id := uint32(len(in.strs))
	in.ids[s] = id
	in.strs = append(in.strs, s)
	return id
}

// str is the string numbered id.
func (in *interner) str(id uint32) string {
	if id == 0 {
		return ""
	}
	return in.strs[id]
}
