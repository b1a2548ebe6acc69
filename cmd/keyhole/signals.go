package main

import (
	"fmt"
	"io"
	"os"
	"os/signal"
	"runtime"
	"sync"
	"syscall"
	"time"
)

// exitGrace is how long an orderly quit on a signal may take before keyhole
// exits without the program: longer than an $EDITOR gets to stop.
const exitGrace = 5 * time.Second

// signalError says keyhole ended on a signal: exit status 128+signal.
type signalError struct{ sig syscall.Signal }

// Error names the signal.
func (e signalError) Error() string { return "stopped by " + signalName(e.sig) }

// signalName is the signal's name as kill(1) spells it.
func signalName(sig syscall.Signal) string {
	switch sig {
	case syscall.SIGINT:
		return "SIGINT"
	case syscall.SIGTERM:
		return "SIGTERM"
	case syscall.SIGHUP:
		return "SIGHUP"
	case syscall.SIGQUIT:
		return "SIGQUIT"
	}
	return sig.String()
}

// signalExit turns the signals that end keyhole (interrupt, terminate,
// hang-up, quit) into an orderly quit of the program, so that the
// clipboard is cleared and the terminal restored whatever ended it. When
// the program does not stop within exitGrace, or a second signal comes,
// abandon runs instead and keyhole exits from here.
//
// An interrupt while the terminal is in line mode is ctrl+c typed to the
// $EDITOR that has the terminal: the editor decides, so it is ignored.
// ctrl+\ there is not: it ends keyhole like kill -QUIT.
type signalExit struct {
	signals chan os.Signal
	stopped chan struct{}
	done    sync.WaitGroup

	mu     sync.Mutex
	caught syscall.Signal
}

// exitActions is what signalExit does: quit asks the program to end,
// abandon ends keyhole without it, editing reports whether an interrupt
// would be typed to an editor, and dump (--debug), when set, is where
// SIGQUIT writes every goroutine's stack first.
type exitActions struct {
	quit    func()
	abandon func(syscall.Signal)
	editing func() bool
	dump    io.Writer
}

// watchSignals starts turning signals into an orderly quit.
func watchSignals(do exitActions) *signalExit {
	w := &signalExit{signals: make(chan os.Signal, 2), stopped: make(chan struct{})}
	signal.Notify(w.signals, syscall.SIGINT, syscall.SIGTERM, syscall.SIGHUP, syscall.SIGQUIT)
	w.done.Add(1)
	go w.loop(do)
	return w
}

func (w *signalExit) loop(do exitActions) {
	defer w.done.Done()
	var grace <-chan time.Time
	for {
		select {
		case <-w.stopped:
			return
		case s := <-w.signals:
			sig, _ := s.(syscall.Signal)
			if sig == syscall.SIGINT && do.editing() {
				continue
			}
			if first := w.record(sig); !first {
				do.abandon(w.Caught())
				return
			}
			if sig == syscall.SIGQUIT && do.dump != nil {
				writeStacks(do.dump)
			}
			go do.quit() // it waits while the program runs $EDITOR
			grace = time.After(exitGrace)
		case <-grace:
			do.abandon(w.Caught())
			return
		}
	}
}

// record notes sig and reports whether it is the first.
func (w *signalExit) record(sig syscall.Signal) bool {
	w.mu.Lock()
	defer w.mu.Unlock()
	if w.caught != 0 {
		return false
	}
	w.caught = sig
	return true
}

// Caught is the first signal that came, or 0.
func (w *signalExit) Caught() syscall.Signal {
	w.mu.Lock()
	defer w.mu.Unlock()
	return w.caught
}

// Stop stops watching once the program has ended.
func (w *signalExit) Stop() {
	signal.Stop(w.signals)
	close(w.stopped)
	w.done.Wait()
}

// writeStacks writes every goroutine's stack to w, for --debug. Stacks hold
// function arguments as machine words, never the text they point to.
func writeStacks(w io.Writer) {
	buf := make([]byte, 1<<20)
	n := runtime.Stack(buf, true)
	_, _ = fmt.Fprintf(w, "SIGQUIT: goroutine dump\n%s\n", buf[:n])
}
