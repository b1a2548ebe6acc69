package ui_test

import "testing"

// TestGoldenListSortedByCreated shows the column the list is sorted by, in
// the place of one it has no room for, marked in its title.
func TestGoldenListSortedByCreated(t *testing.T) {
	h := start(t, 80, 24)
	settled(t, h.Driver)
	h.Press("s", "s", "s")
	h.WaitForText("sorted by created")
	golden(t, "list-sorted-created-80x24", settled(t, h.Driver))
}

// TestGoldenListFuzzyMatchesAfterASeparator shows the secrets a filter
// word is in first, and those with only its letters in the name, in order,
// below a line that says so.
func TestGoldenListFuzzyMatchesAfterASeparator(t *testing.T) {
	h := start(t, 80, 24)
	settled(t, h.Driver)
	h.Press("/")
	h.Type("pos")
	h.WaitForText("fuzzy match")
	golden(t, "list-fuzzy-80x24", settled(t, h.Driver))
}
