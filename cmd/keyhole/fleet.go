package main

import (
	"context"
	"errors"
	"fmt"
	"os"
	"regexp"
	"slices"

	"github.com/spf13/cobra"
	"github.com/spf13/pflag"

	"github.com/keyhole-tui/keyhole/awsx"
	"github.com/keyhole-tui/keyhole/awsx/fleet"
	"github.com/keyhole-tui/keyhole/model"
)

// demoOrgRole is the role the demo organisation's member accounts let the
// fleet assume.
const demoOrgRole = "KeyholeAudit"

// fleetFlags are the flags that list many accounts and regions at once.
type fleetFlags struct {
	on          bool
	profiles    []string
	regions     []string
	orgRole     string
	concurrency int
}

func (f *fleetFlags) register(fs *pflag.FlagSet) {
	fs.BoolVar(&f.on, "fleet", false, "list every account and region the fleet flags (or the config's fleet:) name, as one list")
	fs.StringSliceVar(&f.profiles, "profiles", nil, "with --fleet: shared-config profiles to list, comma-separated, or all")
	fs.StringSliceVar(&f.regions, "regions", nil, "with --fleet: regions to list in every account, comma-separated, or all (each account's enabled regions)")
	fs.StringVar(&f.orgRole, "org-role", "", "with --fleet: also list every ACTIVE account of the organisation, through this role")
	fs.IntVar(&f.concurrency, "concurrency", fleet.DefaultConcurrency, "with --fleet: how many accounts and regions list at once")
}

// apply takes what the config's fleet: section says where no flag did.
func (f *fleetFlags) apply(s settings, changed func(string) bool) {
	c := s.fleet
	if !changed("profiles") && len(c.profiles) > 0 {
		f.profiles = c.profiles
	}
	if !changed("regions") && len(c.regions) > 0 {
		f.regions = c.regions
	}
	if !changed("org-role") && c.orgRole != "" {
		f.orgRole = c.orgRole
	}
	if !changed("concurrency") && c.concurrency > 0 {
		f.concurrency = c.concurrency
	}
}

// check refuses fleet flags without --fleet, and a bad concurrency.
func (f fleetFlags) check(changed func(string) bool) error {
	if !f.on {
		for _, name := range []string{"profiles", "regions", "org-role", "concurrency"} {
			if changed(name) {
				return fmt.Errorf("--%s lists a fleet: add --fleet", name)
			}
		}
		return nil
	}
	if f.concurrency < 1 || f.concurrency > 64 {
		return fmt.Errorf("--concurrency %d: want 1 to 64", f.concurrency)
	}
	return nil
}

// spec is the fleet the flags describe. The demo's fleet, with no flags,
// is its whole organisation in every enabled region.
func (f fleetFlags) spec(demo bool, getenv func(string) string) (fleet.Spec, error) {
	spec := fleet.Spec{
		Profiles: f.profiles, Regions: f.regions, OrgRole: f.orgRole,
		Concurrency: f.concurrency, SessionName: sessionName(getenv),
	}
	if demo {
		if len(spec.Profiles) > 0 {
			return spec, errors.New("--demo has no profiles: drop --profiles")
		}
		if spec.OrgRole == "" {
			spec.OrgRole = demoOrgRole
		}
		if len(spec.Regions) == 0 {
			spec.Regions = []string{fleet.AllRegions}
		}
	}
	if slices.Contains(spec.Profiles, "all") {
		all, err := awsx.Profiles(getenv)
		if err != nil {
			return spec, err
		}
		if len(all) == 0 {
			return spec, errors.New("--profiles all: the shared config files name no profile")
		}
		spec.Profiles = all
	}
	return spec, nil
}

// notSessionChar is what a role session name may not hold.
var notSessionChar = regexp.MustCompile(`[^\w+=,.@-]`)

// sessionName names the fleet's assumed-role sessions "keyhole-USER", so
// CloudTrail shows who listed.
func sessionName(getenv func(string) string) string {
	user := notSessionChar.ReplaceAllString(getenv("USER"), "")
	if user == "" {
		user = "user"
	}
	name := "keyhole-" + user
	return name[:min(64, len(name))]
}

// openFleet wraps a session's client in a fleet: its own credentials and
// region are the base, other profiles open at the same endpoint.
func openFleet(s *session, g globalFlags, f fleetFlags, onRetry func(awsx.RetryNotice)) (*fleet.Fleet, error) {
	spec, err := f.spec(s.demo, os.Getenv)
	if err != nil {
		return nil, err
	}
	dial := func(ctx context.Context, profile string) (*awsx.Client, error) {
		return awsx.New(ctx, awsx.Options{Profile: profile, EndpointURL: g.endpointURL, OnRetry: onRetry})
	}
	return fleet.New(s.client, spec, dial), nil
}

// listFleet lists every target of the fleet, handing each batch to keep.
// A target that fails is reported on stderr and makes the returned failure;
// the others are listed all the same.
func listFleet(cmd *cobra.Command, s *session, g globalFlags, ff fleetFlags, q model.ListQuery, keep func(model.SecretPage)) (failed, err error) {
	fl, err := openFleet(s, g, ff, nil)
	if err != nil {
		return nil, err
	}
	defer fl.Close()
	return listFleetWith(cmd, fl, q, keep)
}

// listFleetWith is listFleet over a fleet already open.
func listFleetWith(cmd *cobra.Command, fl *fleet.Fleet, q model.ListQuery, keep func(model.SecretPage)) (failed, err error) {
	if err := drain(cmd.Context(), fl.ListSecretsPage, q, keep); err != nil {
		return nil, err
	}
	return reportTargets(cmd.ErrOrStderr(), fl.Statuses()), nil
}

// settle takes the config's fleet: section where --fleet is given and
// checks the fleet flags; s is the config, loaded when nil and needed.
func (f *fleetFlags) settle(cmd *cobra.Command, g globalFlags, s *settings) error {
	changed := cmd.Flags().Changed
	if f.on {
		if s == nil {
			loaded, err := loadConfig(configPath(g.config, os.Getenv))
			if err != nil {
				return err
			}
			s = &loaded
		}
		f.apply(*s, changed)
	}
	if err := f.check(changed); err != nil {
		return usageError(err)
	}
	return nil
}
