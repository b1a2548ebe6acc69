package awsx_test

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"
)

// cliTimeout bounds one aws command.
const cliTimeout = 30 * time.Second

// cliErrorCode finds the AWS error code in what the CLI prints on failure:
// "An error occurred (InvalidRequestException) when calling ...".
var cliErrorCode = regexp.MustCompile(`An error occurred \(([A-Za-z0-9.]+)\)`)

// awsCLI runs aws commands against one endpoint with test credentials and
// none of the developer's AWS settings.
type awsCLI struct {
	bin      string
	endpoint string
	dir      string
	env      []string
}

// cliAnswer is what one command answered: its JSON output, or the AWS
// error code it failed with.
type cliAnswer struct {
	JSON  any
	Error string
}

// newAWSCLI prepares a CLI for endpoint with its own empty HOME and config.
func newAWSCLI(t *testing.T, bin, endpoint string) awsCLI {
	t.Helper()
	dir := t.TempDir()
	env := []string{
		"HOME=" + dir,
		"AWS_CONFIG_FILE=" + filepath.Join(dir, "config"),
		"AWS_SHARED_CREDENTIALS_FILE=" + filepath.Join(dir, "credentials"),
		"AWS_ACCESS_KEY_ID=test",
		"AWS_SECRET_ACCESS_KEY=test",
		"AWS_DEFAULT_REGION=" + testRegion,
		"AWS_EC2_METADATA_DISABLED=true",
		"AWS_PAGER=",
	}
	for _, kv := range os.Environ() {
		if !strings.HasPrefix(kv, "AWS_") && !strings.HasPrefix(kv, "HOME=") {
			env = append(env, kv)
		}
	}
	return awsCLI{bin: bin, endpoint: endpoint, dir: dir, env: env}
}

// run runs one command. A failure the service answered comes back as the
// error code; anything else fails the test.
func (c awsCLI) run(t *testing.T, args ...string) cliAnswer {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), cliTimeout)
	defer cancel()
	cmd := exec.CommandContext(ctx, c.bin, append([]string{"--endpoint-url", c.endpoint, "--output", "json"}, args...)...)
	cmd.Dir, cmd.Env = c.dir, c.env
	var stdout, stderr bytes.Buffer
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	err := cmd.Run()
	var exit *exec.ExitError
	switch {
	case err == nil:
	case errors.As(err, &exit) && cliErrorCode.Match(stderr.Bytes()):
		return cliAnswer{Error: cliErrorCode.FindStringSubmatch(stderr.String())[1]}
	default:
		t.Fatalf("aws %s: %v\n%s", strings.Join(args[:2], " "), err, stderr.String())
	}
	if strings.TrimSpace(stdout.String()) == "" {
		return cliAnswer{}
	}
	var out any
	if err := json.Unmarshal(stdout.Bytes(), &out); err != nil {
		t.Fatalf("aws %s printed something other than JSON: %v", strings.Join(args[:2], " "), err)
	}
	return cliAnswer{JSON: out}
}
