package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"os"
	"strings"
	"sync/atomic"
	"syscall"

	tea "charm.land/bubbletea/v2"
	"github.com/keyhole-tui/keyhole/awsx"
	"github.com/keyhole-tui/keyhole/awsx/split"
	"github.com/keyhole-tui/keyhole/ui"
	"github.com/keyhole-tui/keyhole/ui/clipboard"
	"github.com/keyhole-tui/keyhole/ui/common"
)

// runTUI opens a session and runs the interactive app until the user quits.
func runTUI(ctx context.Context, g globalFlags, t tuiFlags, f fleetFlags) error {
	clip, err := clipboard.New(t.clipboard, clipboard.EnvFrom(os.Getenv))
	if err != nil {
		return err
	}
	logger, logFile, closeLog, err := openDebugLog(t.debugLog)
	if err != nil {
		return err
	}
	defer closeLog()

	retries := &retryStatus{}
	s, err := openSessionWith(ctx, g, retries.show)
	if err != nil {
		return err
	}
	defer s.close()

	// Signals end the program through watchSignals, which clears the
	// clipboard first, not through the context.
	ctx, cancel := context.WithCancel(context.WithoutCancel(ctx))
	defer cancel()
	cfg := ui.Config{
		Profile:          profileLabel(s),
		Region:           s.client.Region(),
		Endpoint:         endpointLabel(s),
		Demo:             s.demo,
		ReadWrite:        t.readWrite,
		Mouse:            t.mouse,
		RevealTimeout:    t.revealTimeout,
		ClipboardTimeout: t.clipboardTimeout,
		Clipboard:        clip,
		ASCII:            !utf8Locale(os.Getenv),
		Theme:            t.theme,
		Columns:          t.columns,
		Keys:             t.keys,
		Hygiene:          t.hygiene,
		Logger:           logger,
	}
	// The list is loaded from both ends at once, in about half the time.
	lister := split.New(s.client)
	defer lister.Close()
	var backend common.Backend = lister
	if f.on {
		fl, err := openFleet(s, g, f, retries.show)
		if err != nil {
			return err
		}
		defer fl.Close()
		backend = fl
	} else if !s.demo {
		regions := newRegionStore(os.Getenv)
		regions.remember(s.client.Region())
		cfg.Connect, cfg.RememberRegion = connector(g, retries.show), regions.remember
		cfg.Regions = regions.regions(s.client.Region())
		cfg.Profiles, _ = awsx.Profiles(os.Getenv)
		cfg.ProfileRegions, _ = awsx.ProfileRegions(os.Getenv)
	}
	app := ui.New(ctx, backend, cfg)
	p := tea.NewProgram(app, tea.WithContext(ctx), tea.WithoutSignalHandler())
	retries.program.Store(p)
	signals := watchSignals(exitActions{
		quit:    p.Quit,
		abandon: func(sig syscall.Signal) { abandon(p, app, sig) },
		editing: func() bool { return keyboardSignals(int(os.Stdin.Fd())) },
		dump:    logFile,
	})
	_, err = p.Run()
	signals.Stop()
	clearErr := app.ClearClipboardOnExit(os.Stdout)
	if sig := signals.Caught(); sig != 0 {
		return signalError{sig: sig}
	}
	if errors.Is(err, tea.ErrProgramKilled) && ctx.Err() != nil {
		err = nil
	}
	if err == nil && clearErr != nil {
		return fmt.Errorf("the clipboard may still hold a value: %w", clearErr)
	}
	return err
}

// abandon ends keyhole on sig when the program did not stop in time: the
// clipboard is cleared and the terminal restored from here.
func abandon(p *tea.Program, app *ui.App, sig syscall.Signal) {
	p.Kill()
	_ = app.ClearClipboardOnExit(os.Stdout)
	os.Exit(128 + int(sig))
}

// retryStatus puts the SDK's retry notices in the status bar. The clients
// are built before the program, so the program is handed over once it exists.
type retryStatus struct {
	program atomic.Pointer[tea.Program]
}

// show says n in the status bar; before there is a program it is dropped.
// It runs on the goroutine of the call being retried, which must not wait
// on the program (it takes no messages while $EDITOR runs or while
// suspended), so the notice goes on its own goroutine; the status bar never
// lets a notice hide an error, however late it comes.
func (r *retryStatus) show(n awsx.RetryNotice) {
	if p := r.program.Load(); p != nil {
		go p.Send(common.RetryMsg{Text: n.String()})
	}
}

// endpointLabel is the endpoint override to show in the header; the demo's
// own loopback emulator is not worth showing.
func endpointLabel(s *session) string {
	if s.demo {
		return ""
	}
	return s.client.Endpoint()
}

// utf8Locale reports whether the locale promises UTF-8 (LC_ALL, then
// LC_CTYPE, then LANG, as the C library reads them).
func utf8Locale(getenv func(string) string) bool {
	for _, name := range []string{"LC_ALL", "LC_CTYPE", "LANG"} {
		if v := getenv(name); v != "" {
			v = strings.ToLower(v)
			return strings.Contains(v, "utf-8") || strings.Contains(v, "utf8")
		}
	}
	return false
}

// openDebugLog opens the --debug log file, private to the user; without
// --debug the logger is nil and the file a nil writer.
func openDebugLog(path string) (*slog.Logger, io.Writer, func(), error) {
	if path == "" {
		return nil, nil, func() {}, nil
	}
	f, err := os.OpenFile(path, os.O_CREATE|os.O_WRONLY|os.O_APPEND, 0o600)
	if err != nil {
		return nil, nil, nil, fmt.Errorf("open debug log: %w", err)
	}
	logger := slog.New(slog.NewTextHandler(f, &slog.HandlerOptions{Level: slog.LevelDebug}))
	return logger, f, func() { _ = f.Close() }, nil
}

// profileLabel is where the credentials come from, to show in the header:
// a profile, or env for environment variables; the demo has none.
func profileLabel(s *session) string {
	if s.demo {
		return ""
	}
	return s.client.CredentialSource()
}
