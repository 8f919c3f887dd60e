package data

import (
	"sort"
	"sync"

	"github.com/nyaruka/phonenumbers"
	"golang.org/x/text/language"
	"golang.org/x/text/language/display"
)

var (
	countriesOnce sync.Once
	countries     []Code
)

// Countries is the ISO 3166 alpha-2 code list (the regions that have a phone
// numbering plan), with English names, sorted by name.
func Countries() []Code {
	countriesOnce.Do(func() {
		names := display.English.Regions()
		for region := range phonenumbers.GetSupportedRegions() {
			r, err := language.ParseRegion(region)
			if err != nil {
				continue
			}
			name := names.Name(r)
			if name == "" {
				name = region
			}
			countries = append(countries, Code{Code: region, Label: name})
		}
		sort.Slice(countries, func(i, j int) bool { return countries[i].Label < countries[j].Label })
	})
	return countries
}
