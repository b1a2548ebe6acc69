package main

import (
	"context"
	"fmt"
	"io"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"
	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/config"
	"github.com/aws/aws-sdk-go-v2/credentials"
	"github.com/aws/aws-sdk-go-v2/service/secretsmanager"
	"github.com/aws/aws-sdk-go-v2/service/secretsmanager/types"
	"github.com/aws/smithy-go/logging"
	"github.com/charmbracelet/colorprofile"

	"github.com/keyhole-tui/keyhole/awsx"
	"github.com/keyhole-tui/keyhole/ui"
)

// BenchmarkLoad10kAppVsPaginator lists 10,000 secrets from one emulator,
// in turns: the whole app (ui.New in a Bubble Tea program drawing to
// nowhere, through awsx and the real SDK) until its list is complete, and
// the bare SDK paginator over the same pages. It reports both times and
// their ratio; taking turns keeps a busy machine from favouring either.
func BenchmarkLoad10kAppVsPaginator(b *testing.B) {
	const n = 10_000
	_, url, _ := syntheticEmulator(b, n)
	creds := credentials.NewStaticCredentialsProvider("AKIAKEYHOLEPERF", "perf-secret-key", "")
	ctx := context.Background()
	client, err := awsx.New(ctx, awsx.Options{Region: "us-east-1", EndpointURL: url, Credentials: creds})
	if err != nil {
		b.Fatal(err)
	}
	cfg, err := config.LoadDefaultConfig(ctx, config.WithRegion("us-east-1"), config.WithCredentialsProvider(creds), config.WithLogger(logging.Nop{}))
	if err != nil {
		b.Fatal(err)
	}
	sm := secretsmanager.NewFromConfig(cfg, func(o *secretsmanager.Options) { o.BaseEndpoint = aws.String(url) })

	var app, bare, appCPU, bareCPU time.Duration
	for b.Loop() {
		start, cpu := time.Now(), processCPU(b)
		runAppUntilListed(b, client, n)
		app += time.Since(start)
		appCPU += processCPU(b) - cpu

		start, cpu = time.Now(), processCPU(b)
		listWithPaginator(b, sm, n)
		bare += time.Since(start)
		bareCPU += processCPU(b) - cpu
	}
	perOp := func(d time.Duration) float64 { return float64(d.Milliseconds()) / float64(b.N) }
	b.ReportMetric(perOp(app), "app-ms/op")
	b.ReportMetric(perOp(bare), "paginator-ms/op")
	b.ReportMetric(float64(app)/float64(bare), "app/paginator")
	b.ReportMetric(float64(appCPU)/float64(bareCPU), "app/paginator-cpu")
}

// runAppUntilListed runs the app at 160×45 until its list holds all n secrets.
func runAppUntilListed(b *testing.B, client *awsx.Client, n int) {
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	m := &untilListed{
		Model:   ui.New(ctx, client, ui.Config{Region: "us-east-1", ClipboardTimeout: 0, RevealTimeout: 0}),
		summary: fmt.Sprintf(" of %d secrets · sorted by name", n),
		done:    make(chan struct{}),
	}
	p := tea.NewProgram(m, tea.WithContext(ctx), tea.WithInput(nil), tea.WithOutput(io.Discard),
		tea.WithWindowSize(perfWidth, perfHeight), tea.WithColorProfile(colorprofile.ANSI256), tea.WithoutSignalHandler())
	go func() {
		select {
		case <-m.done:
		case <-time.After(30 * time.Second):
			b.Error("the app did not list every secret within 30s")
		}
		p.Quit()
	}()
	if _, err := p.Run(); err != nil {
		b.Fatalf("run the app: %v", err)
	}
}

// untilListed is the app, watched: the first frame that shows the whole
// list, loading over, closes done.
type untilListed struct {
	tea.Model
	summary string
	done    chan struct{}
	once    sync.Once
}

// Update forwards to the app and keeps the watch on what it returns.
func (m *untilListed) Update(msg tea.Msg) (tea.Model, tea.Cmd) {
	var cmd tea.Cmd
	m.Model, cmd = m.Model.Update(msg)
	return m, cmd
}

// View draws the app and notes when the whole list is on it.
func (m *untilListed) View() tea.View {
	v := m.Model.View()
	if strings.Contains(v.Content, m.summary) && !strings.Contains(v.Content, "loading") {
		m.once.Do(func() { close(m.done) })
	}
	return v
}

// listWithPaginator lists every secret as the list screen asks for them,
// with the bare SDK paginator.
func listWithPaginator(b *testing.B, sm *secretsmanager.Client, n int) {
	in := &secretsmanager.ListSecretsInput{
		IncludePlannedDeletion: aws.Bool(true),
		SortBy:                 types.SortByTypeName,
		SortOrder:              types.SortOrderTypeAsc,
		MaxResults:             aws.Int32(100),
	}
	got := 0
	for pages := secretsmanager.NewListSecretsPaginator(sm, in); pages.HasMorePages(); {
		out, err := pages.NextPage(context.Background())
		if err != nil {
			b.Fatal(err)
		}
		got += len(out.SecretList)
	}
	if got != n {
		b.Fatalf("listed %d secrets, want %d", got, n)
	}
}

// processCPU is the user and system time this process has used.
func processCPU(b *testing.B) time.Duration {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		b.Fatalf("read CPU time: %v", err)
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}
