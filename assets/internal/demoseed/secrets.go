package demoseed

import "github.com/keyhole-tui/keyhole/awsx/emulator"

// secretDef describes one secret of the demo account; the builder turns it
// into versions, rotation state and CloudTrail history.
type secretDef struct {
	name  string
	team  string // the team tag and its derived tags; empty leaves the secret untagged
	env   string
	desc  string
	value valueMaker
	// ageDays is how long ago the secret was created.
	ageDays int
	// versions is how many versions the secret keeps, the current one
	// included; zero means one, or every rotation for a rotated secret.
	versions int
	// cmk encrypts the secret with the team's customer-managed KMS key
	// instead of the AWS managed key.
	cmk      bool
	rotation *rotationDef
	readers  []reader
	// writer puts the new versions that rotation did not make; ci-deploy
	// when empty.
	writer string
	// class overrides the data-classification tag.
	class string
	// noOwner leaves the owner tag out of the team's tags.
	noOwner bool
	// staleDays, for a secret nobody read in the last 90 days, is when it
	// was last read.
	staleDays          int
	deletedDaysAgo     int
	recoveryWindowDays int64
	policy             string
	primaryRegion      string
	replicas           []emulator.SeedReplica
	owningService      string
	extraTags          []emulator.SeedTag
}

// rotationDef is a secret's rotation set-up and how its rotations went.
type rotationDef struct {
	every    int    // days between rotations
	schedule string // rate() or cron() expression; empty: AutomaticallyAfterDays
	window   string // the rotation window (Duration)
	lambda   string // the rotation function; rotatePassword when empty
	managed  bool   // the owning service rotates it, without a Lambda
	// lastDaysAgo is the last successful rotation; zero: never rotated.
	lastDaysAgo int
	// enabledDaysAgo is when rotation was turned on, for one never rotated.
	enabledDaysAgo int
	// failsAt is the step at which the rotation that came due after the
	// last one failed; empty when none failed. A failure after
	// createSecret leaves the AWSPENDING version behind: the rotation is
	// stuck.
	failsAt string
	// retriesDaysAgo are manual RotateSecret calls after the failure.
	retriesDaysAgo []int
	// disabledDaysAgo, when set, is when someone turned rotation off
	// after the last rotation.
	disabledDaysAgo int
}

// reader is an application or person that reads a secret's value.
type reader struct {
	who    string
	perDay float64
}

// rotated is a rotation every so many days by the password function that
// last ran lastDaysAgo and never failed.
func rotated(every, lastDaysAgo int) *rotationDef {
	return &rotationDef{every: every, lastDaysAgo: lastDaysAgo}
}
