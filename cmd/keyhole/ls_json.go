package main

import (
	"bufio"
	"io"

	"github.com/keyhole-tui/keyhole/model"
)

// secretListEntryJSON is one element of list-secrets' SecretList, with
// AWS's field names in AWS's order. Absent fields are left out, as AWS does.
type secretListEntryJSON struct {
	ARN                    string             `json:"ARN,omitempty"`
	Name                   string             `json:"Name"`
	Description            string             `json:"Description,omitempty"`
	KmsKeyID               string             `json:"KmsKeyId,omitempty"`
	RotationEnabled        bool               `json:"RotationEnabled,omitempty"`
	RotationLambdaARN      string             `json:"RotationLambdaARN,omitempty"`
	RotationRules          *rotationRulesJSON `json:"RotationRules,omitempty"`
	LastRotatedDate        string             `json:"LastRotatedDate,omitempty"`
	LastChangedDate        string             `json:"LastChangedDate,omitempty"`
	LastAccessedDate       string             `json:"LastAccessedDate,omitempty"`
	DeletedDate            string             `json:"DeletedDate,omitempty"`
	NextRotationDate       string             `json:"NextRotationDate,omitempty"`
	Tags                   []tagJSON          `json:"Tags,omitempty"`
	SecretVersionsToStages model.StageMap     `json:"SecretVersionsToStages,omitempty"`
	OwningService          string             `json:"OwningService,omitempty"`
	CreatedDate            string             `json:"CreatedDate,omitempty"`
	PrimaryRegion          string             `json:"PrimaryRegion,omitempty"`
}

// rotationRulesJSON is a rotation schedule as AWS names its parts.
type rotationRulesJSON struct {
	AutomaticallyAfterDays int64  `json:"AutomaticallyAfterDays,omitempty"`
	Duration               string `json:"Duration,omitempty"`
	ScheduleExpression     string `json:"ScheduleExpression,omitempty"`
}

// tagJSON is one tag as AWS names its parts.
type tagJSON struct {
	Key   string `json:"Key"`
	Value string `json:"Value"`
}

// secretListEntry converts a secret to its list-secrets JSON form.
func secretListEntry(s model.Secret) secretListEntryJSON {
	e := secretListEntryJSON{
		ARN:                    s.ARN,
		Name:                   s.Name,
		Description:            s.Description,
		KmsKeyID:               s.KMSKeyID,
		RotationEnabled:        s.RotationEnabled,
		RotationLambdaARN:      s.RotationLambdaARN,
		LastRotatedDate:        cliTime(s.LastRotatedDate),
		LastChangedDate:        cliTime(s.LastChangedDate),
		LastAccessedDate:       cliTime(s.LastAccessedDate),
		DeletedDate:            cliTime(s.DeletedDate),
		NextRotationDate:       cliTime(s.NextRotationDate),
		SecretVersionsToStages: s.VersionStages,
		OwningService:          s.OwningService,
		CreatedDate:            cliTime(s.CreatedDate),
		PrimaryRegion:          s.PrimaryRegion,
	}
	if !s.RotationRules.IsZero() {
		e.RotationRules = &rotationRulesJSON{
			AutomaticallyAfterDays: s.RotationRules.AutomaticallyAfterDays,
			Duration:               s.RotationRules.Duration,
			ScheduleExpression:     s.RotationRules.ScheduleExpression,
		}
	}
	for _, t := range s.Tags {
		e.Tags = append(e.Tags, tagJSON{Key: t.Key, Value: t.Value})
	}
	return e
}

// jsonSecretWriter streams {"SecretList": [...]} one entry at a time, so a
// list of 100,000 secrets is never held whole.
type jsonSecretWriter struct {
	w     *bufio.Writer
	count int
}

// newJSONSecretWriter starts the document on out.
func newJSONSecretWriter(out io.Writer) *jsonSecretWriter {
	w := bufio.NewWriter(out)
	_, _ = w.WriteString("{\n    \"SecretList\": [") // a bufio.Writer keeps its error for Flush
	return &jsonSecretWriter{w: w}
}

// Write adds one entry to the SecretList array.
func (j *jsonSecretWriter) Write(s model.Secret) error {
	entry, err := marshalJSON(secretListEntry(s), "        ")
	if err != nil {
		return err
	}
	sep := ",\n        "
	if j.count == 0 {
		sep = "\n        "
	}
	j.count++
	if _, err := j.w.WriteString(sep); err != nil {
		return err
	}
	_, err = j.w.Write(entry)
	return err
}

// Close ends the array and the document.
func (j *jsonSecretWriter) Close() error {
	end := "]\n}\n"
	if j.count > 0 {
		end = "\n    ]\n}\n"
	}
	if _, err := j.w.WriteString(end); err != nil {
		return err
	}
	return j.w.Flush()
}
