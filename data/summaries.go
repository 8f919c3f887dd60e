package data

// The kinds of summary the History keeps (Summary), each declared once:
// the English template is the key of its translations (or, named apart,
// their English words), which the test of en.json collects from these
// calls. Placeholders are named as
// summaryArgKinds says ({{.Entity}} a kind of record, {{.Count}} a count,
// {{.From}} and {{.To}} days, {{.Status}} a participant's status,
// {{.Change}} the change an Undo or a Redo takes back); the others are
// words. Older versions wrote the same sentences with a kind of record's
// code ("Edit plan_action “…”"); parseSummary reads those too.
var (
	sumAdd     = summaryKey("Add {{.Entity}} “{{.Name}}”")
	sumEdit    = summaryKey("Edit {{.Entity}} “{{.Name}}”")
	sumArchive = summaryKey("Archive {{.Entity}} “{{.Name}}”")
	sumRestore = summaryKey("Restore {{.Entity}} “{{.Name}}”")
	sumMerge   = summaryKey("Merge {{.Entity}} “{{.Name}}” into “{{.Into}}”")

	sumUndo = summaryNamed("history.undo", "Undo: {{.Change}}")
	sumRedo = summaryNamed("history.redo", "Redo: {{.Change}}")

	sumCountry          = summaryKey("Change the country")
	sumCertTemplate     = summaryKey("Change the certificate template")
	sumDataChecks       = summaryKey("Change the data checks")
	sumImportFile       = summaryKey("Import from “{{.File}}”")
	sumSampleRegister   = summaryKey("Load sample register")
	sumSampleCourses    = summaryKey("Load sample courses")
	sumUpgradeReference = summaryKey("Upgrade: references to records no longer in the register left out")

	sumAddParticipant  = summaryKey("Add {{.Name}} to course “{{.Course}}”")
	sumAddParticipants = summaryPlural("Add {{.Count}} participant to course “{{.Course}}”",
		"Add {{.Count}} participants to course “{{.Course}}”")
	sumQuickAdd     = summaryKey("Add new participant “{{.Name}}” to course “{{.Course}}”")
	sumCorrectOrg   = summaryKey("Correct the organisation of “{{.Name}}” on a course to “{{.Organisation}}”")
	sumMove         = summaryKey("Move contact “{{.Name}}” to “{{.Organisation}}”")
	sumAttendance   = summaryKey("Attendance of course “{{.Course}}”")
	sumCertificates = summaryKey("Issue certificates of course “{{.Course}}”")
	sumStatus       = summaryKey("Status of “{{.Name}}” on a course: {{.Status}}")
	sumStatuses     = summaryPlural("Status of {{.Count}} participant of a course: {{.Status}}",
		"Status of {{.Count}} participants of a course: {{.Status}}")
	sumTakeOut = summaryKey("Course “{{.Course}}” taken out from “{{.Device}}”")

	sumStatistics   = summaryKey("Statistics of {{.Year}}")
	sumContribution = summaryKey("Import the contribution of “{{.Organisation}}” ({{.File}})")
	sumReopen       = summaryKey("Reopen the reply of {{.From}} to {{.To}} as a new draft")
	sumCopyAnswers  = summaryPlural("Copy {{.Count}} answer from an earlier reply",
		"Copy {{.Count}} answers from an earlier reply")
	sumProgress = summaryKey("Progress of “{{.Activity}}”")
	sumReceive  = summaryKey("Receive changes from “{{.Device}}”")
)
