package emulator

import (
	"bytes"
	"fmt"
	"slices"
	"strings"
	"time"
)

// Replication statuses, the key a replica uses by default, and the texts
// AWS answers replication with.
const (
	replicaInSync         = "InSync"
	replicaFailed         = "Failed"
	replicaSucceededText  = "Replication succeeded"
	defaultReplicaKMSKey  = "alias/aws/secretsmanager"
	replicaReadOnlyText   = "Operation not permitted on a replica secret. Call must be made in primary secret's region."
	invalidReplicaRegText = "Invalid replica region."
)

// replica is one region a primary secret replicates to.
type replica struct {
	region        string
	kmsKeyID      string
	status        string
	statusMessage string
	// copy is the replica secret in the region's store; nil when
	// replication failed and nothing was copied.
	copy *secret
}

// statusJSON is the replica's ReplicationStatus entry.
func (r *replica) statusJSON() replicationStatusJSON {
	out := replicationStatusJSON{Region: r.region, KmsKeyId: r.kmsKeyID, Status: r.status, StatusMessage: r.statusMessage}
	if out.KmsKeyId == "" {
		out.KmsKeyId = defaultReplicaKMSKey
	}
	if r.copy != nil {
		out.LastAccessedDate = epochPtr(r.copy.lastAccessed)
	}
	return out
}

// replicationStatus lists the replicas of s as AWS answers them.
func (s *secret) replicationStatus() []replicationStatusJSON {
	var out []replicationStatusJSON
	for _, r := range s.replicas {
		out = append(out, r.statusJSON())
	}
	return out
}

// isReplica reports whether s is a replica of a secret in another region,
// and so read-only.
func (s *secret) isReplica() bool {
	return s.primaryRegion != "" && s.place != nil && s.primaryRegion != s.place.region
}

// replicaIn returns the replica entry of region, or nil.
func (s *secret) replicaIn(region string) *replica {
	for _, r := range s.replicas {
		if r.region == region {
			return r
		}
	}
	return nil
}

// arnInRegion is arn with its region replaced, as a replica's ARN is.
func arnInRegion(arn, region string) string {
	parts := strings.SplitN(arn, ":", 5)
	if len(parts) < 5 {
		return arn
	}
	parts[3] = region
	return strings.Join(parts, ":")
}

// makeReplica copies sec into r's region of the same account. A secret of
// the same name there fails the replica unless force, which replaces it.
// A replica with no status yet becomes InSync; a seeded one keeps its own.
// The caller holds s.mu.
func (s *Server) makeReplica(sec *secret, r *replica, force bool, created time.Time) {
	st := s.at(sec.place.account, r.region).secrets
	if existing := st.byName[sec.name]; existing != nil {
		if !force {
			r.status = replicaFailed
			r.statusMessage = fmt.Sprintf("Replication failed: Secret name %s already exists in region %s.", sec.name, r.region)
			return
		}
		s.unlinkReplica(existing)
		for len(existing.replicas) > 0 {
			// A primary replaced by a replica takes its own replicas with it.
			s.dropReplica(existing, existing.replicas[0].region)
		}
		s.stopRotation(existing)
		st.remove(existing)
	}
	cp := &secret{
		arn:           arnInRegion(sec.arn, r.region),
		name:          sec.name,
		kmsKeyID:      r.kmsKeyID,
		created:       created,
		primaryRegion: sec.place.region,
		primary:       sec,
	}
	st.add(cp)
	cp.copyFrom(sec)
	r.copy = cp
	if r.status == "" {
		r.status, r.statusMessage = replicaInSync, replicaSucceededText
	}
}

// copyFrom makes replica dst hold what its primary src holds: versions and
// their stages, description, tags, resource policy and rotation settings.
// Reads stay the replica's own.
func (dst *secret) copyFrom(src *secret) {
	read := make(map[string]time.Time, len(dst.versions))
	for _, v := range dst.versions {
		read[v.id] = v.lastAccessed
	}
	dst.versions = make([]*version, len(src.versions))
	for i, v := range src.versions {
		dst.versions[i] = &version{
			id: v.id, str: v.str, bin: bytes.Clone(v.bin), stages: slices.Clone(v.stages),
			created: v.created, lastAccessed: read[v.id],
		}
	}
	dst.description = src.description
	dst.tags = slices.Clone(src.tags)
	dst.policy = src.policy
	dst.owningService = src.owningService
	dst.rotation = src.rotation
	dst.lastChanged = src.lastChanged
	dst.place.secrets.changed()
}

// syncReplicas brings every replica of sec in step with it.
func (s *Server) syncReplicas(sec *secret) {
	for _, r := range sec.replicas {
		if r.copy != nil {
			r.copy.copyFrom(sec)
		}
	}
}

// unlinkReplica drops replica copy cp from its primary's replicas, if it
// is one.
func (s *Server) unlinkReplica(cp *secret) {
	p := cp.primary
	if p == nil {
		return
	}
	p.replicas = slices.DeleteFunc(p.replicas, func(r *replica) bool { return r.copy == cp })
	if len(p.replicas) == 0 {
		p.primaryRegion = ""
	}
	p.place.secrets.changed()
	cp.primary = nil
}

// dropReplica removes the replica of sec in region and its copy.
func (s *Server) dropReplica(sec *secret, region string) {
	r := sec.replicaIn(region)
	if r == nil {
		return
	}
	if cp := r.copy; cp != nil && cp.place.secrets.byARN[cp.arn] == cp {
		cp.place.secrets.remove(cp)
		cp.primary = nil
	}
	sec.replicas = slices.DeleteFunc(sec.replicas, func(x *replica) bool { return x == r })
	if len(sec.replicas) == 0 {
		sec.primaryRegion = ""
	}
	sec.place.secrets.changed()
}

// replicaRegionInput is one entry of AddReplicaRegions.
type replicaRegionInput struct {
	Region   string
	KmsKeyId string
}

// checkReplicaRegions refuses a replica in the secret's own region or twice
// in one region.
func checkReplicaRegions(own string, regions []replicaRegionInput, existing []*replica) *apiError {
	seen := map[string]bool{}
	for _, r := range existing {
		seen[r.region] = true
	}
	for _, r := range regions {
		if r.Region == "" || r.Region == own || seen[r.Region] {
			return errInvalidParameter(invalidReplicaRegText)
		}
		seen[r.Region] = true
	}
	return nil
}

// addReplicas makes sec a primary replicating to regions.
func (s *Server) addReplicas(sec *secret, regions []replicaRegionInput, force bool, now time.Time) {
	for _, in := range regions {
		r := &replica{region: in.Region, kmsKeyID: in.KmsKeyId}
		sec.replicas = append(sec.replicas, r)
		s.makeReplica(sec, r, force, now)
	}
	if len(sec.replicas) > 0 {
		// A replicated secret's primary names the region it is in.
		sec.primaryRegion = sec.place.region
	}
	sec.place.secrets.changed()
}
