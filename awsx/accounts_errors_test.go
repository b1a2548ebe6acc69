package awsx_test

import (
	"context"
	"net/http"
	"testing"

	"github.com/keyhole-tui/keyhole/model"
)

func TestOrganizationErrorsAreClassified(t *testing.T) {
	cases := []struct {
		code       string
		kind       model.ErrorKind
		wantAction string
	}{
		{"AccessDeniedException", model.KindAccessDenied, "organizations:ListAccounts"},
		{"AWSOrganizationsNotInUseException", model.KindNotFound, ""},
		{"InvalidInputException", model.KindInvalidRequest, ""},
		{"ConcurrentModificationException", model.KindConflict, ""},
		{"ServiceException", model.KindService, ""},
		{"TooManyRequestsException", model.KindThrottled, ""},
	}
	for _, tc := range cases {
		t.Run(tc.code, func(t *testing.T) {
			c := newHandlerClient(t, http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
				answerError(w, 400, tc.code, "refused")
			}))
			_, err := c.OrganizationAccounts(context.Background())
			e := wantKind(t, err, tc.kind)
			if e.Code != tc.code || e.Op != "ListAccounts" || e.Action != tc.wantAction {
				t.Errorf("code %q op %q action %q, want %q ListAccounts %q", e.Code, e.Op, e.Action, tc.code, tc.wantAction)
			}
		})
	}
}

func TestAccountServiceErrorsAreClassified(t *testing.T) {
	cases := []struct {
		code       string
		kind       model.ErrorKind
		wantAction string
	}{
		{"AccessDeniedException", model.KindAccessDenied, "account:ListRegions"},
		{"ValidationException", model.KindInvalidRequest, ""},
		{"InternalServerException", model.KindService, ""},
	}
	for _, tc := range cases {
		t.Run(tc.code, func(t *testing.T) {
			c := newHandlerClient(t, http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
				if r.URL.Path != "/listRegions" {
					t.Errorf("ListRegions went to %s", r.URL.Path)
				}
				w.Header().Set("X-Amzn-Errortype", tc.code)
				w.Header().Set("Content-Type", "application/json")
				w.WriteHeader(http.StatusBadRequest)
				_, _ = w.Write([]byte(`{"message":"refused"}`))
			}))
			_, err := c.EnabledRegions(context.Background())
			e := wantKind(t, err, tc.kind)
			if e.Code != tc.code || e.Op != "ListRegions" || e.Action != tc.wantAction {
				t.Errorf("code %q op %q action %q, want %q ListRegions %q", e.Code, e.Op, e.Action, tc.code, tc.wantAction)
			}
		})
	}
}
