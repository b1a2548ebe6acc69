package detail

import (
	"github.com/keyhole-tui/keyhole/model"
)

// copyFormat is one way to put a secret on the clipboard.
type copyFormat int

const (
	copyRaw copyFormat = iota
	copyJSON
	copyEnv
	copyARN
	copyName
	copyFormats
)

func (f copyFormat) String() string {
	switch f {
	case copyJSON:
		return "whole value as JSON"
	case copyEnv:
		return "KEY=value lines"
	case copyARN:
		return "ARN"
	case copyName:
		return "name"
	}
	return "raw (selected field)"
}

// needsValue reports whether the format copies the secret's value.
func (f copyFormat) needsValue() bool { return f <= copyEnv }

// picker is the copy-format menu.
type picker struct {
	open   bool
	cursor copyFormat
}

// copyText builds what a format puts on the clipboard. field is the selected
// field, used by copyRaw. It fails when the value cannot be written safely in
// that format, such as a key that would become PROMPT_COMMAND; the error
// names keys, never the value.
func copyText(f copyFormat, s model.Secret, v model.Value, field model.Value) (model.Value, error) {
	switch f {
	case copyJSON:
		return v.AsJSON(), nil
	case copyEnv:
		return v.AsEnv(s.Name)
	case copyARN:
		return model.StringValue(s.ARN), nil
	case copyName:
		return model.StringValue(s.Name), nil
	}
	return field, nil
}
