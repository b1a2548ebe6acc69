package awsx

import (
	"slices"
	"strings"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/secretsmanager"
	"github.com/aws/aws-sdk-go-v2/service/secretsmanager/types"

	"github.com/keyhole-tui/keyhole/model"
)

// secretFromEntry converts one ListSecrets row. The strings it keeps are
// copied out of the SDK's buffer for the page, so that buffer can be freed,
// and those a page repeats (keys, tags, stage labels, functions) are kept
// once, through shared: at 100,000 secrets the list's memory is mostly
// these strings.
func secretFromEntry(e types.SecretListEntry, shared strs) model.Secret {
	return model.Secret{
		ARN:               own(e.ARN),
		Name:              own(e.Name),
		Description:       own(e.Description),
		KMSKeyID:          shared.of(e.KmsKeyId),
		CreatedDate:       aws.ToTime(e.CreatedDate),
		LastChangedDate:   aws.ToTime(e.LastChangedDate),
		LastAccessedDate:  aws.ToTime(e.LastAccessedDate),
		LastRotatedDate:   aws.ToTime(e.LastRotatedDate),
		NextRotationDate:  aws.ToTime(e.NextRotationDate),
		DeletedDate:       aws.ToTime(e.DeletedDate),
		RotationEnabled:   aws.ToBool(e.RotationEnabled),
		RotationLambdaARN: shared.of(e.RotationLambdaARN),
		RotationRules:     shared.rules(e.RotationRules),
		Tags:              shared.tags(e.Tags),
		OwningService:     shared.of(e.OwningService),
		PrimaryRegion:     shared.of(e.PrimaryRegion),
		VersionStages:     shared.stages(e.SecretVersionsToStages),
	}
}

// own is a copy of *p of its own.
func own(p *string) string { return strings.Clone(aws.ToString(p)) }

// strs keeps one copy of each string it is given, for the secrets of one
// page to share.
type strs map[string]string

// of is the kept copy of *p.
func (m strs) of(p *string) string {
	s := aws.ToString(p)
	if s == "" {
		return ""
	}
	if kept, ok := m[s]; ok {
		return kept
	}
	kept := strings.Clone(s)
	m[kept] = kept
	return kept
}

// rules converts a rotation schedule with kept strings.
func (m strs) rules(r *types.RotationRulesType) model.RotationRules {
	if r == nil {
		return model.RotationRules{}
	}
	return model.RotationRules{
		AutomaticallyAfterDays: aws.ToInt64(r.AutomaticallyAfterDays),
		ScheduleExpression:     m.of(r.ScheduleExpression),
		Duration:               m.of(r.Duration),
	}
}

// tags converts tags with kept keys and values.
func (m strs) tags(tags []types.Tag) []model.Tag {
	if len(tags) == 0 {
		return nil
	}
	out := make([]model.Tag, len(tags))
	for i, t := range tags {
		out[i] = model.Tag{Key: m.of(t.Key), Value: m.of(t.Value)}
	}
	return out
}

// stages converts the version stages with version ids of their own and
// kept labels.
func (m strs) stages(versions map[string][]string) model.StageMap {
	if len(versions) == 0 {
		return nil
	}
	owned := make(map[string][]string, len(versions))
	for id, stages := range versions {
		labels := make([]string, len(stages))
		for i := range stages {
			labels[i] = m.of(&stages[i])
		}
		owned[strings.Clone(id)] = labels
	}
	return model.StageMapOf(owned)
}

// detailFromDescribe converts a DescribeSecret answer.
func detailFromDescribe(out *secretsmanager.DescribeSecretOutput) model.SecretDetail {
	shared := strs{}
	return model.SecretDetail{
		Secret: model.Secret{
			ARN:               aws.ToString(out.ARN),
			Name:              aws.ToString(out.Name),
			Description:       aws.ToString(out.Description),
			KMSKeyID:          aws.ToString(out.KmsKeyId),
			CreatedDate:       aws.ToTime(out.CreatedDate),
			LastChangedDate:   aws.ToTime(out.LastChangedDate),
			LastAccessedDate:  aws.ToTime(out.LastAccessedDate),
			LastRotatedDate:   aws.ToTime(out.LastRotatedDate),
			NextRotationDate:  aws.ToTime(out.NextRotationDate),
			DeletedDate:       aws.ToTime(out.DeletedDate),
			RotationEnabled:   aws.ToBool(out.RotationEnabled),
			RotationLambdaARN: aws.ToString(out.RotationLambdaARN),
			RotationRules:     shared.rules(out.RotationRules),
			Tags:              shared.tags(out.Tags),
			OwningService:     aws.ToString(out.OwningService),
			PrimaryRegion:     aws.ToString(out.PrimaryRegion),
			VersionStages:     shared.stages(out.VersionIdsToStages),
		},
		Replicas: replicasFrom(out.ReplicationStatus),
	}
}

// rotationRulesTo converts a schedule for RotateSecret, leaving unset parts out.
func rotationRulesTo(r model.RotationRules) *types.RotationRulesType {
	out := &types.RotationRulesType{}
	if r.AutomaticallyAfterDays > 0 {
		out.AutomaticallyAfterDays = aws.Int64(r.AutomaticallyAfterDays)
	}
	out.ScheduleExpression = optional(r.ScheduleExpression)
	out.Duration = optional(r.Duration)
	return out
}

// tagsTo converts tags for a request.
func tagsTo(tags []model.Tag) []types.Tag {
	if len(tags) == 0 {
		return nil
	}
	out := make([]types.Tag, len(tags))
	for i, t := range tags {
		out[i] = types.Tag{Key: aws.String(t.Key), Value: aws.String(t.Value)}
	}
	return out
}

// replicasFrom converts the replication status of a secret.
func replicasFrom(rs []types.ReplicationStatusType) []model.Replica {
	if len(rs) == 0 {
		return nil
	}
	out := make([]model.Replica, len(rs))
	for i, r := range rs {
		out[i] = model.Replica{
			Region:           aws.ToString(r.Region),
			KMSKeyID:         aws.ToString(r.KmsKeyId),
			Status:           string(r.Status),
			StatusMessage:    aws.ToString(r.StatusMessage),
			LastAccessedDate: aws.ToTime(r.LastAccessedDate),
		}
	}
	return out
}

// filtersTo converts ListSecrets filters.
func filtersTo(fs []model.ListFilter) []types.Filter {
	if len(fs) == 0 {
		return nil
	}
	out := make([]types.Filter, len(fs))
	for i, f := range fs {
		out[i] = types.Filter{Key: types.FilterNameStringType(f.Key), Values: slices.Clone(f.Values)}
	}
	return out
}

// versionFrom converts one ListSecretVersionIds row.
func versionFrom(e types.SecretVersionsListEntry) model.Version {
	return model.Version{
		ID:               aws.ToString(e.VersionId),
		Stages:           slices.Clone(e.VersionStages),
		CreatedDate:      aws.ToTime(e.CreatedDate),
		LastAccessedDate: aws.ToTime(e.LastAccessedDate),
		KMSKeyIDs:        slices.Clone(e.KmsKeyIds),
	}
}

// secretVersionFrom converts a GetSecretValue answer.
func secretVersionFrom(out *secretsmanager.GetSecretValueOutput) model.SecretVersion {
	return model.SecretVersion{
		ARN:         aws.ToString(out.ARN),
		Name:        aws.ToString(out.Name),
		VersionID:   aws.ToString(out.VersionId),
		Stages:      slices.Clone(out.VersionStages),
		CreatedDate: aws.ToTime(out.CreatedDate),
		Value:       valueFrom(out.SecretString, out.SecretBinary),
	}
}

// secretVersionFromEntry converts one BatchGetSecretValue result.
func secretVersionFromEntry(e types.SecretValueEntry) model.SecretVersion {
	return model.SecretVersion{
		ARN:         aws.ToString(e.ARN),
		Name:        aws.ToString(e.Name),
		VersionID:   aws.ToString(e.VersionId),
		Stages:      slices.Clone(e.VersionStages),
		CreatedDate: aws.ToTime(e.CreatedDate),
		Value:       valueFrom(e.SecretString, e.SecretBinary),
	}
}

// valueFrom makes a Value from whichever of SecretString and SecretBinary is set.
func valueFrom(s *string, b []byte) model.Value {
	switch {
	case b != nil:
		return model.BinaryValue(b)
	case s != nil:
		return model.StringValue(*s)
	}
	return model.Value{}
}

// valueTo splits a Value into SecretString or SecretBinary for a request.
func valueTo(v model.Value) (*string, []byte) {
	if v.IsBinary() {
		return nil, v.Reveal()
	}
	return aws.String(string(v.Reveal())), nil
}

// optional is nil for an empty string, so the field is left out of a request.
func optional(s string) *string {
	if s == "" {
		return nil
	}
	return aws.String(s)
}
