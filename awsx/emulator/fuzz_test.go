package emulator_test

import (
	"bytes"
	"encoding/json"
	"encoding/xml"
	"errors"
	"io"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
	"time"

	"github.com/keyhole-tui/keyhole/awsx/emulator"
)

// fuzzSeed is a small account the fuzzed requests act on.
func fuzzSeed() emulator.Seed {
	value := `{"user":"app","password":"p"}`
	return emulator.Seed{
		Secrets: []emulator.SeedSecret{
			{
				Name:     "prod/db",
				Versions: []emulator.SeedVersion{{String: &value, Stages: []string{"AWSCURRENT"}}},
				Rotation: &emulator.SeedRotation{Enabled: true, LambdaARN: "arn:aws:lambda:us-east-1:123456789012:function:keyhole-rotate-password", AutomaticallyAfterDays: 30},
				Policy:   `{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"AWS":"arn:aws:iam::123456789012:root"},"Action":"secretsmanager:GetSecretValue","Resource":"*"}]}`,
			},
			{Name: "bin", Versions: []emulator.SeedVersion{{Binary: []byte{0, 1, 0xff}, Stages: []string{"AWSCURRENT"}}}},
		},
		Events: []emulator.SeedEvent{{Time: emulator.Relative(-time.Hour), EventName: "GetSecretValue", PrincipalARN: "arn:aws:iam::123456789012:user/a", SecretID: "prod/db"}},
	}
}

// FuzzRequest feeds arbitrary targets and bodies to the emulator: it must
// never panic, and every answer is a JSON document (an error with a
// __type, or a result) or, for awsQuery, an XML document.
func FuzzRequest(f *testing.F) {
	for _, seed := range []struct{ target, body string }{
		{"secretsmanager.ListSecrets", `{"MaxResults":2,"Filters":[{"Key":"name","Values":["prod"]}]}`},
		{"secretsmanager.ListSecrets", `{"NextToken":"garbage","SortOrder":"asc"}`},
		{"secretsmanager.DescribeSecret", `{"SecretId":"prod/db"}`},
		{"secretsmanager.GetSecretValue", `{"SecretId":"prod/db","VersionStage":"AWSPREVIOUS"}`},
		{"secretsmanager.GetSecretValue", `{"SecretId":"bin","VersionId":"\u0000"}`},
		{"secretsmanager.BatchGetSecretValue", `{"SecretIdList":["prod/db","bin","nope"]}`},
		{"secretsmanager.BatchGetSecretValue", `{"Filters":[{"Key":"all","Values":[""]}],"MaxResults":1}`},
		{"secretsmanager.CreateSecret", `{"Name":"x","SecretString":"\u001b]0;t\u0007","ClientRequestToken":"aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa"}`},
		{"secretsmanager.CreateSecret", `{"Name":"y","SecretBinary":"AAEC","Tags":[{"Key":"k","Value":"v"}]}`},
		{"secretsmanager.PutSecretValue", `{"SecretId":"prod/db","SecretString":"n","VersionStages":["AWSCURRENT","x"]}`},
		{"secretsmanager.UpdateSecret", `{"SecretId":"prod/db","Description":"d","KmsKeyId":"k"}`},
		{"secretsmanager.UpdateSecretVersionStage", `{"SecretId":"prod/db","VersionStage":"AWSCURRENT","MoveToVersionId":"v"}`},
		{"secretsmanager.DeleteSecret", `{"SecretId":"prod/db","RecoveryWindowInDays":7}`},
		{"secretsmanager.DeleteSecret", `{"SecretId":"bin","ForceDeleteWithoutRecovery":true}`},
		{"secretsmanager.RestoreSecret", `{"SecretId":"prod/db"}`},
		{"secretsmanager.TagResource", `{"SecretId":"prod/db","Tags":[{"Key":"","Value":""}]}`},
		{"secretsmanager.UntagResource", `{"SecretId":"prod/db","TagKeys":["k"]}`},
		{"secretsmanager.RotateSecret", `{"SecretId":"prod/db","RotationRules":{"ScheduleExpression":"rate(4 hours)","Duration":"2h"}}`},
		{"secretsmanager.CancelRotateSecret", `{"SecretId":"prod/db"}`},
		{"secretsmanager.ListSecretVersionIds", `{"SecretId":"prod/db","IncludeDeprecated":true,"MaxResults":1}`},
		{"secretsmanager.GetResourcePolicy", `{"SecretId":"prod/db"}`},
		{"secretsmanager.PutResourcePolicy", `{"SecretId":"prod/db","ResourcePolicy":"{\"Statement\":[{\"Effect\":\"Allow\",\"Principal\":\"*\"}]}"}`},
		{"secretsmanager.ValidateResourcePolicy", `{"ResourcePolicy":"[[[["}`},
		{"secretsmanager.DeleteResourcePolicy", `{"SecretId":"prod/db"}`},
		{"secretsmanager.GetRandomPassword", `{"PasswordLength":4096,"ExcludeCharacters":"abc"}`},
		{"com.amazonaws.cloudtrail.v20131101.CloudTrail_20131101.LookupEvents", `{"LookupAttributes":[{"AttributeKey":"ResourceName","AttributeValue":"prod/db"}],"MaxResults":1}`},
		{"com.amazonaws.cloudtrail.v20131101.CloudTrail_20131101.LookupEvents", `{"StartTime":1e300,"EndTime":-1e300,"NextToken":"\u00ff"}`},
		{"secretsmanager.", `{}`},
		{"secretsmanager.Nope", `[]`},
		{"secretsmanager.ListSecrets", `{"MaxResults":"many"}`},
		{"secretsmanager.DescribeSecret", `null`},
		{"secretsmanager.DescribeSecret", "\xff\xfe{"},
		{"", "Action=GetCallerIdentity&Version=2011-06-15"},
		{"", "Action=%zz"},
	} {
		f.Add(seed.target, []byte(seed.body))
	}
	f.Fuzz(func(t *testing.T, target string, body []byte) {
		emu := emulator.New(emulator.Options{Clock: func() time.Time { return time.Date(2026, 3, 14, 0, 0, 0, 0, time.UTC) }})
		defer emu.Close()
		if err := emu.Load(fuzzSeed()); err != nil {
			t.Fatalf("load seed: %v", err)
		}
		req := httptest.NewRequest(http.MethodPost, "/", bytes.NewReader(body))
		query := target == ""
		if query {
			req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
		} else {
			req.Header.Set("Content-Type", "application/x-amz-json-1.1")
			req.Header.Set("X-Amz-Target", target)
		}
		rec := httptest.NewRecorder()
		emu.ServeHTTP(rec, req)
		answer := rec.Body.Bytes()
		if query {
			if err := wellFormedXML(answer); err != nil {
				t.Fatalf("awsQuery answer %d is not XML (%v): %q", rec.Code, err, answer)
			}
			return
		}
		if !json.Valid(answer) {
			t.Fatalf("answer %d is not JSON: %q", rec.Code, answer)
		}
		if rec.Code != http.StatusOK {
			var e struct {
				Type string `json:"__type"`
			}
			if err := json.Unmarshal(answer, &e); err != nil || e.Type == "" {
				t.Fatalf("error answer %d names no __type: %q", rec.Code, answer)
			}
		}
	})
}

// wellFormedXML reports the first syntax error in doc, which must hold at
// least one element.
func wellFormedXML(doc []byte) error {
	dec := xml.NewDecoder(bytes.NewReader(doc))
	elements := 0
	for {
		tok, err := dec.Token()
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			return err
		}
		if _, ok := tok.(xml.StartElement); ok {
			elements++
		}
	}
	if elements == 0 {
		return errors.New("no element: " + strings.TrimSpace(string(doc)))
	}
	return nil
}
