package edit

import (
	"strings"
	"testing"

	"github.com/keyhole-tui/keyhole/model"
)

func TestEditedValueDropsTheNewlineEditorsAdd(t *testing.T) {
	tests := []struct {
		base, edited, want string
	}{
		{"secret", "secret\n", "secret"},
		{"secret", "secret\r\n", "secret"},
		{"secret", "secret\n\n", "secret\n"},
		{"line\n", "line\n", "line\n"},
		{"a", "b", "b"},
	}
	for _, tt := range tests {
		got, err := editedValue(model.StringValue(tt.base), []byte(tt.edited))
		if err != nil || string(got.Reveal()) != tt.want || got.IsBinary() {
			t.Errorf("editedValue(%q, %q) = %q, %v; want %q", tt.base, tt.edited, got.Reveal(), err, tt.want)
		}
	}
}

func TestEditorTextRoundTripsBinaryAsBase64(t *testing.T) {
	data := make([]byte, 200)
	for i := range data {
		data[i] = byte(i)
	}
	v := model.BinaryValue(data)
	text := editorText(v)
	for _, line := range strings.Split(strings.TrimSpace(string(text)), "\n") {
		if len(line) > 76 {
			t.Fatalf("line of %d characters", len(line))
		}
	}
	back, err := editedValue(v, text)
	if err != nil || !back.Equal(v) {
		t.Fatalf("round trip: %v", err)
	}
	if _, err := editedValue(v, []byte("not base64 secret!")); err == nil || strings.Contains(err.Error(), "secret") {
		t.Fatalf("bad base64: %v", err)
	}
}

func TestEditorFileNameFollowsTheShape(t *testing.T) {
	for v, want := range map[*model.Value]string{
		ptr(model.StringValue(`{"a":1}`)):    "value.json",
		ptr(model.StringValue("text")):       "value.txt",
		ptr(model.BinaryValue([]byte{0, 1})): "value.b64",
	} {
		if got := editorFileName(*v); got != want {
			t.Errorf("editorFileName = %s, want %s", got, want)
		}
	}
}

func ptr(v model.Value) *model.Value { return &v }
