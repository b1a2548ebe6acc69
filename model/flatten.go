package model

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"strconv"
)

// errJSONDepth stops flattening of absurdly nested documents.
var errJSONDepth = errors.New("JSON nested too deeply")

// maxJSONDepth bounds recursion while flattening.
const maxJSONDepth = 64

// flattenJSON turns a JSON object into its leaves in document order. Errors
// name a byte offset, never the text, so they cannot leak the value.
func flattenJSON(data []byte) ([]Field, error) {
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.UseNumber()
	f := flattener{dec: dec}
	if err := f.value("", 0); err != nil {
		return nil, f.wrap(err)
	}
	if _, err := dec.Token(); err != io.EOF {
		return nil, fmt.Errorf("not valid JSON: extra data after the object (byte %d)", dec.InputOffset())
	}
	return f.fields, nil
}

type flattener struct {
	dec    *json.Decoder
	fields []Field
}

func (f *flattener) wrap(err error) error {
	if errors.Is(err, errJSONDepth) {
		return fmt.Errorf("not valid JSON: %w", err)
	}
	return fmt.Errorf("not valid JSON (byte %d)", f.dec.InputOffset())
}

func (f *flattener) value(path string, depth int) error {
	if depth > maxJSONDepth {
		return errJSONDepth
	}
	tok, err := f.dec.Token()
	if err != nil {
		return err
	}
	switch t := tok.(type) {
	case json.Delim:
		switch t {
		case '{':
			return f.object(path, depth)
		case '[':
			return f.array(path, depth)
		}
		return errors.New("unexpected delimiter")
	case string:
		f.leaf(path, t, true)
	case json.Number:
		f.leaf(path, t.String(), false)
	case bool:
		f.leaf(path, strconv.FormatBool(t), false)
	case nil:
		f.leaf(path, "null", false)
	}
	return nil
}

func (f *flattener) object(path string, depth int) error {
	n := 0
	for f.dec.More() {
		tok, err := f.dec.Token()
		if err != nil {
			return err
		}
		key, _ := tok.(string)
		if err := f.value(join(path, key), depth+1); err != nil {
			return err
		}
		n++
	}
	if _, err := f.dec.Token(); err != nil {
		return err
	}
	if n == 0 && depth > 0 {
		f.leaf(path, "{}", false)
	}
	return nil
}

func (f *flattener) array(path string, depth int) error {
	n := 0
	for f.dec.More() {
		if err := f.value(path+"["+strconv.Itoa(n)+"]", depth+1); err != nil {
			return err
		}
		n++
	}
	if _, err := f.dec.Token(); err != nil {
		return err
	}
	if n == 0 {
		f.leaf(path, "[]", false)
	}
	return nil
}

func (f *flattener) leaf(path, text string, quoted bool) {
	f.fields = append(f.fields, Field{Path: path, Value: StringValue(text), Quoted: quoted})
}

func join(path, key string) string {
	if path == "" {
		return key
	}
	return path + "." + key
}
