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
// per flattened JSON key, or one line named after the secret for anything
// else. Values are single-quoted when the shell would otherwise change them.
func (v Value) AsEnv(secretName string) Value {
	var b strings.Builder
	p := v.Parse()
	if p.Shape != ShapeJSON {
		leaf := secretName[strings.LastIndexByte(secretName, '/')+1:]
		text := string(v.data)
		if v.binary {
			text = base64.StdEncoding.EncodeToString(v.data)
		}
		b.WriteString(EnvName(leaf) + "=" + shellQuote(text) + "\n")
		return StringValue(b.String())
	}
	for _, f := range p.Fields {
		b.WriteString(EnvName(f.Path) + "=" + shellQuote(string(f.Value.data)) + "\n")
	}
	return StringValue(b.String())
}

// EnvName turns a key path into an environment variable name:
// "db.host" → "DB_HOST", "api-key" → "API_KEY".
func EnvName(path string) string {
	var b strings.Builder
	for _, r := range path {
		switch {
		case r >= 'a' && r <= 'z':
			b.WriteRune(r - 'a' + 'A')
		case r >= 'A' && r <= 'Z', r >= '0' && r <= '9':
			b.WriteRune(r)
		default:
			b.WriteByte('_')
		}
	}
	name := strings.Trim(b.String(), "_")
	if name == "" || name[0] >= '0' && name[0] <= '9' {
		name = "_" + name
	}
	return name
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
