package main

import (
	"encoding/json"
	"io"
	"net/http"
	"net/http/httptest"
	"os"
	"os/exec"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/charmbracelet/x/vt"
	"github.com/creack/pty"
	"github.com/keyhole-tui/keyhole/awsx/emulator"
)

// invisibleText puts, between visible letters, every invisible or format
// character an audit once found drawn raw: soft hyphen, zero-width
// non-joiner and joiner, function application, invisible times, Hangul
// fillers, combining grapheme joiner, variation selector 16, Mongolian vowel
// separator, Khmer inherent vowel.
const invisibleText = "a\u00adb\u200cc\u200dd\u2061e\u2062f\u3164g\u115fh\u034fi\ufe0fj\u180ek\u17b4l\uffa0m"

// invisibleEscaped is invisibleText as keyhole must show it.
const invisibleEscaped = `a\u00adb\u200cc\u200dd\u2061e\u2062f\u3164g\u115fh\u034fi\ufe0fj\u180ek\u17b4l\uffa0m`

// hostileErrorSecret is the secret whose reads the endpoint answers with an
// error message full of escape sequences.
const hostileErrorSecret = "hostile/error"

// hostileSeed is an account whose every free-text field tries to take over
// the terminal: set its title, write the clipboard, link, move the cursor,
// clear the screen, reorder text, or misalign the columns.
func hostileSeed() emulator.Seed {
	str := func(s string) *string { return &s }
	policy := `{"Version":"2012-10-17","Statement":[{"Sid":"P` + "\u009b2J\u202eSUOICILAM\u202c" + `","Effect":"Allow",` +
		`"Principal":{"AWS":"arn:aws:iam::123456789012:role/app"},"Action":"secretsmanager:GetSecretValue","Resource":"*"}]}`
	value := `{"title":"\u001b]0;value-title\u0007","clip":"\u001b]52;c;cHduZWQ=\u0007","move":"\u001b[1;1HMOVED\u001b[2J",` +
		`"c1":"` + "\u009b" + `2J","bidi":"` + "\u202e" + `txt.exe","ctl":"a\u0007b\bc\rd\u0000e\u007ff"}`
	big := strings.Repeat("\x1b]0;big-title\x07\x1b[2J\x1b[H", 64<<10/22)
	one := func(name, desc string, tags ...emulator.SeedTag) emulator.SeedSecret {
		return emulator.SeedSecret{
			Name: name, Description: desc, Tags: tags,
			Versions: []emulator.SeedVersion{{String: str("plain"), Stages: []string{"AWSCURRENT"}}},
		}
	}
	return emulator.Seed{
		Identities: map[string]string{"AKIAHOSTILE": "arn:aws:iam::123456789012:user/reader"},
		Secrets: []emulator.SeedSecret{
			one("hostile/a-title", "T\x1b]0;pwned-title\x07|\x1b]2;pwned-two\x1b\\",
				emulator.SeedTag{Key: "k\x1b]0;tag-title\x07", Value: "v\x1b[2J"}),
			one("hostile/b-clip", "C\x1b]52;c;cHduZWQ=\x07|\x1b]8;;http://evil.example/\x1b\\link\x1b]8;;\x1b\\"),
			one("hostile/c-cursor", "M\x1b[1;1HMOVED\x1b[5A\x1b[2J\x1b[3J"),
			one("hostile/d-c1", "C1\u009b2J\u009d0;c1-title\u0007"),
			one("hostile/e-bidi", "B\u202egnp.exe\u202c\u2066iso\u2069"),
			one("hostile/f-ctl", "a\x07b\x08c\rd\x00e\x7ff"),
			one("hostile/g-wide", "宽字符🔑密码", emulator.SeedTag{Key: "団体", Value: "値"}),
			one("hostile/h-zero", invisibleText, emulator.SeedTag{Key: "z\u200dw", Value: "j\ufe0f"}),
			{
				Name: "hostile/value", Description: "hostile value",
				Versions: []emulator.SeedVersion{
					{String: str("old"), Stages: []string{"lbl\x1b]0;stage-title\x07", "\u202eSUOICILAM"}},
					{String: str(value), Stages: []string{"AWSCURRENT"}},
				},
				Policy: policy,
			},
			{Name: "hostile/big", Description: "64 KiB", Versions: []emulator.SeedVersion{{String: str(big), Stages: []string{"AWSCURRENT"}}}},
			{Name: "hostile/binary", Description: "bytes", Versions: []emulator.SeedVersion{{Binary: []byte("\xff\xfe\x1b]0;bin\x07"), Stages: []string{"AWSCURRENT"}}}},
			one(hostileErrorSecret, "answers with a hostile error"),
		},
		Events: []emulator.SeedEvent{{
			Time: emulator.Relative(-time.Hour), EventName: "GetSecretValue", SecretID: "hostile/value",
			PrincipalARN: "arn:aws:iam::123456789012:user/p\x1b]0;principal-title\x07",
			SourceIP:     "10.0.0.1\x1b[2J", UserAgent: "ua\x1b]52;c;cHduZWQ=\x07",
			ErrorCode: "Err\u009b2J", ErrorMessage: "msg\x1b]0;error-title\x07",
		}},
	}
}

// hostileEndpoint serves the emulator, except that reads of
// hostileErrorSecret fail with a message that is one long escape sequence.
func hostileEndpoint(emu *emulator.Server) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		body, _ := io.ReadAll(r.Body)
		if r.Header.Get("X-Amz-Target") == "secretsmanager.GetSecretValue" && strings.Contains(string(body), hostileErrorSecret) {
			w.Header().Set("Content-Type", "application/x-amz-json-1.1")
			w.WriteHeader(http.StatusBadRequest)
			_, _ = io.WriteString(w, `{"__type":"HostileException","message":"bad\u001b]0;err-title\u0007\u001b[2J\u001b]52;c;cHduZWQ=\u0007"}`)
			return
		}
		r.Body = io.NopCloser(strings.NewReader(string(body)))
		emu.ServeHTTP(w, r)
	})
}

// titles records every window title the terminal was asked to show.
type titles struct {
	mu  sync.Mutex
	all []string
}

func (tt *titles) add(s string) {
	tt.mu.Lock()
	defer tt.mu.Unlock()
	tt.all = append(tt.all, s)
}

func (tt *titles) list() []string {
	tt.mu.Lock()
	defer tt.mu.Unlock()
	return append([]string(nil), tt.all...)
}

// startWatchedTerm is startTerm with terminal callbacks installed before the
// program writes its first byte.
func startWatchedTerm(t *testing.T, width, height int, cb vt.Callbacks, env []string, args ...string) *term {
	t.Helper()
	cmd := exec.Command(binary, args...)
	cmd.Env = append([]string{"TERM=xterm-256color", "LANG=C.UTF-8", "HOME=" + t.TempDir(), "PATH=" + os.Getenv("PATH")}, env...)
	tm := &term{t: t, cmd: cmd, vt: vt.NewEmulator(width, height), done: make(chan struct{})}
	tm.vt.SetCallbacks(cb)
	f, err := pty.StartWithSize(cmd, &pty.Winsize{Cols: uint16(width), Rows: uint16(height)})
	if err != nil {
		t.Fatalf("start keyhole: %v", err)
	}
	tm.pty = f
	go tm.pump()
	go func() { _, _ = io.Copy(f, tm.vt) }()
	t.Cleanup(tm.close)
	return tm
}

// emulatorEnv is the environment that points keyhole's SDK at a test
// endpoint with static credentials.
func emulatorEnv(accessKey string) []string {
	return []string{"AWS_ACCESS_KEY_ID=" + accessKey, "AWS_SECRET_ACCESS_KEY=test-secret", "AWS_EC2_METADATA_DISABLED=true"}
}

// TestHostileTextNeverReachesTheTerminalRaw walks the list, a revealed
// value, a 64 KiB value, a failed read, the versions, the policy and the
// audit trail of an account full of escape sequences, and checks that none
// of them acted on the terminal: the title stays keyhole's, the clipboard
// is never written, the frame stays where it is, and the escapes are shown
// as text.
func TestHostileTextNeverReachesTheTerminalRaw(t *testing.T) {
	emu := emulator.New(emulator.Options{})
	if err := emu.Load(hostileSeed()); err != nil {
		t.Fatalf("load seed: %v", err)
	}
	srv := httptest.NewServer(hostileEndpoint(emu))
	t.Cleanup(func() {
		srv.Close()
		emu.Close()
	})
	var seen titles
	const width, height = 200, 40
	tm := startWatchedTerm(t, width, height, vt.Callbacks{Title: seen.add, IconName: seen.add},
		emulatorEnv("AKIAHOSTILE"), "--endpoint-url", srv.URL, "--region", "us-east-1", "--reveal-timeout", "0")

	tm.WaitForText("12 of 12 secrets")
	checkFrame(t, tm, "the list")
	for _, escaped := range []string{
		`T\x1b]0;pwned-title\x07|\x1b]2;pwned-two\x1b\`,
		`C\x1b]52;c;cHduZWQ=\x07|\x1b]8;;http://evil.exam`,
		`M\x1b[1;1HMOVED\x1b[5A\x1b[2J\x1b[3J`,
		`C1\u009b2J\u009d0;c1-title\x07`,
		`B\u202egnp.exe\u202c\u2066iso\u2069`,
		`a\x07b\x08c\rd\x00e\x7ff`,
		`k\x1b]0;tag-title\x07=v\x1b[2J`,
		"宽字符🔑密码",
		invisibleEscaped[:32],
		`z\u200dw=j\ufe0f`,
	} {
		if !strings.Contains(tm.Screen(), escaped) {
			t.Errorf("the list does not show %q as text", escaped)
		}
	}
	checkColumnsAligned(t, tm, "ROTATION")

	openByName(tm, "hostile/h-zero")
	tm.WaitForText(invisibleEscaped)
	backToList(tm)

	openByName(tm, "hostile/value")
	tm.Send("V")
	tm.WaitForText(`\x1b]0;value-title\x07`)
	for _, escaped := range []string{`\x1b]52;c;cHduZWQ=\x07`, `\x1b[1;1HMOVED\x1b[2J`, `\u009b2J`, `\u202etxt.exe`, `a\x07b\x08c\rd\x00e\x7ff`} {
		tm.WaitForText(escaped)
	}
	checkFrame(t, tm, "the revealed value")

	tm.Send("h")
	tm.WaitForText("Versions · hostile/value")
	tm.WaitForText(`lbl\x1b]0;stage-title\x07`)
	tm.WaitForText(`\u202eSUOICI`)
	checkFrame(t, tm, "the versions")
	escapeFrom(tm, "Versions · hostile/value")

	tm.Send("P")
	tm.WaitForText("Resource policy · hostile/value")
	tm.WaitForText(`P\u009b2J\u202eSUOICILAM\u202c`)
	checkFrame(t, tm, "the policy")
	escapeFrom(tm, "Resource policy · hostile/value")

	tm.Send("a")
	tm.WaitForText("Audit trail · ")
	tm.WaitForText(`10.0.0.1\x1b[2J`)
	tm.WaitForText(`user/p\x1b]0;principal-title\x07`)
	tm.WaitForText(`ua\x1b]52;c;cHduZ`)
	tm.WaitForText(`Err\u009b2J`)
	checkFrame(t, tm, "the audit trail")
	tm.Send("G\r")
	tm.WaitForText("Event · GetSecretValue")
	tm.WaitForText(`msg\u001b]0;error-title\u0007`)
	checkFrame(t, tm, "the event's JSON")
	escapeFrom(tm, "Event · ")
	escapeFrom(tm, "Audit trail · ")
	backToList(tm)

	openByName(tm, "hostile/big")
	tm.Send("v")
	tm.WaitForText(`\x1b]0;big-title\x07\x1b[2J\x1b[H`)
	checkFrame(t, tm, "the 64 KiB value")
	backToList(tm)

	openByName(tm, "hostile/binary")
	tm.Send("v")
	tm.WaitForText("hex fffe1b5d303b62696e07")
	checkFrame(t, tm, "the binary value")
	backToList(tm)

	openByName(tm, hostileErrorSecret)
	tm.Send("v")
	tm.WaitForText(`bad\x1b]0;err-title\x07\x1b[2J\x1b]52;c;cHduZWQ=\x07`)
	checkFrame(t, tm, "the failed read")

	tm.Send("q")
	if err := tm.Wait(); err != nil {
		t.Fatalf("keyhole exited with %v", err)
	}
	for _, title := range seen.list() {
		if title != "keyhole" && title != "" {
			t.Errorf("the window title was set to %q", title)
		}
	}
	raw := tm.Raw()
	for _, seq := range []string{"\x1b]52;", "\x1b]8;", "\u009b", "\u009d", "\x1b]0;", "\x1b]1;", "MOVED\x1b", "\x1b[3J"} {
		if strings.Contains(raw, seq) {
			t.Errorf("the program wrote %q to the terminal", seq)
		}
	}
}

// TestLsEscapesInvisibleCharacters checks that ls and ls --json show
// invisible and format characters from a description or a tag as escapes,
// so that two descriptions that look alike on screen read differently.
func TestLsEscapesInvisibleCharacters(t *testing.T) {
	secret := scriptSecret("app/invisible", invisibleText, "v")
	secret.Tags = []emulator.SeedTag{{Key: "k" + invisibleText, Value: invisibleText}}
	_, flags := serveScriptSeed(t, emulator.Seed{Secrets: []emulator.SeedSecret{secret}})

	text := runKeyhole(t, append(flags, "ls")...).mustSucceed(t).stdout
	checkNoInvisibleRunes(t, "ls", string(text))
	if rows := lsLines(t, text); len(rows) != 1 || len(rows[0]) != 5 || rows[0][4] != invisibleEscaped {
		t.Fatalf("ls rows = %q, want the description as %s", rows, invisibleEscaped)
	}

	out := string(runKeyhole(t, append(flags, "ls", "--json")...).mustSucceed(t).stdout)
	checkNoInvisibleRunes(t, "ls --json", out)
	if n := strings.Count(out, invisibleEscaped); n != 3 {
		t.Errorf("ls --json shows the escaped text %d times, want 3 (description, tag key, tag value):\n%s", n, out)
	}
	var doc struct {
		SecretList []struct {
			Description string
			Tags        []struct{ Key, Value string }
		}
	}
	if err := json.Unmarshal([]byte(out), &doc); err != nil || len(doc.SecretList) != 1 {
		t.Fatalf("ls --json decodes to %+v (%v)", doc, err)
	}
	if e := doc.SecretList[0]; e.Description != invisibleText || len(e.Tags) != 1 || e.Tags[0].Value != invisibleText {
		t.Fatalf("ls --json decodes to %+q, want the exact text back", e)
	}
}

// checkNoInvisibleRunes fails if out holds any character of invisibleText
// other than its visible letters.
func checkNoInvisibleRunes(t *testing.T, what, out string) {
	t.Helper()
	for _, r := range invisibleText {
		if r >= 0x80 && strings.ContainsRune(out, r) {
			t.Errorf("%s printed %U raw", what, r)
		}
	}
}

// openByName filters the list to name and opens its detail.
func openByName(tm *term, name string) {
	tm.t.Helper()
	tm.Send("/" + name + "\r\r")
	tm.WaitForText("Value · AWSCURRENT")
	tm.WaitFor("the metadata of "+name, func(s string) bool { return !strings.Contains(s, "loading metadata") })
}

// escapeFrom presses esc and waits until the screen no longer shows text,
// so that the next key cannot arrive glued to the escape.
func escapeFrom(tm *term, text string) {
	tm.t.Helper()
	tm.Send("\x1b")
	tm.WaitFor("leaving "+text, func(s string) bool { return !strings.Contains(s, text) })
}

// backToList leaves a detail for the whole list: esc closes the detail,
// esc again clears the filter.
func backToList(tm *term) {
	tm.t.Helper()
	escapeFrom(tm, "Value · AWSCURRENT")
	tm.Send("\x1b")
	tm.WaitForText("12 of 12 secrets")
}

// checkFrame fails unless the header is on the first row and the status
// bar on the last, where keyhole draws them.
func checkFrame(t *testing.T, tm *term, where string) {
	t.Helper()
	lines := strings.Split(tm.Screen(), "\n")
	if len(lines) < 2 {
		t.Fatalf("%s: the screen has %d lines", where, len(lines))
	}
	header, status := strings.TrimSpace(lines[0]), strings.TrimSpace(lines[len(lines)-1])
	if !strings.HasPrefix(header, "keyhole") || !strings.Contains(header, "region us-east-1") || !strings.Contains(header, "RO") {
		t.Errorf("%s: the header row was overwritten: %q", where, header)
	}
	if status == "" || strings.Contains(status, "MOVED") {
		t.Errorf("%s: the status bar was overwritten or cleared: %q\n%s", where, status, tm.Screen())
	}
	if strings.Contains(tm.Screen(), "MOVED") && !strings.Contains(tm.Screen(), `\x1b[1;1HMOVED`) {
		t.Errorf("%s: a cursor move took effect:\n%s", where, tm.Screen())
	}
}

// checkColumnsAligned fails unless every row of the list table starts the
// column titled title at the same cell as its title.
func checkColumnsAligned(t *testing.T, tm *term, title string) {
	t.Helper()
	rows := cellRows(tm)
	col, headerRow := -1, -1
	for y, row := range rows {
		if x := strings.Index(strings.Join(row, ""), title); x >= 0 && strings.Contains(strings.Join(row, ""), "NAME") {
			col, headerRow = cellIndex(row, x), y
			break
		}
	}
	if col < 0 {
		t.Fatalf("no %s column on screen:\n%s", title, tm.Screen())
	}
	checked := 0
	for _, row := range rows[headerRow+1:] {
		line := strings.Join(row, "")
		if !strings.Contains(line, "hostile/") {
			continue
		}
		if row[col-1] != " " || !strings.HasPrefix(strings.Join(row[col:], ""), "off") {
			t.Errorf("the %s column is out of line in %q (cell %d: %q)", title, strings.TrimRight(line, " "), col, strings.Join(row[col:min(col+4, len(row))], ""))
		}
		checked++
	}
	if checked == 0 {
		t.Fatal("no row checked")
	}
}

// cellRows reads the screen cell by cell; a wide character's second cell
// is an empty string.
func cellRows(tm *term) [][]string {
	var rows [][]string
	tm.withScreen(func(screen *vt.Emulator) {
		rows = make([][]string, screen.Height())
		for y := range rows {
			rows[y] = make([]string, screen.Width())
			for x := range rows[y] {
				if c := screen.CellAt(x, y); c != nil {
					rows[y][x] = c.Content
				}
			}
		}
	})
	return rows
}

// cellIndex turns a byte offset in the joined row into a cell index.
func cellIndex(row []string, offset int) int {
	n := 0
	for i, c := range row {
		if n >= offset {
			return i
		}
		n += len(c)
	}
	return len(row)
}
