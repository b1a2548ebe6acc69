package emulator

import (
	"cmp"
	"encoding/base64"
	"encoding/json"
	"fmt"
	"slices"
	"strconv"
	"strings"
	"time"
)

// maxListings bounds how many ordered listings are kept for paging.
const maxListings = 32

// listQuery is what decides the order and content of a listing.
type listQuery struct {
	Filters         []filterInput
	SortBy          string
	SortOrder       string
	IncludePlanned  bool
	forBatchGetting bool
}

// listing is the ordered result of a query, kept so later pages are slices of it.
type listing struct {
	id         string
	key        string
	generation uint64
	secrets    []*secret
}

// listingCache keeps recent listings by id and by query.
type listingCache struct {
	byID  map[string]*listing
	byKey map[string]*listing
	order []string
	next  uint64
}

func newListingCache() *listingCache {
	return &listingCache{byID: map[string]*listing{}, byKey: map[string]*listing{}}
}

func (lc *listingCache) add(l *listing) {
	lc.next++
	l.id = strconv.FormatUint(lc.next, 36)
	lc.byID[l.id] = l
	lc.byKey[l.key] = l
	lc.order = append(lc.order, l.id)
	if len(lc.order) > maxListings {
		old := lc.byID[lc.order[0]]
		delete(lc.byID, old.id)
		if lc.byKey[old.key] == old {
			delete(lc.byKey, old.key)
		}
		lc.order = lc.order[1:]
	}
}

// listPage returns one page of the query's secrets and the token of the next.
// The caller holds s.mu.
func (s *Server) listPage(at *regionState, q listQuery, token *string, limit int) ([]*secret, string, *apiError) {
	if payload, ok := cursorPayload(token); ok {
		c, ok := s.parseCursor(payload)
		if !ok {
			return nil, "", errInvalidNextToken()
		}
		return s.cursorPage(at, c, q.IncludePlanned, limit)
	}
	if order, ok := indexedOrder(q); ok && (token == nil || *token == "") {
		return s.cursorPage(at, cursor{order: order}, q.IncludePlanned, limit)
	}
	var l *listing
	start := 0
	if token != nil && *token != "" {
		id, offset, ok := parseListToken(*token)
		if !ok || at.listings.byID[id] == nil {
			return nil, "", errInvalidNextToken()
		}
		l, start = at.listings.byID[id], offset
	} else {
		l = s.listingFor(at, q)
	}
	var page []*secret
	i := start
	for ; i < len(l.secrets) && len(page) < limit; i++ {
		sec := l.secrets[i]
		if at.secrets.byARN[sec.arn] != sec || (sec.pendingDeletion() && !q.IncludePlanned) {
			continue
		}
		page = append(page, sec)
	}
	next := ""
	if i < len(l.secrets) {
		next = listToken(l.id, i)
	}
	return page, next, nil
}

// An unfiltered listing in an order whose keys never change (creation date
// or name) is served from the store's ordered indexes: a page is a binary
// search for the token's position and a scan of one page, whatever the
// number of secrets. Its NextToken is a cursor naming the last secret shown,
// so secrets added or removed while paging are seen as they are. Filtered
// listings and the orders by access or change date go through listingFor,
// which scans and sorts every secret once per change to the store.

// A cursor token names the server that made it: like a real endpoint's, it
// is refused by another one, such as the same emulator restarted.

// cursorPrefix starts the payload of a cursor token; listing ids never do.
const cursorPrefix = "~"

// cursor is a position in an ordered index: after the secret created at
// created and named name, in order.
type cursor struct {
	// order is "created" or "name", then "+" for ascending or "-" for
	// descending.
	order   string
	created time.Time
	name    string
	// set says the cursor has a position; without one a page starts at the
	// first secret in order.
	set bool
}

// indexedOrder returns the cursor order that serves q, if one does.
func indexedOrder(q listQuery) (string, bool) {
	if len(q.Filters) > 0 || q.forBatchGetting {
		return "", false
	}
	dir := "+"
	if q.SortOrder == "desc" {
		dir = "-"
	}
	switch q.SortBy {
	case "", "created-date":
		return "created" + dir, true
	case "name":
		return "name" + dir, true
	}
	return "", false
}

// cursorPage returns the page after c in c's order and the token of the
// next. The caller holds s.mu.
func (s *Server) cursorPage(at *regionState, c cursor, includePlanned bool, limit int) ([]*secret, string, *apiError) {
	ix := &at.secrets.byCreated
	if strings.HasPrefix(c.order, "name") {
		ix = &at.secrets.byNameOrder
	}
	desc := strings.HasSuffix(c.order, "-")
	i, step := 0, 1
	if desc {
		i, step = len(ix.items)-1, -1
	}
	if c.set {
		key := &secret{created: c.created, name: c.name}
		if desc {
			i = ix.before(key)
		} else {
			i = ix.after(key)
		}
	}
	var page []*secret
	for ; i >= 0 && i < len(ix.items) && len(page) < limit; i += step {
		if sec := ix.items[i]; includePlanned || !sec.pendingDeletion() {
			page = append(page, sec)
		}
	}
	if i < 0 || i >= len(ix.items) || len(page) == 0 {
		return page, "", nil
	}
	last := page[len(page)-1]
	return page, s.cursorToken(cursor{order: c.order, created: last.created, name: last.name}), nil
}

func (s *Server) cursorToken(c cursor) string {
	payload := cursorPrefix + s.instance + "|" + c.order + "|" + c.created.Format(time.RFC3339Nano) + "|" + c.name
	return base64.RawURLEncoding.EncodeToString([]byte(payload))
}

// cursorPayload returns what follows cursorPrefix in a cursor token.
func cursorPayload(token *string) (string, bool) {
	if token == nil || *token == "" {
		return "", false
	}
	raw, err := base64.RawURLEncoding.DecodeString(*token)
	if err != nil {
		return "", false
	}
	return strings.CutPrefix(string(raw), cursorPrefix)
}

// parseCursor reads the payload of a token this server's cursorToken made.
func (s *Server) parseCursor(payload string) (cursor, bool) {
	parts := strings.SplitN(payload, "|", 4)
	if len(parts) != 4 || parts[0] != s.instance {
		return cursor{}, false
	}
	parts = parts[1:]
	switch parts[0] {
	case "created+", "created-", "name+", "name-":
	default:
		return cursor{}, false
	}
	created, err := time.Parse(time.RFC3339Nano, parts[1])
	if err != nil {
		return cursor{}, false
	}
	return cursor{order: parts[0], created: created, name: parts[2], set: true}, true
}

// listingFor returns the ordered secrets of q, reusing a listing of the same
// query when nothing changed since it was made.
func (s *Server) listingFor(at *regionState, q listQuery) *listing {
	keyBytes, _ := json.Marshal(q.Filters)
	key := fmt.Sprintf("%s|%s|%s|%t|%t", keyBytes, q.SortBy, q.SortOrder, q.IncludePlanned, q.forBatchGetting)
	if l := at.listings.byKey[key]; l != nil && l.generation == at.secrets.generation {
		return l
	}
	matched := make([]*secret, 0, len(at.secrets.byName))
	for _, sec := range at.secrets.byName {
		if sec.pendingDeletion() && !q.IncludePlanned {
			continue
		}
		if sec.matchesFilters(q.Filters) {
			matched = append(matched, sec)
		}
	}
	compare := secretComparer(q.SortBy)
	desc := q.SortOrder == "desc"
	slices.SortFunc(matched, func(a, b *secret) int {
		c := compare(a, b)
		if c == 0 {
			c = cmp.Compare(a.name, b.name)
		}
		if desc {
			return -c
		}
		return c
	})
	l := &listing{key: key, generation: at.secrets.generation, secrets: matched}
	at.listings.add(l)
	return l
}

func secretComparer(sortBy string) func(a, b *secret) int {
	switch sortBy {
	case "name":
		return func(a, b *secret) int { return cmp.Compare(a.name, b.name) }
	case "last-accessed-date":
		return func(a, b *secret) int { return a.lastAccessed.Compare(b.lastAccessed) }
	case "last-changed-date":
		return func(a, b *secret) int { return a.lastChanged.Compare(b.lastChanged) }
	}
	return func(a, b *secret) int { return a.created.Compare(b.created) }
}

func listToken(id string, offset int) string {
	return base64.RawURLEncoding.EncodeToString([]byte(id + ":" + strconv.Itoa(offset)))
}

func parseListToken(token string) (string, int, bool) {
	raw, err := base64.RawURLEncoding.DecodeString(token)
	if err != nil {
		return "", 0, false
	}
	id, off, ok := strings.Cut(string(raw), ":")
	n, err := strconv.Atoi(off)
	if !ok || err != nil || n < 0 {
		return "", 0, false
	}
	return id, n, true
}

// offsetTokenFor is a NextToken holding a plain offset.
func offsetTokenFor(offset int) string {
	return base64.RawURLEncoding.EncodeToString([]byte(strconv.Itoa(offset)))
}

// offsetToken reads a token made by offsetTokenFor; none means 0.
func offsetToken(token *string) (int, *apiError) {
	if token == nil || *token == "" {
		return 0, nil
	}
	raw, err := base64.RawURLEncoding.DecodeString(*token)
	if err != nil {
		return 0, errInvalidNextToken()
	}
	n, err := strconv.Atoi(string(raw))
	if err != nil || n < 0 {
		return 0, errInvalidNextToken()
	}
	return n, nil
}

// maxResults validates MaxResults against 1..upper, defaulting to def.
func maxResults(v *int, upper, def int) (int, *apiError) {
	if v == nil {
		return def, nil
	}
	if *v < 1 {
		return 0, errValidation(*v, "maxResults", "Member must have value greater than or equal to 1")
	}
	if *v > upper {
		return 0, errValidation(*v, "maxResults", fmt.Sprintf("Member must have value less than or equal to %d", upper))
	}
	return *v, nil
}

type listSecretsInput struct {
	Filters                []filterInput
	IncludePlannedDeletion bool
	MaxResults             *int
	NextToken              *string
	SortBy                 string
	SortOrder              string
}

type listSecretsOutput struct {
	SecretList []secretEntry `json:"SecretList"`
	NextToken  string        `json:"NextToken,omitempty"`
}

func (s *Server) listSecrets(c *call) (any, *apiError) {
	var in listSecretsInput
	if err := c.decode(&in); err != nil {
		return nil, err
	}
	limit, err := maxResults(in.MaxResults, 100, 100)
	if err != nil {
		return nil, err
	}
	if err := checkFilters(in.Filters); err != nil {
		return nil, err
	}
	switch in.SortBy {
	case "", "name", "created-date", "last-accessed-date", "last-changed-date":
	default:
		return nil, errValidation(in.SortBy, "sortBy", "Member must satisfy enum value set: [created-date, last-accessed-date, last-changed-date, name]")
	}
	switch in.SortOrder {
	case "", "asc", "desc":
	default:
		return nil, errValidation(in.SortOrder, "sortOrder", "Member must satisfy enum value set: [asc, desc]")
	}
	q := listQuery{Filters: in.Filters, SortBy: in.SortBy, SortOrder: in.SortOrder, IncludePlanned: in.IncludePlannedDeletion}
	page, next, err := s.listPage(c.at, q, in.NextToken, limit)
	if err != nil {
		return nil, err
	}
	out := listSecretsOutput{SecretList: make([]secretEntry, 0, len(page)), NextToken: next}
	for _, sec := range page {
		out.SecretList = append(out.SecretList, sec.entry(true))
	}
	return out, nil
}
