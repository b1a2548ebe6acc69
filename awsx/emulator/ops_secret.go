package emulator

import (
	"slices"
	"time"
)

// findSecret resolves a SecretId and notes it in the call's event.
func (s *Server) findSecret(c *call, id string) (*secret, *apiError) {
	if id == "" {
		return nil, errValidation("null", "secretId", "Member must not be null")
	}
	if !validSecretID(id) {
		return nil, errInvalidName("ValidationException")
	}
	sec := c.at.secrets.lookup(id)
	if sec == nil {
		return nil, errSecretNotFound()
	}
	c.event.about(sec)
	c.target = sec
	return sec, nil
}

// findLiveSecret is findPrimary refusing secrets pending deletion.
func (s *Server) findLiveSecret(c *call, id string) (*secret, *apiError) {
	sec, err := s.findPrimary(c, id)
	if err != nil {
		return nil, err
	}
	if sec.pendingDeletion() {
		return nil, errMarkedForDeletion()
	}
	return sec, nil
}

type createSecretInput struct {
	Name                        string
	ClientRequestToken          *string
	Description                 *string
	KmsKeyId                    *string
	SecretString                *string
	SecretBinary                []byte
	Tags                        []SeedTag
	AddReplicaRegions           []replicaRegionInput
	ForceOverwriteReplicaSecret bool
}

type writeOutput struct {
	ARN               string                  `json:"ARN"`
	Name              string                  `json:"Name"`
	VersionId         string                  `json:"VersionId,omitempty"`
	VersionStages     []string                `json:"VersionStages,omitempty"`
	ReplicationStatus []replicationStatusJSON `json:"ReplicationStatus,omitempty"`
}

func (s *Server) createSecret(c *call) (any, *apiError) {
	var in createSecretInput
	if err := c.decode(&in); err != nil {
		return nil, err
	}
	if !validName(in.Name) {
		return nil, errInvalidName("InvalidParameterException")
	}
	if err := checkValue(in.SecretString, in.SecretBinary, false); err != nil {
		return nil, err
	}
	if err := checkTags(in.Tags); err != nil {
		return nil, err
	}
	if err := checkReplicaRegions(c.at.region, in.AddReplicaRegions, nil); err != nil {
		return nil, err
	}
	// Only a value makes a version, which needs a token.
	token := ""
	if in.SecretString != nil || in.SecretBinary != nil {
		var err *apiError
		if token, err = s.versionToken(in.ClientRequestToken); err != nil {
			return nil, err
		}
	} else if err := checkToken(in.ClientRequestToken); err != nil {
		return nil, err
	}
	if existing := c.at.secrets.byName[in.Name]; existing != nil {
		c.event.about(existing)
		if existing.pendingDeletion() {
			return nil, errInvalidRequest("You can't create this secret because a secret with this name is already scheduled for deletion.")
		}
		if v := existing.versionByID(token); v != nil {
			if !v.sameValue(in.SecretString, in.SecretBinary) {
				return nil, errTokenInUse(token, existing.arn)
			}
			c.event.answered(existing, v.id)
			return writeOutput{ARN: existing.arn, Name: existing.name, VersionId: v.id}, nil
		}
		return nil, newError("ResourceExistsException", "The operation failed because the secret %s already exists.", in.Name)
	}
	sec := &secret{
		arn:         c.at.secrets.newARN(arnPrefix(c.at.region, c.at.account), in.Name),
		name:        in.Name,
		description: deref(in.Description),
		kmsKeyID:    deref(in.KmsKeyId),
		tags:        nonEmpty(in.Tags),
		created:     c.now,
		lastChanged: c.now,
	}
	out := writeOutput{ARN: sec.arn, Name: sec.name}
	if in.SecretString != nil || in.SecretBinary != nil {
		sec.versions = []*version{{id: token, str: in.SecretString, bin: in.SecretBinary, stages: []string{stageCurrent}, created: c.now}}
		out.VersionId = token
	}
	c.at.secrets.add(sec)
	s.addReplicas(sec, in.AddReplicaRegions, in.ForceOverwriteReplicaSecret, c.now)
	c.event.about(sec)
	c.event.answered(sec, out.VersionId)
	out.ReplicationStatus = sec.replicationStatus()
	return out, nil
}

type secretIDInput struct {
	SecretId string
}

func (s *Server) describeSecret(c *call) (any, *apiError) {
	var in secretIDInput
	if err := c.decode(&in); err != nil {
		return nil, err
	}
	sec, err := s.findSecret(c, in.SecretId)
	if err != nil {
		return nil, err
	}
	return sec.entry(false), nil
}

type updateSecretInput struct {
	SecretId           string
	ClientRequestToken *string
	Description        *string
	KmsKeyId           *string
	SecretString       *string
	SecretBinary       []byte
}

func (s *Server) updateSecret(c *call) (any, *apiError) {
	var in updateSecretInput
	if err := c.decode(&in); err != nil {
		return nil, err
	}
	if err := checkToken(in.ClientRequestToken); err != nil {
		return nil, err
	}
	sec, err := s.findLiveSecret(c, in.SecretId)
	if err != nil {
		return nil, err
	}
	if err := checkValue(in.SecretString, in.SecretBinary, false); err != nil {
		return nil, err
	}
	out := writeOutput{ARN: sec.arn, Name: sec.name}
	if in.SecretString != nil || in.SecretBinary != nil {
		v, err := s.putVersion(sec, in.ClientRequestToken, in.SecretString, in.SecretBinary, []string{stageCurrent}, c.now)
		if err != nil {
			return nil, err
		}
		out.VersionId = v.id
	}
	if in.Description != nil {
		sec.description = *in.Description
	}
	if in.KmsKeyId != nil {
		sec.kmsKeyID = *in.KmsKeyId
	}
	sec.lastChanged = c.now
	c.at.secrets.changed()
	c.event.answered(sec, out.VersionId)
	return out, nil
}

type deleteSecretInput struct {
	SecretId                   string
	RecoveryWindowInDays       *int64
	ForceDeleteWithoutRecovery *bool
}

type deleteSecretOutput struct {
	ARN          string `json:"ARN"`
	Name         string `json:"Name"`
	DeletionDate epoch  `json:"DeletionDate"`
}

func (s *Server) deleteSecret(c *call) (any, *apiError) {
	var in deleteSecretInput
	if err := c.decode(&in); err != nil {
		return nil, err
	}
	force := in.ForceDeleteWithoutRecovery != nil && *in.ForceDeleteWithoutRecovery
	if force && in.RecoveryWindowInDays != nil {
		return nil, errInvalidParameter("You can't use ForceDeleteWithoutRecovery in conjunction with RecoveryWindowInDays.")
	}
	days := int64(30)
	if in.RecoveryWindowInDays != nil {
		days = *in.RecoveryWindowInDays
		if days < 7 || days > 30 {
			return nil, errInvalidParameter("The RecoveryWindowInDays value must be between 7 and 30 days (inclusive).")
		}
	}
	sec := c.at.secrets.lookup(in.SecretId)
	if sec == nil && force && validName(in.SecretId) {
		// AWS answers a forced delete of a secret it doesn't know as done.
		return deleteSecretOutput{ARN: c.at.secrets.newARN(arnPrefix(c.at.region, c.at.account), in.SecretId), Name: in.SecretId, DeletionDate: epoch(c.now)}, nil
	}
	sec, err := s.findPrimary(c, in.SecretId)
	if err != nil {
		return nil, err
	}
	if len(sec.replicas) > 0 {
		return nil, errStillReplicated(in.SecretId, sec)
	}
	if sec.pendingDeletion() && !force {
		return nil, errMarkedForDeletion()
	}
	s.stopRotation(sec)
	when := c.now
	if force {
		c.at.secrets.remove(sec)
	} else {
		when = c.now.Add(time.Duration(days) * 24 * time.Hour)
		c.at.secrets.markDeleted(sec, c.now, when)
		sec.lastChanged = c.now
	}
	c.event.answered(sec, "")
	c.event.response["deletionDate"] = when.Format(time.RFC3339)
	return deleteSecretOutput{ARN: sec.arn, Name: sec.name, DeletionDate: epoch(when)}, nil
}

func (s *Server) restoreSecret(c *call) (any, *apiError) {
	var in secretIDInput
	if err := c.decode(&in); err != nil {
		return nil, err
	}
	sec, err := s.findPrimary(c, in.SecretId)
	if err != nil {
		return nil, err
	}
	if sec.pendingDeletion() {
		c.at.secrets.restore(sec)
		sec.lastChanged = c.now
	}
	c.event.answered(sec, "")
	return writeOutput{ARN: sec.arn, Name: sec.name}, nil
}

type tagResourceInput struct {
	SecretId string
	Tags     []SeedTag
	TagKeys  []string
}

func (s *Server) tagResource(c *call) (any, *apiError) {
	var in tagResourceInput
	if err := c.decode(&in); err != nil {
		return nil, err
	}
	sec, err := s.findLiveSecret(c, in.SecretId)
	if err != nil {
		return nil, err
	}
	tags := slices.Clone(sec.tags)
	for _, t := range in.Tags {
		i := slices.IndexFunc(tags, func(old SeedTag) bool { return old.Key == t.Key })
		if i >= 0 {
			tags[i].Value = t.Value
		} else {
			tags = append(tags, t)
		}
	}
	if err := checkTags(tags); err != nil {
		return nil, err
	}
	sec.tags = tags
	sec.lastChanged = c.now
	c.at.secrets.changed()
	return struct{}{}, nil
}

func (s *Server) untagResource(c *call) (any, *apiError) {
	var in tagResourceInput
	if err := c.decode(&in); err != nil {
		return nil, err
	}
	sec, err := s.findLiveSecret(c, in.SecretId)
	if err != nil {
		return nil, err
	}
	sec.tags = slices.DeleteFunc(slices.Clone(sec.tags), func(t SeedTag) bool { return slices.Contains(in.TagKeys, t.Key) })
	sec.lastChanged = c.now
	c.at.secrets.changed()
	return struct{}{}, nil
}

// nonEmpty is a copy of tags, or nil when there are none.
func nonEmpty(tags []SeedTag) []SeedTag {
	if len(tags) == 0 {
		return nil
	}
	return slices.Clone(tags)
}

// checkTags enforces AWS's tag limits.
func checkTags(tags []SeedTag) *apiError {
	if len(tags) > 50 {
		return errValidation(len(tags), "tags", "Member must have length less than or equal to 50")
	}
	for _, t := range tags {
		if t.Key == "" || len(t.Key) > 128 {
			return errValidation(t.Key, "tags.member.key", "Member must have length between 1 and 128")
		}
		if len(t.Value) > 256 {
			return errValidation("***", "tags.member.value", "Member must have length less than or equal to 256")
		}
	}
	return nil
}

func deref(p *string) string {
	if p == nil {
		return ""
	}
	return *p
}
