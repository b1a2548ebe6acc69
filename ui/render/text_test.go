package render

import (
	"testing"

	"github.com/charmbracelet/x/ansi"
)

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

func TestFitPathKeepsTheLastElement(t *testing.T) {
	for _, tt := range []struct {
		name      string
		width     int
		dir, leaf string
	}{
		{"dev/payments/svc-037/postgres-002790", 40, "dev/payments/svc-037/", "postgres-002790    "},
		{"dev/payments/svc-037/postgres-002790", 28, "dev…/svc-037/", "postgres-002790"},
		{"dev/payments/svc-037/postgres-002790", 22, "dev/…/", "postgres-002790 "},
		{"dev/payments/svc-037/postgres-002790", 30, "dev/…/svc-037/", "postgres-002790 "},
		{"staging/payments/svc-01/db", 18, "staging…/svc-01/", "db"},
		{"staging/payments/svc-02/db", 18, "staging…/svc-02/", "db"},
		{"staging/identity/oauth-client", 18, "stag…/", "oauth-client"},
		{"staging/payments/svc-02/db", 19, "staging/…/svc-02/", "db"},
		{"dev/ml/notebook-aws-credentials", 20, "", "dev/ml/not…edentials"},
		{"legacy-db-password-of-the-monolith", 20, "", "legacy-db-…-monolith"},
		{"prod/db", 0, "", ""},
	} {
		dir, leaf := FitPath(tt.name, tt.width, "…")
		if dir != tt.dir || leaf != tt.leaf {
			t.Errorf("FitPath(%q, %d) = %q, %q; want %q, %q", tt.name, tt.width, dir, leaf, tt.dir, tt.leaf)
		}
	}
}

// TestFitPathFillsTheWidth checks that a fitted name is exactly its width
// for every width, so the columns after it stay in line.
func TestFitPathFillsTheWidth(t *testing.T) {
	for _, name := range []string{"dev/payments/svc-037/postgres-002790", "a/b/c/d/e/f", "名前/秘密/値", "x"} {
		for width := 1; width < 45; width++ {
			for _, tail := range []string{"…", "~"} {
				dir, leaf := FitPath(name, width, tail)
				if got := ansi.StringWidth(dir + leaf); got != width {
					t.Errorf("FitPath(%q, %d, %q) = %q is %d wide", name, width, tail, dir+leaf, got)
				}
			}
		}
	}
}
