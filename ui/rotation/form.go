package rotation

import (
	"strconv"
	"strings"

	"charm.land/bubbles/v2/key"
	"charm.land/bubbles/v2/textinput"
	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"
	"github.com/keyhole-tui/keyhole/model"
	"github.com/keyhole-tui/keyhole/ui/common"
	"github.com/keyhole-tui/keyhole/ui/edit/forms"
	"github.com/keyhole-tui/keyhole/ui/widget"
)

// scheduleForm edits the rotation schedule: days or an expression, the
// window, and the rotation function. It validates before anything is
// sent. The root shows it in its modal slot.
type scheduleForm struct {
	c      common.Common
	arn    string
	inputs [3]textinput.Model
	focus  int
	err    error
}

// scheduledMsg is a schedule of secret arn that the form validated, to
// confirm and send.
type scheduledMsg struct {
	arn       string
	rules     model.RotationRules
	lambdaARN string
}

const (
	fieldSchedule = iota
	fieldWindow
	fieldFunction
)

// openScheduleForm opens the form on the secret's current configuration.
func openScheduleForm(c common.Common, s model.Secret) tea.Cmd {
	f := scheduleForm{c: c, arn: s.ARN}
	labels := [3]string{"schedule  ", "window    ", "function  "}
	placeholders := [3]string{"30 (days), rate(12 hours) or cron(0 4 ? * SUN *)", "3h (optional)", "arn:aws:lambda:" + c.Ellipsis()}
	for i := range f.inputs {
		in := forms.NewTextInput(placeholders[i], 2048)
		in.Prompt = labels[i]
		f.inputs[i] = in
	}
	r := s.RotationRules
	switch {
	case r.ScheduleExpression != "":
		f.inputs[fieldSchedule].SetValue(r.ScheduleExpression)
	case r.AutomaticallyAfterDays > 0:
		f.inputs[fieldSchedule].SetValue(strconv.FormatInt(r.AutomaticallyAfterDays, 10))
	}
	f.inputs[fieldWindow].SetValue(r.Duration)
	f.inputs[fieldFunction].SetValue(s.RotationLambdaARN)
	focus := f.inputs[fieldSchedule].Focus()
	c.Slot.Open(f)
	return focus
}

// Update saves on the save key, as every form does, or on the open key,
// once the form is valid; it moves between
// fields on the next- and previous-field keys, closes on back, and types
// into the focused field.
func (f scheduleForm) Update(msg tea.Msg) (common.Modal, tea.Cmd) {
	press, isKey := msg.(tea.KeyPressMsg)
	k := f.c.Keys
	switch {
	case isKey && key.Matches(press, k.Back):
		return nil, nil
	case isKey && (key.Matches(press, k.Save) || key.Matches(press, k.Open)):
		return f.submit()
	case isKey && key.Matches(press, k.NextField):
		return f, f.setFocus((f.focus + 1) % len(f.inputs))
	case isKey && key.Matches(press, k.PrevField):
		return f, f.setFocus((f.focus + len(f.inputs) - 1) % len(f.inputs))
	}
	var cmd tea.Cmd
	f.inputs[f.focus], cmd = f.inputs[f.focus].Update(msg)
	if isKey {
		f.err = nil
	}
	return f, cmd
}

// submit closes the form with its schedule, or says what is wrong with it.
func (f scheduleForm) submit() (common.Modal, tea.Cmd) {
	rules, err := model.ParseSchedule(f.inputs[fieldSchedule].Value(), f.inputs[fieldWindow].Value())
	if err != nil {
		f.err = err
		return f, nil
	}
	return nil, common.Send(scheduledMsg{arn: f.arn, rules: rules, lambdaARN: f.inputs[fieldFunction].Value()})
}

func (f *scheduleForm) setFocus(i int) tea.Cmd {
	f.inputs[f.focus].Blur()
	f.focus = i
	return f.inputs[i].Focus()
}

// View draws the fields, fitted to width, and what is wrong, if anything:
// a long value, such as a function's ARN, scrolls inside its field.
func (f scheduleForm) View(width int) string {
	st, k := f.c.Styles, f.c.Keys
	inner := widget.Inner(st.Dialog, width)
	lines := []string{st.Title.Render("Rotation schedule")}
	for i, in := range f.inputs {
		pointer, unit := forms.Pointer(f.c, i == f.focus), f.unit(i)
		room := widget.FieldWidth(in.Prompt, inner-ansi.StringWidth(pointer))
		if unit != "" {
			// A number is short: the unit follows it, not the field's end.
			room = min(len(in.Value()), room-len(unit))
		}
		lines = append(lines, pointer+widget.FitInput(in, room).View()+unit)
	}
	if f.err != nil {
		lines = append(lines, widget.WrapIn(st.Error, f.err.Error(), inner))
	}
	saves := forms.Hint{Key: k.Save, Does: "or " + k.Open.Help().Key + " saves"}
	hint := forms.Hints(saves, forms.Hint{Key: k.NextField, Does: "next field"}, forms.Hint{Key: k.Back, Does: "cancels"})
	lines = append(lines, widget.WrapIn(st.Hint, hint, inner))
	return widget.Box(st.Dialog, width, f.c.Ellipsis(), lines...)
}

// unit is what follows field i: "days" after a schedule given as a number,
// which Secrets Manager reads as days.
func (f scheduleForm) unit(i int) string {
	v := strings.TrimSpace(f.inputs[i].Value())
	if i != fieldSchedule || v == "" || strings.Trim(v, "0123456789") != "" {
		return ""
	}
	return " days"
}
