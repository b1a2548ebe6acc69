package ui

import (
	"context"
	"slices"
	"time"

	"charm.land/bubbles/v2/key"
	"github.com/keyhole-tui/keyhole/model"
	"github.com/keyhole-tui/keyhole/ui/common"
	"github.com/keyhole-tui/keyhole/ui/keys"
	"github.com/keyhole-tui/keyhole/ui/styles"
)

// screenKeys is one screen's actions, for help and the docs.
type screenKeys struct {
	name    string
	actions []common.Action
}

// KeyTable lists every screen's keys under its name, the movement keys and
// those that work everywhere, from the actions the screens declare: the
// help screen, `keyhole keys` and the README's key table all read it.
func KeyTable(km keys.KeyMap) []keys.Section {
	a := docApp(km)
	return a.sections(a.allScreenKeys())
}

// CheckKeys refuses a keymap in which one key would trigger two actions of
// one screen (those of every screen included): the error names the key
// and both actions by their config names.
func CheckKeys(km keys.KeyMap) error {
	a := docApp(km)
	for _, s := range a.allScreenKeys() {
		actions := append(slices.Clone(s.actions), a.globalActions()...)
		actions = append(actions, common.Action{Key: &a.keys.Interrupt})
		if err := a.keys.Clash(s.name, common.Bindings(actions, false)); err != nil {
			return err
		}
	}
	return nil
}

// docApp is an app that only lists keys: its screens are made but never
// started, so they do no I/O.
func docApp(km keys.KeyMap) *App {
	a := &App{ctx: context.Background(), keys: km, styles: styles.New(true, false)}
	a.c = common.Common{Keys: &a.keys, Styles: &a.styles, Now: time.Now, ReadWrite: true,
		Tasks: common.NewTasks(a.ctx, 0), Slot: &common.Slot{}}
	return a
}

// allScreenKeys is the list's actions and those of every screen the
// registry opens, in the order help shows them.
func (a *App) allScreenKeys() []screenKeys {
	list := a.listFrame()
	out := []screenKeys{{name: list.name, actions: list.page.Actions()}}
	for _, s := range a.screens() {
		out = append(out, screenKeys{name: s.name, actions: s.open(a.c, &model.Secret{}, &model.Secret{}).Actions()})
	}
	return out
}

// sections lays out screens' keys for help: each screen without the
// movement keys, then one section of those, then the keys of everywhere.
func (a *App) sections(screens []screenKeys) []keys.Section {
	move := common.Bindings(common.MoveActions(&a.keys), false)
	var out []keys.Section
	for _, s := range screens {
		var own []key.Binding
		for _, b := range common.Bindings(s.actions, false) {
			if !slices.ContainsFunc(move, func(m key.Binding) bool { return sameBinding(m, b) }) {
				own = append(own, b)
			}
		}
		out = append(out, a.keys.Section(s.name, own))
	}
	everywhere := append(common.Bindings(a.globalActions(), false), a.keys.Interrupt, a.keys.Back)
	k := &a.keys
	dialogs := a.keys.Section("Dialogs", []key.Binding{k.Confirm, k.Open, k.Toggle, k.NextChoice, k.PrevChoice, k.Back})
	return append(out, dialogs, a.keys.Section("Move", move), a.keys.Section("Everywhere", everywhere))
}

// sameBinding reports whether a and b are one binding.
func sameBinding(a, b key.Binding) bool {
	return slices.Equal(a.Keys(), b.Keys()) && a.Help() == b.Help()
}

// helpSections are the keys help lists: the top screen's first, then every
// other screen's.
func (a *App) helpSections() []keys.Section {
	top := a.stack[len(a.stack)-1]
	screens := []screenKeys{{name: top.name, actions: top.page.Actions()}}
	for _, s := range docApp(a.keys).allScreenKeys() {
		if s.name != top.name {
			screens = append(screens, s)
		}
	}
	return a.sections(screens)
}

// KeysNamed keeps of table the first binding of each config name in names,
// in the table's order, dropping sections left empty: the README's short
// key table.
func KeysNamed(table []keys.Section, names ...string) []keys.Section {
	var out []keys.Section
	kept := map[string]bool{}
	for _, s := range table {
		short := keys.Section{Name: s.Name}
		for i, n := range s.Names {
			if slices.Contains(names, n) && !kept[n] {
				kept[n] = true
				short.Bindings, short.Names = append(short.Bindings, s.Bindings[i]), append(short.Names, n)
			}
		}
		if len(short.Names) > 0 {
			out = append(out, short)
		}
	}
	return out
}
