package emulator

import (
	"bufio"
	"bytes"
	"fmt"
	"io"
	"net"
	"net/http"
)

// Transport returns an http.RoundTripper that serves requests in process,
// without a listener: SDK clients built on it talk to the server directly.
// Faults that drop the connection fail the round trip with a retryable
// connection error.
func (s *Server) Transport() http.RoundTripper { return inProcessTransport{s} }

type inProcessTransport struct{ s *Server }

// RoundTrip serves r and returns the recorded answer.
func (t inProcessTransport) RoundTrip(r *http.Request) (*http.Response, error) {
	var body []byte
	if r.Body != nil {
		b, err := io.ReadAll(r.Body)
		_ = r.Body.Close()
		if err != nil {
			return nil, fmt.Errorf("read request body: %w", err)
		}
		body = b
	}
	req := r.Clone(r.Context())
	req.Body = io.NopCloser(bytes.NewReader(body))
	req.RemoteAddr = "127.0.0.1:0"
	rec := &responseRecorder{header: http.Header{}}
	t.s.ServeHTTP(rec, req)
	if rec.hijacked {
		return nil, droppedConnectionError{}
	}
	if rec.status == 0 {
		rec.status = http.StatusOK
	}
	return &http.Response{
		Status:        fmt.Sprintf("%d %s", rec.status, http.StatusText(rec.status)),
		StatusCode:    rec.status,
		Proto:         "HTTP/1.1",
		ProtoMajor:    1,
		ProtoMinor:    1,
		Header:        rec.header,
		Body:          io.NopCloser(bytes.NewReader(rec.body.Bytes())),
		ContentLength: int64(rec.body.Len()),
		Request:       r,
	}, nil
}

// droppedConnectionError is the failure of a round trip whose connection a
// fault dropped.
type droppedConnectionError struct{}

func (droppedConnectionError) Error() string { return "connection reset by the emulator" }

// ConnectionError marks the error as a connection failure, which the SDK retries.
func (droppedConnectionError) ConnectionError() bool { return true }

// responseRecorder collects an answer in memory and notes a hijack.
type responseRecorder struct {
	header   http.Header
	status   int
	body     bytes.Buffer
	hijacked bool
}

func (w *responseRecorder) Header() http.Header { return w.header }

func (w *responseRecorder) WriteHeader(status int) {
	if w.status == 0 {
		w.status = status
	}
}

func (w *responseRecorder) Write(b []byte) (int, error) {
	w.WriteHeader(http.StatusOK)
	return w.body.Write(b)
}

// Hijack hands out one end of a pipe whose closing drops the "connection".
func (w *responseRecorder) Hijack() (net.Conn, *bufio.ReadWriter, error) {
	w.hijacked = true
	server, client := net.Pipe()
	_ = client.Close()
	return server, bufio.NewReadWriter(bufio.NewReader(server), bufio.NewWriter(server)), nil
}
