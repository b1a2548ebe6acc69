package demoseed

// crew is who calls Secrets Manager in an account of the organisation other
// than the demo account: the same people signing in through SSO, the
// pipelines, the account's apps and the rotation functions. Their access
// keys are not the app's to sign with, so they are no identities of the seed.
// Their addresses are in the account's network, net ("10.120.").
func crew(account, env, net string) cast {
	role := func(name, session string) string {
		return "arn:aws:sts::" + account + ":assumed-role/" + name + "/" + session
	}
	key := func(who string) string { return "ASIAQDEMO" + diceFor("key:"+account+":"+who).text(upper32, 11) }
	c := cast{}
	for _, p := range []principal{
		{key: "apps", arn: role(env+"-ecs-task", diceFor("task:"+account).text(lowerHex, 32)), accessKey: key("apps"),
			ips: []string{net + "1.10", net + "1.11", net + "2.12"}, agents: []string{agentGo, agentJava, agentJS}},
		{key: "jobs", arn: role(env+"-batch-job", "batch-"+diceFor("job:"+account).text(lowerHex, 8)), accessKey: key("jobs"),
			ips: []string{net + "3.20"}, agents: []string{agentBoto3}},
		{key: "ci-deploy", arn: "arn:aws:iam::" + account + ":user/ci-deploy", accessKey: "AKIAQDEMO" + diceFor("ci:"+account).text(upper32, 11),
			ips: []string{"10.0.12.21", "10.0.12.22"}, agents: []string{agentCLILinux}},
		{key: "terraform", arn: role("terraform-apply", "terraform-run-"+diceFor("tf:"+account).text(lowerHex, 4)), accessKey: key("terraform"),
			ips: []string{"10.0.12.30"}, agents: []string{agentTerraform}},
		{key: "alice", arn: role("AWSReservedSSO_Admin_"+diceFor("sso-admin:"+account).text(lowerHex, 6), "alice@example.com"),
			accessKey: key("alice"), ips: []string{"203.0.113.24", "203.0.113.25"},
			agents: []string{agentConsole, agentConsole, agentCLIMac}, office: true},
		{key: "bob", arn: role("AWSReservedSSO_Developer_"+diceFor("sso-dev:"+account).text(lowerHex, 6), "bob@example.com"),
			accessKey: key("bob"), ips: []string{"198.51.100.77"}, agents: []string{agentCLILinux, agentBoto3}, office: true},
		{key: "lambda:" + rotatePassword, arn: role(rotatePassword+"-role", rotatePassword), accessKey: key(rotatePassword),
			ips: []string{net + "5.31"}, agents: []string{agentLambda}},
		{key: "lambda:" + rotateFailSetSecret, arn: role(rotateFailSetSecret+"-role", rotateFailSetSecret), accessKey: key(rotateFailSetSecret),
			ips: []string{net + "5.32"}, agents: []string{agentLambda}},
	} {
		c[p.key] = p
	}
	return c
}
