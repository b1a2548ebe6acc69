package model

import (
	"testing"
	"time"
)

func TestRotationStatusDerivation(t *testing.T) {
	now := time.Date(2026, 11, 28, 12, 0, 0, 0, time.UTC)
	stages := StageMapOf
	tests := []struct {
		name   string
		secret Secret
		want   RotationStatus
	}{
		{"disabled", Secret{}, RotationDisabled},
		{"enabled and due later", Secret{RotationEnabled: true, LastRotatedDate: now.AddDate(0, 0, -3), NextRotationDate: now.AddDate(0, 0, 27)}, RotationEnabled},
		{"overdue", Secret{RotationEnabled: true, LastRotatedDate: now.AddDate(0, 0, -40), NextRotationDate: now.AddDate(0, 0, -10)}, RotationOverdue},
		{"never rotated", Secret{RotationEnabled: true, NextRotationDate: now.AddDate(0, 0, 5)}, RotationNeverRotated},
		{"stuck pending", Secret{RotationEnabled: true, LastChangedDate: now.AddDate(0, 0, -2),
			VersionStages: stages(map[string][]string{"v1": {StageCurrent}, "v2": {StagePending}})}, RotationStuck},
		{"pending just started", Secret{RotationEnabled: true, LastChangedDate: now.Add(-time.Minute),
			VersionStages: stages(map[string][]string{"v1": {StageCurrent}, "v2": {StagePending}})}, RotationInProgress},
		{"pending on current is finished", Secret{RotationEnabled: true, LastRotatedDate: now, NextRotationDate: now.AddDate(0, 0, 30),
			VersionStages: stages(map[string][]string{"v2": {StageCurrent, StagePending}})}, RotationEnabled},
		{"stuck even when disabled", Secret{LastChangedDate: now.AddDate(0, 0, -9),
			VersionStages: stages(map[string][]string{"v1": {StageCurrent}, "v2": {StagePending}})}, RotationStuck},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := tt.secret.Rotation(now); got != tt.want {
				t.Fatalf("got %v want %v", got, tt.want)
			}
		})
	}
}

func TestAccountFromARN(t *testing.T) {
	for arn, want := range map[string]string{
		"arn:aws:secretsmanager:us-east-1:123456789012:secret:prod/db-AbCdEf": "123456789012",
		"arn:aws-cn:secretsmanager:cn-north-1:210987654321:secret:x":          "210987654321",
		"prod/db": "", "arn:aws:s3": "",
	} {
		if got := AccountFromARN(arn); got != want {
			t.Errorf("AccountFromARN(%q) = %q, want %q", arn, got, want)
		}
	}
}
