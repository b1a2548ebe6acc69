package keys

import (
	"testing"
	"unicode/utf8"
)

func TestASCIIHelpNamesEveryKeyInASCII(t *testing.T) {
	k := Default().ASCIIHelp()
	for name, b := range k.fields() {
		h := b.Help()
		for _, s := range []string{h.Key, h.Desc} {
			if utf8.RuneCountInString(s) != len(s) {
				t.Errorf("%s: %q is not ASCII", name, s)
			}
		}
	}
	if k.Up.Help().Key != "up/k" || k.Down.Help().Key != "down/j" || k.PrevField.Help().Key != "shift+tab" {
		t.Errorf("up %q, down %q, previous field %q", k.Up.Help().Key, k.Down.Help().Key, k.PrevField.Help().Key)
	}
	if d := Default(); d.Up.Help().Key != "↑/k" || d.Down.Keys()[0] != k.Down.Keys()[0] {
		t.Error("ASCIIHelp changed the keymap it was called on, or the keys")
	}
}
