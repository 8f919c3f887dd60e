package ui

import (
	"encoding/json"
	"flag"
	"go/ast"
	"go/parser"
	"go/token"
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strconv"
	"strings"
	"testing"

	"github.com/ncm-register/ncm-register/data"
)

var update = flag.Bool("update", false, "rewrite assets/translations/en.json from the sources")

const englishFile = "../assets/translations/en.json"

// englishStrings collects every string the interface shows: the literals
// passed to lang.L, lang.X and lang.N in ui, the validation messages of
// data and export (FieldError keys and templates; export checks the
// questionnaire templates edited in Settings), the History's summaries
// (data's summaryKey and summaryPlural) with the names of the kinds of
// record they name (entity.<code>), and the code lists' labels.
func englishStrings(t *testing.T) map[string]any {
	t.Helper()
	out := map[string]any{}
	fset := token.NewFileSet()
	for _, dir := range []string{".", "../data", "../export", "../locale"} {
		files, _ := filepath.Glob(filepath.Join(dir, "*.go"))
		for _, file := range files {
			if strings.HasSuffix(file, "_test.go") { // tests' fixtures are not shown to anyone
				continue
			}
			f, err := parser.ParseFile(fset, file, nil, 0)
			if err != nil {
				t.Fatal(err)
			}
			ast.Inspect(f, func(n ast.Node) bool {
				switch n := n.(type) {
				case *ast.CallExpr:
					collectCall(n, out)
				case *ast.CompositeLit:
					collectFieldError(n, out)
				}
				return true
			})
		}
	}
	lists := map[string][]data.Code{"sector": data.SectorCodes(), "level": data.Levels,
		"mechanism": mechanismFilterChoices(), "sex": data.Sexes, "role": data.ContactRoles,
		"measure": data.Measures, "status": data.CourseStatuses, "pillar": data.Pillars, "mark": data.Marks,
		"import": importTargetChoices()}
	for _, name := range data.CodeListNames() {
		// Country names come from CLDR through x/text, in every language.
		if _, ours := lists[name]; !ours && name != "country" {
			lists[name], _ = data.CodeList(name)
		}
	}
	for name, list := range lists {
		for _, c := range list {
			out[name+"."+c.Code] = c.Label
		}
	}
	// The reply's figures: titles by name, counting rules by their text,
	// the statistics' breakdowns (forms of exploitation are a code list).
	for _, f := range data.NamedFigures {
		out["figure."+f.Name] = f.Title
		out[f.Rule] = f.Rule
	}
	out[data.NotAvailable] = data.NotAvailable
	for _, r := range data.QualityRules {
		out["quality."+r.Name] = r.Title
		out["quality."+r.Name+".rule"] = r.Rule
	}
	for _, m := range data.Measures {
		for _, g := range data.Breakdowns(m.Code) {
			out[g.Label] = g.Label
			if g.Name != "form" && g.Name != data.CountryGroup {
				for _, p := range g.Parts {
					out[p.Label] = p.Label
				}
			}
		}
	}
	for _, entity := range data.Entities() {
		out["entity."+entity] = data.EntityName(entity)
		fields, _ := data.Fields(entity)
		for _, f := range fields {
			out[f.Label] = f.Label
		}
	}
	return out
}

// literal is the string of a literal, or of literals joined with + (a
// long message split over lines, which go-i18n looks up whole).
func literal(e ast.Expr) (string, bool) {
	switch e := e.(type) {
	case *ast.BasicLit:
		if e.Kind != token.STRING {
			return "", false
		}
		s, err := strconv.Unquote(e.Value)
		return s, err == nil
	case *ast.BinaryExpr:
		a, ok1 := literal(e.X)
		b, ok2 := literal(e.Y)
		return a + b, ok1 && ok2 && e.Op == token.ADD
	case *ast.ParenExpr:
		return literal(e.X)
	}
	return "", false
}

func collectCall(call *ast.CallExpr, out map[string]any) {
	collectSummary(call, out)
	sel, ok := call.Fun.(*ast.SelectorExpr)
	if !ok {
		return
	}
	// locale.L, tr.L, c.tr().L …: every translator's methods, the window's
	// and a document's, and the strings marked for later.
	if len(call.Args) > 0 {
		switch sel.Sel.Name {
		case "L", "Mark":
			if s, ok := literal(call.Args[0]); ok {
				out[s] = s
			}
		case "X":
			k, ok1 := literal(call.Args[0])
			v, ok2 := literal(call.Args[1])
			if ok1 && ok2 {
				out[k] = v
			}
		case "N", "MarkN":
			if s, ok := literal(call.Args[0]); ok {
				out[s] = map[string]string{"one": s, "other": s + "s"}
			}
		}
	}
	// data's validator: v.add(field, key, template, …)
	if sel.Sel.Name == "add" && len(call.Args) >= 3 {
		k, ok1 := literal(call.Args[1])
		v, ok2 := literal(call.Args[2])
		if ok1 && ok2 {
			out[k] = v
		}
	}
}

// collectSummary collects data's kinds of summary: summaryKey(template),
// summaryNamed(key, template) and summaryPlural(one, other), whose plural
// is written in the code.
func collectSummary(call *ast.CallExpr, out map[string]any) {
	fn, ok := call.Fun.(*ast.Ident)
	if !ok {
		return
	}
	switch {
	case fn.Name == "summaryKey" && len(call.Args) == 1:
		if s, ok := literal(call.Args[0]); ok {
			out[s] = s
		}
	case fn.Name == "summaryNamed" && len(call.Args) == 2:
		k, ok1 := literal(call.Args[0])
		v, ok2 := literal(call.Args[1])
		if ok1 && ok2 {
			out[k] = v
		}
	case fn.Name == "summaryPlural" && len(call.Args) == 2:
		one, ok1 := literal(call.Args[0])
		other, ok2 := literal(call.Args[1])
		if ok1 && ok2 {
			out[one] = map[string]string{"one": one, "other": other}
		}
	}
}

func collectFieldError(lit *ast.CompositeLit, out map[string]any) {
	var key, tmpl string
	for _, e := range lit.Elts {
		kv, ok := e.(*ast.KeyValueExpr)
		if !ok {
			continue
		}
		name, _ := kv.Key.(*ast.Ident)
		if name == nil {
			continue
		}
		if s, ok := literal(kv.Value); ok {
			switch name.Name {
			case "Key":
				key = s
			case "Template":
				tmpl = s
			}
		}
	}
	if key != "" && tmpl != "" {
		out[key] = tmpl
	}
}

// TestEnglishTranslationComplete keeps en.json, the model for every other
// language, in step with the code: each string shown has its entry, with
// the same English text. Run with -update to rewrite the file.
func TestEnglishTranslationComplete(t *testing.T) {
	want := englishStrings(t)
	if *update {
		// A plural's "other" form of locale.N is written by hand
		// (agencies, not agencys); keep the one the file has. A summary's
		// plural is written in data's code (summaryPlural), which rules.
		var had map[string]any
		if raw, err := os.ReadFile(englishFile); err == nil {
			_ = json.Unmarshal(raw, &had)
		}
		for k, v := range want {
			forms, plural := v.(map[string]string)
			old, ok := had[k].(map[string]any)
			if other, isText := old["other"].(string); plural && ok && isText && forms["other"] == forms["one"]+"s" {
				forms["other"] = other
			}
		}
		keys := make([]string, 0, len(want))
		for k := range want {
			keys = append(keys, k)
		}
		sort.Strings(keys)
		b, err := json.MarshalIndent(want, "", "  ")
		if err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(englishFile, append(b, '\n'), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	raw, err := os.ReadFile(englishFile)
	if err != nil {
		t.Fatal(err)
	}
	var got map[string]any
	if err := json.Unmarshal(raw, &got); err != nil {
		t.Fatalf("%s: %v", englishFile, err)
	}
	if len(want) < 100 {
		t.Fatalf("found only %d strings in the sources; the scan is broken", len(want))
	}
	// go-i18n reads an object with a key named like a plural form or a
	// message field (in any case) as one message: a string "other" or "Id"
	// at the top breaks the whole file, and every string shows in English.
	for k := range want {
		switch strings.ToLower(k) {
		case "zero", "one", "two", "few", "many", "other", "id", "description", "hash", "leftdelim", "rightdelim":
			t.Errorf("the key %q is one go-i18n reserves; use a longer key (lang.X)", k)
		}
	}
	for k, v := range want {
		g, ok := got[k]
		if !ok {
			t.Errorf("en.json lacks %q (run go test ./ui -run EnglishTranslation -update)", k)
			continue
		}
		if ws, isString := v.(string); isString && g != ws {
			t.Errorf("en.json has %q = %q, the code says %q", k, g, ws)
		}
		if forms, plural := v.(map[string]string); plural && forms["other"] != forms["one"]+"s" {
			if gf, _ := g.(map[string]any); gf["one"] != forms["one"] || gf["other"] != forms["other"] {
				t.Errorf("en.json has %q = %v, the code says %v", k, g, forms)
			}
		}
	}
}

// printfVerb is a verb of fmt as a leftover of fmt.Sprintf(locale.L(…))
// would hold it: a percent sign, then flags (+ - # 0, but not a space),
// an argument index, a width and a precision, each optional, then a
// letter: %s, %d, %v, %q, %5.1f, %-10s, %[2]s, %x.
var printfVerb = regexp.MustCompile(`%[+\-#0]*(\[\d+\])?(\d+|\*)?(\.(\d+|\*)?)?(\[\d+\])?[a-zA-Z]`)

// TestTranslatedStringsHaveNamedPlaceholders: a string of ui passed to
// locale.L, N or X (X's key and English text both), and every message of
// data and export that en.json holds, has no printf verb.
// Its values go in named placeholders ({{.Course}}), which a translation
// can put in the order its language needs; a %s filled by fmt.Sprintf
// keeps the English order in every language, and nothing fills it once
// the string is no longer given to Sprintf.
//
// A percent sign followed by a space is prose, not a verb ("(% of days)",
// "{{.Percent}} % of the days", "{{.Percent}}% sure"), although fmt would
// read "% d" as a verb with the space flag. "%%", printf's escape for a
// percent sign, is refused too: with no Sprintf to undo it, the window
// would show both signs.
func TestTranslatedStringsHaveNamedPlaceholders(t *testing.T) {
	files, err := filepath.Glob("*.go")
	if err != nil || len(files) == 0 {
		t.Fatalf("no sources found: %v", err)
	}
	fset := token.NewFileSet()
	checked := 0
	for _, file := range files {
		f, err := parser.ParseFile(fset, file, nil, 0)
		if err != nil {
			t.Fatal(err)
		}
		ast.Inspect(f, func(n ast.Node) bool {
			call, ok := n.(*ast.CallExpr)
			if !ok {
				return true
			}
			sel, ok := call.Fun.(*ast.SelectorExpr)
			if !ok {
				return true
			}
			pkg, ok := sel.X.(*ast.Ident)
			if !ok || pkg.Name != "locale" {
				return true
			}
			texts := 0
			switch sel.Sel.Name {
			case "L", "N":
				texts = 1
			case "X", "XN":
				texts = 2
			}
			for _, arg := range call.Args[:min(texts, len(call.Args))] {
				s, ok := literal(arg)
				if !ok {
					continue
				}
				checked++
				for _, problem := range printfProblems(s) {
					t.Errorf("%s: %q %s", fset.Position(arg.Pos()), s, problem)
				}
			}
			return true
		})
	}
	if checked < 500 {
		t.Fatalf("checked only %d strings; the scan is broken", checked)
	}
	// The messages of data and export the window translates, by the same rule.
	for key, v := range englishStrings(t) {
		texts := []string{key}
		switch v := v.(type) {
		case string:
			texts = append(texts, v)
		case map[string]string:
			texts = append(texts, v["one"], v["other"])
		}
		for _, s := range texts {
			for _, problem := range printfProblems(s) {
				t.Errorf("the message %q %s", s, problem)
			}
		}
	}
}

// printfProblems says what is left of printf in a translated string.
func printfProblems(s string) []string {
	var out []string
	if v := printfVerb.FindString(s); v != "" {
		out = append(out, "holds the printf verb "+v+"; name the value instead ({{.Name}}) and pass it in data")
	}
	if strings.Contains(s, "%%") {
		out = append(out, "writes a percent sign as %%, which nothing turns into one sign any more")
	}
	return out
}
