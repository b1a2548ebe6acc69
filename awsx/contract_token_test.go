package awsx_test

import (
	"encoding/json"
	"net/http"
	"strings"
	"testing"

	"github.com/keyhole-tui/keyhole/awsx"
	"github.com/keyhole-tui/keyhole/model"
)

// rawCall posts an awsJson1_1 Secrets Manager call as a client that is no
// SDK would, and returns the answer's status and body.
func rawCall(t *testing.T, b backend, op, body string) (int, map[string]any) {
	t.Helper()
	req, err := http.NewRequestWithContext(testContext(t), http.MethodPost, b.endpoint, strings.NewReader(body))
	if err != nil {
		t.Fatal(err)
	}
	req.Header.Set("Content-Type", "application/x-amz-json-1.1")
	req.Header.Set("X-Amz-Target", "secretsmanager."+op)
	req.Header.Set("Authorization", "AWS4-HMAC-SHA256 Credential=AKIAKEYHOLETEST/20260101/"+testRegion+"/secretsmanager/aws4_request, SignedHeaders=host, Signature=0")
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatalf("post %s: %v", op, err)
	}
	defer resp.Body.Close()
	var out map[string]any
	if err := json.NewDecoder(resp.Body).Decode(&out); err != nil {
		t.Fatalf("decode %s answer: %v", op, err)
	}
	return resp.StatusCode, out
}

// testMissingTokenRefused: a client that adds no ClientRequestToken, as the
// SDKs and the CLI do, is refused where a call makes a version.
func testMissingTokenRefused(t *testing.T, c *awsx.Client, b backend) {
	name := uniqueName(t, "token")
	mustCreate(t, c, model.CreateInput{Name: name, Value: model.StringValue(fakeValue(t))})
	for _, call := range []struct{ op, body string }{
		{"PutSecretValue", `{"SecretId":"` + name + `","SecretString":"x"}`},
		{"CreateSecret", `{"Name":"` + name + `-2","SecretString":"x"}`},
	} {
		status, body := rawCall(t, b, call.op, call.body)
		if b.quirks.generatesMissingToken {
			// moto makes a token up, as the SDKs do on the client.
			if status != http.StatusOK {
				t.Errorf("%s without a token: %d %v", call.op, status, body)
			}
			continue
		}
		if status != http.StatusBadRequest || body["__type"] != "InvalidRequestException" ||
			body["Message"] != "You must provide a ClientRequestToken value. We recommend a UUID-type value." {
			t.Errorf("%s without a token: %d %v, want InvalidRequestException asking for one", call.op, status, body)
		}
	}
	// A secret created without a value makes no version and needs no token.
	if status, body := rawCall(t, b, "CreateSecret", `{"Name":"`+name+`-3"}`); status != http.StatusOK {
		t.Errorf("CreateSecret without a value or a token: %d %v", status, body)
	}
}
