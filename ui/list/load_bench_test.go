package list

import (
	"context"
	"fmt"
	"runtime"
	"slices"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/charmbracelet/x/ansi"
	"github.com/keyhole-tui/keyhole/awsx/emulator"
	"github.com/keyhole-tui/keyhole/ui/common"
	"github.com/keyhole-tui/keyhole/ui/internal/uitest"
)

// newLoadingPage is a list screen at 160×45 on a real backend.
func newLoadingPage(b common.Backend) *Page {
	c := uitest.Common()
	c.Backend = b
	p := New(c)
	p.SetSize(160, 43)
	return p
}

// firstPage runs the page's Init and returns the first ListSecrets page it
// fetched, taken as the root takes an answer.
func firstPage(tb testing.TB, p *Page) pageLoadedMsg {
	tb.Helper()
	answer, ok := p.Init()().(common.TaskMsg)
	if !ok || !p.c.Tasks.Accept(answer) {
		tb.Fatalf("the first page is no awaited answer: %#v", answer)
	}
	return answer.Msg.(pageLoadedMsg)
}

// loadAll loads every page as the app does: each page goes through Update,
// whose command fetches the next one.
func loadAll(tb testing.TB, p *Page) {
	tb.Helper()
	s := uitest.Screen{Page: p, Tasks: p.c.Tasks}
	s.Update(firstPage(tb, p))
	if p.loading() || p.loadErr != nil {
		tb.Fatalf("loading ended with loading=%v, err=%v", p.loading(), p.loadErr)
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
	// The emulator logs a request once its answer is written, which the
	// client may have read a moment before.
	lists := 0
	for deadline := time.Now().Add(time.Second); lists == 0 && time.Now().Before(deadline); time.Sleep(5 * time.Millisecond) {
		for _, r := range emu.Requests() {
			if r.Operation == "ListSecrets" {
				lists++
			}
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

// BenchmarkListHeap reports the heap the list screen holds with n secrets
// loaded through the real SDK, after a collection: what the app keeps
// alive, before Go's garbage collector headroom.
func BenchmarkListHeap(b *testing.B) {
	for _, n := range []int{1_000, 100_000, 500_000} {
		b.Run(fmt.Sprintf("n=%d", n), func(b *testing.B) {
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
			b.ReportMetric(float64(live)/float64(n), "bytes/secret")
		})
	}
}
