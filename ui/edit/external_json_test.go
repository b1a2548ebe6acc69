package edit

import (
	"testing"

	"github.com/keyhole-tui/keyhole/model"
)

func TestTheEditorGetsOneLineJSONIndentedInItsKeyOrder(t *testing.T) {
	v := model.StringValue(`{"zeta":"z","alpha":{"b":2,"a":1}}`)
	want := "{\n  \"zeta\": \"z\",\n  \"alpha\": {\n    \"b\": 2,\n    \"a\": 1\n  }\n}"
	if got := string(editorText(v)); got != want {
		t.Fatalf("editor text:\n%s\nwant:\n%s", got, want)
	}
	laidOut := model.StringValue("{\n\"a\": 1\n}\n")
	if got := string(editorText(laidOut)); got != "{\n\"a\": 1\n}\n" {
		t.Fatalf("JSON already on several lines was re-laid out: %q", got)
	}
}

func TestJSONEditedFromOneLineGoesBackOnOneLine(t *testing.T) {
	base := model.StringValue(`{"zeta":"z","alpha":1}`)
	edited := "{\n  \"zeta\": \"new\",\n  \"alpha\": 1\n}\n"
	got, err := editedValue(base, []byte(edited))
	if err != nil || string(got.Reveal()) != `{"zeta":"new","alpha":1}` {
		t.Fatalf("got %q, %v", got.Reveal(), err)
	}
	spaced := model.StringValue(`{"zeta": "z", "alpha": 1}`)
	same, err := editedValue(spaced, editorText(spaced))
	if err != nil || !same.Equal(spaced) {
		t.Fatalf("an unchanged value came back as %q, %v", same.Reveal(), err)
	}
}

func TestJSONOnSeveralLinesComesBackAsTyped(t *testing.T) {
	base := model.StringValue("{\n  \"a\": 1\n}")
	got, err := editedValue(base, []byte("{\n  \"a\": 2\n}\n"))
	if err != nil || string(got.Reveal()) != "{\n  \"a\": 2\n}" {
		t.Fatalf("got %q, %v", got.Reveal(), err)
	}
	broken, err := editedValue(model.StringValue(`{"a":1}`), []byte("{\n  \"a\": \n"))
	if err != nil || string(broken.Reveal()) != "{\n  \"a\": " {
		t.Fatalf("text that is no longer JSON: %q, %v", broken.Reveal(), err)
	}
}
