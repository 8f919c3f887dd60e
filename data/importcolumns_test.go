package data

import (
	"strings"
	"testing"
)

func TestGuessMapping(t *testing.T) {
	for _, tc := range []struct {
		headings string
		want     string
	}{
		{"Organisation|Name|Position|E-mail|Phone|Sector", "organisation.name|contact.name|contact.position|contact.emails|contact.phones|organisation.sector"},
		{"Nom|Prénom|Fonction|Organisme|Téléphone|Courriel|Secteur", "contact.family_name|contact.given_name|contact.position|organisation.name|contact.phones|contact.emails|organisation.sector"},
		{"Nom|Organisme|Téléphone", "contact.name|organisation.name|contact.phones"},
		{"Nombre|Apellidos|Institución|Cargo|Correo electrónico|Teléfono móvil", "contact.given_name|contact.family_name|organisation.name|contact.position|contact.emails|contact.phones"},
		{"ФИО|Организация|Должность|Телефон|Эл. почта|Пол", "contact.name|organisation.name|contact.position|contact.phones|contact.emails|contact.sex"},
		{"Фамилия|Имя|Ведомство", "contact.family_name|contact.given_name|organisation.name"},
		{"Full name|First name|Last name|Phone|Mobile", "contact.name|||contact.phones|"},
		{"  E-MAIL  |Website|Remarks|Colour", "contact.emails|organisation.website|contact.notes|"},
	} {
		got := strings.Join(GuessMapping(strings.Split(tc.headings, "|")), "|")
		if got != tc.want {
			t.Errorf("%s\n got %s\nwant %s", tc.headings, got, tc.want)
		}
	}
}
