package list

import (
	"context"
	"runtime"
	"slices"
	"strings"
	"syscall"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"
	"github.com/keyhole-tui/keyhole/awsx/emulator"
	"github.com/keyhole-tui/keyhole/ui/common"
	"github.com/keyhole-tui/keyhole/ui/internal/uitest"
	"github.com/keyhole-tui/keyhole/ui/keys"
	"github.com/keyhole-tui/keyhole/ui/styles"
)

// newLoadingPage is a list screen at 160×45 on a real backend.
func newLoadingPage(b common.Backend) *Page {
	st := styles.New(true, false)
	km := keys.Default()
	p := New(common.Common{Ctx: context.Background(), Backend: b, Styles: &st, Keys: &km, Now: uitest.Clock})
	p.SetSize(160, 43)
	return p
}

// firstPage runs the page's Init and returns the first ListSecrets page it
// fetched; the other commands Init starts (the spinner) are left to run.
func firstPage(tb testing.TB, p *Page) pageLoadedMsg {
	tb.Helper()
	msgs := make(chan tea.Msg, 4)
	var run func(tea.Cmd)
	run = func(cmd tea.Cmd) {
		if cmd == nil {
			return
		}
		go func() {
			msg := cmd()
			if batch, ok := msg.(tea.BatchMsg); ok {
				for _, c := range batch {
					run(c)
				}
				return
			}
			msgs <- msg
		}()
	}
	run(p.Init())
	timeout := time.After(10 * time.Second)
	for {
		select {
		case msg := <-msgs:
			if page, ok := msg.(pageLoadedMsg); ok {
				return page
			}
		case <-timeout:
			tb.Fatal("no first page within 10s")
		}
	}
}

// loadAll loads every page as the app does: each page goes through Update,
// whose command fetches the next one.
func loadAll(tb testing.TB, p *Page) {
	tb.Helper()
	queue := []tea.Msg{firstPage(tb, p)}
	for len(queue) > 0 {
		msg := queue[0]
		queue = queue[1:]
		if batch, ok := msg.(tea.BatchMsg); ok {
			for _, c := range batch {
				if c != nil {
					queue = append(queue, c())
				}
			}
			continue
		}
		if _, cmd := p.Update(msg); cmd != nil {
			queue = append(queue, cmd())
		}
	}
	if p.loading || p.loadErr != nil {
		tb.Fatalf("loading ended with loading=%v, err=%v", p.loading, p.loadErr)
	}
}

// TestFirstPageIsOnScreenBeforeTheNextIsFetched pins down that the list
// shows the first ListSecrets answer at once, while the next page is still
// to come.
func TestFirstPageIsOnScreenBeforeTheNextIsFetched(t *testing.T) {
	seed := emulator.Synthetic(1_000, 1)
	emu, client := uitest.Backend(t, seed)
	var names []string
	for _, s := range seed.Secrets {
		if s.Deleted.IsZero() {
			names = append(names, s.Name)
		}
	}
	slices.Sort(names)
	p := newLoadingPage(client)

	_, next := p.Update(firstPage(t, p))
	if next == nil {
		t.Fatal("no command to fetch the second page")
	}
	screen := ansi.Strip(p.View())
	for _, name := range names[:3] {
		if !strings.Contains(screen, name) {
			t.Errorf("first rows not on screen after the first page: %s missing from\n%s", name, screen)
		}
	}
	if !strings.Contains(screen, "of 100 secrets") || !strings.Contains(screen, "loading") {
		t.Errorf("summary should count the first 100 and say loading goes on:\n%s", screen)
	}
	var lists int
	for _, r := range emu.Requests() {
		if r.Operation == "ListSecrets" {
			lists++
		}
	}
	if lists != 1 {
		t.Errorf("%d ListSecrets calls before the first page was drawn, want 1", lists)
	}
}

// BenchmarkLoadIntoList10k loads 10,000 secrets from the emulator through
// the real SDK: the awsx calls alone, then the same calls with each page
// taken in by the list screen as the app does. Compare with the bare SDK
// paginator in awsx's BenchmarkLoad10k.
func BenchmarkLoadIntoList10k(b *testing.B) {
	_, client := uitest.Backend(b, emulator.Synthetic(10_000, 1))
	b.Run("awsx", func(b *testing.B) {
		defer reportCPU(b)()
		for b.Loop() {
			token, pages := "", 0
			for {
				page, err := client.ListSecretsPage(context.Background(), listQuery(), token)
				if err != nil {
					b.Fatal(err)
				}
				pages++
				if token = page.NextToken; token == "" {
					break
				}
			}
			if pages != 100 {
				b.Fatalf("%d pages, want 100", pages)
			}
		}
	})
	b.Run("awsx+list", func(b *testing.B) {
		defer reportCPU(b)()
		for b.Loop() {
			p := newLoadingPage(client)
			loadAll(b, p)
			if n, _ := p.Count(); n != 10_000 {
				b.Fatalf("%d secrets listed, want 10000", n)
			}
		}
	})
}

// reportCPU starts counting the process's CPU time; the function it returns
// reports it per iteration, a steadier figure than wall time on a shared
// machine. Emulator, SDK and list run in this process alike.
func reportCPU(b *testing.B) func() {
	start := cpuTime(b)
	return func() {
		b.ReportMetric(float64((cpuTime(b)-start).Milliseconds())/float64(b.N), "cpu-ms/op")
	}
}

// cpuTime is the user and system time this process has used.
func cpuTime(b *testing.B) time.Duration {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		b.Fatalf("read CPU time: %v", err)
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}

// BenchmarkListHeap100k reports the heap the list screen holds with
// 100,000 secrets loaded through the real SDK, after a collection: what
// the app keeps alive, before Go's garbage collector headroom.
func BenchmarkListHeap100k(b *testing.B) {
	const n = 100_000
	_, client := uitest.Backend(b, emulator.Synthetic(n, 1))
	var live uint64
	for b.Loop() {
		var before, after runtime.MemStats
		runtime.GC()
		runtime.ReadMemStats(&before)
		p := newLoadingPage(client)
		loadAll(b, p)
		runtime.GC()
		runtime.ReadMemStats(&after)
		live = after.HeapAlloc - before.HeapAlloc
		runtime.KeepAlive(p)
	}
	b.ReportMetric(float64(live)/(1<<20), "live-heap-MB")
	b.ReportMetric(float64(live)/n, "bytes/secret")
}
