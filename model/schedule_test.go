package model

import (
	"strings"
	"testing"
)

func TestParseScheduleValidatesAsAWSDoes(t *testing.T) {
	tests := []struct {
		schedule, window string
		want             RotationRules
		err              string
	}{
		{"30", "", RotationRules{AutomaticallyAfterDays: 30}, ""},
		{"1000", "3h", RotationRules{AutomaticallyAfterDays: 1000, Duration: "3h"}, ""},
		{"0", "", RotationRules{}, "days must be 1–1000"},
		{"1001", "", RotationRules{}, "days must be 1–1000"},
		{"rate(10 days)", "", RotationRules{ScheduleExpression: "rate(10 days)"}, ""},
		{"rate(1 day)", "", RotationRules{ScheduleExpression: "rate(1 day)"}, ""},
		{"rate(12 hours)", "2h", RotationRules{ScheduleExpression: "rate(12 hours)", Duration: "2h"}, ""},
		{"rate(2 hours)", "", RotationRules{}, "at most every 4 hours"},
		{"rate(4 hours)", "5h", RotationRules{}, "into the next rotation"},
		{"rate(1001 days)", "", RotationRules{}, "days must be 1–1000"},
		{"rate(3 weeks)", "", RotationRules{}, "unit must be days or hours"},
		{"cron(0 4 ? * SUN *)", "3h", RotationRules{ScheduleExpression: "cron(0 4 ? * SUN *)", Duration: "3h"}, ""},
		{"cron(0 22 ? * MON-FRI *)", "4h", RotationRules{}, "next UTC day"},
		{"cron(0 4 * * SUN *)", "", RotationRules{}, "must be ?"},
		{"cron(0 4 ? *)", "", RotationRules{}, "six fields"},
		{"cron(0 25 ? * SUN *)", "", RotationRules{}, "hour must be 0–23"},
		{"weekly", "", RotationRules{}, "want a number of days"},
		{"30", "25h", RotationRules{}, "want 1h–24h"},
		{"30", "3", RotationRules{}, "want 1h–24h"},
		{"", "", RotationRules{}, "a schedule is needed"},
	}
	for _, tt := range tests {
		t.Run(tt.schedule+"/"+tt.window, func(t *testing.T) {
			got, err := ParseSchedule(tt.schedule, tt.window)
			if tt.err != "" {
				if err == nil || !strings.Contains(err.Error(), tt.err) {
					t.Fatalf("err = %v, want %q", err, tt.err)
				}
				return
			}
			if err != nil || got != tt.want {
				t.Fatalf("got %+v, %v; want %+v", got, err, tt.want)
			}
		})
	}
}

func TestValidateRefusesDaysAndExpressionTogether(t *testing.T) {
	err := RotationRules{AutomaticallyAfterDays: 3, ScheduleExpression: "rate(3 days)"}.Validate()
	if err == nil || !strings.Contains(err.Error(), "not both") {
		t.Fatalf("err = %v", err)
	}
}
