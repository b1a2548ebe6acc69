package awsx_test

import (
	"fmt"
	"math"
	"regexp"
	"slices"
	"strings"
	"time"

	"maps"
)

// secretARNSuffix is the random "-XXXXXX" AWS appends to a secret's ARN.
var secretARNSuffix = regexp.MustCompile(`^(arn:aws:secretsmanager:[^:]+:[0-9]{12}:secret:.+)-[A-Za-z0-9]{6}$`)

// timestampFields are the answer fields that hold epoch seconds.
var timestampFields = []string{
	"CreatedDate", "LastChangedDate", "LastAccessedDate", "LastRotatedDate",
	"NextRotationDate", "DeletedDate", "DeletionDate",
}

// normaliser rewrites one backend's answers so that values each backend
// picks for itself compare equal: ARN suffixes, version ids (named v1, v2…
// in the order the answers first give them), timestamps (as days from now)
// and paging tokens.
type normaliser struct {
	versions map[string]string
	now      time.Time
}

func newNormaliser() *normaliser {
	return &normaliser{versions: map[string]string{}, now: time.Now()}
}

// normalise returns a rewritten copy of an answer.
func (n *normaliser) normalise(v any) any {
	n.register(v)
	return n.rewrite("", v)
}

// register names every VersionId the answer gives, in a fixed order.
func (n *normaliser) register(v any) {
	switch v := v.(type) {
	case map[string]any:
		for _, k := range slices.Sorted(maps.Keys(v)) {
			if id, ok := v[k].(string); ok && k == "VersionId" && n.versions[id] == "" {
				n.versions[id] = fmt.Sprintf("v%d", len(n.versions)+1)
			}
			n.register(v[k])
		}
	case []any:
		for _, e := range v {
			n.register(e)
		}
	}
}

// rewrite normalises v, found under key.
func (n *normaliser) rewrite(key string, v any) any {
	switch v := v.(type) {
	case map[string]any:
		out := make(map[string]any, len(v))
		for k, e := range v {
			if strings.HasSuffix(k, "ToStages") {
				out[k] = n.renameVersions(e)
				continue
			}
			out[k] = n.rewrite(k, e)
		}
		return out
	case []any:
		out := make([]any, len(v))
		for i, e := range v {
			out[i] = n.rewrite(key, e)
		}
		return out
	case float64:
		if slices.Contains(timestampFields, key) {
			return n.when(v)
		}
	case string:
		switch {
		case key == "NextToken" && v != "":
			return "<token>"
		case n.versions[v] != "":
			return n.versions[v]
		}
		return secretARNSuffix.ReplaceAllString(v, "$1-XXXXXX")
	}
	return v
}

// renameVersions renames the version id keys of a version-to-stages map.
func (n *normaliser) renameVersions(v any) any {
	m, ok := v.(map[string]any)
	if !ok {
		return v
	}
	out := make(map[string]any, len(m))
	for id, stages := range m {
		name := n.versions[id]
		if name == "" {
			name = "unknown version " + id
		}
		out[name] = stages
	}
	return out
}

// when names an epoch time by whole days from now; anything within a day
// and a half is "now" (AWS truncates LastAccessedDate to midnight).
func (n *normaliser) when(seconds float64) string {
	sec, frac := math.Modf(seconds)
	d := time.Unix(int64(sec), int64(frac*1e9)).Sub(n.now)
	if d.Abs() < 36*time.Hour {
		return "now"
	}
	return fmt.Sprintf("now%+dd", int(math.Round(d.Hours()/24)))
}

// field is v[key] when v is a JSON object.
func field(v any, key string) any {
	m, _ := v.(map[string]any)
	return m[key]
}

// list is v when it is a JSON array.
func list(v any) []any {
	l, _ := v.([]any)
	return l
}

// collect gathers the values at path ("A.*.B": field B of every item of
// list A).
func collect(v any, path string) []any {
	if path == "" {
		return []any{v}
	}
	head, rest, _ := strings.Cut(path, ".")
	if head == "*" {
		var out []any
		for _, e := range list(v) {
			out = append(out, collect(e, rest)...)
		}
		return out
	}
	m, ok := v.(map[string]any)
	if !ok {
		return nil
	}
	e, ok := m[head]
	if !ok {
		return nil
	}
	return collect(e, rest)
}

// without is a copy of v with the fields at path removed.
func without(v any, path string) any {
	v = deepCopy(v)
	remove(v, path)
	return v
}

// remove deletes the fields at path from v in place.
func remove(v any, path string) {
	head, rest, more := strings.Cut(path, ".")
	if head == "*" {
		for _, e := range list(v) {
			remove(e, rest)
		}
		return
	}
	m, ok := v.(map[string]any)
	if !ok {
		return
	}
	if !more {
		delete(m, head)
		return
	}
	remove(m[head], rest)
}

// deepCopy copies a decoded JSON value.
func deepCopy(v any) any {
	switch v := v.(type) {
	case map[string]any:
		out := make(map[string]any, len(v))
		for k, e := range v {
			out[k] = deepCopy(e)
		}
		return out
	case []any:
		out := make([]any, len(v))
		for i, e := range v {
			out[i] = deepCopy(e)
		}
		return out
	}
	return v
}
