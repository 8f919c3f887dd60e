package locale

import (
	"github.com/go-playground/locales"
	"github.com/go-playground/locales/am"
	"github.com/go-playground/locales/ar"
	"github.com/go-playground/locales/az"
	"github.com/go-playground/locales/bg"
	"github.com/go-playground/locales/bn"
	"github.com/go-playground/locales/bs"
	"github.com/go-playground/locales/cs"
	"github.com/go-playground/locales/da"
	"github.com/go-playground/locales/de"
	"github.com/go-playground/locales/el"
	"github.com/go-playground/locales/en_GB"
	"github.com/go-playground/locales/en_US"
	"github.com/go-playground/locales/es"
	"github.com/go-playground/locales/et"
	"github.com/go-playground/locales/fa"
	"github.com/go-playground/locales/fi"
	"github.com/go-playground/locales/fr"
	"github.com/go-playground/locales/ha"
	"github.com/go-playground/locales/he"
	"github.com/go-playground/locales/hi"
	"github.com/go-playground/locales/hr"
	"github.com/go-playground/locales/hu"
	"github.com/go-playground/locales/hy"
	"github.com/go-playground/locales/id"
	"github.com/go-playground/locales/it"
	"github.com/go-playground/locales/ka"
	"github.com/go-playground/locales/kk"
	"github.com/go-playground/locales/ky"
	"github.com/go-playground/locales/lt"
	"github.com/go-playground/locales/lv"
	"github.com/go-playground/locales/mk"
	"github.com/go-playground/locales/nb"
	"github.com/go-playground/locales/nl"
	"github.com/go-playground/locales/pl"
	"github.com/go-playground/locales/pt"
	"github.com/go-playground/locales/ro"
	"github.com/go-playground/locales/ru"
	"github.com/go-playground/locales/sk"
	"github.com/go-playground/locales/sl"
	"github.com/go-playground/locales/sq"
	"github.com/go-playground/locales/sr"
	"github.com/go-playground/locales/sv"
	"github.com/go-playground/locales/sw"
	"github.com/go-playground/locales/tg"
	"github.com/go-playground/locales/th"
	"github.com/go-playground/locales/tr"
	"github.com/go-playground/locales/uk"
	"github.com/go-playground/locales/ur"
	"github.com/go-playground/locales/uz"
	"github.com/go-playground/locales/vi"
	"github.com/go-playground/locales/zh"
)

// calendars are the CLDR data of dates and numbers for the languages a
// translation file may add: the UN's six, those of Europe and Central
// Asia, and the widest spoken elsewhere. A language missing here still
// translates; its dates and numbers are written as in British English.
var calendars = map[string]func() locales.Translator{
	"en-GB": en_GB.New,
	"en-US": en_US.New,
	"fr":    fr.New,
	"es":    es.New,
	"ru":    ru.New,
	"pt":    pt.New,
	"ar":    ar.New,
	"zh":    zh.New,
	"uk":    uk.New,
	"ro":    ro.New,
	"de":    de.New,
	"it":    it.New,
	"tr":    tr.New,
	"ka":    ka.New,
	"hy":    hy.New,
	"az":    az.New,
	"kk":    kk.New,
	"uz":    uz.New,
	"ky":    ky.New,
	"tg":    tg.New,
	"sq":    sq.New,
	"sr":    sr.New,
	"mk":    mk.New,
	"bg":    bg.New,
	"el":    el.New,
	"pl":    pl.New,
	"hu":    hu.New,
	"cs":    cs.New,
	"sk":    sk.New,
	"sl":    sl.New,
	"hr":    hr.New,
	"bs":    bs.New,
	"et":    et.New,
	"lv":    lv.New,
	"lt":    lt.New,
	"fi":    fi.New,
	"sv":    sv.New,
	"nl":    nl.New,
	"da":    da.New,
	"nb":    nb.New,
	"id":    id.New,
	"vi":    vi.New,
	"th":    th.New,
	"hi":    hi.New,
	"bn":    bn.New,
	"sw":    sw.New,
	"am":    am.New,
	"ha":    ha.New,
	"fa":    fa.New,
	"ur":    ur.New,
	"he":    he.New,
}
