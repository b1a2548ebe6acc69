package demoseed

import (
	"strings"
	"time"

	"github.com/keyhole-tui/keyhole/awsx/emulator"
)

// User agents as CloudTrail records them.
const (
	agentGo        = "aws-sdk-go-v2/1.36.3 os/linux lang/go#1.24.1 md/GOOS#linux md/GOARCH#amd64"
	agentJava      = "aws-sdk-java/2.29.45 Linux/5.10.230 OpenJDK_64-Bit_Server_VM/21.0.5+11-LTS Java/21.0.5"
	agentJS        = "aws-sdk-js/3.723.0 os/linux#5.10 lang/js md/nodejs#20.18.1"
	agentBoto3     = "Boto3/1.35.90 md/Botocore#1.35.90 os/linux#5.10.234 lang/python#3.12.8"
	agentOldBoto3  = "Boto3/1.26.137 Python/3.8.10 Linux/4.15.0-213-generic Botocore/1.29.137"
	agentLambda    = "Boto3/1.34.145 md/Botocore#1.34.145 lang/python#3.12.7 exec-env/AWS_Lambda_python3.12"
	agentCLIMac    = "aws-cli/2.22.35 md/awscrt#0.23.8 os/macos#24.3.0 md/arch#arm64 lang/python#3.12.9"
	agentCLILinux  = "aws-cli/2.22.35 md/awscrt#0.23.8 os/linux#6.8.0-51-generic md/arch#x86_64 lang/python#3.12.9"
	agentConsole   = "console.amazonaws.com"
	agentTerraform = "APN/1.0 HashiCorp/1.0 Terraform/1.10.3 terraform-provider-aws/5.82.2 aws-sdk-go-v2/1.32.7 os/linux lang/go#1.23.4"
	// serviceName is the event source, and the address and agent of the
	// Rotation* events Secrets Manager writes itself.
	serviceName = "secretsmanager.amazonaws.com"
)

// The rotation functions the emulator knows by name.
const (
	rotatePassword      = "keyhole-rotate-password"
	rotateFailSetSecret = "keyhole-rotate-fail-setSecret"
)

// Identities the app itself signs with.
const (
	demoAccessKey = "AKIAKEYHOLEDEMO"
	demoUserARN   = "arn:aws:iam::" + accountID + ":user/keyhole-demo"
	partnerAcct   = "210987654321"
	// processorAcct is a data processor's account outside the organisation.
	processorAcct = "987654321098"
)

// principal is one caller in the account's CloudTrail history.
type principal struct {
	key       string // how the secret table names it
	arn       string
	accessKey string
	ips       []string
	agents    []string
	// office is set for people: they work weekdays, in the daytime.
	office bool
}

func assumedRole(role, session string) string {
	return "arn:aws:sts::" + accountID + ":assumed-role/" + role + "/" + session
}

func iamUser(name string) string { return "arn:aws:iam::" + accountID + ":user/" + name }

// principals is everyone who calls Secrets Manager in the demo account.
func principals() []principal {
	return []principal{
		{key: "payments-api", arn: assumedRole("payments-api", "i-0abc1234def567890"), accessKey: "ASIAQDEMOPAYMENTSAPI",
			ips: []string{"10.20.1.15", "10.20.2.41", "10.20.3.87"}, agents: []string{agentGo}},
		{key: "payments-worker", arn: assumedRole("payments-worker", "i-0def5678abc901234"), accessKey: "ASIAQDEMOPAYWORKER01",
			ips: []string{"10.20.4.12", "10.20.5.9"}, agents: []string{agentGo}},
		{key: "identity-svc", arn: assumedRole("identity-svc", "7f3c9a1e5b2d4c6e8a0f1b3d5e7a9c2b"), accessKey: "ASIAQDEMOIDENTITYSVC",
			ips: []string{"10.30.1.20", "10.30.2.33", "10.30.3.47"}, agents: []string{agentJava}},
		{key: "search-indexer", arn: assumedRole("search-indexer", "i-0a1b2c3d4e5f60718"), accessKey: "ASIAQDEMOSEARCHINDEX",
			ips: []string{"10.40.1.8"}, agents: []string{agentBoto3}},
		{key: "search-api", arn: assumedRole("search-api", "i-0f9e8d7c6b5a40312"), accessKey: "ASIAQDEMOSEARCHAPI01",
			ips: []string{"10.40.2.14", "10.40.3.29"}, agents: []string{agentGo}},
		{key: "airflow", arn: assumedRole("airflow-worker", "airflow-worker-7d9f6c4b8-x2kqp"), accessKey: "ASIAQDEMOAIRFLOWWRK1",
			ips: []string{"10.50.1.101", "10.50.1.102", "10.50.2.103"}, agents: []string{agentBoto3}},
		{key: "mobile-bff", arn: assumedRole("mobile-bff", "3e8b1d9c7a6f4e2b9d1c8a7f6e5d4c3b"), accessKey: "ASIAQDEMOMOBILEBFF01",
			ips: []string{"10.60.1.55", "10.60.2.56"}, agents: []string{agentJS}},
		{key: "support-portal", arn: assumedRole("support-portal", "b2c4d6e8f0a1b3c5d7e9f1a3b5c7d9e1"), accessKey: "ASIAQDEMOSUPPORTPRT1",
			ips: []string{"10.60.3.71"}, agents: []string{agentJS}},
		{key: "ml-inference", arn: assumedRole("ml-inference", "SageMaker"), accessKey: "ASIAQDEMOMLINFERENC1",
			ips: []string{"10.70.1.44", "10.70.2.45"}, agents: []string{agentBoto3}},
		{key: "observability", arn: assumedRole("observability-agent", "i-0c3d5e7f9a1b2c4d6"), accessKey: "ASIAQDEMOOBSERVAGNT1",
			ips: []string{"10.10.1.5", "10.10.2.6"}, agents: []string{agentGo}},
		{key: "staging-apps", arn: assumedRole("staging-ecs-task", "c0ffee12d34e4f5a9b8c7d6e5f4a3b2c"), accessKey: "ASIAQDEMOSTAGINGECS1",
			ips: []string{"10.120.1.10", "10.120.1.11", "10.120.2.12"}, agents: []string{agentGo, agentJava, agentBoto3}},
		{key: "finance-recon", arn: "arn:aws:sts::" + partnerAcct + ":assumed-role/finance-reconciliation/recon-nightly",
			ips: []string{"10.200.7.12"}, agents: []string{agentBoto3}},
		{key: "ci-deploy", arn: iamUser("ci-deploy"), accessKey: "AKIAQDEMOCIDEPLOY001",
			ips: []string{"10.0.12.21", "10.0.12.22"}, agents: []string{agentCLILinux}},
		{key: "terraform", arn: assumedRole("terraform-apply", "terraform-run-8h2k"), accessKey: "ASIAQDEMOTERRAFORM01",
			ips: []string{"10.0.12.30"}, agents: []string{agentTerraform}},
		{key: "alice", arn: assumedRole("AWSReservedSSO_Admin_abc123", "alice@example.com"), accessKey: "ASIAQDEMOALICESSO001",
			ips: []string{"203.0.113.24", "203.0.113.25"}, agents: []string{agentConsole, agentConsole, agentCLIMac}, office: true},
		{key: "bob", arn: assumedRole("AWSReservedSSO_Developer_def456", "bob@example.com"), accessKey: "ASIAQDEMOBOBSSO00001",
			ips: []string{"198.51.100.77"}, agents: []string{agentCLILinux, agentCLILinux, agentBoto3}, office: true},
		{key: "legacy-export", arn: iamUser("svc-legacy-export"), accessKey: "AKIAQDEMOLEGACYEXP01",
			ips: []string{"192.0.2.146"}, agents: []string{agentOldBoto3}},
		{key: "rds", arn: "arn:aws:iam::" + accountID + ":role/aws-service-role/rds.amazonaws.com/AWSServiceRoleForRDS",
			ips: []string{"rds.amazonaws.com"}, agents: []string{"rds.amazonaws.com"}},
		rotationLambda(rotatePassword, "ASIAQDEMOROTATEPWD01"),
		rotationLambda(rotateFailSetSecret, "ASIAQDEMOROTATEFAIL1"),
	}
}

// rotationLambda is the role a rotation function runs as, named as the
// emulator names it for the rotations it runs itself; the session is named
// after the function, as Lambda names it.
func rotationLambda(function, accessKey string) principal {
	return principal{key: "lambda:" + function, arn: assumedRole(function+"-role", function),
		accessKey: accessKey, ips: []string{"10.10.5.31", "10.10.6.32"}, agents: []string{agentLambda}}
}

// cast finds principals by key.
type cast map[string]principal

func newCast() cast {
	c := cast{}
	for _, p := range principals() {
		c[p.key] = p
	}
	return c
}

// get returns the principal the definitions name; a name that is not in the
// cast is a mistake in the tables.
func (c cast) get(key string) principal {
	p, ok := c[key]
	if !ok {
		panic("demoseed: no principal " + key)
	}
	return p
}

// identities maps every access key of the account to its principal, the
// app's own demo user included.
func (c cast) identities() map[string]string {
	ids := map[string]string{demoAccessKey: demoUserARN}
	for _, p := range c {
		if p.accessKey != "" && strings.Contains(p.arn, "::"+accountID+":") {
			ids[p.accessKey] = p.arn
		}
	}
	return ids
}

// call is one principal at one address with one client.
type call struct {
	who   principal
	ip    string
	agent string
}

// from picks the address and client of one session of p.
func (p principal) from(d *dice) call {
	return call{who: p, ip: pick(d, p.ips), agent: pick(d, p.agents)}
}

// event is the CloudTrail event of c calling name on secretID.
func (c call) event(name, secretID string) emulator.SeedEvent {
	return emulator.SeedEvent{
		EventName: name, EventSource: serviceName, PrincipalARN: c.who.arn,
		AccessKeyID: c.who.accessKey, SourceIP: c.ip, UserAgent: c.agent, SecretID: secretID,
	}
}

// momentOn returns a time on day (0 is the last 24 hours) when p would be
// at work: anytime for services, daytime for people.
func (p principal) momentOn(day int, d *dice) time.Duration {
	start := -days(day + 1)
	if p.office {
		return start + 8*time.Hour + d.within(10*time.Hour)
	}
	return start + d.within(24*time.Hour)
}
