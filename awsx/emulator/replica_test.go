package emulator_test

import (
	"context"
	"strings"
	"testing"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/cloudtrail"
	cttypes "github.com/aws/aws-sdk-go-v2/service/cloudtrail/types"
	"github.com/aws/aws-sdk-go-v2/service/secretsmanager"
	"github.com/aws/aws-sdk-go-v2/service/secretsmanager/types"

	"github.com/keyhole-tui/keyhole/awsx/emulator"
)

const replicaRegion = "eu-west-1"

// regionClient is a Secrets Manager client signing for region.
func (e *env) regionClient(region string) *secretsmanager.Client {
	return secretsmanager.NewFromConfig(awsConfig(testAccessKey), func(o *secretsmanager.Options) {
		o.BaseEndpoint = aws.String(e.url)
		o.Region = region
	})
}

// createReplicated makes a secret in the default region replicated to replicaRegion.
func createReplicated(t *testing.T, e *env, name, value string) string {
	t.Helper()
	out, err := e.sm.CreateSecret(t.Context(), &secretsmanager.CreateSecretInput{
		Name: aws.String(name), SecretString: aws.String(value),
		AddReplicaRegions: []types.ReplicaRegionType{{Region: aws.String(replicaRegion)}},
	})
	if err != nil {
		t.Fatalf("create %s with a replica: %v", name, err)
	}
	return aws.ToString(out.ARN)
}

// replicaValue reads the AWSCURRENT value of name in replicaRegion.
func replicaValue(t *testing.T, e *env, name string) *secretsmanager.GetSecretValueOutput {
	t.Helper()
	out, err := e.regionClient(replicaRegion).GetSecretValue(t.Context(), &secretsmanager.GetSecretValueInput{SecretId: aws.String(name)})
	if err != nil {
		t.Fatalf("read the replica of %s: %v", name, err)
	}
	return out
}

func TestReplicaHasPrimaryARNInItsRegionAndItsValue(t *testing.T) {
	e := newEnv(t, emulator.Options{})
	arn := createReplicated(t, e, "app/db", "v1")
	got := replicaValue(t, e, "app/db")
	if want := strings.Replace(arn, ":us-east-1:", ":"+replicaRegion+":", 1); aws.ToString(got.ARN) != want {
		t.Errorf("replica ARN %s, want %s", aws.ToString(got.ARN), want)
	}
	if aws.ToString(got.SecretString) != "v1" {
		t.Errorf("replica value %q, want v1", aws.ToString(got.SecretString))
	}
	d, err := e.regionClient(replicaRegion).DescribeSecret(t.Context(), &secretsmanager.DescribeSecretInput{SecretId: aws.String("app/db")})
	if err != nil {
		t.Fatal(err)
	}
	if aws.ToString(d.PrimaryRegion) != "us-east-1" || len(d.ReplicationStatus) != 0 {
		t.Errorf("replica describes primary region %q and status %+v, want us-east-1 and none", aws.ToString(d.PrimaryRegion), d.ReplicationStatus)
	}
}

func TestReplicaFollowsPrimaryWrites(t *testing.T) {
	e := newEnv(t, emulator.Options{})
	ctx := t.Context()
	arn := createReplicated(t, e, "app/db", "v1")
	if _, err := e.sm.PutSecretValue(ctx, &secretsmanager.PutSecretValueInput{SecretId: aws.String(arn), SecretString: aws.String("v2")}); err != nil {
		t.Fatal(err)
	}
	if _, err := e.sm.UpdateSecret(ctx, &secretsmanager.UpdateSecretInput{SecretId: aws.String("app/db"), Description: aws.String("primary db")}); err != nil {
		t.Fatal(err)
	}
	if _, err := e.sm.TagResource(ctx, &secretsmanager.TagResourceInput{SecretId: aws.String("app/db"), Tags: []types.Tag{{Key: aws.String("team"), Value: aws.String("core")}}}); err != nil {
		t.Fatal(err)
	}
	policy := `{"Version":"2012-10-17","Statement":[{"Effect":"Deny","Principal":{"AWS":"arn:aws:iam::123456789012:root"},"Action":"secretsmanager:GetSecretValue","Resource":"*"}]}`
	if _, err := e.sm.PutResourcePolicy(ctx, &secretsmanager.PutResourcePolicyInput{SecretId: aws.String("app/db"), ResourcePolicy: aws.String(policy)}); err != nil {
		t.Fatal(err)
	}
	got := replicaValue(t, e, "app/db")
	if aws.ToString(got.SecretString) != "v2" {
		t.Errorf("replica value after put %q, want v2", aws.ToString(got.SecretString))
	}
	west := e.regionClient(replicaRegion)
	d, err := west.DescribeSecret(ctx, &secretsmanager.DescribeSecretInput{SecretId: aws.String("app/db")})
	if err != nil {
		t.Fatal(err)
	}
	if aws.ToString(d.Description) != "primary db" || len(d.Tags) != 1 || len(d.VersionIdsToStages) != 2 {
		t.Errorf("replica description %q, tags %+v, versions %v; want the primary's", aws.ToString(d.Description), d.Tags, d.VersionIdsToStages)
	}
	p, err := west.GetResourcePolicy(ctx, &secretsmanager.GetResourcePolicyInput{SecretId: aws.String("app/db")})
	if err != nil || aws.ToString(p.ResourcePolicy) != policy {
		t.Errorf("replica policy %q (err %v), want the primary's", aws.ToString(p.ResourcePolicy), err)
	}
}

func TestReplicaFollowsRotation(t *testing.T) {
	e := newEnv(t, emulator.Options{})
	createReplicated(t, e, "app/db", `{"username":"app","password":"old"}`)
	out, err := rotate(t, e, "app/db", "keyhole-rotate-password")
	if err != nil {
		t.Fatal(err)
	}
	got := replicaValue(t, e, "app/db")
	if aws.ToString(got.VersionId) != aws.ToString(out.VersionId) {
		t.Errorf("replica AWSCURRENT is %s, want the rotated version %s", aws.ToString(got.VersionId), aws.ToString(out.VersionId))
	}
	if strings.Contains(aws.ToString(got.SecretString), `"old"`) {
		t.Error("replica still holds the password from before the rotation")
	}
}

func TestReplicaFollowsBackgroundRotationSteps(t *testing.T) {
	e := newEnv(t, emulator.Options{RotationStepDelay: 10 * time.Millisecond})
	createReplicated(t, e, "app/db", `{"password":"old"}`)
	out, err := rotate(t, e, "app/db", "keyhole-rotate-password")
	if err != nil {
		t.Fatal(err)
	}
	deadline := time.Now().Add(5 * time.Second)
	for time.Now().Before(deadline) {
		if aws.ToString(replicaValue(t, e, "app/db").VersionId) == aws.ToString(out.VersionId) {
			return
		}
		time.Sleep(10 * time.Millisecond)
	}
	t.Error("the replica never got the rotated version")
}

func TestReplicaRefusesWrites(t *testing.T) {
	e := newEnv(t, emulator.Options{})
	createReplicated(t, e, "app/db", "v1")
	west := e.regionClient(replicaRegion)
	id := aws.String("app/db")
	writes := map[string]func(ctx context.Context) error{
		"PutSecretValue": func(ctx context.Context) error {
			_, err := west.PutSecretValue(ctx, &secretsmanager.PutSecretValueInput{SecretId: id, SecretString: aws.String("x")})
			return err
		},
		"UpdateSecret": func(ctx context.Context) error {
			_, err := west.UpdateSecret(ctx, &secretsmanager.UpdateSecretInput{SecretId: id, Description: aws.String("x")})
			return err
		},
		"DeleteSecret": func(ctx context.Context) error {
			_, err := west.DeleteSecret(ctx, &secretsmanager.DeleteSecretInput{SecretId: id})
			return err
		},
		"RestoreSecret": func(ctx context.Context) error {
			_, err := west.RestoreSecret(ctx, &secretsmanager.RestoreSecretInput{SecretId: id})
			return err
		},
		"TagResource": func(ctx context.Context) error {
			_, err := west.TagResource(ctx, &secretsmanager.TagResourceInput{SecretId: id, Tags: []types.Tag{{Key: aws.String("k"), Value: aws.String("v")}}})
			return err
		},
		"RemoveRegionsFromReplication": func(ctx context.Context) error {
			_, err := west.RemoveRegionsFromReplication(ctx, &secretsmanager.RemoveRegionsFromReplicationInput{SecretId: id, RemoveReplicaRegions: []string{"us-east-1"}})
			return err
		},
		"ReplicateSecretToRegions": func(ctx context.Context) error {
			_, err := west.ReplicateSecretToRegions(ctx, &secretsmanager.ReplicateSecretToRegionsInput{SecretId: id, AddReplicaRegions: []types.ReplicaRegionType{{Region: aws.String("eu-central-1")}}})
			return err
		},
	}
	for op, call := range writes {
		t.Run(op, func(t *testing.T) {
			wantAPIError(t, call(t.Context()), "InvalidParameterException",
				"Operation not permitted on a replica secret. Call must be made in primary secret's region.")
		})
	}
}

func TestReplicaReadsAreInTheReplicaRegionsTrail(t *testing.T) {
	e := newEnv(t, emulator.Options{})
	createReplicated(t, e, "app/db", "v1")
	replicaValue(t, e, "app/db")
	west := cloudtrail.NewFromConfig(awsConfig(testAccessKey), func(o *cloudtrail.Options) {
		o.BaseEndpoint = aws.String(e.url)
		o.Region = replicaRegion
	})
	out, err := west.LookupEvents(t.Context(), &cloudtrail.LookupEventsInput{
		LookupAttributes: []cttypes.LookupAttribute{{AttributeKey: cttypes.LookupAttributeKeyEventName, AttributeValue: aws.String("GetSecretValue")}},
	})
	if err != nil {
		t.Fatal(err)
	}
	if len(out.Events) != 1 {
		t.Errorf("%s trail has %d GetSecretValue events, want 1", replicaRegion, len(out.Events))
	}
}

func TestReplicaReadDatesThePrimarysReplicationStatus(t *testing.T) {
	e := newEnv(t, emulator.Options{})
	createReplicated(t, e, "app/db", "v1")
	replicaValue(t, e, "app/db")
	d, err := e.sm.DescribeSecret(t.Context(), &secretsmanager.DescribeSecretInput{SecretId: aws.String("app/db")})
	if err != nil {
		t.Fatal(err)
	}
	if len(d.ReplicationStatus) != 1 || d.ReplicationStatus[0].LastAccessedDate == nil {
		t.Errorf("primary's replication status %+v, want the replica's read date", d.ReplicationStatus)
	}
}

func TestSeededReplicasAreCopiedUnlessFailed(t *testing.T) {
	e := newEnv(t, emulator.Options{})
	value := "v1"
	err := e.srv.Load(emulator.Seed{Secrets: []emulator.SeedSecret{{
		Name: "app/key", Versions: []emulator.SeedVersion{{String: &value}},
		Replicas: []emulator.SeedReplica{
			{Region: replicaRegion, Status: "InSync", StatusMessage: "Replication succeeded"},
			{Region: "ap-south-1", Status: "Failed", StatusMessage: "Replication failed: the KMS key is disabled."},
		},
	}}})
	if err != nil {
		t.Fatal(err)
	}
	if got := replicaValue(t, e, "app/key"); aws.ToString(got.SecretString) != value {
		t.Errorf("seeded replica value %q, want %q", aws.ToString(got.SecretString), value)
	}
	_, err = e.regionClient("ap-south-1").DescribeSecret(t.Context(), &secretsmanager.DescribeSecretInput{SecretId: aws.String("app/key")})
	wantAPIError(t, err, "ResourceNotFoundException", "")
	d, err := e.sm.DescribeSecret(t.Context(), &secretsmanager.DescribeSecretInput{SecretId: aws.String("app/key")})
	if err != nil {
		t.Fatal(err)
	}
	if len(d.ReplicationStatus) != 2 || d.ReplicationStatus[1].Status != types.StatusTypeFailed ||
		aws.ToString(d.ReplicationStatus[1].StatusMessage) != "Replication failed: the KMS key is disabled." {
		t.Errorf("replication status %+v, want the seed's", d.ReplicationStatus)
	}
}

func TestPromotedReplicaIsWritableAndNoLongerFollows(t *testing.T) {
	e := newEnv(t, emulator.Options{})
	ctx := t.Context()
	createReplicated(t, e, "app/db", "v1")
	west := e.regionClient(replicaRegion)
	if _, err := west.StopReplicationToReplica(ctx, &secretsmanager.StopReplicationToReplicaInput{SecretId: aws.String("app/db")}); err != nil {
		t.Fatal(err)
	}
	if _, err := e.sm.PutSecretValue(ctx, &secretsmanager.PutSecretValueInput{SecretId: aws.String("app/db"), SecretString: aws.String("v2")}); err != nil {
		t.Fatal(err)
	}
	if got := replicaValue(t, e, "app/db"); aws.ToString(got.SecretString) != "v1" {
		t.Errorf("promoted secret took the primary's new value %q", aws.ToString(got.SecretString))
	}
	if _, err := west.PutSecretValue(ctx, &secretsmanager.PutSecretValueInput{SecretId: aws.String("app/db"), SecretString: aws.String("west")}); err != nil {
		t.Errorf("write to the promoted secret: %v", err)
	}
	d, err := e.sm.DescribeSecret(ctx, &secretsmanager.DescribeSecretInput{SecretId: aws.String("app/db")})
	if err != nil {
		t.Fatal(err)
	}
	if len(d.ReplicationStatus) != 0 {
		t.Errorf("primary still lists %+v", d.ReplicationStatus)
	}
}

func TestForcedReplicaUnlinksTheReplicaItReplaces(t *testing.T) {
	e := newEnv(t, emulator.Options{})
	ctx := t.Context()
	createReplicated(t, e, "app/db", "v1")
	central := e.regionClient("eu-central-1")
	_, err := central.CreateSecret(ctx, &secretsmanager.CreateSecretInput{
		Name: aws.String("app/db"), SecretString: aws.String("central"), ForceOverwriteReplicaSecret: true,
		AddReplicaRegions: []types.ReplicaRegionType{{Region: aws.String(replicaRegion)}},
	})
	if err != nil {
		t.Fatal(err)
	}
	if got := replicaValue(t, e, "app/db"); aws.ToString(got.SecretString) != "central" {
		t.Errorf("replica value %q, want the new primary's", aws.ToString(got.SecretString))
	}
	d, err := e.sm.DescribeSecret(ctx, &secretsmanager.DescribeSecretInput{SecretId: aws.String("app/db")})
	if err != nil {
		t.Fatal(err)
	}
	if len(d.ReplicationStatus) != 0 || aws.ToString(d.PrimaryRegion) != "" {
		t.Errorf("the old primary still lists %+v in %q", d.ReplicationStatus, aws.ToString(d.PrimaryRegion))
	}
	if _, err := e.sm.DeleteSecret(ctx, &secretsmanager.DeleteSecretInput{SecretId: aws.String("app/db")}); err != nil {
		t.Errorf("delete the old primary, which no longer has replicas: %v", err)
	}
}
