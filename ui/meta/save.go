package meta

import (
	"context"
	"fmt"
	"strings"

	tea "charm.land/bubbletea/v2"
	"github.com/keyhole-tui/keyhole/model"
	"github.com/keyhole-tui/keyhole/ui/confirm"
)

// saveTask is the kind of the task that writes the change.
const saveTask = "save"

// backend is what the editor needs from AWS.
type backend interface {
	UpdateSecret(ctx context.Context, in model.UpdateInput) error
	TagSecret(ctx context.Context, id string, tags []model.Tag) error
	UntagSecret(ctx context.Context, id string, keys []string) error
}

// savedMsg reports how the save went.
type savedMsg struct{ err error }

// change is what a save writes: the new description (nil keeps it), the
// tags to set and the tag keys to remove.
type change struct {
	description *string
	set         []model.Tag
	remove      []string
}

// empty reports whether the change writes nothing.
func (c change) empty() bool { return c.description == nil && len(c.set) == 0 && len(c.remove) == 0 }

// describe names what the change does, for the confirmation.
func (c change) describe() string {
	var what []string
	if c.description != nil {
		what = append(what, "the description")
	}
	if len(c.set) > 0 {
		what = append(what, fmt.Sprintf("set %d tag(s)", len(c.set)))
	}
	if len(c.remove) > 0 {
		what = append(what, "remove "+model.Sanitize(strings.Join(c.remove, ", ")))
	}
	return strings.Join(what, ", ")
}

// pending reads the form into the change it asks for.
func (p *Page) pending() (change, error) {
	tags, err := model.ParseTags(p.tags.Value())
	if err != nil {
		return change{}, err
	}
	var ch change
	ch.set, ch.remove = model.TagChanges(p.secret.Tags, tags)
	if desc := p.description.Value(); desc != p.secret.Description {
		ch.description = &desc
	}
	if ch.empty() {
		return change{}, fmt.Errorf("nothing changed")
	}
	return ch, nil
}

// save validates, then asks for confirmation of exactly what will change.
func (p *Page) save() tea.Cmd {
	ch, err := p.pending()
	if err != nil {
		p.err = err
		return nil
	}
	b, arn := p.b, p.secret.ARN
	prompt := "Change " + ch.describe() + " on " + model.Sanitize(p.secret.Name) + "?"
	if w := p.secret.OwnerWarning("changing"); w != "" {
		prompt += "\n" + w
	}
	return confirm.AskTask(p.c, prompt, saveTask,
		func(ctx context.Context) tea.Msg { return savedMsg{err: write(ctx, b, arn, ch)} })
}

// write writes the description, then the tags to set, then removes tags,
// stopping at the first failure so the error says which step failed.
func write(ctx context.Context, b backend, arn string, ch change) error {
	if ch.description != nil {
		if err := b.UpdateSecret(ctx, model.UpdateInput{SecretID: arn, Description: ch.description}); err != nil {
			return fmt.Errorf("update description: %w", err)
		}
	}
	if len(ch.set) > 0 {
		if err := b.TagSecret(ctx, arn, ch.set); err != nil {
			return fmt.Errorf("set tags: %w", err)
		}
	}
	if len(ch.remove) > 0 {
		if err := b.UntagSecret(ctx, arn, ch.remove); err != nil {
			return fmt.Errorf("remove tags: %w", err)
		}
	}
	return nil
}
