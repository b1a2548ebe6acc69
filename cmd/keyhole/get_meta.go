package main

import (
	"fmt"
	"io"
	"slices"
	"strings"
	"text/tabwriter"
	"time"

	"github.com/keyhole-tui/keyhole/model"
)

// writeMetadata prints what DescribeSecret tells about a secret, with the
// version ref selects, sanitized for a terminal. A stage no version
// carries is a not-found error.
func writeMetadata(out io.Writer, d model.SecretDetail, ref model.ValueRef) error {
	version, err := selectedVersion(d.Secret, ref)
	if err != nil {
		return err
	}
	tw := tabwriter.NewWriter(out, 0, 8, 2, ' ', 0)
	field := func(label, value string) {
		fmt.Fprintf(tw, "%s:\t%s\n", label, orDash(model.Sanitize(value)))
	}
	field("Name", d.Name)
	field("ARN", d.ARN)
	field("Description", d.Description)
	field("Version", version)
	field("Last changed", cliTime(d.LastChangedDate))
	field("Last accessed", cliTime(d.LastAccessedDate))
	field("Rotation", d.Rotation(time.Now()).String())
	field("KMS key", d.KMSKeyLabel())
	if d.PendingDeletion() {
		field("Deleted", cliTime(d.DeletedDate))
	}
	field("Tags", tagList(d.Tags))
	if err := tw.Flush(); err != nil {
		return fmt.Errorf("write the metadata: %w", err)
	}
	return nil
}

// selectedVersion names the version ref picks, with its stage labels.
func selectedVersion(s model.Secret, ref model.ValueRef) (string, error) {
	id, stage := ref.VersionID, ref.Stage
	if id == "" {
		if stage == "" {
			stage = model.StageCurrent
		}
		found, ok := s.VersionWithStage(stage)
		if !ok {
			return "", notFoundError(fmt.Errorf("secret %s has no version with stage %q", s.Name, stage))
		}
		id = found
	}
	labels, _ := s.VersionStages.Of(id)
	stages := slices.Sorted(slices.Values(labels))
	if len(stages) == 0 {
		return id, nil
	}
	return id + " (" + strings.Join(stages, ", ") + ")", nil
}

// tagList is the tags as key=value, comma-separated, in their order.
func tagList(tags []model.Tag) string {
	parts := make([]string, len(tags))
	for i, t := range tags {
		parts[i] = t.Key + "=" + t.Value
	}
	return strings.Join(parts, ", ")
}
