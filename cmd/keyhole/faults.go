package main

import (
	"errors"
	"fmt"
	"regexp"
	"strconv"
	"strings"
	"time"

	"github.com/keyhole-tui/keyhole/awsx/emulator"
)

// faultKinds names the kinds --fault takes, in the order help lists them.
const faultKinds = "throttle, latency=DURATION, denied, expired, internal, error=CODE, drop-connection, drop-response"

// faultHelp documents --fault for the emulator's long help.
const faultHelp = `--fault KIND[:OP[:COUNT[:SECRET]]] makes calls misbehave, to try how a
client copes; give it once per fault. KIND is one of:

    throttle          answer ThrottlingException "Rate exceeded"
    latency=DURATION  wait DURATION (such as 200ms or 2s), then serve the call
    denied            answer AccessDeniedException
    expired           answer ExpiredTokenException
    internal          answer InternalServiceError (HTTP 500)
    error=CODE        answer the AWS error CODE, such as DecryptionFailure
                      or InvalidNextTokenException
    drop-connection   close the connection before serving the call
    drop-response     serve the call (a write takes effect), then close the
                      connection without answering

OP is the operation, as the API names it (ListSecrets) or as the AWS CLI
does (list-secrets); "*" or nothing means every operation. COUNT is how
many matching calls misbehave, counted from the first; nothing means all
of them. SECRET limits the fault to calls about that secret, by name or
ARN. Faults given earlier win over later ones for the same call; latency
adds to any other fault. SDKs and the AWS CLI retry throttling, internal
errors and dropped connections on their own, so a COUNT below their number
of attempts shows as a slower call that succeeds.

    --fault throttle:ListSecrets:2          the first two ListSecrets calls
                                            answer ThrottlingException
    --fault latency=300ms                   every call takes 300ms longer
    --fault denied:GetSecretValue::prod/db  reading prod/db's value is denied`

// errorCode is what an AWS error code looks like.
var errorCode = regexp.MustCompile(`^[A-Za-z][A-Za-z0-9]*$`)

// parseFault reads one --fault spec: KIND[:OP[:COUNT[:SECRET]]].
func parseFault(spec string) (emulator.Fault, error) {
	parts := strings.SplitN(spec, ":", 4)
	f, err := faultOfKind(parts[0])
	if err != nil {
		return emulator.Fault{}, err
	}
	if len(parts) > 1 {
		if f.Operation, err = faultOperation(parts[1]); err != nil {
			return emulator.Fault{}, err
		}
	}
	if len(parts) > 2 {
		if f.Count, err = faultCount(parts[2]); err != nil {
			return emulator.Fault{}, err
		}
	}
	if len(parts) > 3 {
		if f.SecretID = parts[3]; f.SecretID == "" {
			return emulator.Fault{}, errors.New("the secret after the count is empty: leave out the last colon for every secret")
		}
	}
	return f, nil
}

// faultOfKind is the fault KIND names, matching every call for now.
func faultOfKind(kind string) (emulator.Fault, error) {
	name, arg, hasArg := strings.Cut(kind, "=")
	if hasArg && name != "latency" && name != "error" {
		return emulator.Fault{}, fmt.Errorf("kind %s takes no =VALUE", name)
	}
	switch name {
	case "throttle":
		return emulator.Fault{Kind: emulator.FaultThrottle}, nil
	case "denied":
		return emulator.Fault{Kind: emulator.FaultError, ErrorCode: "AccessDeniedException"}, nil
	case "expired":
		return emulator.Fault{Kind: emulator.FaultError, ErrorCode: "ExpiredTokenException"}, nil
	case "internal":
		return emulator.Fault{Kind: emulator.FaultError, ErrorCode: "InternalServiceError"}, nil
	case "drop-connection":
		return emulator.Fault{Kind: emulator.FaultDropConnection}, nil
	case "drop-response":
		return emulator.Fault{Kind: emulator.FaultDropResponse}, nil
	case "latency":
		d, err := time.ParseDuration(arg)
		if !hasArg || err != nil || d <= 0 {
			return emulator.Fault{}, fmt.Errorf("latency wants a duration above 0, such as latency=200ms")
		}
		return emulator.Fault{Kind: emulator.FaultLatency, Latency: d}, nil
	case "error":
		if !errorCode.MatchString(arg) {
			return emulator.Fault{}, fmt.Errorf("error wants an AWS error code, such as error=DecryptionFailure")
		}
		return emulator.Fault{Kind: emulator.FaultError, ErrorCode: arg}, nil
	case "":
		return emulator.Fault{}, fmt.Errorf("no kind of fault: give one of %s", faultKinds)
	}
	return emulator.Fault{}, fmt.Errorf("unknown kind of fault %q: give one of %s", name, faultKinds)
}

// faultOperation is the operation op names, in the API's spelling; "" for
// every operation. It takes the AWS CLI's spelling too (list-secrets).
func faultOperation(op string) (string, error) {
	if op == "" || op == "*" {
		return "", nil
	}
	ops := emulator.Operations()
	folded := strings.ToLower(strings.ReplaceAll(op, "-", ""))
	for _, name := range ops {
		if strings.ToLower(name) == folded {
			return name, nil
		}
	}
	return "", fmt.Errorf("unknown operation %q: give * for every operation, or one of %s", op, strings.Join(ops, ", "))
}

// faultCount is how many calls COUNT says; 0 (every call) when empty.
func faultCount(count string) (int, error) {
	if count == "" {
		return 0, nil
	}
	n, err := strconv.Atoi(count)
	if err != nil || n < 1 {
		return 0, fmt.Errorf("count %q is not a number of calls above 0: leave it out for every call", count)
	}
	return n, nil
}
