package awsx_test

import (
	"errors"
	"strings"
	"testing"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/credentials"
	"github.com/aws/aws-sdk-go-v2/service/secretsmanager"
	"github.com/aws/aws-sdk-go-v2/service/secretsmanager/types"

	"github.com/keyhole-tui/keyhole/awsx"
)

// regionClient is a Secrets Manager client of the SDK signing for region.
func regionClient(b backend, region string) *secretsmanager.Client {
	return secretsmanager.New(secretsmanager.Options{
		Region:       region,
		BaseEndpoint: aws.String(b.endpoint),
		Credentials:  credentials.NewStaticCredentialsProvider("AKIAKEYHOLETEST", "test-secret-key", ""),
	})
}

// testRegionsAreSeparate: a secret made in one region has that region's
// ARN, is found there by name and partial ARN, and is neither listed nor
// found in another region.
func testRegionsAreSeparate(t *testing.T, _ *awsx.Client, b backend) {
	ctx := testContext(t)
	west, east := regionClient(b, "us-west-2"), regionClient(b, testRegion)
	name := uniqueName(t, "regional")
	out, err := west.CreateSecret(ctx, &secretsmanager.CreateSecretInput{Name: aws.String(name), SecretString: aws.String(fakeValue(t))})
	if err != nil {
		t.Fatalf("create in us-west-2: %v", err)
	}
	arn := aws.ToString(out.ARN)
	if !strings.HasPrefix(arn, "arn:aws:secretsmanager:us-west-2:") {
		t.Errorf("ARN of a secret made in us-west-2 = %s", arn)
	}
	partial := arn[:len(arn)-len("-abcdef")]
	if _, err := west.DescribeSecret(ctx, &secretsmanager.DescribeSecretInput{SecretId: aws.String(partial)}); err != nil {
		t.Errorf("describe by partial ARN in its region: %v", err)
	}
	_, err = east.DescribeSecret(ctx, &secretsmanager.DescribeSecretInput{SecretId: aws.String(name)})
	var notFound *types.ResourceNotFoundException
	if !errors.As(err, &notFound) {
		t.Errorf("describe in us-east-1 of a us-west-2 secret: got %v, want ResourceNotFoundException", err)
	}
	list, err := east.ListSecrets(ctx, &secretsmanager.ListSecretsInput{
		Filters: []types.Filter{{Key: types.FilterNameStringTypeName, Values: []string{name}}},
	})
	if err != nil {
		t.Fatalf("list in us-east-1: %v", err)
	}
	if len(list.SecretList) != 0 {
		t.Errorf("us-east-1 lists %d secrets named %s, want none", len(list.SecretList), name)
	}
	list, err = west.ListSecrets(ctx, &secretsmanager.ListSecretsInput{
		Filters: []types.Filter{{Key: types.FilterNameStringTypeName, Values: []string{name}}},
	})
	if err != nil || len(list.SecretList) != 1 {
		t.Errorf("us-west-2 lists %v (err %v), want the secret", list, err)
	}
	// The same name is free in another region.
	if _, err := east.CreateSecret(ctx, &secretsmanager.CreateSecretInput{Name: aws.String(name), SecretString: aws.String(fakeValue(t))}); err != nil {
		t.Errorf("create the same name in us-east-1: %v", err)
	}
}
