package keys

import "strings"

// ASCIIHelp is k with the help names of its keys in ASCII, for terminals
// whose locale is not UTF-8: arrows become words (up/k, as a bare v would
// read as the reveal key), ⇧ becomes shift+ and … three dots. Laid out
// from these names, help and hints keep their columns. The keys
// themselves do not change.
func (k KeyMap) ASCIIHelp() KeyMap {
	words := strings.NewReplacer("↑", "up", "↓", "down", "→", "right", "←", "left", "⇧", "shift+", "…", "...")
	for _, b := range k.fields() {
		h := b.Help()
		b.SetHelp(words.Replace(h.Key), words.Replace(h.Desc))
	}
	return k
}
