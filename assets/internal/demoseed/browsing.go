package demoseed

// browsing is what people do in a place besides the apps' reads: on some
// weekdays the administrator lists the secrets in the console and looks at
// one or two.
func browsing(at place) func([]*builtSecret, cast, *trail) {
	return func(secrets []*builtSecret, people cast, t *trail) {
		admin := people.get("alice")
		d := at.dice("people:" + admin.key)
		for day := historyDays - 1; day >= 0; day-- {
			if weekend(day) || !d.chance(0.06) {
				continue
			}
			c, when := admin.from(d), admin.momentOn(day, d)
			t.add(when, c.event("ListSecrets", ""))
			for range d.between(1, 2) {
				when += pause(d)
				t.add(when, c.event("DescribeSecret", pickLive(secrets, when, d, anySecret).def.name))
			}
		}
	}
}
