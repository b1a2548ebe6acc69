package awsx_test

import (
	"context"
	"net/http/httptest"
	"syscall"
	"testing"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/config"
	"github.com/aws/aws-sdk-go-v2/credentials"
	"github.com/aws/aws-sdk-go-v2/service/secretsmanager"
	"github.com/aws/aws-sdk-go-v2/service/secretsmanager/types"
	"github.com/aws/smithy-go/logging"

	"github.com/keyhole-tui/keyhole/awsx"
	"github.com/keyhole-tui/keyhole/awsx/emulator"
	"github.com/keyhole-tui/keyhole/model"
)

// BenchmarkLoad10k lists 10,000 secrets from the emulator in pages of 100,
// as the list screen asks for them (by name, pending deletion included):
// once through the bare SDK paginator, once through awsx.Client. The two
// read the same pages from the same server; awsx adds the conversion to
// model.Secret and its error classification.
func BenchmarkLoad10k(b *testing.B) {
	const n, pageSize = 10_000, 100
	emu := emulator.New(emulator.Options{})
	if err := emu.Load(emulator.Synthetic(n, 1)); err != nil {
		b.Fatal(err)
	}
	srv := httptest.NewServer(emu)
	b.Cleanup(func() {
		srv.Close()
		emu.Close()
	})
	creds := credentials.NewStaticCredentialsProvider("AKIAKEYHOLETEST", "test-secret-key", "")
	ctx := context.Background()

	b.Run("bare-paginator", func(b *testing.B) {
		cfg, err := config.LoadDefaultConfig(ctx, config.WithRegion(testRegion), config.WithCredentialsProvider(creds), config.WithLogger(logging.Nop{}))
		if err != nil {
			b.Fatal(err)
		}
		sm := secretsmanager.NewFromConfig(cfg, func(o *secretsmanager.Options) { o.BaseEndpoint = aws.String(srv.URL) })
		in := &secretsmanager.ListSecretsInput{
			IncludePlannedDeletion: aws.Bool(true),
			SortBy:                 types.SortByTypeName,
			SortOrder:              types.SortOrderTypeAsc,
			MaxResults:             aws.Int32(pageSize),
		}
		defer reportCPU(b)()
		for b.Loop() {
			got := 0
			for pages := secretsmanager.NewListSecretsPaginator(sm, in); pages.HasMorePages(); {
				out, err := pages.NextPage(ctx)
				if err != nil {
					b.Fatal(err)
				}
				got += len(out.SecretList)
			}
			if got != n {
				b.Fatalf("listed %d secrets, want %d", got, n)
			}
		}
	})

	b.Run("awsx", func(b *testing.B) {
		c, err := awsx.New(ctx, awsx.Options{Region: testRegion, EndpointURL: srv.URL, Credentials: creds})
		if err != nil {
			b.Fatal(err)
		}
		q := model.ListQuery{IncludePlannedDeletion: true, SortBy: model.SortByName, PageSize: pageSize}
		defer reportCPU(b)()
		for b.Loop() {
			got := 0
			for page, err := range c.ListAllSecrets(ctx, q) {
				if err != nil {
					b.Fatal(err)
				}
				got += len(page.Secrets)
			}
			if got != n {
				b.Fatalf("listed %d secrets, want %d", got, n)
			}
		}
	})
}

// reportCPU starts counting the process's CPU time; the function it returns
// reports it per iteration, a steadier figure than wall time on a shared
// machine. Client and emulator run in this process alike.
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
