package model

import (
	"bytes"
	"encoding/base64"
	"encoding/json"
	"strings"
)

// AsJSON is the value as JSON text: a JSON object re-indented in its own key
// order, a string as a JSON string, binary as a base64 JSON string.
func (v Value) AsJSON() Value {
	if v.binary {
		return StringValue(`"` + base64.StdEncoding.EncodeToString(v.data) + `"`)
	}
	if p := v.Parse(); p.Shape == ShapeJSON {
		var out bytes.Buffer
		if json.Indent(&out, bytes.TrimSpace(v.data), "", "  ") == nil {
			return StringValue(out.String())
		}
	}
	quoted, _ := json.Marshal(string(v.data))
	return StringValue(string(quoted))
}

// AsEnv is the value as KEY=value lines for a shell or a .env file: one line
// per flattened JSON key, or one line named after the last part of the
// secret's name for anything else. Values are single-quoted when the shell
// would otherwise change them. It fails, naming keys and never values, as
// EnvVars does: on a name a shell or the loader treats as code, or on two
// keys that become the same name.
func (v Value) AsEnv(secretName string) (Value, error) {
	vars, err := EnvVars(v.envLeaves(secretName), "")
	if err != nil {
		return Value{}, err
	}
	var b strings.Builder
	for _, e := range vars {
		b.WriteString(e.Name + "=" + shellQuote(string(e.Value.data)) + "\n")
	}
	return StringValue(b.String()), nil
}

// envLeaves is what AsEnv names variables after: a JSON object's leaves, or
// the whole value, base64 if binary, under the last part of secretName.
func (v Value) envLeaves(secretName string) []Field {
	if p := v.Parse(); p.Shape == ShapeJSON {
		return p.Fields
	}
	leaf := secretName[strings.LastIndexByte(secretName, '/')+1:]
	if v.binary {
		return []Field{{Path: leaf, Value: StringValue(base64.StdEncoding.EncodeToString(v.data))}}
	}
	return []Field{{Path: leaf, Value: v}}
}

// shellQuote single-quotes s unless it is made only of characters a shell
// leaves alone.
func shellQuote(s string) string {
	safe := s != ""
	for _, r := range s {
		if !(r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r >= '0' && r <= '9' || strings.ContainsRune("_-./:@%+,=", r)) {
			safe = false
			break
		}
	}
	if safe {
		return s
	}
	return "'" + strings.ReplaceAll(s, "'", `'\''`) + "'"
}
