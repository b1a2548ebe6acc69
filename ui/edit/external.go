package edit

import (
	"bytes"
	"encoding/base64"
	"encoding/json"
	"fmt"
	"os"

	tea "charm.land/bubbletea/v2"
	"github.com/keyhole-tui/keyhole/model"
)

// editorText is what the editor is given for a value: a JSON object on one
// line indented, one key a line in its own order; other text as it is; a
// binary value as base64 in lines of 76 characters.
func editorText(v model.Value) []byte {
	if oneLineJSON(v) {
		return v.AsJSON().Reveal()
	}
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

// oneLineJSON reports whether v is a JSON object written on one line, as
// AWS consoles and SDKs write them: the editor gets it indented, and it is
// written back on one line.
func oneLineJSON(v model.Value) bool {
	return v.Parse().Shape == model.ShapeJSON && !bytes.ContainsAny(bytes.TrimSpace(v.Reveal()), "\r\n")
}

// editedValue turns what the editor left into a value of the same kind as
// base. Base64 is decoded for a binary value, spaces and line breaks
// ignored. JSON edited from a one-line object goes back on one line, and
// is base itself when only the layout changed. Editors end the last line
// with a newline: when base had no final newline, the one the editor added
// is dropped. Errors never quote the text.
func editedValue(base model.Value, edited []byte) (model.Value, error) {
	if oneLine, ok := compactJSON(edited); ok && oneLineJSON(base) {
		if was, _ := compactJSON(base.Reveal()); bytes.Equal(was, oneLine) {
			return base, nil
		}
		return model.StringValue(string(oneLine)), nil
	}
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

// compactJSON is text, when it is a JSON object, without the spaces and
// line breaks between its tokens; keys keep their order.
func compactJSON(text []byte) ([]byte, bool) {
	text = bytes.TrimSpace(text)
	if len(text) == 0 || text[0] != '{' {
		return nil, false
	}
	var out bytes.Buffer
	if json.Compact(&out, text) != nil {
		return nil, false
	}
	return out.Bytes(), true
}

// editorCmd hands the terminal to the editor on text; the answer is an
// editorDoneMsg. The session reads $VISUAL and $EDITOR.
func editorCmd(name string, text []byte) tea.Cmd {
	s := &editorSession{getenv: os.Getenv, name: name, content: text}
	return tea.Exec(s, func(err error) tea.Msg {
		return editorDoneMsg{edited: s.edited, terminated: s.terminated != nil, err: err}
	})
}

// startEditor hands the terminal to $EDITOR on text. Only one editor runs
// at a time: the program waits for it.
func (p *Page) startEditor(text []byte) tea.Cmd {
	p.phase, p.err = phaseEditor, ""
	return editorCmd(editorFileName(p.base.Value), text)
}

// editorDone takes what the editor left and asks to save it.
func (p *Page) editorDone(msg editorDoneMsg) tea.Cmd {
	p.phase = phaseEditing
	if msg.terminated {
		return tea.Quit
	}
	if msg.err != nil {
		p.err = "nothing saved: " + model.Sanitize(msg.err.Error())
		return nil
	}
	v, err := editedValue(p.base.Value, msg.edited)
	if err != nil {
		p.editedText = msg.edited
		p.err = "nothing saved: " + model.Sanitize(err.Error())
		return nil
	}
	p.edited, p.editedText = &v, msg.edited
	p.conflicts, p.wholeConflict = nil, false
	return p.askSave()
}

// reopenEditor opens the editor again on the user's last text, or on the
// value being edited.
func (p *Page) reopenEditor() tea.Cmd {
	if p.editedText != nil {
		return p.startEditor(p.editedText)
	}
	v, _, err := p.newValue()
	if err != nil || (p.shape == model.ShapeBinary && !p.external) {
		v = p.build
	}
	if p.edited == nil && len(p.rows) == 0 {
		v = p.build
	}
	p.external = true
	return p.startEditor(editorText(v))
}
