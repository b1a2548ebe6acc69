package keys

import "testing"

func TestEveryBindingHasKeysAndHelp(t *testing.T) {
	k := Default()
	for name, b := range k.fields() {
		if len(b.Keys()) == 0 || b.Help().Desc == "" || b.Help().Key == "" {
			t.Errorf("%s: binding without keys or help: %+v", name, b.Help())
		}
	}
}
