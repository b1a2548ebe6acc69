package emulator

import (
	"fmt"
	"net/http"
)

// apiError is an error answered to the client as an awsJson1_1 error.
type apiError struct {
	Status  int
	Code    string
	Message string
	// Fields are the error's members besides its message, such as the
	// Reason of an Organizations InvalidInputException.
	Fields map[string]any
}

func (e *apiError) Error() string { return e.Code + ": " + e.Message }

func newError(code, format string, args ...any) *apiError {
	return &apiError{Status: http.StatusBadRequest, Code: code, Message: fmt.Sprintf(format, args...)}
}

func errSecretNotFound() *apiError {
	return newError("ResourceNotFoundException", "Secrets Manager can't find the specified secret.")
}

// errInvalidName is AWS's refusal of a secret name, under code.
func errInvalidName(code string) *apiError {
	return newError(code, "Invalid name. Must be a valid name containing alphanumeric characters, or any of the following: -/_+=.@!")
}

func errNoValueForStage(stage string) *apiError {
	return newError("ResourceNotFoundException", "Secrets Manager can't find the specified secret value for staging label: %s", stage)
}

func errNoValueForVersion(id string) *apiError {
	return newError("ResourceNotFoundException", "Secrets Manager can't find the specified secret value for VersionId: %s", id)
}

func errTokenInUse(token, arn string) *apiError {
	return newError("ResourceExistsException", "You can't use ClientRequestToken %s because that value is already in use for a version of secret %s.", token, arn)
}

func errMarkedForDeletion() *apiError {
	return newError("InvalidRequestException", "You can't perform this operation on the secret because it was marked for deletion.")
}

func errInvalidParameter(format string, args ...any) *apiError {
	return newError("InvalidParameterException", format, args...)
}

func errInvalidRequest(format string, args ...any) *apiError {
	return newError("InvalidRequestException", format, args...)
}

// errValidation is the generic AWS input validation failure.
func errValidation(value any, field, constraint string) *apiError {
	return newError("ValidationException", "1 validation error detected: Value '%v' at '%s' failed to satisfy constraint: %s", value, field, constraint)
}

func errInternal() *apiError {
	return &apiError{Status: http.StatusInternalServerError, Code: "InternalServiceError", Message: "An error occurred on the server side."}
}

func errThrottled() *apiError {
	return newError("ThrottlingException", "Rate exceeded")
}

func errInvalidNextToken() *apiError {
	return newError("InvalidNextTokenException", "The NextToken value is invalid.")
}

// errAccessDenied is IAM's refusal of action for principal, on resource when given.
func errAccessDenied(principal, action, resource string) *apiError {
	on := ""
	if resource != "" {
		on = " on resource: " + resource
	}
	return newError("AccessDeniedException",
		"User: %s is not authorized to perform: %s%s because no identity-based policy allows the %s action",
		principal, action, on, action)
}

// faultError builds the error a fault forces for code.
func faultError(code, principal, action, resource string) *apiError {
	switch code {
	case "AccessDeniedException":
		return errAccessDenied(principal, action, resource)
	case "DecryptionFailure":
		return newError(code, "Secrets Manager can't decrypt the protected secret text using the provided KMS key.")
	case "InternalServiceError", "":
		return errInternal()
	case "ExpiredTokenException":
		return newError(code, "The security token included in the request is expired")
	case "UnrecognizedClientException":
		return newError(code, "The security token included in the request is invalid.")
	case "ThrottlingException":
		return errThrottled()
	case "InvalidNextTokenException":
		return errInvalidNextToken()
	}
	return newError(code, "%s", code)
}
