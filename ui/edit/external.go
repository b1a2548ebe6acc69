package edit

import (
	"bytes"
	"encoding/base64"
	"fmt"
	"os"

	tea "charm.land/bubbletea/v2"
	"github.com/keyhole-tui/keyhole/model"
)

// editorText is what the editor is given for a value: text as it is, a
// binary value as base64 in lines of 76 characters.
func editorText(v model.Value) []byte {
	if !v.IsBinary() {
		return v.Reveal()
	}
	enc := base64.StdEncoding.EncodeToString(v.Reveal())
	var b bytes.Buffer
	for len(enc) > 76 {
		b.WriteString(enc[:76] + "\n")
		enc = enc[76:]
	}
	b.WriteString(enc + "\n")
	return b.Bytes()
}

// editorFileName gives the file an extension editors recognize.
func editorFileName(v model.Value) string {
	switch v.Parse().Shape {
	case model.ShapeBinary:
		return "value.b64"
	case model.ShapeJSON:
		return "value.json"
	}
	return "value.txt"
}

// editedValue turns what the editor left into a value of the same kind as
// base. Base64 is decoded for a binary value, spaces and line breaks
// ignored. Editors end the last line with a newline: when base had no
// final newline, the one the editor added is dropped. Errors never quote
// the text.
func editedValue(base model.Value, edited []byte) (model.Value, error) {
	if base.IsBinary() {
		compact := bytes.Join(bytes.Fields(edited), nil)
		data, err := base64.StdEncoding.DecodeString(string(compact))
		if err != nil {
			return model.Value{}, fmt.Errorf("the edited text is not valid base64: %w", err)
		}
		return model.BinaryValue(data), nil
	}
	if !bytes.HasSuffix(base.Reveal(), []byte("\n")) {
		switch {
		case bytes.HasSuffix(edited, []byte("\r\n")):
			edited = edited[:len(edited)-2]
		case bytes.HasSuffix(edited, []byte("\n")):
			edited = edited[:len(edited)-1]
		}
	}
	return model.StringValue(string(edited)), nil
}

// editorCmd hands the terminal to the editor on text; the answer is an
// editorDoneMsg for run gen. The session reads $VISUAL and $EDITOR.
func editorCmd(gen int, name string, text []byte) tea.Cmd {
	s := &editorSession{getenv: os.Getenv, name: name, content: text}
	return tea.Exec(s, func(err error) tea.Msg {
		return editorDoneMsg{gen: gen, edited: s.edited, terminated: s.terminated != nil, err: err}
	})
}
