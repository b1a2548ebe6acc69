package emulator

type batchGetInput struct {
	SecretIdList []string
	Filters      []filterInput
	MaxResults   *int
	NextToken    *string
}

type batchError struct {
	SecretId  string `json:"SecretId"`
	ErrorCode string `json:"ErrorCode"`
	Message   string `json:"Message"`
}

type batchGetOutput struct {
	SecretValues []secretValueOutput `json:"SecretValues"`
	Errors       []batchError        `json:"Errors"`
	NextToken    string              `json:"NextToken,omitempty"`
}

// batchGetSecretValue reads many values; CloudTrail also gets one
// GetSecretValue event per secret read, as AWS logs it.
func (s *Server) batchGetSecretValue(c *call) (any, *apiError) {
	var in batchGetInput
	if err := c.decode(&in); err != nil {
		return nil, err
	}
	switch {
	case len(in.SecretIdList) > 0 && len(in.Filters) > 0:
		return nil, errInvalidParameter("Either 'SecretIdList' or 'Filters' must be provided, but not both.")
	case len(in.SecretIdList) == 0 && len(in.Filters) == 0:
		return nil, errInvalidParameter("Either 'SecretIdList' or 'Filters' must be provided.")
	case len(in.SecretIdList) > 20:
		return nil, errValidation(len(in.SecretIdList), "secretIdList", "Member must have length less than or equal to 20")
	case in.MaxResults != nil && len(in.Filters) == 0:
		return nil, errInvalidParameter("'Filters' not specified. 'Filters' must also be specified when 'MaxResults' is provided.")
	}
	out := batchGetOutput{SecretValues: []secretValueOutput{}, Errors: []batchError{}}
	var targets []*secret
	if len(in.Filters) > 0 {
		if err := checkFilters(in.Filters); err != nil {
			return nil, err
		}
		limit, err := maxResults(in.MaxResults, 20, 20)
		if err != nil {
			return nil, err
		}
		page, next, err := s.listPage(c.at, listQuery{Filters: in.Filters, forBatchGetting: true}, in.NextToken, limit)
		if err != nil {
			return nil, err
		}
		targets, out.NextToken = page, next
	}
	ids := in.SecretIdList
	for _, sec := range targets {
		ids = append(ids, sec.arn)
	}
	for _, id := range ids {
		sec := c.at.secrets.lookup(id)
		if sec == nil {
			e := errSecretNotFound()
			out.Errors = append(out.Errors, batchError{SecretId: id, ErrorCode: e.Code, Message: e.Message})
			continue
		}
		if f := s.secretFault([]string{id, sec.name, sec.arn}); f != nil {
			err := s.forcedError(c, f, "secretsmanager:GetSecretValue", id)
			out.Errors = append(out.Errors, batchError{SecretId: id, ErrorCode: err.Code, Message: err.Message})
			continue
		}
		v, err := s.readValue(sec, "", "", c.now)
		if err != nil {
			out.Errors = append(out.Errors, batchError{SecretId: id, ErrorCode: err.Code, Message: err.Message})
			continue
		}
		c.event.about(sec)
		out.SecretValues = append(out.SecretValues, v)
		s.recordBatchRead(c, sec)
	}
	return out, nil
}

// recordBatchRead adds the GetSecretValue event of one secret read by
// BatchGetSecretValue. The caller holds s.mu.
func (s *Server) recordBatchRead(c *call, sec *secret) {
	rec := cloudTrailRecord{
		EventVersion:      "1.09",
		UserIdentity:      c.caller.userIdentity(),
		EventSource:       secretsManagerSource,
		EventName:         "GetSecretValue",
		AWSRegion:         c.at.region,
		SourceIPAddress:   c.sourceIP,
		UserAgent:         c.userAgent,
		RequestParameters: map[string]any{"secretId": sec.arn},
		AdditionalEvent:   map[string]any{"batchRequestId": c.requestID},
		RequestID:         c.requestID,
		ReadOnly:          true,
		EventType:         "AwsApiCall",
		ManagementEvent:   true,
		RecipientAccount:  c.at.account,
		EventCategory:     "Management",
	}
	s.addEvent(c.at, rec, c.now, c.caller, []string{sec.arn}, []string{sec.name})
}
