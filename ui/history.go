package ui

import (
	"context"
	"encoding/json"
	"fmt"
	"sort"
	"strings"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/widget"

	"github.com/ncm-register/ncm-register/data"
)

// shortTime shows a stored UTC time in the user's local time.
func shortTime(stamp string) string {
	t, err := time.Parse("2006-01-02T15:04:05.000Z", stamp)
	if err != nil {
		return stamp
	}
	return t.Local().Format("2 Jan 2006 15:04")
}

func layoutSpacer() fyne.CanvasObject { return layout.NewSpacer() }

// historyLines renders a record's history as text lines, newest first: when,
// on which laptop, what, and each field's old and new value.
// names finds what the register calls a record that a field refers to.
func historyLines(changes []data.Change, names func(field, id string) string) []string {
	var out []string
	for _, c := range changes {
		head := fmt.Sprintf("%s · %s · %s", shortTime(c.At), c.Device, c.Summary)
		if c.Undone {
			head += " (" + lang.L("undone") + ")"
		}
		out = append(out, head)
		for _, it := range c.Items {
			switch it.Kind {
			case "update":
				old, new := shownValue(it.Field, it.Old, names), shownValue(it.Field, it.New, names)
				out = append(out, fmt.Sprintf("    %s: %s → %s", fieldLabel(it.Field), old, new))
			case "create", "delete":
				var v map[string]string
				snapshot := it.New
				if it.Kind == "delete" {
					snapshot = it.Old
					out = append(out, "    "+lang.L("removed"))
				}
				if json.Unmarshal([]byte(snapshot), &v) == nil {
					keys := make([]string, 0, len(v))
					for k := range v {
						if v[k] != "" && k != "archived" && !internalFields[k] {
							keys = append(keys, k)
						}
					}
					sort.Strings(keys)
					for _, k := range keys {
						out = append(out, fmt.Sprintf("    %s: %s", fieldLabel(k), shownValue(k, v[k], names)))
					}
				}
			}
		}
	}
	return out
}

// internalFields tie a record to another that the history dialog is already
// about (an answer to its reply): their ids say nothing to a reader.
var internalFields = map[string]bool{"reply_id": true}

// referenceFields hold ids of other records, one per line.
var referenceFields = map[string]bool{"organisation_id": true, "organisers": true, "funders": true, "trainers": true}

// shownValue is fieldValue, with the ids of reference fields replaced by names.
func shownValue(field, v string, names func(field, id string) string) string {
	if !referenceFields[field] || v == "" {
		return fieldValue(field, v)
	}
	ids := strings.Split(v, "\n")
	for i, id := range ids {
		ids[i] = names(field, id)
	}
	return strings.Join(ids, ", ")
}

// fieldValue shows a stored value as the forms show it: labels for codes,
// phone numbers formatted, lists joined.
func fieldValue(field, v string) string {
	if v == "" {
		return "—"
	}
	values := strings.Split(v, "\n")
	for i, x := range values {
		switch field {
		case "sector", "target_sectors":
			x = sectorLabel(x)
		case "status":
			x = labelOf("status", data.CourseStatuses, x)
		case "pillars":
			x = labelOf("pillar", data.Pillars, x)
		case "level":
			x = labelOf("level", data.Levels, x)
		case "mechanism_role":
			x = labelOf("mechanism", data.MechanismRoles, x)
		case "sex":
			x = labelOf("sex", data.Sexes, x)
		case "roles":
			x = labelOf("role", data.ContactRoles, x)
		case "country", "value":
			x = labelOf("country", data.Countries(), x)
		case "phone", "phones":
			x = data.FormatPhone(x)
		case "archived":
			x = map[string]string{"0": lang.L("No"), "1": lang.L("Yes")}[x]
		case "yes_no":
			x = yesNoLabel(x)
		}
		values[i] = x
	}
	return strings.Join(values, ", ")
}

// fieldLabel names a stored field the way the forms do.
func fieldLabel(field string) string {
	labels := map[string]string{
		"name": lang.L("Name"), "acronym": lang.L("Acronym"), "sector": lang.L("Sector"),
		"level": lang.L("Level"), "region": lang.L("Region"), "country": lang.L("Country"),
		"address": lang.L("Address"), "phone": lang.L("Phone"), "email": lang.L("E-mail"),
		"website": lang.L("Website"), "mechanism_role": lang.L("Coordination mechanism"),
		"notes": lang.L("Notes"), "archived": lang.L("Archived"), "position": lang.L("Position"),
		"sex": lang.L("Sex"), "emails": lang.L("E-mails"), "phones": lang.L("Phones"),
		"languages": lang.L("Working languages"), "roles": lang.L("Roles"),
		"consent_date": lang.L("Consent to be listed"), "organisation_id": lang.L("Organisation"),
		"title": lang.L("Title"), "status": lang.L("Status"), "first_day": lang.L("First day"),
		"last_day": lang.L("Last day"), "venue": lang.L("Venue"), "pillars": lang.L("Pillars"),
		"topics": lang.L("Topics"), "completion": lang.L("Completion rule (% of days)"),
		"target_sectors": lang.L("Target sectors"), "organisers": lang.L("Organisers"),
		"funders": lang.L("Funders"), "trainers": lang.L("Trainers"), "value": lang.L("Value"),
		"question_id": lang.L("Question"), "narrative": lang.L("Answer"), "yes_no": lang.L("Yes or no"),
	}
	if l, ok := labels[field]; ok {
		return l
	}
	return field
}

// showHistory opens the history of one record.
func showHistory(e *env, name, id string) {
	if id == "" {
		return
	}
	changes, err := e.store.History(context.Background(), id)
	if err != nil {
		dialog.ShowError(err, e.win)
		return
	}
	lines := historyLines(changes, func(field, id string) string {
		ctx := context.Background()
		if field == "trainers" {
			if c, err := e.store.Contact(ctx, id); err == nil {
				return c.Name
			}
		} else if o, err := e.store.Organisation(ctx, id); err == nil {
			return o.Name
		}
		return lang.L("a record no longer in the register")
	})
	list := widget.NewList(func() int { return len(lines) },
		func() fyne.CanvasObject { return widget.NewLabel("") },
		func(i widget.ListItemID, o fyne.CanvasObject) {
			l := o.(*widget.Label)
			l.SetText(lines[i])
			l.TextStyle.Bold = !strings.HasPrefix(lines[i], "    ")
			l.Refresh()
		})
	d := dialog.NewCustom(lang.L("History of")+" "+name, lang.L("Close"), container.NewStack(list), e.win)
	d.Resize(fyne.NewSize(760, 520))
	d.Show()
}
