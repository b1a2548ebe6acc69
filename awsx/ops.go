package awsx

// Operation names, as errors report them in model.Error.Op.
const (
	opListSecrets              = "ListSecrets"
	opDescribeSecret           = "DescribeSecret"
	opGetSecretValue           = "GetSecretValue"
	opBatchGetSecretValue      = "BatchGetSecretValue"
	opListSecretVersionIDs     = "ListSecretVersionIds"
	opCreateSecret             = "CreateSecret"
	opPutSecretValue           = "PutSecretValue"
	opUpdateSecret             = "UpdateSecret"
	opDeleteSecret             = "DeleteSecret"
	opRestoreSecret            = "RestoreSecret"
	opTagResource              = "TagResource"
	opUntagResource            = "UntagResource"
	opRotateSecret             = "RotateSecret"
	opCancelRotateSecret       = "CancelRotateSecret"
	opUpdateSecretVersionStage = "UpdateSecretVersionStage"
	opGetResourcePolicy        = "GetResourcePolicy"
	opValidateResourcePolicy   = "ValidateResourcePolicy"
	opGetRandomPassword        = "GetRandomPassword"
	opLookupEvents             = "LookupEvents"
	opGetCallerIdentity        = "GetCallerIdentity"
	opListAccounts             = "ListAccounts"
	opListRegions              = "ListRegions"
)
