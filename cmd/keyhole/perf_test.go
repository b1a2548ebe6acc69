package main

import (
	"bytes"
	"fmt"
	"maps"
	"net/http/httptest"
	"os"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"
	"unicode/utf8"

	"github.com/charmbracelet/x/ansi"
	"github.com/keyhole-tui/keyhole/awsx/emulator"
)

// The issue "Performance at 100,000 secrets" is measured here against the
// real binary: the benchmarks in perf_bench_test.go report the numbers, the
// tests below pin down what must always hold (no idle redraws, no call
// beyond ListSecrets and one DescribeSecret).

// perfWidth and perfHeight are the terminal the issue measures in.
const perfWidth, perfHeight = 160, 45

// listRowsTop is the screen line of the first list row: header, then column titles.
const listRowsTop = 2

// emulatorAccount is the account the emulator answers for.
const emulatorAccount = "123456789012"

// syntheticEmulator serves an emulator holding n synthetic secrets on a
// loopback test server and returns it with its URL and the seed.
func syntheticEmulator(tb testing.TB, n int) (*emulator.Server, string, emulator.Seed) {
	tb.Helper()
	seed := emulator.Synthetic(n, 1)
	emu, url := serveSeed(tb, seed)
	return emu, url, seed
}

// serveSeed serves an emulator holding seed on a loopback test server.
func serveSeed(tb testing.TB, seed emulator.Seed) (*emulator.Server, string) {
	tb.Helper()
	emu := emulator.New(emulator.Options{})
	if err := emu.Load(seed); err != nil {
		tb.Fatalf("load %d secrets: %v", len(seed.Secrets), err)
	}
	srv := httptest.NewServer(emu)
	tb.Cleanup(func() {
		srv.Close()
		emu.Close()
	})
	return emu, srv.URL
}

// withoutWideText replaces the descriptions that hold double-width
// characters (the Japanese ones) with plain English.
func withoutWideText(seed emulator.Seed) emulator.Seed {
	for i, s := range seed.Secrets {
		if ansi.StringWidth(s.Description) != utf8.RuneCountInString(s.Description) {
			seed.Secrets[i].Description = "Connection settings of " + strings.Fields(s.Description)[0]
		}
	}
	return seed
}

// startOnEndpoint runs keyhole at 160×45 against the emulator at url.
func startOnEndpoint(tb testing.TB, url string) *term {
	tb.Helper()
	env := []string{"AWS_ACCESS_KEY_ID=AKIAKEYHOLEPERF", "AWS_SECRET_ACCESS_KEY=perf-secret-key", "AWS_EC2_METADATA_DISABLED=true"}
	return startTerm(tb, perfWidth, perfHeight, env, "--endpoint-url", url, "--region", "us-east-1")
}

// visibleNames are the names the list shows, in its order: by name, without
// the secrets pending deletion.
func visibleNames(seed emulator.Seed) []string {
	var names []string
	for _, s := range seed.Secrets {
		if s.Deleted.IsZero() {
			names = append(names, s.Name)
		}
	}
	slices.Sort(names)
	return names
}

// waitScreen polls the screen every two milliseconds until cond holds.
func (tm *term) waitScreen(what string, timeout time.Duration, cond func(screen string) bool) {
	tm.t.Helper()
	deadline := time.Now().Add(timeout)
	for !cond(tm.Screen()) {
		if time.Now().After(deadline) {
			tm.t.Fatalf("timed out after %v waiting for %s; screen:\n%s", timeout, what, tm.Screen())
		}
		time.Sleep(2 * time.Millisecond)
	}
}

// waitListed waits until every one of total secrets is listed, loading has
// ended and the header shows the account.
func (tm *term) waitListed(total int, timeout time.Duration) {
	tm.t.Helper()
	summary := fmt.Sprintf(" of %d secrets · sorted by name", total)
	tm.waitScreen("the whole list", timeout, func(s string) bool {
		return strings.Contains(s, summary) && !strings.Contains(s, "loading") && strings.Contains(s, "account "+emulatorAccount)
	})
}

// waitFiltered waits until the summary no longer counts all visible secrets
// of total: the filter has been applied.
func (tm *term) waitFiltered(visible, total int) {
	tm.t.Helper()
	unfiltered := fmt.Sprintf(" %d of %d secrets", visible, total)
	tm.waitScreen("the filter applied", 15*time.Second, func(s string) bool {
		return strings.Contains(s, fmt.Sprintf(" of %d secrets", total)) && !strings.Contains(s, unfiltered)
	})
}

// rawLen is how many bytes the program wrote so far.
func (tm *term) rawLen() int {
	tm.mu.Lock()
	defer tm.mu.Unlock()
	return tm.raw.Len()
}

// rawSince is what the program wrote after the first n bytes.
func (tm *term) rawSince(n int) []byte {
	tm.mu.Lock()
	defer tm.mu.Unlock()
	return bytes.Clone(tm.raw.Bytes()[n:])
}

// waitQuiet waits until the program has written nothing for quiet and
// returns how many bytes it wrote in all.
func (tm *term) waitQuiet(quiet time.Duration) int {
	tm.t.Helper()
	deadline := time.Now().Add(15 * time.Second)
	n, since := tm.rawLen(), time.Now()
	for time.Now().Before(deadline) {
		time.Sleep(time.Millisecond)
		if m := tm.rawLen(); m != n {
			n, since = m, time.Now()
		} else if time.Since(since) >= quiet {
			return n
		}
	}
	tm.t.Fatalf("the program kept writing for 15s; screen:\n%s", tm.Screen())
	return 0
}

// selectedLine is the text of the list row that shows the cursor bar,
// without the bar. It is empty when no row is selected.
func (tm *term) selectedLine() string {
	lines := strings.Split(tm.Screen(), "\n")
	for _, line := range lines[listRowsTop:min(len(lines), perfHeight-2)] {
		if rest, ok := strings.CutPrefix(line, "▌"); ok {
			return rest
		}
	}
	return ""
}

// waitSelected waits until the selected row shows name.
func (tm *term) waitSelected(name string) {
	tm.t.Helper()
	tm.waitScreen("row "+name+" selected", 15*time.Second, func(string) bool {
		return strings.Contains(tm.selectedLine(), name)
	})
}

// procStatusKB reads a kB figure (VmRSS, VmHWM) of process pid from /proc.
func procStatusKB(tb testing.TB, pid int, field string) int {
	tb.Helper()
	status, err := os.ReadFile(fmt.Sprintf("/proc/%d/status", pid))
	if err != nil {
		tb.Fatalf("read status of process %d: %v", pid, err)
	}
	for line := range strings.Lines(string(status)) {
		if rest, ok := strings.CutPrefix(line, field+":"); ok {
			kb, err := strconv.Atoi(strings.TrimSuffix(strings.TrimSpace(rest), " kB"))
			if err != nil {
				tb.Fatalf("read %s of process %d: %v", field, pid, err)
			}
			return kb
		}
	}
	tb.Fatalf("process %d has no %s", pid, field)
	return 0
}

// TestIdleListWritesNothing pins down that a loaded list with no countdown
// running sends the terminal nothing at all: no spinner, no clock, no
// redraw of an unchanged frame.
func TestIdleListWritesNothing(t *testing.T) {
	t.Parallel()
	t.Run("demo", func(t *testing.T) {
		t.Parallel()
		tm := startTerm(t, perfWidth, perfHeight, nil, "--demo")
		tm.waitScreen("the demo list", 15*time.Second, func(s string) bool {
			return strings.Contains(s, " secrets · sorted by name") && !strings.Contains(s, "loading") && strings.Contains(s, "account ")
		})
		assertIdle(t, tm)
	})
	t.Run("endpoint", func(t *testing.T) {
		t.Parallel()
		_, url, _ := syntheticEmulator(t, 1_000)
		tm := startOnEndpoint(t, url)
		tm.waitListed(1_000, 15*time.Second)
		assertIdle(t, tm)
	})
}

// assertIdle fails when the program writes anything in five seconds without
// input.
func assertIdle(t *testing.T, tm *term) {
	t.Helper()
	before := tm.waitQuiet(300 * time.Millisecond)
	time.Sleep(5 * time.Second)
	if wrote := tm.rawSince(before); len(wrote) > 0 {
		t.Fatalf("wrote %d bytes in 5s without input: %q", len(wrote), wrote[:min(len(wrote), 300)])
	}
}

// TestBrowsingCallsOnlyListAndDescribe opens the app, scrolls, filters and
// opens one secret, then reads the emulator's request log: the ListSecrets
// pages the data set needs and one DescribeSecret. Nothing else: no other
// service (the header's account comes from the listed ARNs, not STS), and
// above all no GetSecretValue: browsing must not read.
func TestBrowsingCallsOnlyListAndDescribe(t *testing.T) {
	t.Parallel()
	const n = 1_234 // 13 pages of 100, the last one short
	emu, url, seed := syntheticEmulator(t, n)
	names := visibleNames(seed)
	tm := startOnEndpoint(t, url)
	tm.waitListed(n, 15*time.Second)

	tm.Send("jjjjj")
	tm.waitSelected(names[5])
	tm.Send("\x04") // ctrl+d: a page down
	tm.waitSelected(names[5+perfHeight-4])
	tm.Send("/payments")
	tm.waitFiltered(len(names), n)
	tm.Send("\r")
	opened := strings.Fields(tm.selectedLine())[0]
	tm.Send("\r")
	tm.waitScreen("the detail of "+opened, 15*time.Second, func(s string) bool {
		return strings.Contains(s, "not loaded") && !strings.Contains(s, "loading metadata")
	})
	tm.waitQuiet(500 * time.Millisecond)

	calls := map[string]int{}
	for _, r := range emu.Requests() {
		calls[r.Operation]++
		if r.Status != 200 {
			t.Errorf("%s answered %d", r.Operation, r.Status)
		}
		if r.Operation == "DescribeSecret" && !strings.HasPrefix(r.SecretID, "arn:") {
			t.Errorf("DescribeSecret named %q, want the ARN from the list", r.SecretID)
		}
	}
	// The list is loaded from both ends at once: the two streams together
	// ask for every page once, and the one that meets the other at most
	// one page more each.
	pages := (n + 99) / 100
	if lists := calls["ListSecrets"]; lists < pages || lists > pages+2 {
		t.Errorf("%d ListSecrets calls, want %d to %d", lists, pages, pages+2)
	}
	delete(calls, "ListSecrets")
	if want := map[string]int{"DescribeSecret": 1}; !maps.Equal(calls, want) {
		t.Fatalf("calls while browsing besides ListSecrets = %v, want %v", calls, want)
	}
}
