package main

import "time"

// action is one step of a scene: type keys, wait until the screen shows a
// text and no longer shows another, then maybe keep the screen as a still
// picture or as a frame of the animation.
type action struct {
	keys string // typed first; empty types nothing
	wait string // the screen must show this afterwards; empty waits only for quiet
	gone string // the screen must no longer show this
	shot string // file name of a still picture of the screen; empty takes none
	// hold is how long the animation shows the screen; zero adds no frame.
	hold time.Duration
}

// scene is one run of keyhole and the actions done in it.
type scene struct {
	name    string
	args    []string
	actions []action
}

// Keys as a terminal sends them.
const (
	enter = "\r"
	esc   = "\x1b"
	tab   = "\t"
)

// demoArgs start keyhole on its demo account, never touching a clipboard
// and never re-masking by itself while the pictures are taken.
func demoArgs() []string {
	return []string{"--demo", "--clipboard", "off", "--reveal-timeout", "0"}
}

// Texts that say a screen is ready.
const (
	listLoaded     = "59 of 60 secrets"
	listKeys       = "/ filter · enter open"
	detailUnread   = "not loaded · v reveals"
	rotationLoaded = "History (CloudTrail"
	rotationBusy   = "loading CloudTrail"
	auditLoaded    = "days loaded"
	mask           = "••••"
	// Sorted by last change, the list's first screen shows every rotation
	// state and fewer characters the font lacks.
	sortedByChange = "sorted by last changed"
)

// paymentsDB is the secret the pictures look at: JSON fields, rotation on
// and a busy audit trail. Its detail shows the whole description.
const (
	paymentsDB            = "prod/payments/postgres"
	paymentsDBDescription = "Zugangsdaten für die Zahlungsdatenbank (Aurora"
)

// openPaymentsDB filters the list, sorted by last change, down to
// prod/payments/postgres and opens the first row, the most recently
// changed match. With keyHold the filter is typed one key a frame;
// without, all at once.
func openPaymentsDB(keyHold, hold time.Duration) []action {
	out := []action{{keys: "/", wait: "name, description, tag:", hold: hold}}
	if keyHold > 0 {
		for _, r := range paymentsDB {
			out = append(out, action{keys: string(r), hold: keyHold})
		}
	} else {
		out = append(out, action{keys: paymentsDB})
	}
	return append(out,
		action{wait: "3 of 60 secrets", hold: hold},
		action{keys: enter, wait: listKeys, hold: hold},
		action{keys: enter, wait: paymentsDBDescription, hold: 3 * hold},
	)
}

// stillsScene takes the still pictures of the list, help, detail,
// rotation, audit and who-read-it screens.
func stillsScene() scene {
	acts := []action{
		{wait: listLoaded},
		{keys: "s", wait: sortedByChange},
		{keys: "jk", wait: listKeys, shot: "list.png"},
		{keys: "?", wait: "any key closes", shot: "help.png"},
		{keys: esc, gone: "any key closes"},
	}
	acts = append(acts, openPaymentsDB(0, 0)...)
	return scene{name: "stills", args: demoArgs(), actions: append(acts,
		// The first v reads the value and keeps it masked.
		action{keys: "v", wait: "value read", shot: "detail.png"},
		action{keys: "jjjj", wait: "▸ password  " + mask},
		action{keys: "v", wait: "▸ password  ", gone: "▸ password  " + mask, shot: "detail-revealed.png"},
		action{keys: "r", wait: rotationLoaded, gone: rotationBusy, shot: "rotation.png"},
		action{keys: esc, wait: "Value · AWSCURRENT"},
		action{keys: "a", wait: auditLoaded, shot: "audit.png"},
		action{keys: tab, wait: "[who read it]"},
		// A week out of 90 days of history marks first-time readers NEW.
		action{keys: "ttt", wait: "NEW: first read in the last 7 days", shot: "who-read-it.png"},
	)}
}

// versionsScene diffs the oldest and the current version of a config
// secret whose fields changed between them.
func versionsScene() scene {
	return scene{name: "versions", args: demoArgs(), actions: []action{
		{wait: listLoaded},
		{keys: "/prod/search/indexer-config", wait: "/prod/search/indexer-config"},
		{keys: enter, wait: listKeys},
		{keys: enter, wait: detailUnread},
		{keys: "h", wait: "Versions · prod/search/indexer-config"},
		{keys: "x", wait: "deprecated shown", shot: "versions.png"},
		{keys: "G"},
		{keys: " ", wait: "marked "},
		{keys: "g"},
		{keys: "=", wait: "unchanged", shot: "versions-diff.png"},
	}}
}

// changesScene shows, with --rw, the screens that change a secret: the
// create form, the in-place edit, description and tags, the delete dialog,
// and the resource policy. It saves nothing.
func changesScene() scene {
	const sftp = "prod/payments/settlement-sftp"
	return scene{name: "changes", args: append(demoArgs(), "--rw"), actions: []action{
		{wait: listLoaded},
		{keys: "n", wait: "New secret", shot: "create.png"},
		{keys: esc, wait: listLoaded},
		{keys: "/" + sftp, wait: "/" + sftp},
		{keys: enter, wait: listKeys},
		{keys: enter, wait: detailUnread},
		{keys: "e", wait: "base version ", shot: "edit.png"},
		{keys: esc, wait: detailUnread},
		{keys: "t", wait: "Description and tags", shot: "tags.png"},
		{keys: esc, wait: detailUnread},
		{keys: "d", wait: "recovery window", shot: "delete.png"},
		{keys: esc, wait: detailUnread},
		{keys: "P", wait: "Resource policy", shot: "policy.png"},
	}}
}

// walkScene is the animation: list, filter, detail, reveal, mask again,
// rotation, audit trail.
func walkScene() scene {
	const beat = 800 * time.Millisecond
	acts := []action{
		{wait: listLoaded},
		{keys: "s", wait: sortedByChange},
		{keys: "jk", wait: listKeys, hold: 3 * beat},
	}
	acts = append(acts, openPaymentsDB(beat/6, beat)...)
	return scene{name: "walk", args: demoArgs(), actions: append(acts,
		action{keys: "V", wait: "password  ", gone: mask, hold: 4 * beat},
		action{keys: "V", wait: "password  " + mask, hold: 2 * beat},
		action{keys: "r", wait: rotationLoaded, gone: rotationBusy, hold: 4 * beat},
		action{keys: esc, wait: "Value · AWSCURRENT", hold: beat},
		action{keys: "a", wait: "TIME (UTC)", hold: beat},
		action{wait: auditLoaded, hold: 5 * beat},
	)}
}

// fleetScene takes the demo organisation as one fleet: the list with its
// accounts and regions, the hygiene of the whole estate and the targets.
func fleetScene() scene {
	return scene{name: "fleet", args: append(demoArgs(), "--fleet"), actions: []action{
		{wait: "targets: 51 done · 1 skipped"},
		{keys: "/region:ap- rot:off", wait: "of 150 secrets"},
		{keys: enter, wait: listKeys, shot: "fleet.png"},
		{keys: esc, gone: "region:ap-"},
		{keys: "H", wait: "policies read for", shot: "hygiene.png"},
		{keys: esc, wait: listKeys},
		{keys: "T", wait: "Fleet targets · 52", shot: "targets.png"},
	}}
}
