package rotation

import (
	"strconv"

	"charm.land/bubbles/v2/textinput"
	tea "charm.land/bubbletea/v2"
	"github.com/keyhole-tui/keyhole/model"
	"github.com/keyhole-tui/keyhole/ui/styles"
)

// scheduleForm edits the rotation schedule: days or an expression, the
// window, and the rotation function. It validates before anything is sent.
type scheduleForm struct {
	inputs [3]textinput.Model
	focus  int
	err    error
}

const (
	fieldSchedule = iota
	fieldWindow
	fieldFunction
)

// newScheduleForm starts from the secret's current configuration.
func newScheduleForm(s model.Secret) (*scheduleForm, tea.Cmd) {
	f := &scheduleForm{}
	labels := [3]string{"schedule  ", "window    ", "function  "}
	placeholders := [3]string{"30, rate(12 hours) or cron(0 4 ? * SUN *)", "3h (optional)", "arn:aws:lambda:…"}
	for i := range f.inputs {
		in := textinput.New()
		in.Prompt = labels[i]
		in.Placeholder = placeholders[i]
		in.CharLimit = 2048
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
	return f, f.inputs[fieldSchedule].Focus()
}

// rules reads and validates the form.
func (f *scheduleForm) rules() (model.RotationRules, string, error) {
	r, err := model.ParseSchedule(f.inputs[fieldSchedule].Value(), f.inputs[fieldWindow].Value())
	if err != nil {
		return r, "", err
	}
	return r, f.inputs[fieldFunction].Value(), nil
}

// update moves between fields with tab and shift+tab and types into the
// focused one.
func (f *scheduleForm) update(msg tea.KeyPressMsg) tea.Cmd {
	switch msg.String() {
	case "tab", "down":
		return f.setFocus((f.focus + 1) % len(f.inputs))
	case "shift+tab", "up":
		return f.setFocus((f.focus + len(f.inputs) - 1) % len(f.inputs))
	}
	var cmd tea.Cmd
	f.inputs[f.focus], cmd = f.inputs[f.focus].Update(msg)
	f.err = nil
	return cmd
}

func (f *scheduleForm) setFocus(i int) tea.Cmd {
	f.inputs[f.focus].Blur()
	f.focus = i
	return f.inputs[i].Focus()
}

// setWidth fits the inputs to the screen.
func (f *scheduleForm) setWidth(width int) {
	for i := range f.inputs {
		f.inputs[i].SetWidth(max(width-16, 10))
	}
}

func (f *scheduleForm) view(st *styles.Styles) string {
	out := st.Title.Render("Rotation schedule") + "\n"
	for i := range f.inputs {
		out += f.inputs[i].View() + "\n"
	}
	if f.err != nil {
		out += st.Error.Render(f.err.Error()) + "\n"
	}
	out += st.Muted.Render("enter saves · tab next field · esc cancels")
	return st.Dialog.Render(out)
}
