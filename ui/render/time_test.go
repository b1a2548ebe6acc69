package render

import (
	"testing"
	"time"
)

func TestAccessDayCountsDaysNotHours(t *testing.T) {
	now := time.Date(2026, 11, 28, 4, 0, 0, 0, time.UTC)
	midnight := func(daysBefore int) time.Time { return time.Date(2026, 11, 28-daysBefore, 0, 0, 0, 0, time.UTC) }
	for _, c := range []struct {
		t    time.Time
		want string
	}{
		{time.Time{}, "never"},
		{midnight(0), "today"},
		{midnight(1), "yesterday"},
		{midnight(3), "3d ago"},
		{midnight(120), "4mo ago"},
		// A clock a little behind AWS's still reads today.
		{midnight(-1), "today"},
	} {
		if got := AccessDay(c.t, now); got != c.want {
			t.Errorf("AccessDay(%s) = %q, want %q", c.t.Format(time.DateOnly), got, c.want)
		}
	}
}
