package emulator

// opHandler serves one Secrets Manager operation. It runs with Server.mu held.
type opHandler func(c *call) (any, *apiError)

// handler returns the handler of a Secrets Manager operation.
func (s *Server) handler(op string) (opHandler, bool) {
	switch op {
	case "CreateSecret":
		return s.createSecret, true
	case "DescribeSecret":
		return s.describeSecret, true
	case "GetSecretValue":
		return s.getSecretValue, true
	case "BatchGetSecretValue":
		return s.batchGetSecretValue, true
	case "ListSecrets":
		return s.listSecrets, true
	case "ListSecretVersionIds":
		return s.listSecretVersionIds, true
	case "PutSecretValue":
		return s.putSecretValue, true
	case "UpdateSecret":
		return s.updateSecret, true
	case "DeleteSecret":
		return s.deleteSecret, true
	case "RestoreSecret":
		return s.restoreSecret, true
	case "TagResource":
		return s.tagResource, true
	case "UntagResource":
		return s.untagResource, true
	case "RotateSecret":
		return s.rotateSecret, true
	case "CancelRotateSecret":
		return s.cancelRotateSecret, true
	case "UpdateSecretVersionStage":
		return s.updateSecretVersionStage, true
	case "GetResourcePolicy":
		return s.getResourcePolicy, true
	case "PutResourcePolicy":
		return s.putResourcePolicy, true
	case "DeleteResourcePolicy":
		return s.deleteResourcePolicy, true
	case "ValidateResourcePolicy":
		return s.validateResourcePolicy, true
	case "GetRandomPassword":
		return s.getRandomPassword, true
	case "ReplicateSecretToRegions":
		return s.replicateSecretToRegions, true
	case "RemoveRegionsFromReplication":
		return s.removeRegionsFromReplication, true
	case "StopReplicationToReplica":
		return s.stopReplicationToReplica, true
	}
	return nil, false
}

// Operations lists the operations the emulator serves, by the names a
// Fault's Operation matches: Secrets Manager's, CloudTrail's LookupEvents,
// STS's GetCallerIdentity and AssumeRole, Organizations' ListAccounts and
// DescribeOrganization and the Account service's ListRegions. An operation
// added to handler or accountsHandler belongs here too.
func Operations() []string {
	return []string{
		"AssumeRole", "BatchGetSecretValue", "CancelRotateSecret", "CreateSecret", "DeleteResourcePolicy",
		"DeleteSecret", "DescribeOrganization", "DescribeSecret", "GetCallerIdentity", "GetRandomPassword",
		"GetResourcePolicy", "GetSecretValue", "ListAccounts", "ListRegions", "ListSecretVersionIds",
		"ListSecrets", "LookupEvents", "PutResourcePolicy", "PutSecretValue", "RemoveRegionsFromReplication",
		"ReplicateSecretToRegions", "RestoreSecret", "RotateSecret", "StopReplicationToReplica",
		"TagResource", "UntagResource", "UpdateSecret", "UpdateSecretVersionStage", "ValidateResourcePolicy",
	}
}
