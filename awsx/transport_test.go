package awsx

import (
	"io"
	"net/http"
	"strings"
	"testing"
)

type recordingClient struct{ body io.ReadCloser }

func (c *recordingClient) Do(r *http.Request) (*http.Response, error) {
	c.body = r.Body
	return &http.Response{StatusCode: 200, Body: http.NoBody}, nil
}

// writerToBody is a request body that, like smithy-go's, offers WriteTo.
type writerToBody struct{ io.ReadCloser }

func (writerToBody) WriteTo(io.Writer) (int64, error) { return 0, io.EOF }

func TestPlainBodiesHideWriteTo(t *testing.T) {
	inner := &recordingClient{}
	req, _ := http.NewRequest("POST", "http://127.0.0.1/", nil)
	req.Body = writerToBody{io.NopCloser(strings.NewReader("{}"))}
	if _, err := (plainBodies{inner: inner}).Do(req); err != nil {
		t.Fatal(err)
	}
	if _, ok := inner.body.(io.WriterTo); ok {
		t.Fatal("the body still offers WriteTo")
	}
	b, _ := io.ReadAll(inner.body)
	if string(b) != "{}" {
		t.Fatalf("body = %q", b)
	}
}
