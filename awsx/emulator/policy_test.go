package emulator_test

import (
	"strings"
	"testing"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/secretsmanager"

	"github.com/keyhole-tui/keyhole/awsx/emulator"
)

const readerPolicy = `{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"AWS":"arn:aws:iam::123456789012:role/Reader"},"Action":"secretsmanager:GetSecretValue","Resource":"*"}]}`

const publicPolicy = `{"Version":"2012-10-17","Statement":{"Effect":"Allow","Principal":"*","Action":"secretsmanager:GetSecretValue","Resource":"*"}}`

func TestResourcePolicyLifecycle(t *testing.T) {
	e := newEnv(t, emulator.Options{})
	arn := e.create(t, "s", "v")
	got, err := e.sm.GetResourcePolicy(t.Context(), &secretsmanager.GetResourcePolicyInput{SecretId: aws.String("s")})
	if err != nil || got.ResourcePolicy != nil || aws.ToString(got.ARN) != arn {
		t.Fatalf("no policy yet: %v %+v", err, got)
	}
	if _, err := e.sm.PutResourcePolicy(t.Context(), &secretsmanager.PutResourcePolicyInput{SecretId: aws.String("s"), ResourcePolicy: aws.String(readerPolicy)}); err != nil {
		t.Fatal(err)
	}
	got, err = e.sm.GetResourcePolicy(t.Context(), &secretsmanager.GetResourcePolicyInput{SecretId: aws.String("s")})
	if err != nil || aws.ToString(got.ResourcePolicy) != readerPolicy {
		t.Fatalf("after put: %v %v", err, aws.ToString(got.ResourcePolicy))
	}
	if _, err := e.sm.DeleteResourcePolicy(t.Context(), &secretsmanager.DeleteResourcePolicyInput{SecretId: aws.String("s")}); err != nil {
		t.Fatal(err)
	}
	got, _ = e.sm.GetResourcePolicy(t.Context(), &secretsmanager.GetResourcePolicyInput{SecretId: aws.String("s")})
	if got.ResourcePolicy != nil {
		t.Fatal("policy survived delete")
	}
}

func TestPutResourcePolicyRefusesPublicAndMalformed(t *testing.T) {
	e := newEnv(t, emulator.Options{})
	e.create(t, "s", "v")
	_, err := e.sm.PutResourcePolicy(t.Context(), &secretsmanager.PutResourcePolicyInput{
		SecretId: aws.String("s"), ResourcePolicy: aws.String(publicPolicy), BlockPublicPolicy: aws.Bool(true),
	})
	wantAPIError(t, err, "PublicPolicyException", "")
	if _, err := e.sm.PutResourcePolicy(t.Context(), &secretsmanager.PutResourcePolicyInput{
		SecretId: aws.String("s"), ResourcePolicy: aws.String(publicPolicy),
	}); err != nil {
		t.Fatalf("public policies are not blocked by default: %v", err)
	}
	_, err = e.sm.PutResourcePolicy(t.Context(), &secretsmanager.PutResourcePolicyInput{SecretId: aws.String("s"), ResourcePolicy: aws.String("{not json")})
	wantAPIError(t, err, "MalformedPolicyDocumentException", "")
}

func TestValidateResourcePolicy(t *testing.T) {
	e := newEnv(t, emulator.Options{})
	ok, err := e.sm.ValidateResourcePolicy(t.Context(), &secretsmanager.ValidateResourcePolicyInput{ResourcePolicy: aws.String(readerPolicy)})
	if err != nil || !ok.PolicyValidationPassed || len(ok.ValidationErrors) != 0 {
		t.Fatalf("valid policy: %v %+v", err, ok)
	}
	bad, err := e.sm.ValidateResourcePolicy(t.Context(), &secretsmanager.ValidateResourcePolicyInput{ResourcePolicy: aws.String(publicPolicy)})
	if err != nil || bad.PolicyValidationPassed || len(bad.ValidationErrors) != 1 {
		t.Fatalf("public policy: %v %+v", err, bad)
	}
}

func TestGetRandomPassword(t *testing.T) {
	e := newEnv(t, emulator.Options{})
	out, err := e.sm.GetRandomPassword(t.Context(), &secretsmanager.GetRandomPasswordInput{})
	if err != nil || len(aws.ToString(out.RandomPassword)) != 32 {
		t.Fatalf("default password: %v", err)
	}
	pw := aws.ToString(out.RandomPassword)
	for _, class := range []string{"abcdefghijklmnopqrstuvwxyz", "ABCDEFGHIJKLMNOPQRSTUVWXYZ", "0123456789"} {
		if !strings.ContainsAny(pw, class) {
			t.Fatalf("default password lacks a character of %q", class)
		}
	}
	out, err = e.sm.GetRandomPassword(t.Context(), &secretsmanager.GetRandomPasswordInput{
		PasswordLength: aws.Int64(64), ExcludePunctuation: aws.Bool(true), ExcludeUppercase: aws.Bool(true), ExcludeCharacters: aws.String("abc"),
	})
	if err != nil {
		t.Fatal(err)
	}
	pw = aws.ToString(out.RandomPassword)
	if len(pw) != 64 || strings.ContainsAny(pw, "abcABCXYZ!#$%") {
		t.Fatalf("password breaks its constraints: length %d", len(pw))
	}
	_, err = e.sm.GetRandomPassword(t.Context(), &secretsmanager.GetRandomPasswordInput{PasswordLength: aws.Int64(4097)})
	wantAPIError(t, err, "ValidationException", "")
	_, err = e.sm.GetRandomPassword(t.Context(), &secretsmanager.GetRandomPasswordInput{PasswordLength: aws.Int64(2)})
	wantAPIError(t, err, "InvalidParameterException", "")
}
