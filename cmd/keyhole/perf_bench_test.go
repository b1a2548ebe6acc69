package main

import (
	"bytes"
	"encoding/json"
	"fmt"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/charmbracelet/x/ansi"
	"github.com/keyhole-tui/keyhole/assets"
	"github.com/keyhole-tui/keyhole/awsx/emulator"
)

// Run with: go test -run '^$' -bench . -benchtime 1x ./cmd/keyhole
// Each benchmark reports its figure as a metric; one iteration is one whole
// measurement, so -benchtime 1x is enough.

// visibleRows is how many list rows fit at 160×45: the screen less the
// header, column titles, summary and status bar.
const visibleRows = perfHeight - 4

// listSizes are the account sizes the issue measures at: a small one, a
// large one and AWS's limit of 500,000 secrets a region.
var listSizes = []int{1_000, 100_000, 500_000}

// listTimeout is how long listing n secrets may take on a busy machine.
func listTimeout(n int) time.Duration { return time.Minute + time.Duration(n)*time.Millisecond }

// seedVariants are an account of n secrets as emulator.Synthetic makes it,
// where one description in eight is Japanese, and the same with those
// descriptions in English ("ascii"), to tell the cost of double-width text
// apart.
func seedVariants(n int) []struct {
	name string
	seed func() emulator.Seed
} {
	return []struct {
		name string
		seed func() emulator.Seed
	}{
		{fmt.Sprintf("n=%d/synthetic", n), func() emulator.Seed { return emulator.Synthetic(n, 1) }},
		{fmt.Sprintf("n=%d/ascii", n), func() emulator.Seed { return withoutWideText(emulator.Synthetic(n, 1)) }},
	}
}

// BenchmarkCursorMoveBytes counts the bytes written to the terminal per
// cursor move at each list size: 101 moves down from the top, each waited
// for until its frame is fully written. The first 40 moves stay on the
// first screen; the others scroll it by one row.
func BenchmarkCursorMoveBytes(b *testing.B) {
	for _, n := range listSizes {
		for _, v := range seedVariants(n) {
			b.Run(v.name, func(b *testing.B) { measureCursorMoves(b, v.seed()) })
		}
	}
}

// measureCursorMoves runs keyhole on seed and reports the bytes per cursor move.
func measureCursorMoves(b *testing.B, seed emulator.Seed) {
	const moves = 101
	_, url := serveSeed(b, seed)
	names := visibleNames(seed)
	tm := startOnEndpoint(b, url)
	tm.waitListed(len(seed.Secrets), listTimeout(len(seed.Secrets)))
	var inPage, scrolling, erased []int
	for b.Loop() {
		tm.Send("g")
		tm.waitSelected(names[0])
		before := tm.waitQuiet(50 * time.Millisecond)
		for i := 1; i <= moves; i++ {
			tm.Send("j")
			tm.waitSelected(names[i])
			after := tm.waitQuiet(50 * time.Millisecond)
			erased = append(erased, erasedRows(tm.rawSince(before)[:after-before]))
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
	b.ReportMetric(median(erased), "median-erased-lines/move")
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

// BenchmarkResidentMemory reads the resident set of the keyhole process
// with n secrets loaded from an emulator in another process (this one):
// after loading, and its peak after filtering and scrolling to the
// bottom; and both per secret.
func BenchmarkResidentMemory(b *testing.B) {
	for _, n := range listSizes {
		b.Run(fmt.Sprintf("n=%d", n), func(b *testing.B) {
			_, url, seed := syntheticEmulator(b, n)
			visible := len(visibleNames(seed))
			var rss, peak int
			for b.Loop() {
				tm := startOnEndpoint(b, url)
				start := time.Now()
				tm.waitListed(n, listTimeout(n))
				b.Logf("%d secrets listed in %v", n, time.Since(start).Round(time.Millisecond))
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
			b.ReportMetric(float64(rss)*1024/float64(n), "rss-bytes/secret")
			b.ReportMetric(float64(peak)*1024/float64(n), "peak-rss-bytes/secret")
		})
	}
}

// BenchmarkFilterKeystrokeOnScreen types a filter into the list one key at
// a time through the pseudo-terminal, at each list size, and times each
// key from its write to the frame that shows it: the filtering, the
// drawing, Bubble Tea's frame tick (up to 16.7 ms at 60 frames a second)
// and the terminal's round trip. It also counts the bytes each key's
// frames write, waited for until the terminal is quiet.
func BenchmarkFilterKeystrokeOnScreen(b *testing.B) {
	for _, n := range listSizes {
		for _, v := range seedVariants(n) {
			b.Run(v.name, func(b *testing.B) { measureFilterKeys(b, v.seed()) })
		}
	}
}

// measureFilterKeys runs keyhole on seed and reports the time and bytes
// per filter key.
func measureFilterKeys(b *testing.B, seed emulator.Seed) {
	n := len(seed.Secrets)
	_, url := serveSeed(b, seed)
	unfiltered := fmt.Sprintf(" %d of %d secrets", len(visibleNames(seed)), n)
	tm := startOnEndpoint(b, url)
	tm.waitListed(n, listTimeout(n))
	tm.waitQuiet(200 * time.Millisecond)
	const typed = "payments db"
	var times, written, erased []int
	for b.Loop() {
		tm.Send("/")
		tm.waitScreen("the filter line", 15*time.Second, func(s string) bool { return strings.Contains(s, "/ ") || strings.Contains(s, "name, description") })
		before := tm.waitQuiet(50 * time.Millisecond)
		for i := range len(typed) {
			filterLine := "/" + typed[:i+1]
			start := time.Now()
			tm.Send(typed[i : i+1])
			if typed[i] != ' ' { // a trailing space changes no text to wait for
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
			after := tm.waitQuiet(50 * time.Millisecond)
			written = append(written, after-before)
			erased = append(erased, erasedRows(tm.rawSince(before)[:after-before]))
			before = after
		}
		tm.Send("\x1b")
		tm.waitScreen("the whole list", 15*time.Second, func(s string) bool { return strings.Contains(s, unfiltered) })
	}
	b.ReportMetric(median(times)/1000, "median-ms/key")
	b.ReportMetric(float64(slices.Max(times))/1000, "max-ms/key")
	b.ReportMetric(median(written), "median-bytes/key")
	b.ReportMetric(median(erased), "median-erased-lines/key")
	b.Logf("µs per key (spaces not timed): %v; bytes per key: %v", times, written)
}

// erasedRows counts the erase-line sequences (EL) in a frame's bytes. The
// renderer starts each row it repaints whole with one, which it does for
// every row holding a double-width character on every frame; a row it
// diffs has one only when its end became blank.
func erasedRows(frame []byte) int { return bytes.Count(frame, []byte(ansi.EraseLineRight)) }

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
