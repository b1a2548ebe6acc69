package main

import (
	"encoding/json"
	"fmt"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/keyhole-tui/keyhole/assets"
	"github.com/keyhole-tui/keyhole/awsx/emulator"
)

// Run with: go test -run '^$' -bench . -benchtime 1x ./cmd/keyhole
// Each benchmark reports its figure as a metric; one iteration is one whole
// measurement, so -benchtime 1x is enough.

// visibleRows is how many list rows fit at 160×45: the screen less the
// header, column titles, summary and status bar.
const visibleRows = perfHeight - 4

// BenchmarkCursorMoveBytes counts the bytes written to the terminal per
// cursor move over 10,000 secrets: 101 moves down from the top, each waited
// for until its frame is fully written. The first 40 moves stay on the
// first screen; the others scroll it by one row. "synthetic" is
// emulator.Synthetic as is, where one description in eight is Japanese;
// "ascii" replaces those with English, to tell the cost of double-width
// text apart.
func BenchmarkCursorMoveBytes(b *testing.B) {
	const n = 10_000
	for _, tc := range []struct {
		name string
		seed emulator.Seed
	}{
		{"synthetic", emulator.Synthetic(n, 1)},
		{"ascii", withoutWideText(emulator.Synthetic(n, 1))},
	} {
		b.Run(tc.name, func(b *testing.B) { measureCursorMoves(b, tc.seed) })
	}
}

// measureCursorMoves runs keyhole on seed and reports the bytes per cursor move.
func measureCursorMoves(b *testing.B, seed emulator.Seed) {
	const moves = 101
	_, url := serveSeed(b, seed)
	names := visibleNames(seed)
	tm := startOnEndpoint(b, url)
	tm.waitListed(len(seed.Secrets), 30*time.Second)
	var inPage, scrolling []int
	for b.Loop() {
		tm.Send("g")
		tm.waitSelected(names[0])
		before := tm.waitQuiet(50 * time.Millisecond)
		for i := 1; i <= moves; i++ {
			tm.Send("j")
			tm.waitSelected(names[i])
			after := tm.waitQuiet(50 * time.Millisecond)
			if i < visibleRows {
				inPage = append(inPage, after-before)
			} else {
				scrolling = append(scrolling, after-before)
			}
			before = after
		}
	}
	all := append(slices.Clone(inPage), scrolling...)
	b.ReportMetric(median(all), "median-bytes/move")
	b.ReportMetric(median(inPage), "median-bytes/move-in-page")
	b.ReportMetric(median(scrolling), "median-bytes/move-scrolling")
	b.Logf("bytes per move: in page %v; scrolling %v", inPage, scrolling)
}

// BenchmarkDemoStart times `keyhole --demo` from process start to the first
// frame that shows the list's first row.
func BenchmarkDemoStart(b *testing.B) {
	first := visibleNames(demoSeed(b))[0]
	var times []int
	for b.Loop() {
		start := time.Now()
		tm := startTerm(b, perfWidth, perfHeight, nil, "--demo")
		tm.waitScreen("the first row", 15*time.Second, func(s string) bool { return strings.Contains(s, first) })
		times = append(times, int(time.Since(start).Microseconds()))
		_ = tm.cmd.Process.Kill()
		_ = tm.cmd.Wait()
	}
	b.ReportMetric(median(times)/1000, "median-ms/start")
	b.ReportMetric(float64(slices.Min(times))/1000, "min-ms/start")
}

// BenchmarkLoad10kInApp times the binary listing 10,000 secrets from the
// emulator: from process start to the first row on screen, and to the
// whole list. Compare with the bare SDK paginator in awsx's
// BenchmarkLoad10k (the emulator runs in this process in both).
func BenchmarkLoad10kInApp(b *testing.B) {
	const n = 10_000
	_, url, seed := syntheticEmulator(b, n)
	first := visibleNames(seed)[0]
	var toFirst, toAll []int
	for b.Loop() {
		start := time.Now()
		tm := startOnEndpoint(b, url)
		tm.waitScreen("the first row", 15*time.Second, func(s string) bool { return strings.Contains(s, first) })
		toFirst = append(toFirst, int(time.Since(start).Microseconds()))
		tm.waitListed(n, 30*time.Second)
		toAll = append(toAll, int(time.Since(start).Microseconds()))
		_ = tm.cmd.Process.Kill()
		_ = tm.cmd.Wait()
	}
	b.ReportMetric(median(toFirst)/1000, "median-ms-to-first-row")
	b.ReportMetric(median(toAll)/1000, "median-ms-to-all")
}

// BenchmarkResidentMemory100k reads the resident set of the keyhole process
// with 100,000 secrets loaded from an emulator in another process (this
// one): after loading, and its peak after filtering and scrolling to the
// bottom.
func BenchmarkResidentMemory100k(b *testing.B) {
	const n = 100_000
	_, url, seed := syntheticEmulator(b, n)
	visible := len(visibleNames(seed))
	var rss, peak int
	for b.Loop() {
		tm := startOnEndpoint(b, url)
		start := time.Now()
		tm.waitListed(n, 120*time.Second)
		b.Logf("100,000 secrets listed in %v", time.Since(start).Round(time.Millisecond))
		tm.waitQuiet(200 * time.Millisecond)
		rss = procStatusKB(b, tm.cmd.Process.Pid, "VmRSS")
		tm.Send("/payments db")
		tm.waitFiltered(visible, n)
		tm.Send("\rG")
		tm.waitQuiet(200 * time.Millisecond)
		peak = procStatusKB(b, tm.cmd.Process.Pid, "VmHWM")
		_ = tm.cmd.Process.Kill()
		_ = tm.cmd.Wait()
	}
	b.ReportMetric(float64(rss)/1024, "rss-MB")
	b.ReportMetric(float64(peak)/1024, "peak-rss-MB")
}

// BenchmarkFilterKeystrokeOnScreen100k types a filter into the list of
// 100,000 secrets one key at a time through the pseudo-terminal and times
// each key from its write to the frame that shows it: the filtering, the
// drawing, Bubble Tea's frame tick (up to 16.7 ms at 60 frames a second)
// and the terminal's round trip.
func BenchmarkFilterKeystrokeOnScreen100k(b *testing.B) {
	const n = 100_000
	_, url, seed := syntheticEmulator(b, n)
	unfiltered := fmt.Sprintf(" %d of %d secrets", len(visibleNames(seed)), n)
	tm := startOnEndpoint(b, url)
	tm.waitListed(n, 120*time.Second)
	tm.waitQuiet(200 * time.Millisecond)
	const typed = "payments db"
	var times []int
	for b.Loop() {
		tm.Send("/")
		tm.waitScreen("the filter line", 15*time.Second, func(s string) bool { return strings.Contains(s, "/ ") || strings.Contains(s, "name, description") })
		for i := range len(typed) {
			filterLine := "/" + typed[:i+1]
			start := time.Now()
			tm.Send(typed[i : i+1])
			if typed[i] == ' ' {
				continue // a trailing space changes no text to wait for
			}
			tm.waitScreen(filterLine, 15*time.Second, func(s string) bool {
				for line := range strings.Lines(s) {
					if strings.TrimSpace(line) == filterLine {
						return true
					}
				}
				return false
			})
			times = append(times, int(time.Since(start).Microseconds()))
		}
		tm.Send("\x1b")
		tm.waitScreen("the whole list", 15*time.Second, func(s string) bool { return strings.Contains(s, unfiltered) })
	}
	b.ReportMetric(median(times)/1000, "median-ms/key")
	b.ReportMetric(float64(slices.Max(times))/1000, "max-ms/key")
}

// demoSeed is the embedded demo data in the home region, where --demo opens.
func demoSeed(tb testing.TB) emulator.Seed {
	tb.Helper()
	var seed emulator.Seed
	if err := json.Unmarshal(assets.DemoSeed(), &seed); err != nil {
		tb.Fatalf("read the demo seed: %v", err)
	}
	return demoHome(seed)
}

// median is the middle of the values.
func median(values []int) float64 {
	if len(values) == 0 {
		return 0
	}
	s := slices.Sorted(slices.Values(values))
	return float64(s[len(s)/2])
}

// BenchmarkSearchWhileLoading50k starts keyhole on 50,000 secrets over a
// 50 ms round trip and at once types the end of the name the listing
// reaches last (the list loads from both ends: the last is in the middle).
// It reports when that secret is on screen, found by AWS's search, and
// when the whole list is loaded.
func BenchmarkSearchWhileLoading50k(b *testing.B) {
	const n = 50_000
	emu, url, seed := syntheticEmulator(b, n)
	emu.SetLatency(50 * time.Millisecond)
	names := visibleNames(seed)
	// The two streams meet in the middle of the names.
	target := names[len(names)/2]
	typed := target[strings.LastIndexByte(target, '/')+1:]
	var toFound, toAll []int
	for b.Loop() {
		start := time.Now()
		tm := startOnEndpoint(b, url)
		tm.Send("/" + typed)
		tm.waitScreen("the typed secret", 30*time.Second, func(s string) bool {
			for line := range strings.Lines(s) {
				if strings.Contains(line, target) && !strings.HasPrefix(strings.TrimSpace(line), "/") {
					return true
				}
			}
			return false
		})
		toFound = append(toFound, int(time.Since(start).Microseconds()))
		tm.waitScreen("the whole list", 120*time.Second, func(s string) bool {
			return strings.Contains(s, fmt.Sprintf(" of %d secrets", n)) && !strings.Contains(s, "loading")
		})
		toAll = append(toAll, int(time.Since(start).Microseconds()))
		_ = tm.cmd.Process.Kill()
		_ = tm.cmd.Wait()
	}
	b.ReportMetric(median(toFound)/1000, "median-ms-to-typed-secret")
	b.ReportMetric(median(toAll)/1000, "median-ms-to-all")
}
