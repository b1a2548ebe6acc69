// Package awsx is keyhole's AWS adapter: it calls Secrets Manager, CloudTrail
// and STS through the AWS SDK and hands back model types and classified
// *model.Error values, so the rest of the program never sees the SDK.
package awsx
