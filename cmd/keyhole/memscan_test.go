package main

import (
	"bufio"
	"bytes"
	"fmt"
	"net/http/httptest"
	"os"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/keyhole-tui/keyhole/awsx/emulator"
)

// memCopies counts the copies of text in the writable memory of process
// pid: its heap, its stacks and every other private mapping, free memory
// not yet reused included, as an attacker reading a core dump would.
func memCopies(t *testing.T, pid int, text []byte) int {
	t.Helper()
	maps, err := os.Open(fmt.Sprintf("/proc/%d/maps", pid))
	if err != nil {
		t.Fatalf("read the process's mappings: %v", err)
	}
	defer maps.Close()
	mem, err := os.Open(fmt.Sprintf("/proc/%d/mem", pid))
	if err != nil {
		t.Fatalf("open the process's memory: %v", err)
	}
	defer mem.Close()
	count := 0
	lines := bufio.NewScanner(maps)
	for lines.Scan() {
		f := strings.Fields(lines.Text())
		if len(f) < 2 || !strings.HasPrefix(f[1], "rw") {
			continue
		}
		from, to, _ := strings.Cut(f[0], "-")
		start, err1 := strconv.ParseUint(from, 16, 64)
		end, err2 := strconv.ParseUint(to, 16, 64)
		if err1 != nil || err2 != nil {
			continue
		}
		buf := make([]byte, end-start)
		n, _ := mem.ReadAt(buf, int64(start))
		count += bytes.Count(buf[:n], text)
	}
	return count
}

// memCanary is the value the memory test reveals: long enough that no
// copy is a coincidence, and JSON so that it is parsed into a field.
const memCanary = "canary-memory-5e9d-Xp31Lw"

// maxCopiesAfterLeaving bounds the copies of a value left in keyhole's
// memory once its screen is left: 13–18 are measured (the SDK's response
// buffers and the last frames drawn, which only reuse overwrites), 30
// before keyhole wiped what it holds and drew a revealed field once.
const maxCopiesAfterLeaving = 20

// TestARevealedValueLeavesFewCopiesInMemory reveals a value in the real
// binary and counts its copies in the process's memory while revealed,
// masked, and after the screen is left.
func TestARevealedValueLeavesFewCopiesInMemory(t *testing.T) {
	value := `{"user":"app","password":"` + memCanary + `"}`
	emu := emulator.New(emulator.Options{})
	if err := emu.Load(emulator.Seed{Secrets: []emulator.SeedSecret{{
		Name: "mem/db", Versions: []emulator.SeedVersion{{String: &value, Stages: []string{"AWSCURRENT"}}},
	}}}); err != nil {
		t.Fatal(err)
	}
	srv := httptest.NewServer(emu)
	t.Cleanup(func() { srv.Close(); emu.Close() })

	tm := startTerm(t, 100, 30, emulatorEnv("AKIAMEM"),
		"--endpoint-url", srv.URL, "--region", "us-east-1", "--reveal-timeout", "0")
	tm.WaitForText("1 of 1 secrets")
	pid := tm.cmd.Process.Pid
	canary := []byte(memCanary)
	tm.Send("\r")
	tm.WaitForText("not loaded")
	tm.Send("v")
	tm.WaitForText("pick a field")
	tm.Send("v")
	tm.WaitForText("user      app")
	tm.Send("jv")
	tm.WaitForText(memCanary)
	revealed := memCopies(t, pid, canary)
	tm.Send("v")
	tm.WaitFor("masked", func(s string) bool { return !strings.Contains(s, memCanary) })
	time.Sleep(200 * time.Millisecond)
	masked := memCopies(t, pid, canary)
	tm.Send("\x1b")
	tm.WaitForText("1 of 1 secrets")
	time.Sleep(200 * time.Millisecond)
	left := memCopies(t, pid, canary)
	t.Logf("copies of the value in memory: revealed %d, masked %d, left %d", revealed, masked, left)
	if left > maxCopiesAfterLeaving || left >= revealed {
		t.Errorf("%d copies of the value stay in memory after leaving its screen, want at most %d", left, maxCopiesAfterLeaving)
	}
}
