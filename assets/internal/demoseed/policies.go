package demoseed

// crossAccountReadPolicy lets the finance account's reconciliation role read
// the secret.
const crossAccountReadPolicy = `{
  "Version": "2012-10-17",
  "Statement": [
    {
      "Sid": "FinanceAccountReadsSettlementLogin",
      "Effect": "Allow",
      "Principal": {"AWS": "arn:aws:iam::` + partnerAcct + `:role/finance-reconciliation"},
      "Action": ["secretsmanager:GetSecretValue", "secretsmanager:DescribeSecret"],
      "Resource": "*"
    }
  ]
}`

// vpcEndpointOnlyPolicy denies reads that do not come through the data VPC's
// endpoint, except for the rotation function.
const vpcEndpointOnlyPolicy = `{
  "Version": "2012-10-17",
  "Statement": [
    {
      "Sid": "DenyReadsOutsideDataVpc",
      "Effect": "Deny",
      "Principal": "*",
      "Action": "secretsmanager:GetSecretValue",
      "Resource": "*",
      "Condition": {
        "StringNotEquals": {"aws:SourceVpce": "vpce-0a1b2c3d4e5f6a7b8"},
        "ArnNotLike": {"aws:PrincipalArn": "arn:aws:iam::` + accountID + `:role/keyhole-rotate-*"}
      }
    }
  ]
}`

// readByRolePolicy lets a role of another account read the secret. That
// account can decrypt the value only when the secret's key is a
// customer-managed one whose key policy lets it.
func readByRolePolicy(sid, account, role string) string {
	return `{
  "Version": "2012-10-17",
  "Statement": [
    {
      "Sid": "` + sid + `",
      "Effect": "Allow",
      "Principal": {"AWS": "arn:aws:iam::` + account + `:role/` + role + `"},
      "Action": "secretsmanager:GetSecretValue",
      "Resource": "*"
    }
  ]
}`
}

// publicReadPolicy lets anyone read the secret: what a hurried test leaves
// behind.
const publicReadPolicy = `{
  "Version": "2012-10-17",
  "Statement": [
    {
      "Sid": "HackathonJudgesRead",
      "Effect": "Allow",
      "Principal": "*",
      "Action": ["secretsmanager:GetSecretValue", "secretsmanager:DescribeSecret"],
      "Resource": "*"
    }
  ]
}`
