package main

import (
	"encoding/base64"
	"encoding/json"
	"fmt"
	"io"
	"strings"

	"github.com/keyhole-tui/keyhole/model"
)

// secretValueJSON is get-secret-value's answer, with AWS's field names in
// AWS's order.
type secretValueJSON struct {
	ARN           string   `json:"ARN"`
	Name          string   `json:"Name"`
	VersionID     string   `json:"VersionId"`
	SecretBinary  []byte   `json:"SecretBinary,omitempty"`
	SecretString  *string  `json:"SecretString,omitempty"`
	VersionStages []string `json:"VersionStages"`
	CreatedDate   string   `json:"CreatedDate,omitempty"`
}

// writeValue prints the value v as the flags ask: whole or one key, raw or
// as JSON.
func writeValue(out io.Writer, v model.SecretVersion, f getFlags, terminal bool) error {
	var err error
	switch {
	case f.key != "":
		var leaf model.Field
		if leaf, err = pickKey(v, f.key); err != nil {
			return err
		}
		if f.json {
			err = writeJSON(out, leafJSON(leaf))
		} else {
			err = writeRaw(out, leaf.Value, terminal)
		}
	case f.json:
		err = writeJSON(out, secretValueOf(v))
	default:
		err = writeRaw(out, v.Value, terminal)
	}
	if err != nil {
		return fmt.Errorf("write the value: %w", err)
	}
	return nil
}

// writeRaw prints a value: its exact bytes to a pipe; on a terminal, text
// sanitized and binary as base64, ending with a newline.
func writeRaw(out io.Writer, v model.Value, terminal bool) error {
	if !terminal {
		_, err := out.Write(v.Reveal())
		return err
	}
	text := base64.StdEncoding.EncodeToString(v.Reveal())
	if !v.IsBinary() {
		text = model.SanitizeBlock(string(v.Reveal()))
	}
	if !strings.HasSuffix(text, "\n") {
		text += "\n"
	}
	_, err := io.WriteString(out, text)
	return err
}

// writeJSON prints v as indented, terminal-safe JSON and a newline.
func writeJSON(out io.Writer, v any) error {
	doc, err := marshalJSON(v, "")
	if err != nil {
		return err
	}
	_, err = out.Write(append(doc, '\n'))
	return err
}

// secretValueOf is the get-secret-value JSON of a fetched version.
func secretValueOf(v model.SecretVersion) secretValueJSON {
	out := secretValueJSON{
		ARN:           v.ARN,
		Name:          v.Name,
		VersionID:     v.VersionID,
		VersionStages: v.Stages,
		CreatedDate:   cliTime(v.CreatedDate),
	}
	if out.VersionStages == nil {
		out.VersionStages = []string{}
	}
	if v.Value.IsBinary() {
		out.SecretBinary = v.Value.Reveal()
	} else {
		s := string(v.Value.Reveal())
		out.SecretString = &s
	}
	return out
}

// leafJSON is what a JSON leaf encodes back to: a string, or anything
// else (number, true, false, null, {} or []) as it was written.
func leafJSON(f model.Field) any {
	if f.Quoted {
		return string(f.Value.Reveal())
	}
	return json.RawMessage(f.Value.Reveal())
}

// pickKey finds the leaf of a JSON value at a flattened key path. Its
// errors name keys, never values.
func pickKey(v model.SecretVersion, key string) (model.Field, error) {
	p := v.Value.Parse()
	switch {
	case p.Shape == model.ShapeBinary:
		return model.Field{}, fmt.Errorf("--key %q: the value of %s is binary, not a JSON object", key, v.Name)
	case p.JSONError != nil:
		return model.Field{}, fmt.Errorf("--key %q: the value of %s is %w", key, v.Name, p.JSONError)
	case p.Shape != model.ShapeJSON:
		return model.Field{}, fmt.Errorf("--key %q: the value of %s is not a JSON object", key, v.Name)
	}
	for _, f := range p.Fields {
		if f.Path == key {
			return f, nil
		}
	}
	return model.Field{}, notFoundError(fmt.Errorf("--key %q: the value of %s has no such key; its keys are %s", key, v.Name, model.KeyList(p.Fields)))
}
