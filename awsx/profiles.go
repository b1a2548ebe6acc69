package awsx

import (
	"bufio"
	"context"
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strings"
)

// Profiles lists the profiles named in the shared config and credentials
// files (AWS_CONFIG_FILE and AWS_SHARED_CREDENTIALS_FILE, by default
// ~/.aws/config and ~/.aws/credentials), "default" first, the rest sorted.
func Profiles(getenv func(string) string) ([]string, error) {
	home := getenv("HOME")
	configFile := pathOr(getenv("AWS_CONFIG_FILE"), filepath.Join(home, ".aws", "config"))
	credsFile := pathOr(getenv("AWS_SHARED_CREDENTIALS_FILE"), filepath.Join(home, ".aws", "credentials"))
	seen := map[string]bool{}
	for _, f := range []struct {
		path     string
		prefixed bool
	}{{configFile, true}, {credsFile, false}} {
		sections, err := iniSections(f.path)
		if err != nil {
			return nil, err
		}
		for _, s := range sections {
			name, isProfile := profileName(s, f.prefixed)
			if isProfile {
				seen[name] = true
			}
		}
	}
	var out []string
	for name := range seen {
		out = append(out, name)
	}
	slices.SortFunc(out, func(a, b string) int {
		switch {
		case a == b:
			return 0
		case a == "default":
			return -1
		case b == "default":
			return 1
		}
		return strings.Compare(a, b)
	})
	return out, nil
}

// ProfileRegions maps each profile of the shared config file that sets a
// region to that region, as the SDK would pick it for the profile.
func ProfileRegions(getenv func(string) string) (map[string]string, error) {
	configFile := pathOr(getenv("AWS_CONFIG_FILE"), filepath.Join(getenv("HOME"), ".aws", "config"))
	sections, err := iniKeys(configFile, "region")
	if err != nil {
		return nil, err
	}
	out := map[string]string{}
	for section, region := range sections {
		if name, ok := profileName(section, true); ok && region != "" {
			out[name] = region
		}
	}
	return out, nil
}

// iniKeys maps each section of an INI file that sets key to its value; a
// missing file has none.
func iniKeys(path, key string) (map[string]string, error) {
	out := map[string]string{}
	err := scanINI(path, func(section, k, v string) {
		if section != "" && k == key {
			out[section] = v
		}
	})
	return out, err
}

// profileName reads a section header's profile name: in the config file
// "[profile X]" or "[default]", in the credentials file "[X]".
func profileName(section string, prefixed bool) (string, bool) {
	section = strings.TrimSpace(section)
	if !prefixed || section == "default" {
		return section, section != ""
	}
	name, ok := strings.CutPrefix(section, "profile ")
	return strings.TrimSpace(name), ok && strings.TrimSpace(name) != ""
}

// iniSections returns the section names of an INI file; a missing file has none.
func iniSections(path string) ([]string, error) {
	var out []string
	err := scanINI(path, func(section, k, _ string) {
		if k == "" {
			out = append(out, section)
		}
	})
	return out, err
}

// scanINI calls visit with each section header of an INI file (k empty)
// and each key = value line under its section, trimmed; a missing file
// has neither.
func scanINI(path string, visit func(section, k, v string)) error {
	f, err := os.Open(path)
	if errors.Is(err, fs.ErrNotExist) {
		return nil
	}
	if err != nil {
		return err
	}
	defer f.Close()
	section := ""
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		line := strings.TrimSpace(sc.Text())
		if strings.HasPrefix(line, "[") && strings.HasSuffix(line, "]") {
			section = line[1 : len(line)-1]
			visit(section, "", "")
			continue
		}
		if k, v, ok := strings.Cut(line, "="); ok && strings.TrimSpace(k) != "" {
			visit(section, strings.TrimSpace(k), strings.TrimSpace(v))
		}
	}
	return sc.Err()
}

func pathOr(s, def string) string {
	if s == "" {
		return def
	}
	return s
}

// KnownRegions lists the AWS commercial regions Secrets Manager runs in.
func KnownRegions() []string {
	return []string{
		"us-east-1", "us-east-2", "us-west-1", "us-west-2",
		"af-south-1", "ap-east-1", "ap-south-1", "ap-south-2", "ap-southeast-1", "ap-southeast-2",
		"ap-southeast-3", "ap-southeast-4", "ap-northeast-1", "ap-northeast-2", "ap-northeast-3",
		"ca-central-1", "ca-west-1", "eu-central-1", "eu-central-2", "eu-west-1", "eu-west-2",
		"eu-west-3", "eu-south-1", "eu-south-2", "eu-north-1", "il-central-1", "me-south-1",
		"me-central-1", "mx-central-1", "sa-east-1",
	}
}

// Warm fetches credentials now, so that a profile asking for an MFA code
// asks before the terminal UI takes the screen.
func (c *Client) Warm(ctx context.Context) error {
	if c.credentials == nil {
		return nil
	}
	_, err := c.credentials.Retrieve(ctx)
	if err != nil {
		return c.classify(ctx, "GetCredentials", err)
	}
	return nil
}
