package create

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"slices"
	"strings"

	tea "charm.land/bubbletea/v2"
	"github.com/keyhole-tui/keyhole/model"
	"github.com/keyhole-tui/keyhole/ui/edit/forms"
)

// fieldError is a problem with what was typed, and the field to fix.
type fieldError struct {
	slot slot
	err  error
}

// createInput reads and checks the form. A binary value is read from its file
// later, in a command; until then the input has no value.
func (f *form) createInput() (model.CreateInput, *fieldError) {
	name := f.name.Value()
	if err := model.ValidateName(name); err != nil {
		return model.CreateInput{}, &fieldError{slotName, err}
	}
	tags, err := model.ParseTagList(f.tags.Value())
	if err != nil {
		return model.CreateInput{}, &fieldError{slotTags, err}
	}
	in := model.CreateInput{
		Name:        name,
		Description: f.description.Value(),
		KMSKeyID:    strings.TrimSpace(f.kms.Value()),
		Tags:        tags,
	}
	switch f.kind {
	case kindPairs:
		v, ferr := f.pairsValue()
		if ferr != nil {
			return model.CreateInput{}, ferr
		}
		in.Value = v
	case kindText:
		if f.text.Value() == "" {
			return model.CreateInput{}, &fieldError{slotText, errors.New("enter a value (" + f.c.Keys.Generate.Help().Key + " generates one)")}
		}
		in.Value = model.StringValue(f.text.Value())
	case kindBinary:
		if strings.TrimSpace(f.file.Value()) == "" {
			return model.CreateInput{}, &fieldError{slotFile, errors.New("enter the path of the file that holds the value")}
		}
	}
	return in, nil
}

// pairsValue builds the JSON object of the key/value rows, in their order.
// Rows with neither key nor value are skipped.
func (f *form) pairsValue() (model.Value, *fieldError) {
	var changes []model.JSONChange
	var keys []string
	for i, p := range f.pairs {
		k, v := p.key.Value(), p.value.Value()
		switch {
		case k == "" && v == "":
			continue
		case k == "":
			return model.Value{}, &fieldError{slotPairKey, fmt.Errorf("row %d has a value but no key", i+1)}
		case slices.Contains(keys, k):
			return model.Value{}, &fieldError{slotPairKey, fmt.Errorf("key %s appears twice", model.Sanitize(k))}
		}
		keys = append(keys, k)
		changes = append(changes, model.JSONChange{Path: model.KeyPath(k), Value: model.StringValue(v)})
	}
	if len(changes) == 0 {
		return model.Value{}, &fieldError{slotPairKey, errors.New("add at least one key and value")}
	}
	v, err := model.ApplyJSONChanges(model.StringValue("{}"), changes)
	if err != nil {
		return model.Value{}, &fieldError{slotPairKey, fmt.Errorf("build the JSON value: %w", err)}
	}
	return v, nil
}

// fileReadMsg carries the bytes of the binary value's file.
type fileReadMsg struct {
	value model.Value
	err   error
}

// readFile reads a binary value from path.
func readFile(path string) tea.Msg {
	v, err := readValueFile(path)
	return fileReadMsg{value: v, err: err}
}

// readValueFile reads a value from path, refusing what is not a regular
// file or is larger than Secrets Manager stores. A leading ~/ is the home
// directory.
func readValueFile(path string) (model.Value, error) {
	if rest, ok := strings.CutPrefix(path, "~/"); ok {
		home, err := os.UserHomeDir()
		if err != nil {
			return model.Value{}, fmt.Errorf("find the home directory: %w", err)
		}
		path = filepath.Join(home, rest)
	}
	f, err := os.Open(path)
	if err != nil {
		return model.Value{}, fmt.Errorf("open the value file: %w", err)
	}
	defer f.Close()
	info, err := f.Stat()
	if err != nil {
		return model.Value{}, fmt.Errorf("read the value file: %w", err)
	}
	if !info.Mode().IsRegular() {
		return model.Value{}, errors.New("the value file is not a regular file")
	}
	if info.Size() > forms.MaxValueBytes {
		return model.Value{}, fmt.Errorf("the value file has %d bytes: Secrets Manager stores at most %d", info.Size(), forms.MaxValueBytes)
	}
	data, err := io.ReadAll(io.LimitReader(f, forms.MaxValueBytes+1))
	if err != nil {
		return model.Value{}, fmt.Errorf("read the value file: %w", err)
	}
	if len(data) > forms.MaxValueBytes {
		return model.Value{}, fmt.Errorf("the value file grew past %d bytes while it was read", forms.MaxValueBytes)
	}
	return model.BinaryValue(data), nil
}

// createdMsg carries CreateSecret's answer.
type createdMsg struct {
	arn       string
	versionID string
	err       error
}

// create creates the secret in.
func create(ctx context.Context, b backend, in model.CreateInput) tea.Msg {
	arn, version, err := b.CreateSecret(ctx, in)
	return createdMsg{arn: arn, versionID: version, err: err}
}

// sameInput reports whether two submissions would create the same secret,
// so a resubmission can reuse the first one's token: if the first landed
// after all, AWS answers with it instead of "already exists".
func sameInput(a, b model.CreateInput) bool {
	return a.Name == b.Name && a.Description == b.Description && a.KMSKeyID == b.KMSKeyID &&
		slices.Equal(a.Tags, b.Tags) && a.Value.Equal(b.Value)
}

// createFailure says in words why CreateSecret failed.
func createFailure(name string, err error) string {
	name = model.Sanitize(name)
	var e *model.Error
	if !errors.As(err, &e) {
		return "create " + name + ": " + model.Sanitize(err.Error())
	}
	switch {
	case e.Code == "ResourceExistsException":
		return "a secret named " + name + " already exists: choose another name"
	case e.Kind == model.KindInvalidRequest && strings.Contains(e.Message, "scheduled for deletion"):
		return "a secret named " + name + " is scheduled for deletion: restore it (D in the list shows it, u restores) or choose another name"
	case e.Code == "InvalidParameterException" || e.Code == "ValidationException":
		return "AWS refused the request: " + e.Message
	case e.Kind == model.KindAccessDenied:
		return model.Sanitize(e.Error()) + ": these credentials may not create this secret (or use its KMS key)"
	}
	return "create " + name + ": " + model.Sanitize(e.Error())
}
