package demoseed

// place is one account of the organisation in one region.
type place struct{ account, region string }

// home is the demo account in its home region, where demo mode starts.
func home() place { return place{accountID, region} }

// dice returns the dice for the named part of the place. The demo
// account's home region keeps the bare labels it had before the
// organisation, so its secrets and history stay as they were.
func (p place) dice(label string) *dice {
	if p == home() {
		return diceFor(label)
	}
	return diceFor(p.account + ":" + p.region + ":" + label)
}

// kmsKeyARN is the team's customer-managed key in the place.
func (p place) kmsKeyARN(team string) string {
	label := "kms:" + p.region + ":" + team
	if p.account != accountID {
		label = "kms:" + p.account + ":" + p.region + ":" + team
	}
	return "arn:aws:kms:" + p.region + ":" + p.account + ":key/" + diceFor(label).uuid()
}

// lambdaARN is a rotation function of the place.
func (p place) lambdaARN(function string) string {
	return "arn:aws:lambda:" + p.region + ":" + p.account + ":function:" + function
}

// cluster is the endpoint of an Aurora cluster of the place.
func (p place) cluster(name string) string {
	return name + ".cluster-c" + p.dice("rds").text(lowerAln, 11) + "." + p.region + ".rds.amazonaws.com"
}
