package awsx

import (
	"io"
	"net/http"

	"github.com/aws/aws-sdk-go-v2/aws"
)

// plainBodies hands the HTTP client request bodies that offer only Read and
// Close. smithy-go closes a request body once the response headers arrive,
// and its body's WriteTo then fails; when a server answers before net/http
// has finished writing (a fast local endpoint), that failure tears the
// connection down mid-response. Plain bodies are written through Read,
// which does not race.
type plainBodies struct{ inner aws.HTTPClient }

// Do sends the request with a plain body.
func (p plainBodies) Do(r *http.Request) (*http.Response, error) {
	if r.Body != nil && r.Body != http.NoBody {
		r.Body = plainBody{r.Body}
	}
	return p.inner.Do(r)
}

// plainBody is a request body with only Read and Close.
type plainBody struct{ io.ReadCloser }
