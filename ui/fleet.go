package ui

import (
	"github.com/keyhole-tui/keyhole/model"
	"github.com/keyhole-tui/keyhole/ui/common"
	"github.com/keyhole-tui/keyhole/ui/render"
)

// fleetPlace is the account and region of the secret the screens on top
// are about, for the header; both empty on the list.
func (a *App) fleetPlace(f common.Fleet) (account, region string) {
	for i := len(a.stack) - 1; i >= 0; i-- {
		arn := a.stack[i].arn
		if arn == "" {
			continue
		}
		account = model.AccountFromARN(arn)
		if name := f.AccountName(account); name != "" {
			account = name + " " + account
		}
		return account, model.RegionFromARN(arn)
	}
	return "", ""
}

// fleetSize counts the accounts and regions a fleet reaches.
func fleetSize(f common.Fleet) string {
	accounts, regions := map[string]bool{}, map[string]bool{}
	for _, s := range f.Statuses() {
		if s.State == model.TargetSkipped || s.Target.Account == "" {
			continue
		}
		accounts[s.Target.Account] = true
		if s.Target.Region != "" {
			regions[s.Target.Region] = true
		}
	}
	return render.Plural(len(accounts), "account") + " · " + render.Plural(len(regions), "region")
}
