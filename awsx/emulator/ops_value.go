package emulator

import (
	"slices"
	"time"
)

// maxValueBytes is the largest secret value Secrets Manager stores.
const maxValueBytes = 65536

// checkValue enforces exactly one of SecretString and SecretBinary (or
// none, when not required) and the size limit.
func checkValue(str *string, bin []byte, required bool) *apiError {
	switch {
	case str != nil && bin != nil:
		return errInvalidParameter("You can't specify both a binary secret value and a string secret value in the same secret.")
	case required && str == nil && bin == nil:
		return errInvalidParameter("You must provide either SecretString or SecretBinary.")
	case str != nil && len(*str) > maxValueBytes:
		return newError("ValidationException", "1 validation error detected: Value at 'secretString' failed to satisfy constraint: Member must have length less than or equal to %d", maxValueBytes)
	case len(bin) > maxValueBytes:
		return newError("ValidationException", "1 validation error detected: Value at 'secretBinary' failed to satisfy constraint: Member must have length less than or equal to %d", maxValueBytes)
	}
	return nil
}

// checkToken enforces the 32–64 character length of a ClientRequestToken.
func checkToken(token *string) *apiError {
	if token == nil || *token == "" {
		return nil
	}
	if n := len(*token); n < 32 || n > 64 {
		return errValidation(*token, "clientRequestToken", "Member must have length between 32 and 64")
	}
	return nil
}

// versionToken is the ClientRequestToken of a call that makes a version.
// The SDKs and the CLI make one up when the caller gives none; a request
// without one is refused, as AWS refuses it.
func (s *Server) versionToken(token *string) (string, *apiError) {
	if err := checkToken(token); err != nil {
		return "", err
	}
	if token == nil || *token == "" {
		return "", errInvalidRequest("You must provide a ClientRequestToken value. We recommend a UUID-type value.")
	}
	return *token, nil
}

// putVersion stores a new version under stages, or returns the existing
// version of the same token and value.
func (s *Server) putVersion(sec *secret, token *string, str *string, bin []byte, stages []string, now time.Time) (*version, *apiError) {
	id, err := s.versionToken(token)
	if err != nil {
		return nil, err
	}
	v := sec.versionByID(id)
	switch {
	case v != nil && v.hasValue() && v.sameValue(str, bin):
		return v, nil
	case v != nil && v.hasValue():
		return nil, errTokenInUse(id, sec.arn)
	case v == nil:
		v = &version{id: id, created: now}
		sec.versions = append(sec.versions, v)
	}
	v.str, v.bin = str, bin
	for _, stage := range stages {
		sec.attachStage(v, stage)
	}
	sec.lastChanged = now
	sec.place.secrets.changed()
	return v, nil
}

type getSecretValueInput struct {
	SecretId     string
	VersionId    string
	VersionStage string
}

type secretValueOutput struct {
	ARN           string   `json:"ARN"`
	Name          string   `json:"Name"`
	VersionId     string   `json:"VersionId"`
	SecretString  *string  `json:"SecretString,omitempty"`
	SecretBinary  []byte   `json:"SecretBinary,omitempty"`
	VersionStages []string `json:"VersionStages"`
	CreatedDate   epoch    `json:"CreatedDate"`
}

func (s *Server) getSecretValue(c *call) (any, *apiError) {
	var in getSecretValueInput
	if err := c.decode(&in); err != nil {
		return nil, err
	}
	sec, err := s.findSecret(c, in.SecretId)
	if err != nil {
		return nil, err
	}
	return s.readValue(sec, in.VersionId, in.VersionStage, c.now)
}

// readValue reads one version's value the way GetSecretValue does.
func (s *Server) readValue(sec *secret, versionID, stage string, now time.Time) (secretValueOutput, *apiError) {
	if sec.pendingDeletion() {
		return secretValueOutput{}, errMarkedForDeletion()
	}
	var v *version
	switch {
	case versionID != "":
		v = sec.versionByID(versionID)
		if v == nil {
			return secretValueOutput{}, errNoValueForVersion(versionID)
		}
		if stage != "" && !v.hasStage(stage) {
			return secretValueOutput{}, errInvalidRequest("You provided a VersionStage that is not associated to the provided VersionId.")
		}
	default:
		if stage == "" {
			stage = stageCurrent
		}
		v = sec.versionByStage(stage)
		if v == nil {
			return secretValueOutput{}, errNoValueForStage(stage)
		}
	}
	if !v.hasValue() {
		if versionID != "" {
			return secretValueOutput{}, errNoValueForVersion(versionID)
		}
		return secretValueOutput{}, errNoValueForStage(stage)
	}
	before := sec.lastAccessed
	sec.touchRead(v, now)
	if !before.Equal(sec.lastAccessed) {
		sec.place.secrets.changed()
	}
	return secretValueOutput{
		ARN:           sec.arn,
		Name:          sec.name,
		VersionId:     v.id,
		SecretString:  v.str,
		SecretBinary:  v.bin,
		VersionStages: slices.Clone(v.stages),
		CreatedDate:   epoch(v.created),
	}, nil
}

type putSecretValueInput struct {
	SecretId           string
	ClientRequestToken *string
	SecretString       *string
	SecretBinary       []byte
	VersionStages      []string
}

func (s *Server) putSecretValue(c *call) (any, *apiError) {
	var in putSecretValueInput
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
	if err := checkValue(in.SecretString, in.SecretBinary, true); err != nil {
		return nil, err
	}
	stages := in.VersionStages
	if len(stages) == 0 {
		stages = []string{stageCurrent}
	}
	current := sec.versionByStage(stageCurrent)
	v, err := s.putVersion(sec, in.ClientRequestToken, in.SecretString, in.SecretBinary, stages, c.now)
	if err != nil {
		return nil, err
	}
	if current != nil && current != v && !current.hasStage(stageCurrent) && current.hasStage(stagePending) {
		// A finished rotation left AWSPENDING on the AWSCURRENT version;
		// moving AWSCURRENT off it leaves it AWSPREVIOUS only.
		current.removeStage(stagePending)
	}
	c.event.answered(sec, v.id)
	return writeOutput{ARN: sec.arn, Name: sec.name, VersionId: v.id, VersionStages: slices.Clone(v.stages)}, nil
}

type listVersionsInput struct {
	SecretId          string
	MaxResults        *int
	NextToken         *string
	IncludeDeprecated bool
}

type versionEntry struct {
	VersionId        string   `json:"VersionId"`
	VersionStages    []string `json:"VersionStages,omitempty"`
	LastAccessedDate *epoch   `json:"LastAccessedDate,omitempty"`
	CreatedDate      *epoch   `json:"CreatedDate,omitempty"`
	KmsKeyIds        []string `json:"KmsKeyIds,omitempty"`
}

type listVersionsOutput struct {
	ARN       string         `json:"ARN"`
	Name      string         `json:"Name"`
	Versions  []versionEntry `json:"Versions"`
	NextToken string         `json:"NextToken,omitempty"`
}

// listSecretVersionIds lists versions oldest first.
func (s *Server) listSecretVersionIds(c *call) (any, *apiError) {
	var in listVersionsInput
	if err := c.decode(&in); err != nil {
		return nil, err
	}
	limit, err := maxResults(in.MaxResults, 100, 100)
	if err != nil {
		return nil, err
	}
	sec, err := s.findSecret(c, in.SecretId)
	if err != nil {
		return nil, err
	}
	start, err := offsetToken(in.NextToken)
	if err != nil {
		return nil, err
	}
	out := listVersionsOutput{ARN: sec.arn, Name: sec.name, Versions: []versionEntry{}}
	kms := sec.kmsKeyID
	if kms == "" {
		kms = "DefaultEncryptionKey"
	}
	seen := 0
	for _, v := range sec.versions {
		if len(v.stages) == 0 && !in.IncludeDeprecated {
			continue
		}
		if seen++; seen <= start {
			continue
		}
		if len(out.Versions) == limit {
			out.NextToken = offsetTokenFor(start + limit)
			break
		}
		out.Versions = append(out.Versions, versionEntry{
			VersionId:        v.id,
			VersionStages:    slices.Clone(v.stages),
			LastAccessedDate: epochPtr(v.lastAccessed),
			CreatedDate:      epochPtr(v.created),
			KmsKeyIds:        []string{kms},
		})
	}
	return out, nil
}

type updateStageInput struct {
	SecretId            string
	VersionStage        string
	RemoveFromVersionId string
	MoveToVersionId     string
}

func (s *Server) updateSecretVersionStage(c *call) (any, *apiError) {
	var in updateStageInput
	if err := c.decode(&in); err != nil {
		return nil, err
	}
	if in.VersionStage == "" {
		return nil, errValidation("null", "versionStage", "Member must not be null")
	}
	sec, err := s.findLiveSecret(c, in.SecretId)
	if err != nil {
		return nil, err
	}
	var from, to *version
	if in.RemoveFromVersionId != "" {
		from = sec.versionByID(in.RemoveFromVersionId)
		if from == nil || !from.hasStage(in.VersionStage) {
			return nil, errInvalidParameter("Version stage %s not found in version %s", in.VersionStage, in.RemoveFromVersionId)
		}
	}
	if in.MoveToVersionId != "" {
		holder := sec.versionByStage(in.VersionStage)
		if holder != nil && holder.id != in.MoveToVersionId && holder != from {
			return nil, errInvalidParameter("The parameter RemoveFromVersionId can't be empty. Staging label %s is currently attached to version %s, so you must explicitly reference that version in RemoveFromVersionId.", in.VersionStage, holder.id)
		}
		if to = sec.versionByID(in.MoveToVersionId); to == nil {
			return nil, errInvalidParameter("Not a valid version: %s", in.MoveToVersionId)
		}
	}
	if from != nil && from != to {
		from.removeStage(in.VersionStage)
	}
	if to != nil && !to.hasStage(in.VersionStage) {
		to.stages = append(to.stages, in.VersionStage)
		if in.VersionStage == stageCurrent && from != nil {
			sec.attachStage(from, stagePrevious)
		}
	}
	sec.lastChanged = c.now
	sec.place.secrets.changed()
	if in.VersionStage == stagePending && from != nil && to == nil && !from.hasStage(stageCurrent) {
		s.abandonRotation(sec, c.now)
	}
	c.event.answered(sec, "")
	return writeOutput{ARN: sec.arn, Name: sec.name}, nil
}
