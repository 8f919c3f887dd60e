package data

import (
	"flag"
	"fmt"
	"math/rand/v2"
	"sort"
	"strings"
	"testing"
)

// histories is how many random histories TestRandomHistoriesComeTogether
// plays; `go test ./data/ -run RandomHistories -histories 1000` is the long run.
var histories = flag.Int("histories", 24, "random exchange histories to play")

// An edit, as the test sees it: a field's value written on a laptop that
// knew the edits in known (its own and those received).
type edit struct {
	id     int
	laptop int
	key    string // entity id field
	value  string
	known  map[int]bool
}

// exchangeWorld is three copies of one register and what the test knows of them.
type exchangeWorld struct {
	t       *testing.T
	rng     *rand.Rand
	laptops []*Store
	known   []map[int]bool // by laptop: the edits it has
	edits   []edit
	shown   map[string]map[string]bool // key → values shown together in a conflict
	// records whose removal was a question: the user chose for all their fields
	removalShown map[string]bool
	counter      int
	verbose      bool
}

// tracked are the fields whose edits the test follows one by one.
var tracked = map[string][]string{
	"organisation": {"acronym", "notes", "website"},
	"contact":      {"position", "notes"},
}

var agencies = []struct{ name, sector string }{
	{"National Police", "police"}, {"Border Police", "border_police"}, {"La Strada", "ngo"},
	{"IOM Mission", "international_org"}, {"Labour Inspectorate", "labour_inspection"},
}

var people = []string{"Ana Rusu", "Ion Popa", "Maria Lungu", "Elena Ceban", "Victor Moraru", "Rusu Ana"}

// TestRandomHistoriesComeTogether: three registers started from one make
// random edits (creating, editing the same and different fields,
// archiving, merging, undoing) and exchange packages in random orders and
// subsets, the user choosing at random. At the end, after every copy has
// heard from every other, all three hold the same records; every conflict
// shown offered different values; and no edit vanished unless a later edit
// made knowing it replaced it, or it was shown in a conflict and the user
// chose another value.
func TestRandomHistoriesComeTogether(t *testing.T) {
	n := *histories
	if testing.Short() {
		n = 4
	}
	for h := range n {
		seed := uint64(h + 1)
		t.Run(fmt.Sprint(seed), func(t *testing.T) { playHistory(t, seed, false) })
	}
}

// TestOneHistory plays one history, saying what happens at each step:
// `go test ./data/ -run OneHistory -history 17 -v`.
func TestOneHistory(t *testing.T) {
	if *oneHistory == 0 {
		t.Skip("-history N plays one")
	}
	playHistory(t, uint64(*oneHistory), true)
}

var oneHistory = flag.Int("history", 0, "play one random history, saying what happens")

// playHistory starts three copies of a register of two organisations and
// their focal points, plays 30 random steps on them, and settles.
func playHistory(t *testing.T, seed uint64, verbose bool) {
	w := &exchangeWorld{t: t, rng: rand.New(rand.NewPCG(seed, 2026)), shown: map[string]map[string]bool{}, verbose: verbose}
	w.laptops = laptopsFrom(t, func(s *Store) {
		for _, a := range agencies[:2] {
			o := Organisation{Name: a.name, Sector: a.sector}
			if err := s.SaveOrganisation(t.Context(), &o); err != nil {
				t.Fatal(err)
			}
			c := Contact{OrganisationID: o.ID, Name: people[0]}
			if err := s.SaveContact(t.Context(), &c); err != nil {
				t.Fatal(err)
			}
		}
	}, "coordinator", "trainer", "deputy")
	w.known = []map[int]bool{{}, {}, {}}
	for range 30 {
		w.step()
	}
	w.settle()
}

func (w *exchangeWorld) step() {
	l := w.rng.IntN(3)
	s := w.laptops[l]
	ctx := w.t.Context()
	if w.rng.IntN(4) == 0 {
		to := (l + 1 + w.rng.IntN(2)) % 3
		w.exchange(l, to, false)
		return
	}
	before := registerContent(w.t, s)
	orgs, contacts := w.inUse(s)
	switch op := w.rng.IntN(10); {
	case op == 0:
		a := agencies[w.rng.IntN(len(agencies))]
		o := Organisation{Name: a.name, Sector: a.sector}
		_ = s.SaveOrganisation(ctx, &o) // refused when it is here already
	case op == 1 && len(orgs) > 0:
		c := Contact{OrganisationID: orgs[w.rng.IntN(len(orgs))], Name: people[w.rng.IntN(len(people))]}
		if err := s.SaveContact(ctx, &c); err != nil {
			w.t.Fatalf("SaveContact: %v", err)
		}
	case op <= 4 && len(orgs) > 0:
		o, err := s.Organisation(ctx, orgs[w.rng.IntN(len(orgs))])
		if err != nil {
			w.t.Fatal(err)
		}
		switch w.rng.IntN(3) {
		case 0:
			o.Acronym = w.value()
		case 1:
			o.Notes = w.value()
		default:
			o.Website = "https://" + w.value() + ".md"
		}
		if err := s.SaveOrganisation(ctx, &o); err != nil {
			w.t.Fatalf("SaveOrganisation: %v", err)
		}
	case op <= 6 && len(contacts) > 0:
		c, err := s.Contact(ctx, contacts[w.rng.IntN(len(contacts))])
		if err != nil {
			w.t.Fatal(err)
		}
		if w.rng.IntN(2) == 0 {
			c.Position = w.value()
		} else {
			c.Notes = w.value()
		}
		if err := s.SaveContact(ctx, &c); err != nil {
			w.t.Fatalf("SaveContact: %v", err)
		}
	case op == 7 && len(contacts) > 0:
		if err := s.SetContactArchived(ctx, contacts[w.rng.IntN(len(contacts))], true); err != nil {
			w.t.Fatal(err)
		}
	case op == 8 && len(contacts) > 1:
		i, j := w.rng.IntN(len(contacts)), w.rng.IntN(len(contacts))
		if i != j {
			keep, err := s.Contact(ctx, contacts[i])
			if err != nil {
				w.t.Fatal(err)
			}
			if err := s.MergeContacts(ctx, &keep, contacts[j]); err != nil {
				w.t.Fatalf("MergeContacts: %v", err)
			}
		}
	case op == 9:
		_, _ = s.Undo(ctx) // nothing to undo is fine
	}
	if w.verbose {
		last, _, _ := s.LastUndoable(ctx)
		w.t.Logf("%s: %s", s.device, last.Summary)
	}
	w.noteEdits(l, before, registerContent(w.t, s))
}

func (w *exchangeWorld) value() string {
	w.counter++
	return fmt.Sprintf("v%d", w.counter)
}

func (w *exchangeWorld) inUse(s *Store) (orgs, contacts []string) {
	ctx := w.t.Context()
	for _, q := range []struct {
		sql string
		out *[]string
	}{{"SELECT id FROM organisation WHERE archived = 0 ORDER BY pk", &orgs},
		{"SELECT c.id FROM contact c JOIN organisation o ON o.id = c.organisation_id WHERE c.archived = 0 AND c.merged_into = '' AND o.archived = 0 ORDER BY c.pk", &contacts}} {
		rows, err := s.read.QueryContext(ctx, q.sql)
		if err != nil {
			w.t.Fatal(err)
		}
		for rows.Next() {
			var id string
			rows.Scan(&id)
			*q.out = append(*q.out, id)
		}
		rows.Close()
	}
	return orgs, contacts
}

// noteEdits records the tracked fields a laptop's step changed, each an
// edit made knowing what the laptop had.
func (w *exchangeWorld) noteEdits(l int, before, after map[string]values, only ...string) {
	for rec, v := range after {
		entity, _, _ := strings.Cut(rec, " ")
		for _, f := range tracked[entity] {
			if len(only) > 0 && only[0] != f {
				continue
			}
			old, ok := before[rec]
			ok = ok && old != nil
			if ok && old[f] == v[f] {
				continue
			}
			if !ok && v[f] == "" {
				continue
			}
			known := map[int]bool{}
			for id := range w.known[l] {
				known[id] = true
			}
			e := edit{id: len(w.edits) + 1, laptop: l, key: rec + " " + f, value: v[f], known: known}
			w.edits = append(w.edits, e)
			w.known[l][e.id] = true
		}
	}
}

// exchange sends from one laptop to another; the user chooses at random,
// or, when settling, the smaller value (so that two laptops deciding one
// conflict apart decide alike and the registers can end the same).
func (w *exchangeWorld) exchange(from, to int, settling bool) int {
	a, b := w.laptops[from], w.laptops[to]
	before := registerContent(w.t, b)
	plan := send(w.t, a, b)
	ch := ReceiveChoices{}
	for _, c := range plan.Conflicts {
		values := map[string]bool{}
		for _, s := range c.Sides {
			if values[s.Value] {
				w.t.Fatalf("a conflict offers %q twice: %+v", s.Value, c)
			}
			values[s.Value] = true
		}
		if len(c.Sides) < 2 {
			w.t.Fatalf("a conflict with one side: %+v", c)
		}
		if c.Kind == ConflictDeletedHere || c.Kind == ConflictDeletedThere {
			if w.removalShown == nil {
				w.removalShown = map[string]bool{}
			}
			w.removalShown[c.Entity+" "+c.Record] = true
		}
		key := c.Entity + " " + c.Record + " " + c.Field
		if w.shown[key] == nil {
			w.shown[key] = map[string]bool{}
		}
		for v := range values {
			w.shown[key][v] = true
		}
		pick := w.rng.IntN(len(c.Sides))
		if settling {
			pick = 0
			for i, s := range c.Sides {
				if s.Value < c.Sides[pick].Value {
					pick = i
				}
			}
		}
		ch.Sides = append(ch.Sides, pick)
	}
	for range plan.Duplicates {
		ch.Merge = append(ch.Merge, !settling && w.rng.IntN(2) == 0)
	}
	if w.verbose {
		for _, c := range plan.fresh {
			w.t.Logf("   %s %d %s %v: %+v", c.Device, c.Seq, c.Summary, c.Clock, c.Items)
		}
		w.t.Logf("%s → %s: fresh %d, new %v, taken %v, removed %v, same %v, dup %d, conflicts %+v, chosen %v",
			a.device, b.device, plan.Fresh, plan.New, plan.Taken, plan.Removed, plan.Same, len(plan.Duplicates), plan.Conflicts, ch.Sides)
	}
	if err := b.ApplyReceive(w.t.Context(), plan, ch); err != nil {
		w.t.Fatalf("%s receiving from %s: %v", b.device, a.device, err)
	}
	for id := range w.known[from] {
		w.known[to][id] = true
	}
	// The user's decisions (a side chosen, a merge) are edits made
	// knowing everything the receiver now has.
	after := registerContent(w.t, b)
	w.noteDecisions(to, plan, before, after)
	return len(plan.Conflicts) + plan.Fresh
}

func (w *exchangeWorld) noteDecisions(l int, plan *ReceivePlan, before, after map[string]values) {
	// A merge's values are copies of values written before (it fills what
	// the kept record lacks): not edits of their own.
	for _, c := range plan.Conflicts {
		rec := c.Entity + " " + c.Record
		if v, ok := after[rec]; ok {
			w.noteEdits(l, map[string]values{rec: before[rec]}, map[string]values{rec: v}, c.Field)
		}
	}
}

// settle has every laptop hear from every other until nothing is left to
// exchange, then checks what must hold.
func (w *exchangeWorld) settle() {
	for round := 0; ; round++ {
		if round == 6 {
			w.t.Fatal("the registers do not settle in six rounds of exchanges")
		}
		work := 0
		for _, p := range [][2]int{{0, 1}, {1, 2}, {2, 0}, {0, 2}, {2, 1}, {1, 0}} {
			work += w.exchange(p[0], p[1], true)
		}
		if work == 0 {
			break
		}
	}
	sameContent(w.t, w.laptops[0], w.laptops[1])
	sameContent(w.t, w.laptops[1], w.laptops[2])
	final := registerContent(w.t, w.laptops[0])
	var lost []string
	for _, e := range w.edits {
		rec, field := e.key[:strings.LastIndex(e.key, " ")], e.key[strings.LastIndex(e.key, " ")+1:]
		v, ok := final[rec]
		if !ok || v[field] == e.value {
			continue
		}
		if w.shown[e.key][e.value] || w.removalShown[rec] {
			continue // shown in a conflict; the user chose
		}
		if e.value == "" {
			continue // emptied: a record merged into it fills what it lacks, by rule
		}
		replaced := false
		for _, later := range w.edits {
			if later.key == e.key && later.known[e.id] {
				replaced = true
				break
			}
		}
		if !replaced {
			lost = append(lost, fmt.Sprintf("%s = %q (laptop %d)", e.key, e.value, e.laptop))
		}
	}
	sort.Strings(lost)
	if len(lost) > 0 {
		w.t.Fatalf("edits vanished with no one choosing: %v", lost)
	}
}
