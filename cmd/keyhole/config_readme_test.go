package main

import (
	"os"
	"reflect"
	"strings"
	"testing"
)

// TestReadmeConfigExampleIsValidAndComplete parses the README's config
// example and checks that it names every key the file may hold.
func TestReadmeConfigExampleIsValidAndComplete(t *testing.T) {
	raw, err := os.ReadFile("../../README.md")
	if err != nil {
		t.Fatal(err)
	}
	readme := string(raw)
	i, j := strings.Index(readme, "<!-- config:begin -->"), strings.Index(readme, "<!-- config:end -->")
	if i < 0 || j < i {
		t.Fatal("README lacks the config example markers")
	}
	example := readme[i:j]
	example = example[strings.Index(example, "```yaml")+len("```yaml") : strings.LastIndex(example, "```")]
	if _, err := parseConfig("README", []byte(example)); err != nil {
		t.Fatalf("the README's example does not load: %v", err)
	}
	typ := reflect.TypeFor[fileConfig]()
	for i := range typ.NumField() {
		name := strings.Split(typ.Field(i).Tag.Get("yaml"), ",")[0]
		if !strings.Contains(example, "\n"+name+":") {
			t.Errorf("the README's config example lacks %q", name)
		}
		if f := typ.Field(i).Type; f.Kind() == reflect.Struct {
			for _, inner := range yamlNames(f) {
				if !strings.Contains(example, "\n  "+inner+":") {
					t.Errorf("the README's config example lacks %s: %s", name, inner)
				}
			}
		}
	}
}
