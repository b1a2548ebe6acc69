package emulator

import (
	"encoding/json"
	"errors"
	"fmt"
	"hash/fnv"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"time"
)

// rotationSteps are the steps of a rotation, in order.
func rotationSteps() [4]string {
	return [4]string{"createSecret", "setSecret", "testSecret", "finishSecret"}
}

// Built-in rotation functions, picked by the function name of the Lambda ARN.
const (
	// RotatePasswordFunction replaces the "password" key of a JSON secret.
	RotatePasswordFunction = "keyhole-rotate-password"
	// RotateFailPrefix followed by a step name fails the rotation at that step.
	RotateFailPrefix = "keyhole-rotate-fail-"
)

// knownFunction reports whether function is one of the built-in rotation
// functions, the only ones the emulator can invoke: the password function,
// and RotateFailPrefix followed by a rotation step.
func knownFunction(function string) bool {
	if function == RotatePasswordFunction {
		return true
	}
	step, ok := strings.CutPrefix(function, RotateFailPrefix)
	steps := rotationSteps()
	return ok && slices.Contains(steps[:], step)
}

// rotationRun is a rotation in flight.
type rotationRun struct {
	versionID string
	function  string
	principal identity
	// next is the index of the step to run next.
	next int
	// stopped is set when the rotation is cancelled; guarded by Server.mu.
	stopped bool
}

// functionName is the last part of a Lambda ARN.
func functionName(lambdaARN string) string {
	return lambdaARN[strings.LastIndexByte(lambdaARN, ':')+1:]
}

// rotationPrincipal is the identity the rotation function acts as.
func rotationPrincipal(account, function string) identity {
	h := fnv.New64a()
	_, _ = h.Write([]byte(function))
	return identity{
		accessKeyID: "ASIA" + strings.ToUpper(fmt.Sprintf("%016x", h.Sum64())),
		arn:         "arn:aws:sts::" + account + ":assumed-role/" + function + "-role/" + function,
		accountID:   account,
	}
}

type rotateSecretInput struct {
	SecretId           string
	ClientRequestToken *string
	RotationLambdaARN  string
	RotationRules      *struct {
		AutomaticallyAfterDays *int64
		ScheduleExpression     *string
		Duration               *string
	}
	RotateImmediately *bool
}

func (s *Server) rotateSecret(c *call) (any, *apiError) {
	var in rotateSecretInput
	if err := c.decode(&in); err != nil {
		return nil, err
	}
	rules, err := checkRotateInput(in)
	if err != nil {
		return nil, err
	}
	sec, err := s.findLiveSecret(c, in.SecretId)
	if err != nil {
		return nil, err
	}
	if p := sec.versionByStage(stagePending); sec.rotating != nil || (p != nil && !p.hasStage(stageCurrent)) {
		return nil, errInvalidRequest("A previous rotation isn't complete. That rotation will be reattempted.")
	}
	lambda := in.RotationLambdaARN
	if lambda == "" {
		lambda = sec.rotation.lambdaARN
	}
	if lambda == "" {
		return nil, errInvalidRequest("No Lambda rotation function ARN is associated with this secret.")
	}
	immediately := in.RotateImmediately == nil || *in.RotateImmediately
	if immediately && !knownFunction(functionName(lambda)) {
		return nil, newError("AccessDeniedException", "Secrets Manager cannot invoke the specified Lambda function. Ensure that the function policy grants access to the principal secretsmanager.amazonaws.com.")
	}
	cfg := sec.rotation
	if in.RotationRules != nil {
		cfg.automaticallyAfterDays, cfg.scheduleExpression, cfg.duration = rules.automaticallyAfterDays, rules.scheduleExpression, rules.duration
	}
	// Only a rotation that starts now makes a version, which needs a token.
	token := ""
	if immediately {
		if token, err = s.versionToken(in.ClientRequestToken); err != nil {
			return nil, err
		}
		if sec.versionByID(token) != nil {
			return nil, errTokenInUse(token, sec.arn)
		}
	}
	cfg.enabled, cfg.lambdaARN = true, lambda
	cfg.nextRotation = cfg.nextAfter(cfg.lastRotated, c.now)
	sec.rotation = cfg
	sec.lastChanged = c.now
	sec.place.secrets.changed()
	c.event.answered(sec, "")
	if !immediately {
		return writeOutput{ARN: sec.arn, Name: sec.name}, nil
	}
	pending := &version{id: token, created: c.now}
	sec.versions = append(sec.versions, pending)
	sec.attachStage(pending, stagePending)
	run := &rotationRun{versionID: token, function: functionName(lambda)}
	run.principal = rotationPrincipal(sec.place.account, run.function)
	sec.rotating = run
	c.event.response["versionId"] = token
	c.after = append(c.after, func() {
		s.recordRotationEvent(sec, run, "RotationStarted", c.now, nil)
		if s.opts.RotationStepDelay <= 0 {
			for !s.advanceRotation(sec, run, c.now) {
			}
			return
		}
		s.wg.Add(1)
		go s.rotateInBackground(sec, run)
	})
	return writeOutput{ARN: sec.arn, Name: sec.name, VersionId: token}, nil
}

// rotateInBackground runs the steps one RotationStepDelay apart.
func (s *Server) rotateInBackground(sec *secret, run *rotationRun) {
	defer s.wg.Done()
	timer := time.NewTimer(s.opts.RotationStepDelay)
	defer timer.Stop()
	for {
		select {
		case <-s.ctx.Done():
			return
		case <-timer.C:
		}
		s.mu.Lock()
		done := run.stopped || s.advanceRotation(sec, run, s.now())
		s.mu.Unlock()
		if done {
			return
		}
		timer.Reset(s.opts.RotationStepDelay)
	}
}

// advanceRotation runs the next step and reports whether the rotation is
// over. The caller holds s.mu.
func (s *Server) advanceRotation(sec *secret, run *rotationRun, now time.Time) bool {
	defer s.syncReplicas(sec)
	step := rotationSteps()[run.next]
	if err := s.runRotationStep(sec, run, step, now); err != nil {
		s.recordRotationEvent(sec, run, "RotationFailed", now, map[string]any{"step": step, "error": err.Error()})
		s.endRotation(sec, run)
		return true
	}
	run.next++
	if run.next < len(rotationSteps()) {
		return false
	}
	sec.rotation.lastRotated = now
	sec.rotation.nextRotation = sec.rotation.nextAfter(now, now)
	s.recordRotationEvent(sec, run, "RotationSucceeded", now, nil)
	s.endRotation(sec, run)
	return true
}

func (s *Server) endRotation(sec *secret, run *rotationRun) {
	run.stopped = true
	if sec.rotating == run {
		sec.rotating = nil
	}
}

// stopRotation stops the rotation in flight, if any.
func (s *Server) stopRotation(sec *secret) {
	if sec.rotating != nil {
		s.endRotation(sec, sec.rotating)
	}
}

// abandonRotation records that AWSPENDING was taken off an unfinished rotation.
func (s *Server) abandonRotation(sec *secret, now time.Time) {
	run := sec.rotating
	if run == nil {
		function := functionName(sec.rotation.lambdaARN)
		run = &rotationRun{function: function, principal: rotationPrincipal(sec.place.account, function)}
	}
	s.stopRotation(sec)
	s.recordRotationEvent(sec, run, "RotationAbandoned", now, nil)
}

var errRotationStep = errors.New("rotation function failed")

// runRotationStep is the built-in rotation function. Its errors never
// carry secret values.
func (s *Server) runRotationStep(sec *secret, run *rotationRun, step string, now time.Time) error {
	if sec.place.secrets.byARN[sec.arn] != sec || sec.pendingDeletion() {
		return fmt.Errorf("%s: secret no longer available: %w", step, errRotationStep)
	}
	if failAt, ok := strings.CutPrefix(run.function, RotateFailPrefix); ok && failAt == step {
		return fmt.Errorf("%s: %w", step, errRotationStep)
	}
	pending := sec.versionByID(run.versionID)
	if pending == nil || !pending.hasStage(stagePending) {
		return fmt.Errorf("%s: version %s is no longer AWSPENDING: %w", step, run.versionID, errRotationStep)
	}
	switch step {
	case "createSecret":
		current := sec.versionByStage(stageCurrent)
		if current == nil || current.str == nil {
			return fmt.Errorf("%s: no AWSCURRENT string value: %w", step, errRotationStep)
		}
		s.recordFunctionCall(sec, run, "GetSecretValue", true, map[string]any{"secretId": sec.arn, "versionStage": stageCurrent}, now)
		fields := map[string]any{}
		if err := json.Unmarshal([]byte(*current.str), &fields); err != nil {
			return fmt.Errorf("%s: AWSCURRENT is not a JSON object: %w", step, errRotationStep)
		}
		pw, apiErr := generatePassword(passwordInput{ExcludeCharacters: `/@"'\`})
		if apiErr != nil {
			return fmt.Errorf("%s: generate password: %w", step, apiErr)
		}
		fields["password"] = pw
		value, err := json.Marshal(fields)
		if err != nil {
			return fmt.Errorf("%s: encode new value: %w", step, errRotationStep)
		}
		str := string(value)
		pending.str = &str
		sec.lastChanged = now
		s.recordFunctionCall(sec, run, "PutSecretValue", false, map[string]any{
			"secretId": sec.arn, "clientRequestToken": run.versionID, "versionStages": []string{stagePending},
		}, now)
	case "finishSecret":
		old := sec.versionByStage(stageCurrent)
		sec.attachStage(pending, stageCurrent)
		pending.removeStage(stagePending)
		sec.lastChanged = now
		params := map[string]any{"secretId": sec.arn, "versionStage": stageCurrent, "moveToVersionId": run.versionID}
		if old != nil {
			params["removeFromVersionId"] = old.id
		}
		s.recordFunctionCall(sec, run, "UpdateSecretVersionStage", false, params, now)
	}
	sec.place.secrets.changed()
	return nil
}

// recordRotationEvent adds a Rotation* service event.
func (s *Server) recordRotationEvent(sec *secret, run *rotationRun, name string, now time.Time, details map[string]any) {
	who := run.principal.userIdentity()
	who["invokedBy"] = secretsManagerSource
	if details == nil {
		details = map[string]any{}
	}
	if run.versionID != "" {
		details["versionId"] = run.versionID
	}
	rec := cloudTrailRecord{
		EventVersion:        "1.09",
		UserIdentity:        who,
		EventSource:         secretsManagerSource,
		EventName:           name,
		AWSRegion:           sec.place.region,
		SourceIPAddress:     secretsManagerSource,
		UserAgent:           secretsManagerSource,
		AdditionalEvent:     map[string]any{"SecretId": sec.arn},
		ServiceEventDetails: details,
		RequestID:           newUUID(s.rng),
		EventType:           "AwsServiceEvent",
		ManagementEvent:     true,
		RecipientAccount:    sec.place.account,
		EventCategory:       "Management",
	}
	s.addEvent(sec.place, rec, now, run.principal, []string{sec.arn}, []string{sec.name})
}

// recordFunctionCall adds the event of an API call the rotation function makes.
func (s *Server) recordFunctionCall(sec *secret, run *rotationRun, op string, readOnly bool, params map[string]any, now time.Time) {
	rec := cloudTrailRecord{
		EventVersion:      "1.09",
		UserIdentity:      run.principal.userIdentity(),
		EventSource:       secretsManagerSource,
		EventName:         op,
		AWSRegion:         sec.place.region,
		SourceIPAddress:   "lambda.amazonaws.com",
		UserAgent:         "aws-sdk-go-v2 (keyhole rotation function " + run.function + ")",
		RequestParameters: params,
		RequestID:         newUUID(s.rng),
		ReadOnly:          readOnly,
		EventType:         "AwsApiCall",
		ManagementEvent:   true,
		RecipientAccount:  sec.place.account,
		EventCategory:     "Management",
	}
	if !readOnly {
		rec.ResponseElements = map[string]any{"arn": sec.arn, "name": sec.name}
	}
	s.addEvent(sec.place, rec, now, run.principal, []string{sec.arn}, []string{sec.name})
}

func (s *Server) cancelRotateSecret(c *call) (any, *apiError) {
	var in secretIDInput
	if err := c.decode(&in); err != nil {
		return nil, err
	}
	sec, err := s.findLiveSecret(c, in.SecretId)
	if err != nil {
		return nil, err
	}
	if !sec.rotation.enabled && sec.rotation.lambdaARN == "" {
		return nil, errInvalidRequest("You tried to enable rotation on a secret that doesn't already have a Lambda function ARN configured and you didn't include such an ARN as a parameter in this call.")
	}
	s.stopRotation(sec)
	sec.rotation.enabled = false
	sec.rotation.nextRotation = time.Time{}
	sec.lastChanged = c.now
	sec.place.secrets.changed()
	out := writeOutput{ARN: sec.arn, Name: sec.name}
	if p := sec.versionByStage(stagePending); p != nil && !p.hasStage(stageCurrent) {
		out.VersionId = p.id
	}
	c.event.answered(sec, out.VersionId)
	return out, nil
}

var (
	durationPattern = regexp.MustCompile(`^([0-9]{1,2})h$`)
	ratePattern     = regexp.MustCompile(`^rate\(([0-9]+) (hour|hours|day|days)\)$`)
)

// maxLambdaARNLength is the longest RotationLambdaARN AWS accepts.
const maxLambdaARNLength = 2048

// checkRotateInput checks RotateSecret's input on its own, before the
// secret is looked up, as AWS does, and returns the schedule it asks for.
func checkRotateInput(in rotateSecretInput) (rotationConfig, *apiError) {
	var rules rotationConfig
	if err := checkToken(in.ClientRequestToken); err != nil {
		return rules, err
	}
	if len(in.RotationLambdaARN) > maxLambdaARNLength {
		return rules, errValidation(in.RotationLambdaARN, "rotationLambdaARN", "Member must have length less than or equal to 2048")
	}
	r := in.RotationRules
	if r == nil {
		return rules, nil
	}
	if d := r.AutomaticallyAfterDays; d != nil {
		switch {
		case *d < 1:
			return rules, errValidation(*d, "rotationRules.automaticallyAfterDays", "Member must have value greater than or equal to 1")
		case *d > 1000:
			return rules, errValidation(*d, "rotationRules.automaticallyAfterDays", "Member must have value less than or equal to 1000")
		}
		rules.automaticallyAfterDays = *d
	}
	rules.scheduleExpression, rules.duration = deref(r.ScheduleExpression), deref(r.Duration)
	return rules, checkRotationRules(rules)
}

// checkRotationRules validates a rotation schedule.
func checkRotationRules(cfg rotationConfig) *apiError {
	if cfg.automaticallyAfterDays != 0 && cfg.scheduleExpression != "" {
		return errInvalidParameter("You can't specify both AutomaticallyAfterDays and ScheduleExpression.")
	}
	if cfg.automaticallyAfterDays != 0 && (cfg.automaticallyAfterDays < 1 || cfg.automaticallyAfterDays > 1000) {
		return errInvalidParameter("RotationRules.AutomaticallyAfterDays must be within 1-1000.")
	}
	if e := cfg.scheduleExpression; e != "" && !strings.HasPrefix(e, "cron(") && !ratePattern.MatchString(e) {
		return errInvalidParameter("The schedule expression %s is not valid.", e)
	}
	if cfg.duration != "" {
		m := durationPattern.FindStringSubmatch(cfg.duration)
		if m == nil {
			return errInvalidParameter("The rotation window duration %s is not valid.", cfg.duration)
		}
		if h, _ := strconv.Atoi(m[1]); h < 1 || h > 24 {
			return errInvalidParameter("The rotation window duration must be between 1h and 24h.")
		}
	}
	return nil
}

// nextAfter is when rotation is next due after last (or now, if never).
// Cron schedules are not evaluated and give no date.
func (cfg rotationConfig) nextAfter(last, now time.Time) time.Time {
	if !cfg.enabled {
		return time.Time{}
	}
	base := last
	if base.IsZero() {
		base = now
	}
	if cfg.automaticallyAfterDays > 0 {
		return base.Add(time.Duration(cfg.automaticallyAfterDays) * 24 * time.Hour)
	}
	if m := ratePattern.FindStringSubmatch(cfg.scheduleExpression); m != nil {
		n, _ := strconv.Atoi(m[1])
		unit := time.Hour
		if strings.HasPrefix(m[2], "day") {
			unit = 24 * time.Hour
		}
		return base.Add(time.Duration(n) * unit)
	}
	return time.Time{}
}
