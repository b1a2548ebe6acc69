package awsx_test

import (
	"context"
	"fmt"
	"net"
	"net/http"
	"os"
	"os/exec"
	"strconv"
	"testing"
	"time"
)

// requireMotoEnv makes a missing moto_server a failure instead of a skip.
const requireMotoEnv = "KEYHOLE_REQUIRE_MOTO"

// motoStartTimeout bounds how long moto_server may take to answer.
const motoStartTimeout = 30 * time.Second

// startMoto runs moto_server on a free loopback port for the rest of the
// test and returns its endpoint URL. Without moto_server on PATH the test
// is skipped, or fails when KEYHOLE_REQUIRE_MOTO=1.
func startMoto(t *testing.T) string {
	t.Helper()
	bin, err := exec.LookPath("moto_server")
	if err != nil {
		if os.Getenv(requireMotoEnv) == "1" {
			t.Fatalf("moto_server is not on PATH and %s=1: %v", requireMotoEnv, err)
		}
		t.Skip("moto_server is not on PATH: install moto[server] to run the contract suite against moto")
	}
	port := freePort(t)
	cmd := exec.Command(bin, "-H", "127.0.0.1", "-p", strconv.Itoa(port))
	cmd.Stdout, cmd.Stderr = nil, nil
	if err := cmd.Start(); err != nil {
		t.Fatalf("start moto_server: %v", err)
	}
	t.Cleanup(func() {
		_ = cmd.Process.Kill()
		_ = cmd.Wait()
	})
	endpoint := fmt.Sprintf("http://127.0.0.1:%d", port)
	waitForHTTP(t, endpoint+"/moto-api/reset", motoStartTimeout)
	return endpoint
}

// freePort finds a loopback TCP port nobody listens on right now.
func freePort(t *testing.T) int {
	t.Helper()
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatalf("find a free port: %v", err)
	}
	defer l.Close()
	return l.Addr().(*net.TCPAddr).Port
}

// waitForHTTP polls url until the server answers or the timeout passes.
func waitForHTTP(t *testing.T, url string, timeout time.Duration) {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), timeout)
	defer cancel()
	for {
		req, _ := http.NewRequestWithContext(ctx, http.MethodPost, url, nil)
		resp, err := http.DefaultClient.Do(req)
		if err == nil {
			resp.Body.Close()
			return
		}
		select {
		case <-ctx.Done():
			t.Fatalf("%s did not answer within %v: %v", url, timeout, err)
		case <-time.After(100 * time.Millisecond):
		}
	}
}
