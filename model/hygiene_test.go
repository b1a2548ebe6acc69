package model

import (
	"slices"
	"strings"
	"testing"
	"time"
)

var hygieneNow = time.Date(2026, 11, 28, 12, 0, 0, 0, time.UTC)

// ago is n days before hygieneNow, plus extra.
func ago(n int, extra time.Duration) time.Time {
	return hygieneNow.Add(-time.Duration(n)*24*time.Hour + extra)
}

// clean is a secret that fails no control: rotated, read, tagged.
func clean() Secret {
	return Secret{
		ARN:              "arn:aws:secretsmanager:us-east-1:123456789012:secret:prod/db-AbCdEf",
		Name:             "prod/db",
		CreatedDate:      ago(400, 0),
		LastAccessedDate: ago(1, 0),
		LastRotatedDate:  ago(10, 0),
		NextRotationDate: ago(-20, 0),
		RotationEnabled:  true,
		RotationRules:    RotationRules{AutomaticallyAfterDays: 30},
		Tags:             []Tag{{Key: "owner", Value: "payments"}},
		KMSKeyID:         "arn:aws:kms:us-east-1:123456789012:key/1234",
	}
}

func policyOf(s string) *string { return &s }

const (
	crossAccountPolicy = `{"Statement":{"Effect":"Allow","Principal":{"AWS":"arn:aws:iam::111122223333:root"},"Action":"secretsmanager:GetSecretValue","Resource":"*"}}`
	ownAccountPolicy   = `{"Statement":[{"Effect":"Allow","Principal":{"AWS":["arn:aws:iam::123456789012:role/app","123456789012"]},"Action":"*","Resource":"*"}]}`
	publicPolicy       = `{"Statement":[{"Effect":"Allow","Principal":"*","Action":"*","Resource":"*"}]}`
	conditionedPolicy  = `{"Statement":[{"Effect":"Allow","Principal":"*","Action":"*","Resource":"*","Condition":{"StringEquals":{"aws:PrincipalOrgID":"o-123"}}}]}`
	denyOtherPolicy    = `{"Statement":[{"Effect":"Deny","Principal":{"AWS":"111122223333"},"Action":"*","Resource":"*"}]}`
)

func TestHygieneControls(t *testing.T) {
	tests := []struct {
		name    string
		control string
		edit    func(in *HygieneInput)
		// reason is part of the reason when the control fires; "" when
		// it must not fire.
		reason string
	}{
		{"clean secret", ControlRotationOff, func(*HygieneInput) {}, ""},
		{"rotation off fires", ControlRotationOff, func(in *HygieneInput) { in.Secret.RotationEnabled = false }, "not enabled"},

		{"rotation due within grace", ControlRotationFailed, func(in *HygieneInput) { in.Secret.NextRotationDate = hygieneNow.Add(-RotationGrace) }, ""},
		{"rotation past due and grace", ControlRotationFailed, func(in *HygieneInput) {
			in.Secret.NextRotationDate = hygieneNow.Add(-RotationGrace - time.Second)
		}, "late"},
		{"rotation late by schedule without next date", ControlRotationFailed, func(in *HygieneInput) {
			in.Secret.NextRotationDate, in.Secret.LastRotatedDate = time.Time{}, ago(32, 0)
		}, "2 days late"},
		{"late schedule ignored when rotation is off", ControlRotationFailed, func(in *HygieneInput) {
			in.Secret.RotationEnabled, in.Secret.NextRotationDate = false, ago(30, 0)
		}, ""},
		{"pending left without current", ControlRotationFailed, func(in *HygieneInput) {
			in.Secret.LastChangedDate = ago(1, 0)
			in.Secret.VersionStages = StageMap{{ID: "a", Stages: []string{StageCurrent}}, {ID: "b", Stages: []string{StagePending}}}
		}, "AWSPENDING"},
		{"pending on the current version is fine", ControlRotationFailed, func(in *HygieneInput) {
			in.Secret.VersionStages = StageMap{{ID: "a", Stages: []string{StageCurrent, StagePending}}}
		}, ""},

		{"read exactly 90 days ago", ControlUnused, func(in *HygieneInput) { in.Secret.LastAccessedDate = ago(90, 0) }, ""},
		{"read 90 days and a second ago", ControlUnused, func(in *HygieneInput) { in.Secret.LastAccessedDate = ago(90, -time.Second) }, "last read 90 days ago"},
		{"never read, created 90 days ago", ControlUnused, func(in *HygieneInput) {
			in.Secret.LastAccessedDate, in.Secret.CreatedDate = time.Time{}, ago(90, 0)
		}, ""},
		{"never read, created 91 days ago", ControlUnused, func(in *HygieneInput) {
			in.Secret.LastAccessedDate, in.Secret.CreatedDate = time.Time{}, ago(91, 0)
		}, "never read, created 91 days ago"},

		{"rotated exactly 90 days ago", ControlNotRotated, func(in *HygieneInput) { in.Secret.LastRotatedDate = ago(90, 0) }, ""},
		{"rotated 91 days ago", ControlNotRotated, func(in *HygieneInput) { in.Secret.LastRotatedDate = ago(91, 0) }, "last rotated 91 days ago"},
		{"never rotated, created 91 days ago", ControlNotRotated, func(in *HygieneInput) {
			in.Secret.LastRotatedDate, in.Secret.CreatedDate = time.Time{}, ago(91, 0)
		}, "never rotated, created 91 days ago"},
		{"never rotated, created 90 days ago", ControlNotRotated, func(in *HygieneInput) {
			in.Secret.LastRotatedDate, in.Secret.CreatedDate = time.Time{}, ago(90, 0)
		}, ""},

		{"owner tag missing", ControlMissingTags, func(in *HygieneInput) { in.Secret.Tags = []Tag{{Key: "Owner", Value: "x"}} }, "no tag owner"},

		{"policy unknown", ControlSharedPolicy, func(in *HygieneInput) { in.Policy = nil }, ""},
		{"no policy", ControlSharedPolicy, func(in *HygieneInput) { in.Policy = policyOf("") }, ""},
		{"policy of the own account", ControlSharedPolicy, func(in *HygieneInput) { in.Policy = policyOf(ownAccountPolicy) }, ""},
		{"policy grants another account", ControlSharedPolicy, func(in *HygieneInput) { in.Policy = policyOf(crossAccountPolicy) }, "account 111122223333"},
		{"policy denies another account", ControlSharedPolicy, func(in *HygieneInput) { in.Policy = policyOf(denyOtherPolicy) }, ""},
		{"public policy", ControlSharedPolicy, func(in *HygieneInput) { in.Policy = policyOf(publicPolicy) }, "everyone"},
		{"public policy with a condition", ControlSharedPolicy, func(in *HygieneInput) { in.Policy = policyOf(conditionedPolicy) }, ""},
		{"policy that does not parse", ControlSharedPolicy, func(in *HygieneInput) { in.Policy = policyOf("{") }, ""},

		{"replicas unknown", ControlReplicaFailed, func(in *HygieneInput) { in.Replicas = nil }, ""},
		{"replica in sync", ControlReplicaFailed, func(in *HygieneInput) { in.Replicas = []Replica{{Region: "eu-west-1", Status: "InSync"}} }, ""},
		{"replica failed", ControlReplicaFailed, func(in *HygieneInput) {
			in.Replicas = []Replica{{Region: "eu-west-1", Status: "InSync"}, {Region: "ap-south-1", Status: "Failed", StatusMessage: "KMS key not found"}}
		}, "ap-south-1: KMS key not found"},

		{"deleted, read 30 days ago", ControlDeletedButRead, func(in *HygieneInput) {
			in.Secret.DeletedDate, in.Secret.LastAccessedDate = ago(2, 0), ago(30, 0)
		}, "pending deletion, read 30 days ago"},
		{"deleted, read 30 days and a second ago", ControlDeletedButRead, func(in *HygieneInput) {
			in.Secret.DeletedDate, in.Secret.LastAccessedDate = ago(2, 0), ago(30, -time.Second)
		}, ""},
		{"deleted, never read", ControlDeletedButRead, func(in *HygieneInput) {
			in.Secret.DeletedDate, in.Secret.LastAccessedDate = ago(2, 0), time.Time{}
		}, ""},
		{"read but not deleted", ControlDeletedButRead, func(*HygieneInput) {}, ""},

		{"default key, shared", ControlDefaultKeyShared, func(in *HygieneInput) {
			in.Secret.KMSKeyID, in.Policy = "", policyOf(crossAccountPolicy)
		}, "AWS managed key"},
		{"default key by alias, public", ControlDefaultKeyShared, func(in *HygieneInput) {
			in.Secret.KMSKeyID, in.Policy = "alias/aws/secretsmanager", policyOf(publicPolicy)
		}, "AWS managed key"},
		{"default key, own account only", ControlDefaultKeyShared, func(in *HygieneInput) {
			in.Secret.KMSKeyID, in.Policy = "", policyOf(ownAccountPolicy)
		}, ""},
		{"customer key, shared", ControlDefaultKeyShared, func(in *HygieneInput) { in.Policy = policyOf(crossAccountPolicy) }, ""},
		{"default key, policy unknown", ControlDefaultKeyShared, func(in *HygieneInput) { in.Secret.KMSKeyID, in.Policy = "", nil }, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			in := HygieneInput{Secret: clean(), Policy: policyOf("")}
			tt.edit(&in)
			findings := DefaultHygieneRules().Check(in, hygieneNow)
			i := slices.IndexFunc(findings, func(f Finding) bool { return f.Control.ID == tt.control })
			switch {
			case tt.reason == "" && i >= 0:
				t.Errorf("%s fired: %q", tt.control, findings[i].Reason)
			case tt.reason != "" && i < 0:
				t.Errorf("%s did not fire; findings: %+v", tt.control, findings)
			case tt.reason != "" && !strings.Contains(findings[i].Reason, tt.reason):
				t.Errorf("%s says %q, want %q in it", tt.control, findings[i].Reason, tt.reason)
			}
		})
	}
}

func TestHygieneCleanSecretFailsNothing(t *testing.T) {
	in := HygieneInput{Secret: clean(), Policy: policyOf(ownAccountPolicy), Replicas: []Replica{{Region: "eu-west-1", Status: "InSync"}}}
	if f := DefaultHygieneRules().Check(in, hygieneNow); len(f) != 0 {
		t.Fatalf("a clean secret has findings: %+v", f)
	}
}

func TestHygienePendingDeletionIsCheckedByKH3Only(t *testing.T) {
	s := Secret{Name: "old", CreatedDate: ago(400, 0), DeletedDate: ago(1, 0), LastAccessedDate: ago(2, 0)}
	findings := DefaultHygieneRules().Check(HygieneInput{Secret: s, Policy: policyOf(publicPolicy)}, hygieneNow)
	if len(findings) != 1 || findings[0].Control.ID != ControlDeletedButRead {
		t.Fatalf("findings of a secret pending deletion: %+v", findings)
	}
}

func TestHygieneRulesThresholdsAndTags(t *testing.T) {
	rules := HygieneRules{UnusedDays: 10, RotationDays: 5, RequiredTags: []string{"owner", "env"}, DeletedReadDays: 3}
	s := clean()
	s.LastAccessedDate, s.LastRotatedDate, s.NextRotationDate = ago(11, 0), ago(6, 0), ago(-1, 0)
	var got []string
	for _, f := range rules.Check(HygieneInput{Secret: s}, hygieneNow) {
		got = append(got, f.Control.ID+": "+f.Reason)
	}
	want := []string{
		"SecretsManager.3: last read 11 days ago",
		"SecretsManager.4: last rotated 6 days ago",
		"SecretsManager.5: no tag env",
	}
	if !slices.Equal(got, want) {
		t.Errorf("findings = %q, want %q", got, want)
	}
}

func TestHygieneRulesWithDefaults(t *testing.T) {
	got := HygieneRules{UnusedDays: 7}.WithDefaults()
	if got.UnusedDays != 7 || got.RotationDays != 90 || !slices.Equal(got.RequiredTags, []string{"owner"}) || got.DeletedReadDays != 30 {
		t.Errorf("defaults filled as %+v", got)
	}
	if none := (HygieneRules{RequiredTags: []string{}}).WithDefaults(); len(none.RequiredTags) != 0 {
		t.Errorf("an empty tag list became %q", none.RequiredTags)
	}
	s := clean()
	s.Tags = nil
	if f := (HygieneRules{RequiredTags: []string{}}).Check(HygieneInput{Secret: s}, hygieneNow); len(f) != 0 {
		t.Errorf("no required tags still finds %+v", f)
	}
}

func TestSummarizeFindingsCountsSecretsInControlOrder(t *testing.T) {
	off, tags := HygieneControls()[0], HygieneControls()[4]
	summary := SummarizeFindings([][]Finding{
		{{Control: off}, {Control: tags}},
		{{Control: tags}},
		nil,
	})
	if len(summary) != len(HygieneControls()) {
		t.Fatalf("%d rows, want one per control", len(summary))
	}
	for i, c := range HygieneControls() {
		if summary[i].Control.ID != c.ID {
			t.Errorf("row %d is %s, want %s", i, summary[i].Control.ID, c.ID)
		}
	}
	if summary[0].Count != 1 || summary[4].Count != 2 || summary[1].Count != 0 {
		t.Errorf("counts = %+v", summary)
	}
}
