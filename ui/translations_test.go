package ui

import (
	"encoding/json"
	"flag"
	"go/ast"
	"go/parser"
	"go/token"
	"os"
	"path/filepath"
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
// questionnaire templates edited in Settings) and the code lists' labels.
func englishStrings(t *testing.T) map[string]any {
	t.Helper()
	out := map[string]any{}
	fset := token.NewFileSet()
	for _, dir := range []string{".", "../data", "../export", "../locale"} {
		files, _ := filepath.Glob(filepath.Join(dir, "*.go"))
		for _, file := range files {
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
		// A plural's "other" form is written by hand (agencies, not
		// agencys); keep the one the file has.
		var had map[string]any
		if raw, err := os.ReadFile(englishFile); err == nil {
			_ = json.Unmarshal(raw, &had)
		}
		for k, v := range want {
			forms, plural := v.(map[string]string)
			old, ok := had[k].(map[string]any)
			if other, isText := old["other"].(string); plural && ok && isText {
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
	}
}
