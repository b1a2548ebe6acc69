package render

import "testing"

func TestKeepEndCutsFromTheStart(t *testing.T) {
	arn := "arn:aws:lambda:us-east-1:123456789012:function:rotate-db"
	for _, tt := range []struct {
		width int
		want  string
	}{
		{80, arn},
		{len(arn), arn},
		{20, "…:function:rotate-db"},
		{10, "…rotate-db"},
		{1, "…"},
		{0, ""},
		{-5, ""},
	} {
		if got := KeepEnd(arn, tt.width, "…"); got != tt.want {
			t.Errorf("width %d: %q, want %q", tt.width, got, tt.want)
		}
	}
}
