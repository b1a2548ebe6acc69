package emulator

import (
	"cmp"
	"encoding/json"
	"fmt"
	"io"
	"slices"
	"strings"
	"time"

	"github.com/keyhole-tui/keyhole/model"
)

// LoadJSON reads a Seed document and loads it.
func (s *Server) LoadJSON(r io.Reader) error {
	var seed Seed
	dec := json.NewDecoder(r)
	dec.DisallowUnknownFields()
	if err := dec.Decode(&seed); err != nil {
		return fmt.Errorf("read seed: %w", err)
	}
	return s.Load(seed)
}

// Load adds the seed's secrets and events; relative times count from the
// clock at load. Nothing is loaded when the seed has an error.
func (s *Server) Load(seed Seed) error {
	s.mu.Lock()
	defer s.mu.Unlock()
	now := s.now()
	account, region := s.account, s.region
	if seed.AccountID != "" {
		account = seed.AccountID
	}
	if seed.Region != "" {
		region = seed.Region
	}
	latency, err := seedLatency(seed.Latency, s.latency)
	if err != nil {
		return err
	}
	org, err := seedOrganization(seed, account, now)
	if err != nil {
		return err
	}
	secrets := map[*regionState][]*secret{}
	names := map[*regionState]map[string]bool{}
	// loaded keeps seed order, so replicas are made in a fixed order.
	var loaded []*secret
	for i, ss := range seed.Secrets {
		place := s.at(cmp.Or(ss.Account, account), cmp.Or(ss.Region, region))
		sec, err := s.seedSecret(ss, place, now)
		if err != nil {
			return fmt.Errorf("load seed secret %d (%q): %w", i, ss.Name, err)
		}
		if names[place] == nil {
			names[place] = map[string]bool{}
		}
		if names[place][sec.name] || place.secrets.byName[sec.name] != nil {
			return fmt.Errorf("load seed secret %d: name %q is used twice in %s %s", i, ss.Name, place.account, place.region)
		}
		names[place][sec.name] = true
		secrets[place] = append(secrets[place], sec)
		loaded = append(loaded, sec)
	}
	s.account, s.region, s.latency = account, region, latency
	if org != nil {
		s.org = org
	}
	if len(seed.Regions) > 0 {
		s.enabledRegions = slices.Clone(seed.Regions)
	}
	if len(seed.Roles) > 0 {
		s.roles = slices.Clone(seed.Roles)
	}
	for k, v := range seed.Identities {
		s.identities[k] = v
	}
	for place, list := range secrets {
		place.secrets.addAll(list)
	}
	for _, sec := range loaded {
		s.seedReplicas(sec)
	}
	for _, se := range seed.Events {
		s.seedEvent(s.at(cmp.Or(se.Account, account), cmp.Or(se.Region, region)), se, now)
	}
	return nil
}

func (s *Server) seedSecret(ss SeedSecret, place *regionState, now time.Time) (*secret, error) {
	name := ss.Name
	if ss.OwningService != "" {
		// A service's own secrets, such as RDS's rds!db-…, carry a '!'
		// that CreateSecret refuses.
		name = strings.ReplaceAll(name, "!", "-")
	}
	if !validName(name) {
		return nil, fmt.Errorf("invalid name")
	}
	created := ss.Created.Resolve(now)
	if created.IsZero() {
		created = now
	}
	sec := &secret{
		arn:           place.secrets.newARN(arnPrefix(place.region, place.account), ss.Name),
		name:          ss.Name,
		description:   ss.Description,
		kmsKeyID:      ss.KMSKeyID,
		tags:          slices.Clone(ss.Tags),
		created:       created.UTC(),
		lastChanged:   created.UTC(),
		owningService: ss.OwningService,
		primaryRegion: ss.PrimaryRegion,
		policy:        ss.Policy,
	}
	for _, r := range ss.Replicas {
		if r.Region == "" || r.Region == place.region || sec.replicaIn(r.Region) != nil {
			return nil, fmt.Errorf("replica region %q is empty, the secret's own or given twice", r.Region)
		}
		sec.replicas = append(sec.replicas, &replica{region: r.Region, kmsKeyID: r.KMSKeyID, status: r.Status, statusMessage: r.StatusMessage})
	}
	if len(sec.replicas) > 0 && sec.primaryRegion == "" {
		sec.primaryRegion = place.region
	}
	if t := ss.LastAccessed.Resolve(now); !t.IsZero() {
		sec.lastAccessed = t.UTC().Truncate(24 * time.Hour)
	}
	for j, sv := range ss.Versions {
		v, err := s.seedVersion(sec, sv, created, now)
		if err != nil {
			return nil, fmt.Errorf("version %d: %w", j, err)
		}
		if v.created.After(sec.lastChanged) {
			sec.lastChanged = v.created
		}
	}
	if len(sec.versions) > 0 && len(sec.versionStages()) == 0 {
		// A seed that names no stages at all makes its newest version current.
		sec.attachStage(sec.versions[len(sec.versions)-1], stageCurrent)
	}
	if v := sec.versionByStage(stageCurrent); v != nil {
		// The seeded read was of the current value, as a read is in AWS,
		// which dates the version read as well as the secret.
		v.lastAccessed = sec.lastAccessed
	}
	if r := ss.Rotation; r != nil {
		cfg := rotationConfig{
			enabled:                r.Enabled,
			lambdaARN:              r.LambdaARN,
			automaticallyAfterDays: r.AutomaticallyAfterDays,
			scheduleExpression:     r.ScheduleExpression,
			duration:               r.Duration,
			lastRotated:            r.LastRotated.Resolve(now).UTC(),
			nextRotation:           r.NextRotation.Resolve(now).UTC(),
		}
		if err := checkRotationRules(cfg); err != nil {
			return nil, fmt.Errorf("rotation: %s", err.Message)
		}
		if cfg.nextRotation.IsZero() {
			cfg.nextRotation = cfg.nextAfter(cfg.lastRotated, now)
		}
		sec.rotation = cfg
	}
	if !ss.Deleted.IsZero() {
		days := ss.RecoveryWindowDays
		if days == 0 {
			days = 30
		}
		if days < 7 || days > 30 {
			return nil, fmt.Errorf("recovery window %d days is outside 7-30", days)
		}
		sec.deletedAt = ss.Deleted.Resolve(now).UTC()
		sec.deletionDate = sec.deletedAt.Add(time.Duration(days) * 24 * time.Hour)
	}
	if ss.Policy != "" {
		if _, err := parsePolicy(ss.Policy); err != nil {
			return nil, fmt.Errorf("policy: %s", err.Message)
		}
	}
	return sec, nil
}

func (s *Server) seedVersion(sec *secret, sv SeedVersion, created, now time.Time) (*version, error) {
	if (sv.String == nil) == (sv.Binary == nil) {
		return nil, fmt.Errorf("want exactly one of string and binary")
	}
	if err := checkValue(sv.String, sv.Binary, true); err != nil {
		return nil, fmt.Errorf("value too large")
	}
	id := sv.ID
	if id == "" {
		id = newUUID(s.rng)
	}
	if sec.versionByID(id) != nil {
		return nil, fmt.Errorf("version id %q is used twice", id)
	}
	at := sv.Created.Resolve(now)
	if at.IsZero() {
		at = created
	}
	v := &version{id: id, str: sv.String, bin: sv.Binary, created: at.UTC()}
	sec.versions = append(sec.versions, v)
	for _, stage := range sv.Stages {
		if stage == stageCurrent {
			// Later versions win a label; AWSPREVIOUS is whatever the seed says.
			if old := sec.versionByStage(stageCurrent); old != nil {
				old.removeStage(stageCurrent)
			}
			v.stages = append(v.stages, stage)
			continue
		}
		sec.attachStage(v, stage)
	}
	return v, nil
}

// seedReplicas makes the copies of a seeded primary's replicas. A replica
// the seed says failed stays a status with no copy. The caller holds s.mu.
func (s *Server) seedReplicas(sec *secret) {
	for _, r := range sec.replicas {
		if r.status != replicaFailed {
			s.makeReplica(sec, r, false, sec.created)
		}
	}
}

// seedEvent adds one CloudTrail event of the seed's history. The caller holds s.mu.
func (s *Server) seedEvent(place *regionState, se SeedEvent, now time.Time) {
	key := se.AccessKeyID
	if key == "" {
		key = defaultAccessKeyID
	}
	who := identity{accessKeyID: key, arn: se.PrincipalARN, accountID: cmp.Or(model.AccountFromARN(se.PrincipalARN), place.account)}
	sourceIP := se.SourceIP
	if sourceIP == "" {
		sourceIP = "AWS Internal"
	}
	source := se.EventSource
	if source == "" {
		source = secretsManagerSource
	}
	var resources, names []string
	params := map[string]any(nil)
	var response map[string]any
	if se.SecretID != "" {
		names = append(names, se.SecretID)
		params = map[string]any{"secretId": se.SecretID}
		if sec := place.secrets.lookup(se.SecretID); sec != nil {
			resources = append(resources, sec.arn)
			names = append(names, sec.name)
			if !isReadOnly(se.EventName) && se.ErrorCode == "" {
				response = map[string]any{"arn": sec.arn, "name": sec.name}
			}
		}
	}
	rec := cloudTrailRecord{
		EventVersion:      "1.09",
		UserIdentity:      who.userIdentity(),
		EventSource:       source,
		EventName:         se.EventName,
		AWSRegion:         place.region,
		SourceIPAddress:   sourceIP,
		UserAgent:         se.UserAgent,
		ErrorCode:         se.ErrorCode,
		ErrorMessage:      se.ErrorMessage,
		RequestParameters: params,
		ResponseElements:  response,
		RequestID:         newUUID(s.rng),
		ReadOnly:          isReadOnly(se.EventName),
		EventType:         "AwsApiCall",
		ManagementEvent:   true,
		RecipientAccount:  place.account,
		EventCategory:     "Management",
	}
	if isRotationEvent(se.EventName) {
		rec.EventType = "AwsServiceEvent"
		rec.RequestParameters = nil
		rec.AdditionalEvent = map[string]any{"SecretId": se.SecretID}
	}
	s.addEvent(place, rec, se.Time.Resolve(now), who, resources, names)
}

func isRotationEvent(name string) bool {
	switch name {
	case "RotationStarted", "RotationSucceeded", "RotationFailed", "RotationAbandoned":
		return true
	}
	return false
}

// seedLatency reads a seed's latency; empty keeps current.
func seedLatency(v string, current time.Duration) (time.Duration, error) {
	if v == "" {
		return current, nil
	}
	d, err := time.ParseDuration(v)
	if err != nil || d < 0 {
		return 0, fmt.Errorf("load seed: latency %q is not a duration of 0 or more", v)
	}
	return d, nil
}
