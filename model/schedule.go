package model

import (
	"fmt"
	"strconv"
	"strings"
)

// ParseSchedule reads a schedule as a person types it: a bare number of days
// ("30"), a rate() or a cron() expression; window is a rotation window such
// as "3h", or empty. It returns rules that Validate accepts, or says why not.
func ParseSchedule(schedule, window string) (RotationRules, error) {
	schedule, window = strings.TrimSpace(schedule), strings.TrimSpace(window)
	var r RotationRules
	if days, err := strconv.ParseInt(schedule, 10, 64); err == nil {
		if days < 1 || days > 1000 {
			return r, fmt.Errorf("days must be 1–1000, not %d", days)
		}
		r.AutomaticallyAfterDays = days
	} else {
		r.ScheduleExpression = schedule
	}
	r.Duration = window
	return r, r.Validate()
}

// Validate checks rotation rules as Secrets Manager does before it accepts
// them: days 1–1000 or an expression (not both), rate() in days 1–1000 or
// hours of at least 4, cron() with six fields, and a window of 1–24 hours
// that ends before the next rotation and the next UTC day.
func (r RotationRules) Validate() error {
	switch {
	case r.AutomaticallyAfterDays != 0 && r.ScheduleExpression != "":
		return fmt.Errorf("give a number of days or an expression, not both")
	case r.AutomaticallyAfterDays == 0 && r.ScheduleExpression == "":
		return fmt.Errorf("a schedule is needed: days (1–1000), rate() or cron()")
	case r.ScheduleExpression == "" && (r.AutomaticallyAfterDays < 1 || r.AutomaticallyAfterDays > 1000):
		return fmt.Errorf("days must be 1–1000, not %d", r.AutomaticallyAfterDays)
	}
	window, err := parseWindow(r.Duration)
	if err != nil {
		return err
	}
	switch expr := r.ScheduleExpression; {
	case expr == "":
		return nil
	case strings.HasPrefix(expr, "rate(") && strings.HasSuffix(expr, ")"):
		return validateRate(expr[len("rate("):len(expr)-1], window)
	case strings.HasPrefix(expr, "cron(") && strings.HasSuffix(expr, ")"):
		return validateCron(expr[len("cron("):len(expr)-1], window)
	}
	return fmt.Errorf("schedule %q: want a number of days, rate(N days), rate(N hours) or cron(…)", Sanitize(r.ScheduleExpression))
}

// parseWindow reads "3h"; empty means AWS's default window.
func parseWindow(d string) (int, error) {
	if d == "" {
		return 0, nil
	}
	hours, err := strconv.Atoi(strings.TrimSuffix(d, "h"))
	if !strings.HasSuffix(d, "h") || err != nil || hours < 1 || hours > 24 {
		return 0, fmt.Errorf("window %q: want 1h–24h", Sanitize(d))
	}
	return hours, nil
}

func validateRate(body string, window int) error {
	value, unit, ok := strings.Cut(strings.TrimSpace(body), " ")
	n, err := strconv.Atoi(value)
	if !ok || err != nil {
		return fmt.Errorf("rate(%s): want rate(N days) or rate(N hours)", Sanitize(body))
	}
	switch strings.TrimSpace(unit) {
	case "day", "days":
		if n < 1 || n > 1000 {
			return fmt.Errorf("rate(%s): days must be 1–1000", Sanitize(body))
		}
	case "hour", "hours":
		if n < 4 || n > 24000 {
			return fmt.Errorf("rate(%s): Secrets Manager rotates at most every 4 hours", Sanitize(body))
		}
		if window > n {
			return fmt.Errorf("window %dh reaches into the next rotation, %d hours later", window, n)
		}
	default:
		return fmt.Errorf("rate(%s): the unit must be days or hours", Sanitize(body))
	}
	return nil
}

// validateCron checks the six fields of a cron() expression: minutes hours
// day-of-month month day-of-week year, with ? in one of the day fields.
func validateCron(body string, window int) error {
	fields := strings.Fields(body)
	if len(fields) != 6 {
		return fmt.Errorf("cron(%s): want six fields: minutes hours day-of-month month day-of-week year", Sanitize(body))
	}
	for _, f := range fields {
		if strings.IndexFunc(f, func(r rune) bool {
			return !(r >= '0' && r <= '9' || r >= 'A' && r <= 'Z' || r >= 'a' && r <= 'z' || strings.ContainsRune("*,/?-#", r))
		}) >= 0 {
			return fmt.Errorf("cron(%s): field %q has characters cron does not use", Sanitize(body), Sanitize(f))
		}
	}
	if fields[2] != "?" && fields[4] != "?" {
		return fmt.Errorf("cron(%s): one of day-of-month and day-of-week must be ?", Sanitize(body))
	}
	if hour, err := strconv.Atoi(fields[1]); err == nil {
		if hour < 0 || hour > 23 {
			return fmt.Errorf("cron(%s): hour must be 0–23", Sanitize(body))
		}
		if hour+window > 24 {
			return fmt.Errorf("window %dh from %02d:00 reaches into the next UTC day", window, hour)
		}
	}
	return nil
}
