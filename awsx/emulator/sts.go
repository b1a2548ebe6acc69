package emulator

import (
	"encoding/xml"
	"mime"
	"net/http"
	"net/url"
)

// STS speaks the awsQuery protocol: a form-encoded POST naming the action,
// answered with XML.
const (
	serviceSTS = "sts"
	// stsVersion is the only STS API version there is.
	stsVersion = "2011-06-15"
	// stsNamespace is the XML namespace of every STS answer.
	stsNamespace = "https://sts.amazonaws.com/doc/2011-06-15/"
	// xmlContentType is the media type STS answers with.
	xmlContentType = "text/xml"
)

// isQueryRequest reports whether r is an awsQuery call: a form body and no
// X-Amz-Target header.
func isQueryRequest(r *http.Request) bool {
	if r.Header.Get("X-Amz-Target") != "" {
		return false
	}
	media, _, err := mime.ParseMediaType(r.Header.Get("Content-Type"))
	return err == nil && media == "application/x-www-form-urlencoded"
}

// queryAction reads the action of an awsQuery body; STS serves
// GetCallerIdentity and AssumeRole.
func queryAction(body []byte) (string, *apiError) {
	form, err := url.ParseQuery(string(body))
	if err != nil {
		return "", newError("MalformedQueryString", "The query string is malformed.")
	}
	action, version := form.Get("Action"), form.Get("Version")
	if action == "" {
		return "", newError("MissingAction", "Missing Action")
	}
	if (action != "GetCallerIdentity" && action != "AssumeRole") || version != stsVersion {
		return "", newError("InvalidAction", "Could not find operation %s for version %s", action, version)
	}
	return action, nil
}

// callerIdentityOf answers STS GetCallerIdentity for the principal the
// request's access key maps to.
func callerIdentityOf(id identity) callerIdentityResult {
	return callerIdentityResult{Arn: id.arn, UserID: id.principalID(), Account: id.accountID}
}

// callerIdentityResult is the GetCallerIdentityResult element.
type callerIdentityResult struct {
	XMLName xml.Name `xml:"GetCallerIdentityResult"`
	Arn     string   `xml:"Arn"`
	UserID  string   `xml:"UserId"`
	Account string   `xml:"Account"`
}

// queryResponse is the XML document an STS call answers: an
// <Action>Response element holding the action's result element.
type queryResponse struct {
	XMLName   xml.Name
	Result    any
	RequestID string `xml:"ResponseMetadata>RequestId"`
}

// queryErrorResponse is the XML document of an awsQuery error.
type queryErrorResponse struct {
	XMLName xml.Name `xml:"https://sts.amazonaws.com/doc/2011-06-15/ ErrorResponse"`
	Error   struct {
		Type    string `xml:"Type"`
		Code    string `xml:"Code"`
		Message string `xml:"Message"`
	} `xml:"Error"`
	RequestID string `xml:"RequestId"`
}

// stsError turns an error named as the JSON services name it into the one
// STS answers: STS says ExpiredToken where Secrets Manager says
// ExpiredTokenException, and refuses credentials with HTTP 403.
func stsError(e *apiError) *apiError {
	out := *e
	switch e.Code {
	case "ExpiredTokenException", "ExpiredToken":
		out.Code, out.Status = "ExpiredToken", http.StatusForbidden
	case "UnrecognizedClientException", "InvalidClientTokenId":
		out.Code, out.Status = "InvalidClientTokenId", http.StatusForbidden
	case "AccessDeniedException", "AccessDenied":
		out.Code, out.Status = "AccessDenied", http.StatusForbidden
	case "ThrottlingException":
		out.Code = "Throttling"
	case "InternalServiceError":
		out.Code = "InternalFailure"
	}
	return &out
}

// writeQueryResult answers an STS call: the result document of action, or the error.
func writeQueryResult(w http.ResponseWriter, requestID, action string, result any, e *apiError) int {
	if e != nil {
		return writeQueryError(w, requestID, e)
	}
	doc := queryResponse{XMLName: xml.Name{Space: stsNamespace, Local: action + "Response"}, Result: result, RequestID: requestID}
	return writeXML(w, requestID, http.StatusOK, doc)
}

// writeQueryError answers with an awsQuery error document.
func writeQueryError(w http.ResponseWriter, requestID string, e *apiError) int {
	doc := queryErrorResponse{RequestID: requestID}
	doc.Error.Type = "Sender"
	if e.Status >= http.StatusInternalServerError {
		doc.Error.Type = "Receiver"
	}
	doc.Error.Code, doc.Error.Message = e.Code, e.Message
	return writeXML(w, requestID, e.Status, doc)
}

// writeXML answers status with v encoded as XML.
func writeXML(w http.ResponseWriter, requestID string, status int, v any) int {
	body, err := xml.Marshal(v)
	if err != nil {
		status, body = http.StatusInternalServerError, nil
	}
	return writeBody(w, requestID, status, xmlContentType, body)
}
