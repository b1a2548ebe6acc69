package emulator

import (
	"slices"
	"strings"
)

// findPrimary is findSecret refusing replicas, which only reads may use.
func (s *Server) findPrimary(c *call, id string) (*secret, *apiError) {
	sec, err := s.findSecret(c, id)
	if err != nil {
		return nil, err
	}
	if sec.isReplica() {
		return nil, errInvalidParameter(replicaReadOnlyText)
	}
	return sec, nil
}

// errStillReplicated refuses deleting a primary that has replicas, naming
// the secret as the caller did.
func errStillReplicated(id string, sec *secret) *apiError {
	regions := make([]string, 0, len(sec.replicas))
	for _, r := range sec.replicas {
		regions = append(regions, r.region)
	}
	slices.Sort(regions)
	return errInvalidParameter("You can't delete secret %s that still has replica regions [%s].", id, strings.Join(regions, ", "))
}

type replicateInput struct {
	SecretId                    string
	AddReplicaRegions           []replicaRegionInput
	ForceOverwriteReplicaSecret bool
}

type replicationOutput struct {
	ARN               string                  `json:"ARN"`
	ReplicationStatus []replicationStatusJSON `json:"ReplicationStatus,omitempty"`
}

func (s *Server) replicateSecretToRegions(c *call) (any, *apiError) {
	var in replicateInput
	if err := c.decode(&in); err != nil {
		return nil, err
	}
	if len(in.AddReplicaRegions) == 0 {
		return nil, errValidation("[]", "addReplicaRegions", "Member must have length greater than or equal to 1")
	}
	sec, err := s.findLiveSecret(c, in.SecretId)
	if err != nil {
		return nil, err
	}
	if err := checkReplicaRegions(sec.place.region, in.AddReplicaRegions, sec.replicas); err != nil {
		return nil, err
	}
	s.addReplicas(sec, in.AddReplicaRegions, in.ForceOverwriteReplicaSecret, c.now)
	c.event.answered(sec, "")
	return replicationOutput{ARN: sec.arn, ReplicationStatus: sec.replicationStatus()}, nil
}

type removeRegionsInput struct {
	SecretId             string
	RemoveReplicaRegions []string
}

func (s *Server) removeRegionsFromReplication(c *call) (any, *apiError) {
	var in removeRegionsInput
	if err := c.decode(&in); err != nil {
		return nil, err
	}
	if len(in.RemoveReplicaRegions) == 0 {
		return nil, errValidation("[]", "removeReplicaRegions", "Member must have length greater than or equal to 1")
	}
	sec, err := s.findPrimary(c, in.SecretId)
	if err != nil {
		return nil, err
	}
	for _, region := range in.RemoveReplicaRegions {
		s.dropReplica(sec, region)
	}
	c.event.answered(sec, "")
	return replicationOutput{ARN: sec.arn, ReplicationStatus: sec.replicationStatus()}, nil
}

// stopReplicationToReplica promotes a replica, in its own region, to a
// standalone secret that its former primary no longer lists.
func (s *Server) stopReplicationToReplica(c *call) (any, *apiError) {
	var in secretIDInput
	if err := c.decode(&in); err != nil {
		return nil, err
	}
	sec, err := s.findSecret(c, in.SecretId)
	if err != nil {
		return nil, err
	}
	if !sec.isReplica() {
		return nil, errInvalidParameter("The secret %s is not a replica secret.", in.SecretId)
	}
	s.unlinkReplica(sec)
	sec.primaryRegion = ""
	sec.lastChanged = c.now
	sec.place.secrets.changed()
	c.event.answered(sec, "")
	return replicationOutput{ARN: sec.arn}, nil
}
