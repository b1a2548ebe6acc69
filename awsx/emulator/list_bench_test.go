package emulator

import (
	"bytes"
	"net/http"
	"net/http/httptest"
	"runtime"
	"strconv"
	"strings"
	"testing"
	"time"
)

// BenchmarkListSecretsPage measures one ListSecrets page of 100 through the
// handler at several account sizes. "walk" follows NextToken through the
// listing; "after-write" asks for the first page after a change to the
// store, as the app does after it edits a secret.
func BenchmarkListSecretsPage(b *testing.B) {
	for _, n := range []int{10_000, 100_000, 500_000} {
		b.Run(strconv.Itoa(n), func(b *testing.B) {
			s := New(Options{Clock: func() time.Time { return time.Date(2026, 11, 28, 0, 0, 0, 0, time.UTC) }})
			defer s.Close()
			if err := s.Load(Synthetic(n, 1)); err != nil {
				b.Fatal(err)
			}
			b.Run("walk", func(b *testing.B) {
				token := ""
				for b.Loop() {
					token = listOnePage(b, s, token)
				}
				reportHeap(b)
			})
			b.Run("after-write", func(b *testing.B) {
				for b.Loop() {
					s.mu.Lock()
					s.home().secrets.changed()
					s.mu.Unlock()
					listOnePage(b, s, "")
				}
				reportHeap(b)
			})
		})
	}
}

// listOnePage asks for the page at token and returns the next token.
func listOnePage(b *testing.B, s *Server, token string) string {
	body := `{"MaxResults":100}`
	if token != "" {
		body = `{"MaxResults":100,"NextToken":"` + token + `"}`
	}
	req := httptest.NewRequest(http.MethodPost, "/", strings.NewReader(body))
	req.Header.Set("X-Amz-Target", "secretsmanager.ListSecrets")
	req.Header.Set("Content-Type", "application/x-amz-json-1.1")
	w := httptest.NewRecorder()
	s.ServeHTTP(w, req)
	if w.Code != http.StatusOK {
		b.Fatalf("ListSecrets: %d %s", w.Code, w.Body)
	}
	// The token ends the answer; finding it keeps decoding out of the figure.
	answer := w.Body.Bytes()
	if !bytes.Contains(answer, []byte(`"SecretList":[{`)) {
		b.Fatalf("ListSecrets answered no secrets: %.200s", answer)
	}
	_, rest, ok := bytes.Cut(answer, []byte(`"NextToken":"`))
	if !ok {
		return ""
	}
	next, _, _ := bytes.Cut(rest, []byte(`"`))
	return string(next)
}

// reportHeap reports the live heap after a collection, in MB.
func reportHeap(b *testing.B) {
	b.StopTimer()
	runtime.GC()
	var m runtime.MemStats
	runtime.ReadMemStats(&m)
	b.ReportMetric(float64(m.HeapAlloc)/(1<<20), "heap-MB")
}
