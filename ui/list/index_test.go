package list

import (
	"fmt"
	"math/rand/v2"
	"reflect"
	"slices"
	"testing"
	"time"

	"github.com/keyhole-tui/keyhole/model"
)

func TestInsertSortedKeepsOrder(t *testing.T) {
	rng := rand.New(rand.NewPCG(1, 2))
	for range 200 {
		list := make([]int32, rng.IntN(50))
		for i := range list {
			list[i] = int32(rng.IntN(100))
		}
		items := make([]int32, rng.IntN(10))
		for i := range items {
			items[i] = int32(rng.IntN(100))
		}
		slices.Sort(list)
		slices.Sort(items)
		want := slices.Sorted(slices.Values(append(slices.Clone(list), items...)))
		got := insertSorted(list, items, func(a, b int32) int { return int(a - b) })
		if !slices.Equal(got, want) {
			t.Fatalf("insertSorted(%v, %v) = %v, want %v", list, items, got, want)
		}
	}
}

func TestIndexAgreesWithAFullRecomputation(t *testing.T) {
	secrets := syntheticSecrets(3000)
	rand.New(rand.NewPCG(3, 4)).Shuffle(len(secrets), func(i, j int) { secrets[i], secrets[j] = secrets[j], secrets[i] })
	x := &index{}
	for i := 0; i < len(secrets); i += 70 {
		x.add(secrets[i:min(i+70, len(secrets))], benchNow)
	}
	for _, typed := range []string{"p", "pa", "pay", "paym", "payments", "payments d", "payments db", "tag:env=prod", "tag:env=prod ml", "rot:overdue", "zzz", ""} {
		x.filter(parseQuery(typed), benchNow)
		fresh := &index{sort: x.sort, q: parseQuery(typed)}
		all := make([]model.Secret, len(x.secrets))
		for e := range x.secrets {
			all[e] = x.secret(int32(e))
		}
		fresh.add(all, benchNow)
		if got, want := names(x), names(fresh); !slices.Equal(got, want) {
			t.Fatalf("%q: incremental filter gives %d rows, a fresh one %d", typed, len(got), len(want))
		}
	}
	for m := sortName; m < sortModes; m++ {
		x.setSort(m, benchNow)
		got := names(x)
		for _, tier := range x.tiers {
			if !slices.IsSortedFunc(tier, x.less) {
				t.Fatalf("sort %v: view out of order (%d rows)", m, len(got))
			}
		}
	}
}

func names(x *index) []string {
	var out []string
	for i := range x.len() {
		if s, ok := x.at(i); ok {
			out = append(out, s.Name)
		}
	}
	return out
}

func TestUpsertAndRemove(t *testing.T) {
	x := &index{}
	x.add(syntheticSecrets(50), benchNow)
	s := secretAt(x, 10)
	s.Description = "changed"
	x.upsert(s, benchNow)
	if x.len() != 50-countGone(x) || secretAt(x, x.position(int32(indexOf(x, s.ARN)))).Description != "changed" {
		t.Fatal("upsert must replace in place")
	}
	x.remove(s.ARN, benchNow)
	if indexOf(x, s.ARN) >= 0 || len(x.secrets) != 49 || len(x.entries) != 49 {
		t.Fatal("remove must drop the secret everywhere")
	}
	x.upsert(model.Secret{ARN: "arn:new", Name: "aaa/new"}, benchNow)
	if first := secretAt(x, 0).Name; first != "aaa/new" {
		t.Fatal(fmt.Sprintf("upsert of a new secret must add it in order, got %s first", first))
	}
}

func indexOf(x *index, arn string) int { return int(x.find(arn)) }

// secretAt is the secret on row i, which must not be the separator.
func secretAt(x *index, i int) model.Secret {
	s, ok := x.at(i)
	if !ok {
		panic(fmt.Sprintf("row %d is the separator", i))
	}
	return s
}

func countGone(x *index) int {
	n := 0
	for _, g := range x.gone {
		if g {
			n++
		}
	}
	return n
}

func TestNameMatchesComeBeforeDescriptionMatches(t *testing.T) {
	x := &index{}
	x.add([]model.Secret{
		{ARN: "a", Name: "legacy-db-password", Description: "Superseded by prod/payments/postgres"},
		{ARN: "b", Name: "prod/payments/postgres"},
		{ARN: "c", Name: "prod/pay/misc", Description: "nothing"},
	}, benchNow)
	x.filter(parseQuery("prod/payments/postgres"), benchNow)
	if got := names(x); !slices.Equal(got, []string{"prod/payments/postgres", "legacy-db-password"}) {
		t.Fatalf("order = %v", got)
	}
	x.filter(parseQuery("superseded"), benchNow)
	if got := names(x); !slices.Equal(got, []string{"legacy-db-password"}) {
		t.Fatalf("description match = %v", got)
	}
}

func TestFuzzyMatchesOnlyNamesAndComeAfterASeparator(t *testing.T) {
	x := &index{}
	x.add([]model.Secret{
		{ARN: "a", Name: "prod/payments/postgres"},
		{ARN: "b", Name: "plain/api-yaml"},
		{ARN: "c", Name: "unrelated", Description: "payments api key"},
		{ARN: "d", Name: "other", Description: "p a y spelled out"},
	}, benchNow)
	x.filter(parseQuery("pay"), benchNow)
	if got := names(x); !slices.Equal(got, []string{"prod/payments/postgres", "unrelated", "plain/api-yaml"}) {
		t.Fatalf("pay matched %v; a description's letters in order must not match", got)
	}
	if x.separator() != 2 || x.entryAt(2) != -1 || x.len() != 4 || x.matches() != 3 {
		t.Fatalf("separator at %d of %d rows (%d matches), want row 2 of 4", x.separator(), x.len(), x.matches())
	}
	if e := int32(indexOf(x, "b")); x.position(e) != 3 || x.entryAt(3) != e {
		t.Errorf("the fuzzy match is on row %d, want 3, below the separator", x.position(e))
	}
	x.filter(parseQuery("payments"), benchNow)
	if x.separator() != -1 || x.len() != 2 {
		t.Errorf("no fuzzy match, yet a separator at %d of %d rows", x.separator(), x.len())
	}
}

func TestMarkerUnderlinesWordsAndFuzzyLetters(t *testing.T) {
	show := func(marks []bool, s string) string {
		out := []byte(s)
		for i, m := range marks {
			if !m {
				out[i] = '.'
			}
		}
		return string(out)
	}
	q := parseQuery("pay db")
	if got := show(q.marker(false)("Prod/Payments/DB-pay"), "Prod/Payments/DB-pay"); got != ".....Pay......DB.pay" {
		t.Errorf("words marked %q", got)
	}
	if got := q.marker(false)("plain/api-yaml")[0]; got {
		t.Error("a row that is not a fuzzy match marks letters")
	}
	if got := show(parseQuery("pay").marker(true)("plain/api-yaml"), "plain/api-yaml"); got != "p.a.......y..." {
		t.Errorf("fuzzy letters marked %q", got)
	}
	if parseQuery("tag:env=prod").marker(false) != nil {
		t.Error("a query without words marks")
	}
}

func TestRowsGiveBackTheSecretsTheyWereMadeFrom(t *testing.T) {
	at := time.Date(2026, 3, 4, 5, 6, 7, 890_000_000, time.UTC)
	secrets := append(syntheticSecrets(20), model.Secret{
		ARN: "arn:aws:secretsmanager:eu-west-1:111122223333:secret:Prod/DB-x1Y2z3", Name: "Prod/DB",
		Description: "接続情報 for the DB", KMSKeyID: "alias/db", RotationEnabled: true,
		RotationLambdaARN: "arn:aws:lambda:eu-west-1:111122223333:function:rotate",
		RotationRules:     model.RotationRules{AutomaticallyAfterDays: 30, ScheduleExpression: "rate(30 days)", Duration: "3h"},
		CreatedDate:       at, LastChangedDate: at.Add(time.Hour), LastAccessedDate: at.Add(2 * time.Hour),
		LastRotatedDate: at.Add(3 * time.Hour), NextRotationDate: at.Add(4 * time.Hour), DeletedDate: at.Add(5 * time.Hour),
		Tags:          []model.Tag{{Key: "env", Value: "prod"}, {Key: "Owner", Value: ""}},
		OwningService: "rds", PrimaryRegion: "eu-west-1",
		VersionStages: model.StageMap{{ID: "v1", Stages: []string{model.StageCurrent, "custom"}}, {ID: "v2", Stages: []string{model.StagePrevious}}},
	}, model.Secret{ARN: "arn-without-the-name", Name: "other"}, model.Secret{Name: "no ARN"})
	x := &index{}
	x.add(secrets, benchNow)
	for e, want := range secrets {
		if got := x.secret(int32(e)); !reflect.DeepEqual(got, want) {
			t.Errorf("row %d gives back\n%#v\nwant\n%#v", e, got, want)
		}
	}
}

func TestScoresSplitAmongProcessorsAreThoseOfOneScan(t *testing.T) {
	x := loadedIndex(3 * scanChunk)
	n := len(x.secrets)
	for _, typed := range []string{"p", "payments db", "tag:env=prod ml", "tag:owner rot:overdue", "zzz"} {
		x.filter(parseQuery(typed), benchNow)
		split, one := make([]int8, n), make([]int8, n)
		x.scoreAll(split, nil, benchNow)
		x.scoreRun(one, nil, 0, n, benchNow)
		if !slices.Equal(split, one) {
			t.Errorf("%q: scores split among processors differ from one scan's", typed)
		}
	}
}

func TestSnapshotKeepsTheSecretsAsTheyWereWhileTheListGoesOn(t *testing.T) {
	x := &index{}
	secrets := syntheticSecrets(300)
	x.add(secrets[:200], benchNow)
	snap := x.snapshot()
	done := make(chan bool)
	go func() {
		for i := range snap.Len() {
			if got := snap.At(i); !reflect.DeepEqual(got, secrets[i]) {
				t.Errorf("snapshot secret %d is %s, want %s", i, got.Name, secrets[i].Name)
			}
		}
		done <- true
	}()
	changed := secrets[5]
	changed.Description = "changed"
	changed.Tags = []model.Tag{{Key: "new", Value: "tag"}}
	x.upsert(changed, benchNow)
	x.remove(secrets[7].ARN, benchNow)
	x.add(secrets[200:], benchNow)
	<-done
	if snap.Len() != 200 || snap.At(5).Description == "changed" {
		t.Errorf("the snapshot follows the list: %d secrets, secret 5 described %q", snap.Len(), snap.At(5).Description)
	}
}
