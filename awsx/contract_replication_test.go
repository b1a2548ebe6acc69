package awsx_test

import (
	"errors"
	"strings"
	"testing"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/secretsmanager"
	"github.com/aws/aws-sdk-go-v2/service/secretsmanager/types"
	"github.com/aws/smithy-go"

	"github.com/keyhole-tui/keyhole/awsx"
)

// Regions the replication scenarios replicate to, named in sorted order.
const (
	replicaRegionA = "eu-central-1"
	replicaRegionB = "eu-west-1"
)

// replicaReadOnlyMessage is AWS's refusal of a write on a replica.
const replicaReadOnlyMessage = "Operation not permitted on a replica secret. Call must be made in primary secret's region."

// createReplicated makes a secret in testRegion replicated to regions and
// returns its ARN and the answer's replication status.
func createReplicated(t *testing.T, b backend, name, value string, force bool, regions ...string) (string, []types.ReplicationStatusType) {
	t.Helper()
	in := &secretsmanager.CreateSecretInput{Name: aws.String(name), SecretString: aws.String(value), ForceOverwriteReplicaSecret: force}
	for _, r := range regions {
		in.AddReplicaRegions = append(in.AddReplicaRegions, types.ReplicaRegionType{Region: aws.String(r)})
	}
	out, err := regionClient(b, testRegion).CreateSecret(testContext(t), in)
	if err != nil {
		t.Fatalf("create %s replicated to %v: %v", name, regions, err)
	}
	return aws.ToString(out.ARN), out.ReplicationStatus
}

// wantSDKError fails unless err is the AWS error code, with message when
// one is given.
func wantSDKError(t *testing.T, err error, code, message string) {
	t.Helper()
	var ae smithy.APIError
	if !errors.As(err, &ae) {
		t.Fatalf("got %v, want %s", err, code)
	}
	if ae.ErrorCode() != code || (message != "" && ae.ErrorMessage() != message) {
		t.Errorf("got %s %q, want %s %q", ae.ErrorCode(), ae.ErrorMessage(), code, message)
	}
}

// wantNoSecret fails unless name is unknown in region.
func wantNoSecret(t *testing.T, b backend, region, name string) {
	t.Helper()
	_, err := regionClient(b, region).DescribeSecret(testContext(t), &secretsmanager.DescribeSecretInput{SecretId: aws.String(name)})
	var notFound *types.ResourceNotFoundException
	if !errors.As(err, &notFound) {
		t.Errorf("describe %s in %s: got %v, want ResourceNotFoundException", name, region, err)
	}
}

// testReplicaIsReadOnly: a replica has the primary's ARN in its own region
// and the primary's value, follows the primary's writes, names the primary
// region, and refuses writes made in its region.
func testReplicaIsReadOnly(t *testing.T, _ *awsx.Client, b backend) {
	ctx := testContext(t)
	name := uniqueName(t, "replica-ro")
	arn, _ := createReplicated(t, b, name, fakeValue(t), false, replicaRegionB)
	east, west := regionClient(b, testRegion), regionClient(b, replicaRegionB)
	next := fakeValue(t)
	if _, err := east.PutSecretValue(ctx, &secretsmanager.PutSecretValueInput{SecretId: aws.String(arn), SecretString: aws.String(next)}); err != nil {
		t.Fatalf("put on the primary: %v", err)
	}
	got, err := west.GetSecretValue(ctx, &secretsmanager.GetSecretValueInput{SecretId: aws.String(name)})
	if err != nil {
		t.Fatalf("read the replica: %v", err)
	}
	if want := strings.Replace(arn, ":"+testRegion+":", ":"+replicaRegionB+":", 1); aws.ToString(got.ARN) != want {
		t.Errorf("replica ARN %s, want %s", aws.ToString(got.ARN), want)
	}
	if aws.ToString(got.SecretString) != next {
		t.Error("the replica does not hold the primary's new value")
	}
	d, err := west.DescribeSecret(ctx, &secretsmanager.DescribeSecretInput{SecretId: aws.String(name)})
	if err != nil {
		t.Fatalf("describe the replica: %v", err)
	}
	if aws.ToString(d.PrimaryRegion) != testRegion {
		t.Errorf("replica's primary region %q, want %s", aws.ToString(d.PrimaryRegion), testRegion)
	}
	if len(d.ReplicationStatus) != 0 && !b.quirks.replicaShowsReplicationStatus {
		t.Errorf("replica describes replication status %+v, want none", d.ReplicationStatus)
	}
	_, err = west.PutSecretValue(ctx, &secretsmanager.PutSecretValueInput{SecretId: aws.String(name), SecretString: aws.String(fakeValue(t))})
	wantSDKError(t, err, "InvalidParameterException", replicaReadOnlyMessage)
	_, err = west.UpdateSecret(ctx, &secretsmanager.UpdateSecretInput{SecretId: aws.String(name), Description: aws.String("d")})
	wantSDKError(t, err, "InvalidParameterException", replicaReadOnlyMessage)
	_, err = west.DeleteSecret(ctx, &secretsmanager.DeleteSecretInput{SecretId: aws.String(name)})
	wantSDKError(t, err, "InvalidParameterException", replicaReadOnlyMessage)
	removeReplicas(t, b, arn, replicaRegionB)
}

// removeReplicas stops replicating arn to regions.
func removeReplicas(t *testing.T, b backend, arn string, regions ...string) *secretsmanager.RemoveRegionsFromReplicationOutput {
	t.Helper()
	out, err := regionClient(b, testRegion).RemoveRegionsFromReplication(testContext(t), &secretsmanager.RemoveRegionsFromReplicationInput{
		SecretId: aws.String(arn), RemoveReplicaRegions: regions,
	})
	if err != nil {
		t.Fatalf("remove %v from replication: %v", regions, err)
	}
	return out
}

// testReplicaInOwnRegionRefused: a replica in the secret's own region is
// refused, when creating and when replicating later.
func testReplicaInOwnRegionRefused(t *testing.T, _ *awsx.Client, b backend) {
	ctx := testContext(t)
	east := regionClient(b, testRegion)
	name := uniqueName(t, "replica-own")
	_, err := east.CreateSecret(ctx, &secretsmanager.CreateSecretInput{
		Name: aws.String(name), SecretString: aws.String(fakeValue(t)),
		AddReplicaRegions: []types.ReplicaRegionType{{Region: aws.String(testRegion)}},
	})
	wantSDKError(t, err, "InvalidParameterException", "Invalid replica region.")
	wantNoSecret(t, b, testRegion, name)
	if _, err := east.CreateSecret(ctx, &secretsmanager.CreateSecretInput{Name: aws.String(name), SecretString: aws.String(fakeValue(t))}); err != nil {
		t.Fatalf("create %s: %v", name, err)
	}
	_, err = east.ReplicateSecretToRegions(ctx, &secretsmanager.ReplicateSecretToRegionsInput{
		SecretId: aws.String(name), AddReplicaRegions: []types.ReplicaRegionType{{Region: aws.String(testRegion)}},
	})
	wantSDKError(t, err, "InvalidParameterException", "Invalid replica region.")
}

// testReplicaNameClash: a secret of the same name in the replica region
// fails that replica and is left alone; with ForceOverwriteReplicaSecret it
// is replaced by the replica.
func testReplicaNameClash(t *testing.T, _ *awsx.Client, b backend) {
	ctx := testContext(t)
	west := regionClient(b, replicaRegionB)
	name := uniqueName(t, "replica-clash")
	theirs := fakeValue(t)
	if _, err := west.CreateSecret(ctx, &secretsmanager.CreateSecretInput{Name: aws.String(name), SecretString: aws.String(theirs)}); err != nil {
		t.Fatalf("create %s in %s: %v", name, replicaRegionB, err)
	}
	arn, status := createReplicated(t, b, name, fakeValue(t), false, replicaRegionB)
	named := name
	if b.quirks.clashMessageNamesSimple {
		// moto names every clashing secret "simple".
		named = "simple"
	}
	want := "Replication failed: Secret name " + named + " already exists in region " + replicaRegionB + "."
	if len(status) != 1 || status[0].Status != types.StatusTypeFailed || aws.ToString(status[0].StatusMessage) != want {
		t.Errorf("replication status %+v, want Failed with %q", status, want)
	}
	got, err := west.GetSecretValue(ctx, &secretsmanager.GetSecretValueInput{SecretId: aws.String(name)})
	if err != nil || aws.ToString(got.SecretString) != theirs {
		t.Errorf("the clashing secret in %s changed (err %v)", replicaRegionB, err)
	}
	removeReplicas(t, b, arn, replicaRegionB)

	forced := uniqueName(t, "replica-force")
	if _, err := west.CreateSecret(ctx, &secretsmanager.CreateSecretInput{Name: aws.String(forced), SecretString: aws.String(fakeValue(t))}); err != nil {
		t.Fatalf("create %s in %s: %v", forced, replicaRegionB, err)
	}
	ours := fakeValue(t)
	arn, status = createReplicated(t, b, forced, ours, true, replicaRegionB)
	if len(status) != 1 || status[0].Status != types.StatusTypeInSync {
		t.Errorf("forced replication status %+v, want InSync", status)
	}
	got, err = west.GetSecretValue(ctx, &secretsmanager.GetSecretValueInput{SecretId: aws.String(forced)})
	if err != nil || aws.ToString(got.SecretString) != ours {
		t.Errorf("the secret in %s was not replaced by the replica (err %v)", replicaRegionB, err)
	}
	removeReplicas(t, b, arn, replicaRegionB)
}

// testDeletePrimaryWithReplicasRefused: a primary with replicas can't be
// deleted until they are removed; the refusal names the secret as given
// and the replica regions.
func testDeletePrimaryWithReplicasRefused(t *testing.T, _ *awsx.Client, b backend) {
	ctx := testContext(t)
	east := regionClient(b, testRegion)
	arn, _ := createReplicated(t, b, uniqueName(t, "replica-del"), fakeValue(t), false, replicaRegionA, replicaRegionB)
	_, err := east.DeleteSecret(ctx, &secretsmanager.DeleteSecretInput{SecretId: aws.String(arn)})
	want := "You can't delete secret " + arn + " that still has replica regions [" + replicaRegionA + ", " + replicaRegionB + "]."
	if b.quirks.terseDeleteRefusal {
		// moto joins the regions without a space and ends without a period.
		want = "You can't delete secret " + arn + " that still has replica regions [" + replicaRegionA + "," + replicaRegionB + "]"
	}
	wantSDKError(t, err, "InvalidParameterException", want)
	removeReplicas(t, b, arn, replicaRegionA, replicaRegionB)
	if _, err := east.DeleteSecret(ctx, &secretsmanager.DeleteSecretInput{SecretId: aws.String(arn), ForceDeleteWithoutRecovery: aws.Bool(true)}); err != nil {
		t.Errorf("delete once the replicas are removed: %v", err)
	}
}

// testRemoveRegions: removing a region deletes its replica and answers the
// replicas left.
func testRemoveRegions(t *testing.T, _ *awsx.Client, b backend) {
	name := uniqueName(t, "replica-rm")
	arn, _ := createReplicated(t, b, name, fakeValue(t), false, replicaRegionA, replicaRegionB)
	out := removeReplicas(t, b, arn, replicaRegionA)
	if aws.ToString(out.ARN) != arn {
		t.Errorf("answer ARN %s, want %s", aws.ToString(out.ARN), arn)
	}
	if len(out.ReplicationStatus) != 1 || aws.ToString(out.ReplicationStatus[0].Region) != replicaRegionB {
		t.Errorf("replication status left %+v, want %s only", out.ReplicationStatus, replicaRegionB)
	}
	wantNoSecret(t, b, replicaRegionA, name)
	if _, err := regionClient(b, replicaRegionB).DescribeSecret(testContext(t), &secretsmanager.DescribeSecretInput{SecretId: aws.String(name)}); err != nil {
		t.Errorf("the replica in %s went too: %v", replicaRegionB, err)
	}
	removeReplicas(t, b, arn, replicaRegionB)
	wantNoSecret(t, b, replicaRegionB, name)
}

// testStopReplicationPromotes: stopping replication in the replica's region
// makes it a standalone, writable secret the primary no longer lists; the
// primary itself can't be promoted.
func testStopReplicationPromotes(t *testing.T, _ *awsx.Client, b backend) {
	if b.quirks.noStopReplication {
		t.Skip("moto does not implement StopReplicationToReplica")
	}
	ctx := testContext(t)
	east, west := regionClient(b, testRegion), regionClient(b, replicaRegionB)
	name := uniqueName(t, "replica-stop")
	arn, _ := createReplicated(t, b, name, fakeValue(t), false, replicaRegionB)
	_, err := east.StopReplicationToReplica(ctx, &secretsmanager.StopReplicationToReplicaInput{SecretId: aws.String(arn)})
	wantSDKError(t, err, "InvalidParameterException", "")
	out, err := west.StopReplicationToReplica(ctx, &secretsmanager.StopReplicationToReplicaInput{SecretId: aws.String(name)})
	if err != nil {
		t.Fatalf("promote the replica: %v", err)
	}
	if want := strings.Replace(arn, ":"+testRegion+":", ":"+replicaRegionB+":", 1); aws.ToString(out.ARN) != want {
		t.Errorf("promoted ARN %s, want %s", aws.ToString(out.ARN), want)
	}
	if _, err := west.PutSecretValue(ctx, &secretsmanager.PutSecretValueInput{SecretId: aws.String(name), SecretString: aws.String(fakeValue(t))}); err != nil {
		t.Errorf("write to the promoted secret: %v", err)
	}
	d, err := east.DescribeSecret(ctx, &secretsmanager.DescribeSecretInput{SecretId: aws.String(arn)})
	if err != nil {
		t.Fatalf("describe the primary: %v", err)
	}
	if len(d.ReplicationStatus) != 0 {
		t.Errorf("the primary still lists %+v", d.ReplicationStatus)
	}
}
