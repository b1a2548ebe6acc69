package main

import (
	"bufio"
	"io"
	"strings"
	"text/tabwriter"
	"time"

	"github.com/keyhole-tui/keyhole/model"
)

// textSecretWriter prints secrets as lines of tab-separated columns; on a
// terminal it adds a header and aligns the columns.
type textSecretWriter struct {
	// out is a tabwriter on a terminal, a buffer on a pipe.
	out     interface{ Flush() error }
	w       io.Writer
	deleted bool
	now     time.Time
	// fleet adds the ACCOUNT and REGION columns first.
	fleet bool
}

// newTextSecretWriter writes to out; withDeleted adds the DELETED column;
// now decides the rotation state.
func newTextSecretWriter(out io.Writer, terminal, withDeleted bool, now time.Time) *textSecretWriter {
	t := &textSecretWriter{deleted: withDeleted, now: now}
	if terminal {
		tw := tabwriter.NewWriter(out, 0, 8, 2, ' ', 0)
		t.out, t.w = tw, tw
		_ = t.writeRow(t.header()) // a tabwriter holds it until Flush
		return t
	}
	bw := bufio.NewWriter(out)
	t.out, t.w = bw, bw
	return t
}

// header names the columns.
func (t *textSecretWriter) header() []string {
	cols := []string{"NAME", "LAST CHANGED", "LAST ACCESSED", "ROTATION", "DESCRIPTION"}
	if t.deleted {
		cols = []string{"NAME", "LAST CHANGED", "LAST ACCESSED", "ROTATION", "DELETED", "DESCRIPTION"}
	}
	if t.fleet {
		cols = append([]string{"ACCOUNT", "REGION"}, cols...)
	}
	return cols
}

// Write prints one secret.
func (t *textSecretWriter) Write(s model.Secret) error {
	var row []string
	if t.fleet {
		row = append(row, orDash(model.Sanitize(model.AccountFromARN(s.ARN))), orDash(model.Sanitize(model.RegionFromARN(s.ARN))))
	}
	row = append(row,
		orDash(model.Sanitize(s.Name)),
		textTime(s.LastChangedDate),
		textTime(s.LastAccessedDate),
		s.Rotation(t.now).String(),
	)
	if t.deleted {
		row = append(row, textTime(s.DeletedDate))
	}
	row = append(row, orDash(model.Sanitize(s.Description)))
	return t.writeRow(row)
}

// writeRow prints one line of tab-separated cells.
func (t *textSecretWriter) writeRow(cells []string) error {
	_, err := io.WriteString(t.w, strings.Join(cells, "\t")+"\n")
	return err
}

// Close prints what is left.
func (t *textSecretWriter) Close() error { return t.out.Flush() }

// orDash is s, or "-" when s is empty, so no column is blank.
func orDash(s string) string {
	if s == "" {
		return "-"
	}
	return s
}
