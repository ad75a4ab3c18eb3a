# kap's own words: English. Every id here exists in fr-CA.ftl and pt-BR.ftl
# with the same variables (tests/i18n_catalogues.rs checks it).

## Dates

weekday-1 = Mon
weekday-2 = Tue
weekday-3 = Wed
weekday-4 = Thu
weekday-5 = Fri
weekday-6 = Sat
weekday-7 = Sun
month-1 = Jan
month-2 = Feb
month-3 = Mar
month-4 = Apr
month-5 = May
month-6 = Jun
month-7 = Jul
month-8 = Aug
month-9 = Sep
month-10 = Oct
month-11 = Nov
month-12 = Dec
date-short = { $weekday } { $day } { $month }

## Keys (footer and help)

key-acknowledge-alert = acknowledge alert
key-alarm-sound-pause-capped-asks-why = alarm sound: pause (capped, asks why) or resume
key-re-create-the-vanished-session-folder = re-create the vanished session folder
key-start = start
key-pause-resume = pause/resume
key-stop-early = stop early
key-music-on-off = music on/off
key-check-in-done = check-in done
key-start-debrief-now = start debrief now
key-music-or-support = music or support
key-close-session = close session
key-answer-tick = answer/tick
key-choose-a-prompt = choose a prompt
key-tick-or-untick = tick or untick
key-next-phase = next phase
key-vitals = vitals
key-note = note
key-help = help
key-look-back-at-earlier-phases = look back at earlier phases
key-record-a-timed-measure-that-is = record a timed measure that is due
key-end-session-early-asks-a-reason = end session early (asks a reason)
key-timeline-everything-in-order-correct-an = timeline: everything in order; correct an entry
key-who-is-entering-the-next-clinician = who is entering: the next clinician present
key-consent-withdrawn-stops-the-infusion-asks = consent withdrawn (stops the dosing; asks a reason)
key-edit-the-course-s-goals = edit the course's goals
key-next-theme = next theme
key-chimes-on-off-due-vitals-alerts = chimes on / off (due vitals, alerts)
key-next-track = next track
key-leave-kap-session-stays-open = leave kap (session stays open)
key-music-volume = music volume
key-simulated-time-faster-slower = simulated time faster / slower
key-pause-resume-simulated-time = pause / resume simulated time
key-cycle-the-monitor-s-bp-cuff = cycle the monitor's BP cuff
key-save-text = save text
key-stop-editing-asks-before-discarding = stop editing (asks before discarding)
key-new-line = new line
key-save-the-note = save the note
key-to-the-quick-tags-and-back = to the quick tags and back; Space ticks one
key-in-the-tag-row-tick-that = in the tag row: tick that tag (typed text is always text)
key-next-previous-field = next / previous field
key-addendum-to-the-signed-record-asks = addendum to the signed record (asks the text and why)
key-timeline = timeline
key-resume-the-unfinished-session-shown = resume the unfinished session shown
key-leave-kap = leave kap

## Help: the groups of keys

keys-group-session = Anywhere in a session
keys-group-prompts = Prompts
keys-group-dosing = Dosing
keys-group-intentions = Intentions
keys-group-last = Discharge
keys-group-alert = Alerts
keys-group-real = Real sessions
keys-group-rehearsal = Rehearsal
keys-group-simulator = Rehearsal with a scenario
keys-group-vanished = Session folder gone
keys-group-editing = Editing text
keys-group-note = Note
keys-group-start = Start screen
keys-group-closed = Closed session

## The screen's frame

screen-too-small = Please enlarge the window to at least { $need } (it is { $have }). Your session is saved and carries on.
header-closed = Closed
header-maintenance = { $protocol } maintenance { $session }
header-not-saved = NOT SAVED
header-saved-at = saved { $time }
header-saved = saved
header-rehearsal = REHEARSAL ×{ $speed }

## Protocol words

route-iv-infusion = IV infusion
route-im-bolus = IM bolus
route-sublingual = sublingual
route-intranasal = intranasal
route-dose-iv-infusion = IV infusion
route-dose-im-bolus = IM bolus
route-dose-sublingual = sublingual
route-dose-intranasal = intranasal
goals-smart-behavioural = SMART behavioural goals
goals-of-care = goals of care
goals-other = goals
session-label = session { $session } of { $sessions }
session-label-maintenance = maintenance session { $session }

## Dose arithmetic and refusals

dose-error-not-in-course = session { $session } is not in this course (sessions 1 to { $sessions })
dose-error-weight = a weight of { $weight } kg is not a plausible adult weight ({ $low }–{ $high } kg); check the entry
dose-error-out-of-range = { $dose } mg/kg is outside the protocol's range for session { $session } ({ $min }–{ $max } mg/kg); refused
dose-error-needs-choice = the protocol gives a range of { $min }–{ $max } mg/kg for session { $session } and no default: choose the mg/kg
dose-error-fixed = this session has a fixed dose of { $mg } mg; a mg/kg cannot be chosen
dose-error-stepped = this session's dose is given in steps the protocol sets ({ $total } mg/kg in all); a mg/kg cannot be chosen
dose-line-fixed = fixed dose { $mg } mg ({ $per_kg } mg/kg at { $weight } kg)
dose-line-weight = { $weight } kg × { $per_kg } mg/kg = { $mg } mg
dose-line-rounded-down = rounded down to a multiple of { $step } mg = { $mg } mg, to stay within the range's maximum
dose-line-rounded = rounded to the nearest { $step } mg = { $mg } mg
dose-line-capped = capped at the protocol's maximum of { $mg } mg for this session
dose-line-protocol-dose = { $per_kg } mg/kg is this session's protocol dose
dose-line-in-range = { $per_kg } mg/kg is inside this session's range { $min }–{ $max } mg/kg
dose-line-rate = { $ml } mL over { $minutes } min = { $rate } mL/h
dose-step-head = step { $step } of { $steps }, { $label }:
dose-step-fixed = fixed { $mg } mg
dose-step-total = total { $parts } mg = { $mg } mg ({ $per_kg } mg/kg) over { $minutes } min

## The course's schedule

window-from = session { $session } ({ $label }): from { $date }
window-aim = , aim { $dates }
window-latest = , at the latest { $date }

## The start screen

start-need-patient = enter the patient's pseudonymous id
start-need-clinician = name the clinician present (the protocol requires one throughout: { $source })
start-clinician-control = a clinician's name cannot hold control characters
start-need-session = enter the course session number (1 to { $sessions })
start-need-session-maintenance = enter the session number (1 to { $sessions }, or later for a maintenance session)
start-need-weight = enter the weight in kg
start-bad-mg-per-kg = "{ $text }" is not a number of mg/kg
start-field-patient = Patient (pseudonymous id)
start-field-session = Course session number
start-field-weight = Weight (kg)
start-field-mg-per-kg = mg/kg (inside the session's range)
start-field-clinicians = Clinicians present (name, role; …)
start-title-session = New session — { $protocol } ({ $sessions ->
    [one] { $sessions } session
   *[other] { $sessions } sessions
})
start-title-rehearsal = New rehearsal — { $protocol } ({ $sessions ->
    [one] { $sessions } session
   *[other] { $sessions } sessions
})
start-enter-starts = Enter starts the session.
start-range-default = , default { $dose }
start-course-so-far = { $count ->
    [one] Session held so far
   *[other] Sessions held so far
}: { $sessions }
start-already-held = Session { $session } has already been held.
start-course-damaged = Session { $session }: { $verdict } — kap verify names what is wrong.
course-left-out = { $folder } could not be read and is left out: { $why }
start-left-out-more = { $count ->
    [one] …and 1 more folder left out (kap verify names each).
   *[other] …and { $count } more folders left out (kap verify names each).
}
start-on-target = Today is on target: { $window }
start-off-target = Today is allowed but off target: { $window }
start-too-early = Today is { $days ->
    [one] 1 day
   *[other] { $days } days
} too early — { $window } — a reason will be asked
start-too-late = Today is { $days ->
    [one] 1 day
   *[other] { $days } days
} late — { $window } — a reason will be asked
# The course as one object (#30): what is due or overdue, the session-number
# checks at the start, kap course.
course-head = Course { $held }/{ $sessions }
course-from = from { $date }
course-what-first = session 1: no window before the first dose
course-what-next = session { $session }: { $dates }
course-what-maintenance = maintenance { $session }: { $dates }
course-what-integration = integration after session { $session }: { $dates }
course-what-ended = course ended { $date }
course-what-end-by = course ends by { $date } at the latest
course-what-end-open = course end: no last day set
course-state-ahead = , not open yet
course-state-open = , open now
course-state-past-target = , { $days ->
    [one] 1 day
   *[other] { $days } days
} past target
course-state-overdue = , OVERDUE by { $days ->
    [one] 1 day
   *[other] { $days } days
}
course-state-closed = , window closed with no integration visit recorded
course-state-done = , done
course-check-repeat = Session { $session } was already held on { $date }.
course-check-gap = { $count ->
    [one] Session { $missing } was
   *[other] Sessions { $missing } were
} never held before session { $session }.
course-check-early-maintenance = Maintenance session { $session } before the course ends: { $held } of { $sessions } sessions held.
course-check-other-protocol = A dose under { $protocol } (session { $session }) on { $date }, { $days ->
    [one] 1 day
   *[other] { $days } days
} ago.
course-check-refused = Refused by the protocol ({ $source }): { $what }
course-check-ask = { $what } A reason is needed to start.
reason-course = Session number off the course — reason
cli-course-encounters = Sessions, oldest first:
cli-course-encounter = { $date }  { $session }  { $state }  { $id }
cli-course-held = held
cli-course-not-held = no dose
cli-course-note = reason given at the start: { $reason }
cli-course-due = Due or overdue today ({ $today }):
cli-course-goals = Goals ({ $kind }), as they changed:
cli-course-goals-set = set in session { $session } on { $date }:

## Outcome measures (protocol checks, the self-report screen, kap course)

pv-outcome-no-english = the English words (en) are required
pv-outcome-no-choices = an instrument needs at least one [[choice]]
pv-outcome-value-twice = choice value { $value } is given twice
pv-outcome-no-items = an instrument needs at least one [[item]]
pv-outcome-band = band { $min }–{ $max } does not follow on: the next band must start at { $from } and end by { $top }, the highest total
pv-outcome-bands-short = the bands stop before the highest total: { $from } to { $top } is in none
pv-outcome-measure-twice = the measure "{ $id }" is named twice
pv-outcome-unknown = no instrument "{ $id }" in this file or among those kap ships (known: { $known })
pv-outcome-no-when = a measure needs at least one `when` (the phase it is given in)
pv-outcome-during-dose = a measure is not given during the dose: name the check-in, integration or discharge phase
pv-outcome-no-phase = this protocol has no phase with role "{ $role }"
pv-outcome-response = reduction_over_percent = { $value } cannot be met or means nothing: give 1 to 99
pv-outcome-remission = below = { $value } is outside the totals: give { $lo } + 1 to { $hi }
outcome-answer-count = { $answers } answers for { $items } items
outcome-not-a-choice = item { $item }: { $value } is not one of its choices
ref-outcome-not-in-course = "{ $instrument }" is not one of this protocol's outcome measures
ref-outcome-no-phase = no phase "{ $phase }" in this protocol
event-kind-outcome-completed = outcome measure
tl-outcome = { $name } answered by the { $who ->
    [patient] patient
   *[clinician] clinician
}: total { $total } { $band }
key-self-report-open = hand the laptop to the patient (questionnaire)
key-self-report-choose = answer with the choice's number
key-self-report-back = previous question
key-self-report-leave = give the laptop back to the clinician
key-self-report-leave-or-stay = leave (answers not kept) or stay
key-self-report-hand-back = hand back to the clinician
keys-group-self-report = The patient's questionnaire
keys-group-self-report-leaving = The patient's questionnaire, leaving early
keys-group-self-report-done = The patient's questionnaire, answered
reader-word-questionnaire = questionnaire
self-report-progress = { $name } · question { $item } of { $items }
self-report-leave-question = Give the laptop back now? Your answers so far will not be kept. { $yes } leave · { $no } stay
self-report-call-clinician = Please hand the laptop back to the clinician now.
self-report-thanks = Thank you. Please hand the laptop back.
rating-done = Rating complete. Enter returns to the session.
rating-leave-question = Stop this rating? The answers so far will not be kept. { $yes } stop · { $no } go on
rating-alarm-waiting = An alarm waits in the session: finish or stop the rating to see it.
phase-outcomes = Questionnaires here: { $list } · Q hands the laptop to the patient
outcome-given = { $name } (given)
reader-phase-outcomes = Questionnaires in this phase: { $list }. Type { $word } to hand the laptop to the patient.
reader-phase-outcomes-replay = Questionnaires in this phase: { $list }.
flash-no-outcome-here = No outcome measure is given in { $phase } in this session.
flash-outcome-saved = { $name } saved: total { $total } { $band }.
flash-outcome-baseline = Baseline { $baseline } (session { $session }): { $change } ({ $percent } %).
flash-outcome-flagged = Question { $item } was answered "{ $answer }": ask about it now.
flash-outcome-not-saved = { $name } was not finished: nothing was saved.
cli-protocol-outcomes = Outcome measures:
cli-protocol-outcome = { $name }, given at: { $when }
cli-protocol-outcome-rules = response: { $response }; remission: { $remission }
outcome-when-every = { $phase } (every session)
outcome-when-sessions = { $phase } ({ $count ->
    [one] session
   *[other] sessions
} { $sessions })
cli-course-outcomes = Outcome measures:
cli-course-chart-reader = The chart is left out for a screen reader: the list above says every score, response and remission.
cli-course-outcome-head = { $name } (response: { $response }; remission: { $remission })
cli-course-outcome-row = { $date }  { $session }  { $phase }  { $total } { $band }  { $change }
outcome-response-rule = more than { $percent } % below baseline
outcome-remission-rule = below { $below }
outcome-rule-none = not set
outcome-none-recorded = none recorded yet
outcome-baseline = baseline
outcome-change = { $change } ({ $percent } %)
outcome-response-at = Response at session { $session }.
outcome-remission-at = Remission at session { $session }.
outcome-no-response = No response yet.
outcome-no-remission = No remission yet.
outcome-other-version = Some answers were given with version { $given } of the instrument; they are scored with version { $version }.
outcome-chart-total = total
outcome-chart-response = response threshold
outcome-chart-remission = remission threshold
outcome-chart-sessions = session
outcome-chart-legend = ● total   ╌ response threshold   · remission threshold

cli-help-kap-course = A patient's whole course: every session in order, what is due or overdue, the goals as they changed
cli-help-kap-course--patient = Pseudonymous patient id
cli-help-kap-course--protocol = Only the course under this protocol id (default: all)
cli-help-kap-course--rehearsal = Rehearsal records instead of real ones
cli-help-kap-course--chart = Draw each outcome measure's scores as a chart, the width of the terminal
cli-help-kap-course--json = Print the course as JSON
cli-protocol-preparation = Preparation ({ $source }):
cli-protocol-integration = Integration ({ $source }):
cli-protocol-psychotherapy = Concomitant psychotherapy: { $text }
start-site-not-reviewed = The site has not signed off this protocol's alarm limits and other site-set values.
start-unfinished = Unfinished: session { $session } started { $started } ({ $entries ->
    [one] { $entries } entry
   *[other] { $entries } entries
}). Ctrl-R resumes it.

## Words kap uses everywhere

duration-min = { $min } min
duration-s = { $sec } s
duration-min-s = { $min } min { $sec } s
metric-systolic = systolic BP
metric-diastolic = diastolic BP
metric-hr = heart rate
metric-spo2 = SpO₂
step-describe = step { $step } of { $steps }, { $label }

## The infusion screen

dosing-not-started = { $what ->
    [infusion] infusion
   *[observation] observation
} not started
dosing-running = { $what ->
    [infusion] infusion
   *[observation] observation
} running since { $since }
dosing-paused = { $what ->
    [infusion] infusion
   *[observation] observation
} PAUSED: { $reason }
dosing-complete = { $what ->
    [infusion] infusion
   *[observation] observation
} complete at { $at }
dosing-stopped = { $what ->
    [infusion] infusion
   *[observation] observation
} STOPPED: { $reason }
step-then = then { $next } in { $left }
step-last = the last step
steps-first = { $steps } steps; the first: { $first }
timer-elapsed-of = elapsed of { $planned }  ·  { $left } left
timer-elapsed-of-stopped = elapsed of { $planned }  ·  stopped early
timer-elapsed = elapsed
vitals-next = Next { $what } due in { $wait }
vitals-due = { $what } DUE now — window closes in { $left }
vitals-overdue = { $what } OVERDUE by { $late }
vitals-start-with-infusion = { $what ->
   *[infusion] Vitals prompts start with the infusion
    [bolus] Vitals prompts start with the dose
}
measure-in = { $measure } in { $wait }
measure-due = { $measure } DUE (r)
measure-overdue = { $measure } OVERDUE (r)
repeat-to-confirm = Repeat { $metric } at { $at } to confirm ({ $metric } { $value })
music-word = music
music-playing = { $name } playing for { $since }
checkin-within = No music: check in within { $wait }
checkin-due = Gentle check-in due (c when done)
checkin-overdue = Check-in overdue (c when done)
support-chosen = Support: { $support }
debrief-clock = Debrief clock { $clock } — → to move on
this-phase-keys = this phase (↑↓ Enter)
table-time = time
table-bp = BP
table-hr = HR
table-vitals-title = vitals
chart-trend-title = trend (min since start)
chart-legend-sys = sys
chart-legend-dia = dia
chart-legend-hr = HR
priority-low = LOW
priority-medium = MEDIUM
priority-high = HIGH

## Alarms

alarm-state-active = ACTIVE
alarm-state-latched = LATCHED
alarm-state-acknowledged = acknowledged
alarm-state-reminder = REMINDER
alarm-state-resolved = resolved
alarm-state-in-error = entered in error
alarm-state-withdrawn = withdrawn
alert-headline-above = { $metric } { $value } above { $limit } ({ $source })
alert-headline-below = { $metric } { $value } below { $limit } ({ $source })
alert-limit-detail = limit { $limit }: { $source } — protocol rule { $rule }
alarm-title = { $priority } ALARM { $id }
alarm-at = { $what } at { $at }
alarm-unacknowledged = UNACKNOWLEDGED { $waited }
alarm-latched-note = (value back in range; still to acknowledge)
alarm-ack-key = acknowledge
alarm-more = … and { $count ->
    [one] 1 more alarm
   *[other] { $count } more alarms
}
vitals-due-banner = Vitals due now — v to enter them (window closes in { $left })
vitals-overdue-alarm = MEDIUM TECHNICAL ALARM  VITALS OVERDUE
vitals-overdue-by = by { $late } — v to enter them
alarm-sound-paused = Alarm sound paused { $left } — { $reason } (z resumes)

## Phase screens

debrief-clock-title = debrief clock { $clock }
debrief-clock-not-started = debrief clock not started
phase-clock = in this phase { $clock }
phase-aim = { " " }— aim { $min }–{ $max } min
measure-at-minute = at { $minute } min
measure-with-vitals = with each vitals prompt
measure-before-closing = before closing
no-earlier-session = No earlier session in this course.
more-below = more below: ↓
last-time = Last time: session { $session } on { $date }
reader-course-held = Sessions held: { $sessions }.
reader-course-goals = Goals so far: { $goals }.
earlier-note = note { $at } { $text }
goals-count = Goals ({ $kind }): { $count } of at least { $min } — g edits
last-session-of-course = This is the last session of the course.
next-if-responder = If a responder: { $window }
next-session = Next: { $window }
integration-due-within = Integration due within { $min }–{ $max } h of today's dose.
music-playlist = Music: playlist { $playlist }
music-none-support = No music — { $support }
music-not-chosen = Music not chosen yet (press m)
last-vitals = Last vitals { $at }: { $reading }
before-closing = Before closing:
before-moving-on = Before moving on:
required-open = { $count ->
    [one] 1 required item open (* above)
   *[other] { $count } required items open (* above)
}
arrow-asks-reason = → asks for a reason to skip
part-of = { $part } of { $whole }

## The closed screen

closed-ended-early = Session ended early: { $reason }
closed-closed = Session closed.
closed-record = Record:  { $path }
closed-summary = Summary: { $path }
closed-summary-failed = The summary could not be written ({ $error }); the journal is complete.
closed-counts = { $vitals ->
    [one] { $vitals } vitals set
   *[other] { $vitals } vitals sets
} · { $notes ->
    [one] { $notes } note
   *[other] { $notes } notes
} · { $alerts ->
    [one] { $alerts } alert
   *[other] { $alerts } alerts
} · given { $given }
closed-trainee-report = Trainee report
closed-report = Report: { $path }
closed-report-failed = The report could not be written: { $error }
closed-press-q = Press q to leave kap.
closed-signed-by = Signed by { $who } at { $at }
no-clinician-named = (no clinician named)
closed-addenda = { $count ->
    [one] 1 addendum
   *[other] { $count } addenda
}

## Session screens

folder-gone-alarm = HIGH TECHNICAL ALARM — THE SESSION FOLDER IS GONE: NOT SAVED
folder-recreate = re-create it from the open journal
folder-recreate-note = (every saved entry is kept); until then, write on paper.
not-saved-alarm = HIGH TECHNICAL ALARM — THE LAST ENTRY WAS NOT SAVED — the disk refused it.
not-saved-paper = Write entries on paper until this is fixed; kap tries again with each entry.
monitor-nibp = NIBP { $value } at { $at }
monitor-nibp-none = NIBP --- (b cycles the cuff)
monitor-spo2-none = SpO₂ -- (no signal)
monitor-title = MONITOR
monitor-patient = Patient: { $said }
goals-editor-title = Goals, one per line (at least { $min })
editor-keys = Ctrl-S save · Esc stop editing
looking-back = (looking back — → to return)
vitals-line-label = Vitals
vitals-line-hint = press v, then e.g. 128/82 76 97  ·  bp 130/85  ·  hr 80  ·  spo2 95
nothing-to-record = Nothing to record in this phase.

## The session summary (summary.md)

sum-rehearsal-banner = REHEARSAL — simulated patient, not a clinical record.
sum-title = { $session } — patient { $patient }
sum-protocol = Protocol: { $name } (v{ $version })
sum-date = Date: { $date }, started { $time } (UTC{ $offset })
sum-dose = Dose: { $mg } mg { $route }
sum-clinicians = Clinicians present: { $names }
sum-outside-window = Held outside the protocol's date window: { $note }
sum-ended-early = Ended early at { $at }: { $reason }
sum-closed-signed = Closed and signed at { $at } by { $by }
sum-closed-at = Closed at { $at }
sum-not-closed = Not closed (record interrupted)
sum-h-infusion = { $what ->
   *[infusion] Infusion
    [bolus] Dose and observation
}
sum-not-started = Not started.
sum-started = Started { $at }
sum-paused = Paused { $from }–{ $to }: { $reason }
sum-stopped-early = Stopped early { $at }: { $reason }
sum-completed = Completed { $at }
sum-running-time = Running time { $time }
sum-consent-withdrawn = Consent withdrawn { $at }: { $reason }
sum-given = Given: { $given }
sum-given-partial = Given: { $given } planned — worked out from the recorded start, pauses and stop at the planned rate
sum-h-vitals = Vital signs
sum-none-recorded = None recorded.
sum-h-alerts = Alerts
sum-alarms-by-priority = Alarms by priority: { $counts }.
sum-acknowledged = acknowledged { $at } (first after { $after })
sum-not-acknowledged = NOT acknowledged
sum-ack-not-needed = not acknowledged: no longer an alarm
sum-alarm-in-error = raised by a reading entered in error ({ $reason })
sum-alarm-withdrawn = withdrawn at { $at }: entry { $entry }, taken earlier, shows it was no alarm
sum-alarm-line = { $at } { $headline } ({ $priority }): { $action }; { $ack }.
sum-h-music = Music
sum-playlist = Playlist: { $playlist }
sum-no-music = No music; support: { $support }
sum-music-not-chosen = Not chosen
sum-played = Played { $from }–{ $to }
sum-track = { $at } track: { $track }
sum-music-problem = { $at } problem: { $problem }
sum-music-stopped = Stopped { $at }: { $reason }
sum-music-stopped-by-clinician = Stopped { $at } by the clinician
music-stop-device-failed = audio device failed: { $error }
music-stop-device-simulated = music device failed (simulated)
sum-checkins = Check-ins without music: { $times }
sum-h-goals = Goals ({ $kind })
sum-h-notes = Notes
sum-h-phases = Phases
sum-not-reached = Not reached.
sum-moved-on-without = Moved on at { $at } without: { $items } — reason: { $reason }
sum-integration-due = Integration due between { $from } and { $to } ({ $min }–{ $max } h after the dose).
sum-h-record = Record
sum-seal = This summary was written from journal entries 1 to { $last }; the SHA-256 of entry { $last }'s line is { $hash }.
priority-word-low = low
priority-word-medium = medium
priority-word-high = high

## Dialogs

reason-pause = Pause the infusion — reason
reason-stop = Stop the infusion early — reason
reason-skip = Move on without the required items — reason
reason-abandon = End the session early — reason
reason-schedule = Outside the protocol's date window — reason
reason-withdraw = Consent withdrawn — what the patient said
reason-audio-pause = Pause alarm sound — minutes, then why (e.g. 2 repositioning)
reason-change-answer = Change a saved answer — why (the earlier text stays in the record, struck through)
hint-saves = saves
hint-acknowledges = acknowledges
hint-esc-again = Esc again discards what you typed · Enter { $enter }
hint-enter-esc = Enter { $enter } · Esc cancels
ack-hint = What was done (optional), then Enter
ack-title = Acknowledge alert { $alert }
confirm-quit-title = Leave kap?
confirm-quit-text = Everything saved stays saved; an open session can be resumed.
confirm-quit-keys = y leave · n stay
confirm-discard-title = Unsaved text
confirm-discard-text = The answer has changes that are not saved.
confirm-discard-keys = y save · n discard · Esc keep editing
music-dialog-title = Music or support (Enter chooses, p previews, Esc cancels)
note-tags = Tags:
note-tags-hint = ←→ choose · Space ticks · Tab back to the text · Enter saves
note-hint = Enter saves · Tab to the quick tags · Esc cancels
note-title = Note at this minute
correct-value-label = The right value (leave empty if the entry was made in error)
correct-reason-label = Why the entry is corrected
addendum-text-label = The addendum
addendum-reason-label = Why it is added after signing
correct-title = Correct entry { $entry }
addendum-title = Addendum to the signed record
signoff-by = Signed by { $who }. After this only addenda can be added.
signoff-nothing-open = Nothing is left open.
signoff-still-open = Still open:
signoff-keys = y sign and close · n not yet
signoff-title = Sign and close the session
end-early-title = End the session early
end-early-keys = y go on (the reason is asked next; ending signs the record) · n not yet
timeline-footer = { $position } · { $filter } · ↑↓ PgUp PgDn · Tab kind · e correct · Esc
timeline-everything = everything
timeline-title = Timeline

## Messages on the status line

flash-reason-needed = A reason is needed
flash-nothing-to-preview = Nothing to preview for this choice
flash-infusion-paused = Infusion paused
flash-infusion-stopped = { $what ->
   *[infusion] Infusion stopped
    [bolus] Observation ended early
}
flash-audio-pause-how = Type the minutes, then why: e.g. 2 patient being repositioned
flash-consent-withdrawn = Consent withdrawal recorded; the infusion is stopped
flash-no-alert = No alert is waiting
flash-debrief-short = “{ $phase }” lasted { $took }; the protocol aims at { $min }–{ $max } min. A note can say why (n).
strip-entering = entering: { $who }
flash-close-in-last-phase = C closes the session from its last phase, { $phase }: move on to it first (→)
flash-paste-nowhere = Nothing was pasted: no text field has focus (press n for a note, v for vitals)
flash-paste-too-long = Nothing was pasted: { $chars } characters, more than the { $max } a field takes
flash-alarm-sound-resumed = Alarm sound resumed
flash-withdraw-before-start = The infusion has not started: untick consent in the baseline phase
flash-no-measure-due = No timed measure is due
flash-addenda-after-closing = Addenda follow the closing; until then, enter it as usual
flash-sim-paused = Simulated time paused (Ctrl-P resumes)
flash-sim-running = Simulated time running
flash-chimes-on = Chimes on
flash-chimes-off = Chimes off
flash-infusion-started = { $what ->
   *[infusion] Infusion started
    [bolus] Dose given; observation started
}
flash-infusion-resumed = Infusion resumed
flash-infusion-not-running = The infusion is not running
flash-music-fading = Music fading out
flash-music-marked = Music marked as playing
flash-checkin-recorded = Check-in recorded
flash-debrief-started = Debrief clock started
flash-no-clinician = No clinician was named at the start
flash-answer-saved = Answer saved: { $prompt }
flash-answer-unchanged = No change to save: { $prompt }
flash-answer-changed = Answer changed: { $prompt } (the earlier text is kept, struck through)
flash-ticked = Ticked: { $item }
flash-unticked = Unticked: { $item }
flash-not-signed = Not signed: the session stays open
flash-music-fallback = Music: the playlist could not play; ambient fallback
flash-playlist-ended = The playlist has ended
flash-resumed = Resumed: every saved entry is back
music-no-options = No playlists in playlists/ and no supports in the protocol
flash-noted-tags = Noted { $at }: { $tags }
flash-note-saved = Note saved { $at }
flash-alert-acknowledged = Alert { $alert } acknowledged
flash-chosen = Chosen: { $choice }
flash-saved-value = Saved: { $value }
flash-previewing = Previewing "{ $title }" (25 s)
flash-no-preview = No preview: { $why }
flash-alarm-sound-paused = Alarm sound paused for { $minutes } min
flash-volume = Volume { $percent }%
flash-monitor-nibp = Monitor: NIBP { $value }
flash-sim-speed = Simulated time ×{ $speed }
flash-playing = Playing { $name }
flash-only-clinician = { $who } is the only clinician named at the start
flash-entries-by = Entries are now made by { $who }
late-entry-taken = late entry, taken { $at }
flash-no-entry = There is no entry { $entry }
flash-entry-replaced = Entry { $entry } replaced; the original is kept, struck through
flash-entry-in-error = Entry { $entry } marked entered in error; it is kept, struck through
open-required = { $item } (required)
open-alert = alert { $alert } not acknowledged
open-due = { $item } (due)
flash-addendum-saved = Addendum saved { $at }{ $who }
flash-cannot-move-on = Cannot move on: { $holds }
flash-vitals-saved = Saved { $at }  { $reading }
flash-goals-saved = Goals saved ({ $count })
flash-step-begins = { $step } begins now: set the pump
flash-outside-window = Outside the protocol's window — { $window }

## The timeline

kind-vitals = vitals
kind-notes = notes
kind-alerts = alerts
kind-infusion = dosing
kind-answers = answers
kind-phases = phases
kind-music = music
kind-corrections = corrections and addenda
tl-late-recorded = late entry, recorded { $at }
tl-mark-in-error = ENTERED IN ERROR: { $reason }
tl-mark-replaced = REPLACED by entry { $by }: { $reason }
tl-started = Session { $session } started for { $patient }; planned dose { $mg } mg
tl-answer-cleared = { $prompt }: answer cleared
tl-ticked = Ticked: { $prompt }
tl-unticked = Unticked: { $prompt }
tl-vitals = Vitals { $reading }
tl-note = Note
tl-moved-on = Moved on to { $phase }
tl-next-phase = the next phase
tl-items-skipped = open items skipped: { $reason }
tl-stopped-early = Infusion stopped early
tl-consent-withdrawn = Consent withdrawn
tl-no-music = no music
tl-music-started = Music started
tl-music-stopped = Music stopped
tl-track = Track: { $track }
tl-music-problem = Music problem: { $problem }
tl-checkin-done = Check-in done
tl-goals-set = Goals set: { $goals }
tl-closed-signed = Closed and signed
tl-ended-early = Ended early
tl-entry-in-error = Entry { $entry } marked entered in error — { $reason }
tl-entry-replaced = Entry { $entry } replaced — { $reason }; now: { $now }
tl-technical-alarm = TECHNICAL ALARM: { $text }
tech-title = { $priority } TECHNICAL ALARM { $id }
tech-no-sound-text = no alarm sound in this session ({ $why }): kap’s alarms can only be seen or, in the screen-reader mode, read
tech-no-sound-brief = no alarm sound ({ $why })
tl-technical-acknowledged = Technical alarm { $alarm } acknowledged
event-kind-technical-acknowledged = technical alarm acknowledgement
## Risk pathway (#29 item 1): the risk screen, its alarm, the safety plan, the discharge hold
event-kind-risk-screened = risk screen
event-kind-risk-acknowledged = risk alarm acknowledgement
event-kind-safety-planned = safety plan entry
event-kind-risk-hold-overridden = discharge without reassessment
risk-result-positive = Risk screen: { $score ->
        [one] { $score } point
       *[other] { $score } points
    }, POSITIVE
risk-result-negative = Risk screen: { $score ->
        [one] { $score } point
       *[other] { $score } points
    }, negative
risk-answers-only = Risk screen answers: { $answers }
tl-risk-acknowledged = Risk alarm (entry { $entry }) acknowledged
tl-plan = Safety plan, { $element }
tl-risk-overridden = Discharge without a reassessment screen
plan-warning-signs = Warning signs
plan-coping = Internal coping strategies
plan-distraction = People and social settings that distract
plan-help = People to ask for help
plan-professionals = Professionals and crisis lines
plan-environment = Making the environment safe
hold-risk-reassess = risk was raised: record a reassessment screen (!), or give a reason to discharge without one
reason-for-risk-override = discharging without a reassessment screen
reason-risk-override = Why discharge without a negative reassessment screen?
ref-risk-no-screen = this protocol declares no risk screen
ref-risk-other-screen = risk screen "{ $screen }" is not this protocol's ("{ $ours }")
ref-risk-count = { $given } answers for { $items } questions: answer every question
ref-risk-answer = question "{ $item }" has no answer { $answer } (answers 1 to { $answers })
ref-risk-no-alarm = entry { $entry } is not a positive risk screen
ref-risk-already-acknowledged = the risk alarm of entry { $entry } is already acknowledged
ref-risk-nothing-held = nothing holds the discharge: the latest risk screen is not positive
ref-plan-element = "{ $element }" is not an element of the safety plan
pv-risk-no-items = the risk screen has no items
pv-risk-positive-zero = positive_at must be 1 or more: at 0 every screen would be positive
pv-risk-never-positive = positive_at { $at } can never be reached: the items score at most { $most }
pv-risk-no-phase = "{ $phase }" is not a phase id of this protocol
pv-risk-one-choice = an item with choices needs at least two; leave choices out for yes/no
pv-risk-points = { $given } points for { $answers } answers: give one per answer
pv-risk-positive-from = answer { $from } does not exist: this item has { $answers } answers, counted from 1
key-risk-screen = risk screen
reader-word-risk = risk
risk-question = Question { $n } of { $count }
risk-hint = number: answer · Backspace: back · Esc: cancel
risk-done-hint = Enter: save · Backspace: back · Esc: cancel
risk-answered = { $n }. { $text } — { $answer }
spoken-risk-item = Risk screen, question { $n } of { $count }: { $text } Answers: { $answers }.
spoken-risk-done = { $result }. Type save to record it, or back.
reader-word-save = save
flash-risk-saved = { $result }
flash-no-risk-screen = This protocol has no risk screen.
risk-alarm-headline = Positive risk screen, { $score } points ({ $at })
## Risk pathway, continued: the safety plan dialog
key-safety-plan = safety plan
reader-word-plan = plan
plan-title = Safety plan
plan-not-written = not written
plan-from-session = { $text } (session { $session })
plan-written-count = { $n } of { $count } elements written
plan-row = { $n } { $element }: { $text }
plan-review-hint = number: write that element · Enter: the next to write · Esc: close
plan-title-element = Safety plan { $n }/{ $count }: { $element }
plan-crisis-line = Crisis lines (protocol): { $line }
plan-earlier-versions = { $n ->
    [one] 1 earlier version kept
   *[other] { $n } earlier versions kept
}
plan-enter = saves and goes on
flash-plan-saved = Safety plan: { $element } saved
spoken-plan-review = Safety plan, { $n } of { $count } elements written. { $elements }. Type an element's number to write it, an empty line for the next to write, or cancel.
spoken-plan-element = Safety plan, element { $n } of { $count }: { $element }. Now: { $now }. { $crisis }Type its text; an empty line keeps it and goes on.
risk-line-positive = RISK SCREEN POSITIVE ({ $score ->
        [one] { $score } point
       *[other] { $score } points
    }, { $at })
risk-line-reassessed = Risk reassessed: negative ({ $score ->
        [one] { $score } point
       *[other] { $score } points
    }, { $at })
risk-line-negative = Risk screen negative ({ $score ->
        [one] { $score } point
       *[other] { $score } points
    }, { $at })
risk-line-plan = safety plan { $n }/{ $count }, { $at }
risk-line-no-plan = no safety plan yet (P)
risk-offered = Risk screen offered in this phase: { $key }
sum-h-risk = Risk screen and safety plan
sum-risk-screen = Screen: { $name } ({ $id })
sum-risk-reassessment = reassessment
sum-risk-acknowledged = alarm acknowledged { $at }
sum-risk-overridden = Discharged without a negative reassessment ({ $at }): { $reason }
sum-plan-none = No safety plan written.
sum-plan-by = { $at }, { $by }
sum-plan-earlier = earlier: { $text } ({ $when })
course-risk-positive = Last risk screen POSITIVE: session { $session }, { $date } ({ $score ->
        [one] { $score } point
       *[other] { $score } points
    })
course-risk-reassessed = Last risk screen: risk raised in session { $session } ({ $date }), negative on reassessment ({ $score ->
        [one] { $score } point
       *[other] { $score } points
    })
course-risk-negative = Last risk screen negative: session { $session }, { $date } ({ $score ->
        [one] { $score } point
       *[other] { $score } points
    })
course-plan = Safety plan from session { $session }, last written { $date }: { $n } of { $count } elements
course-no-plan = No safety plan was written after that screen.
reader-risk-alarm = { $priority }: positive risk screen, { $score ->
        [one] { $score } point
       *[other] { $score } points
    }. Advice: { $advice }. Type { $ack } to acknowledge.
reader-risk-waiting = Risk alarm waiting: positive screen at { $at }, { $score ->
        [one] { $score } point
       *[other] { $score } points
    }.
risk-ack-title = Acknowledge the risk alarm
spoken-risk-ack = Acknowledge the risk alarm: { $what }. Advice: { $advice }. Type what was done, or an empty line.
rep-expect-risk = a risk screen and, if positive, a safety plan before discharge
rep-expect-rescue = a rescue drug from the agreement, and its effect re-checked
rep-expect-agreement = the agreements made before the dose kept: nothing recorded beyond them
ref-no-technical-alarm = there is no technical alarm { $alarm }
ref-technical-already-acknowledged = technical alarm { $alarm } is already acknowledged
open-technical = technical alarm { $alarm } not acknowledged
flash-technical-acknowledged = Technical alarm { $alarm } acknowledged
tl-self-test-silent = Alarm self-test: NO alarm sound — { $problem }
tl-self-test-device = Alarm self-test: priorities shown, tone played on { $device }
tl-self-test = Alarm self-test: priorities shown, tone played
tl-addendum = Addendum: { $text } (why: { $reason })
md-h-corrections = Corrections
md-corrections-intro = The original entries stay in the journal.
md-entry = entry { $entry }
md-replaced-by = replaced by entry { $entry }: { $now }
md-entered-in-error = entered in error
md-correction = { $what }; reason: { $reason } ({ $at }, { $by })
md-h-addenda = Addenda
md-addenda-intro = Added after the session was closed and signed.
md-addendum = { $at } by { $by } (entry { $entry }): { $text } — reason: { $reason }
md-h-timeline = Timeline
md-col-happened = happened
md-col-recorded = recorded
md-col-by = by
md-col-entry = entry

## The trainee report

rep-bp-no-cuff = { $at } min: BP { $bp } entered, but the cuff had not been cycled
rep-bp-differs = { $at } min: BP { $bp } entered, the monitor showed { $monitor }
rep-hr-differs = { $at } min: HR { $hr } entered, the monitor showed { $monitor }
rep-spo2-probe-off = { $at } min: SpO₂ { $spo2 }% entered while the probe was off (the monitor showed no reading)
rep-spo2-differs = { $at } min: SpO₂ { $spo2 }% entered, the monitor showed { $monitor }%
rep-skip = { $phase }: moved on without { $items } — "{ $reason }"
rep-paused = paused at { $at } min for { $minutes } min: { $reason }
rep-stopped = stopped early at { $at } min: { $reason }
rep-expect-pause = pause or stop the infusion
rep-expect-note = a note tagged "{ $tag }"
rep-expect-music = the music seen to: started again, another choice, or a check-in without music
rep-summary = { $on_time } of { $prompts } vitals prompts answered on time, { $missed_prompts } missed (the latest answer { $worst } min late); { $acked } of { $alerts } alerts acknowledged; { $disagreements ->
    [one] { $disagreements } entry disagreed
   *[other] { $disagreements } entries disagreed
} with the monitor; { $skips ->
    [one] { $skips } step skipped
   *[other] { $skips } steps skipped
}; { $missed ->
    [one] { $missed } scenario event
   *[other] { $missed } scenario events
} without the expected response.
rep-banner = REHEARSAL — trainee report on a simulated patient.
rep-title = Trainee report — scenario { $scenario } (seed { $seed })
rep-intro = Protocol { $protocol }, session { $session }. Times are simulated minutes from the start of dosing.
rep-intro-not-closed = Protocol { $protocol }, session { $session } (not closed). Times are simulated minutes from the start of dosing.
rep-summary-label = Summary.
rep-h-prompts = Vitals prompts
rep-no-prompts = None (dosing did not start).
rep-col-due = due
rep-col-answered = answered
rep-col-late = late
rep-not-answered = not answered
rep-on-time = on time
rep-none-raised = None raised.
rep-alert = Alert { $id } at { $at } min: { $what }
rep-acknowledged-after = acknowledged after { $minutes } min
rep-action = action recorded: { $action }
rep-no-action = no action recorded
rep-priority = { $priority } priority
rep-h-disagreements = Entries that disagreed with the monitor
rep-none = None.
rep-h-events = Scenario events
rep-none-reached = None reached.
rep-h-skips = Steps skipped
rep-h-pauses = Infusion pauses and stops
rep-speed = Simulated clock speed: { $speeds }. Every time in this report is in simulated minutes from the start of dosing.
rep-speed-unknown = not recorded
rep-summary-expected = Expected actions: { $done } done, { $late } late, { $not_done } not done (simulated minutes, clock { $speed }).
rep-summary-early = The run ended early, at { $at } min.
rep-status-done = done at { $at } min
rep-status-late = LATE by { $by } min (done at { $at } min; clock { $speed })
rep-status-not-done = NOT DONE
rep-status-not-reached = not reached (the run ended first)
rep-status-not-applicable = not applicable (not asked in this session)
rep-expected-status = expected { $what }: { $status }
rep-h-early = Ended early
rep-early-at = The run ended at { $at } min, before the session was complete.
rep-early-abandoned = ended with E (end early): "{ $reason }"
rep-early-dosing = dosing had not finished
rep-early-phases = phases never reached: { $items }
rep-early-prompts = prompts never reached: { $items }
rep-early-events = scenario events that never happened: { $items }
rep-h-expected = Expected actions
rep-col-expected = expected
rep-col-status = status
rep-due-phase = when its phase is reached
rep-exp-gate = gate of { $phase } (otherwise: "{ $reason }")
rep-exp-vitals = vitals reading ({ $measures })
rep-exp-ack = acknowledge alert { $id } ({ $priority } priority)
rep-exp-pause = pause or stop the infusion (alert { $id })
rep-exp-repeat = repeat { $measure } to confirm it { $limit } (first reading at { $at } min)
rep-limit-above = above { $value }
rep-limit-below = below { $value }
rep-event-at = { $at } min: { $text }
rep-exp-event = { $what } (scenario event at { $at } min)
rep-h-notes = Trainee's notes
rep-col-min = min
rep-col-tags = tags
rep-col-note = note
rep-h-states = Scenario branches taken
rep-state-entered = { $state } ({ $at } min)
rep-h-phase-times = Time in each phase
rep-phase-time = { $phase }: { $minutes } min (target { $min }–{ $max } min) — { $pace }
rep-pace-short = SHORTER than the target
rep-pace-long = longer than the target
rep-pace-within = within the target
rep-pace-unfinished = still under way when the run ended
rep-summary-short = { $count ->
    [one] { $count } phase was
   *[other] { $count } phases were
} shorter than the protocol's target.
rep-h-truth = The simulated patient's true values
rep-truth-intro = Where the simulated patient's true values went past the protocol's alert limits, and what was recorded meanwhile. The chart draws the true values beside the readings.
rep-truth-above = { $measure } truly above { $limit } from { $from } to { $to } min (up to { $extreme }); { $recorded }
rep-truth-below = { $measure } truly below { $limit } from { $from } to { $to } min (down to { $extreme }); { $recorded }
rep-truth-recorded = recorded { $values }
rep-truth-not-recorded = nothing recorded meanwhile
rep-truth-value-at = { $value } at { $at } min
rep-truth-none = The true values stayed inside the protocol's alert limits.

## Refusals: what the record does not accept, and why

ref-pausing-alarm-sound-needs-a-reason = pausing alarm sound needs a reason
ref-the-protocol-sets-no-alarm-audio = the protocol sets no alarm audio pause ([vitals.alarms])
ref-no-alarm-is-waiting-there-is = no alarm is waiting: there is nothing to pause
ref-a-patient-id-is-needed = a patient id is needed
ref-a-patient-id-cannot-contain-control = a patient id cannot contain control characters
ref-an-addendum-follows-the-closing-until = an addendum follows the closing; until then the entry is made as usual
ref-an-author-s-name-cannot-be = an author's name cannot be blank or hold control characters
ref-a-time-taken-cannot-be-later = a time taken cannot be later than the entry itself
ref-a-tick-is-put-right-by = a tick is put right by ticking or unticking it again; the journal keeps both
ref-an-empty-addendum-is-not-saved = an empty addendum is not saved
ref-the-session-has-already-started = the session has already started
ref-an-empty-note-is-not-saved = an empty note is not saved
ref-a-bolus-cannot-be-paused = a bolus cannot be paused
ref-the-infusion-is-not-running = the infusion is not running
ref-the-infusion-is-not-paused = the infusion is not paused
ref-the-infusion-has-not-started-untick = the infusion has not started: untick consent instead
ref-consent-withdrawal-is-already-recorded = consent withdrawal is already recorded
ref-the-infusion-is-not-under-way = the infusion is not under way
ref-music-is-already-playing = music is already playing
ref-check-ins-belong-to-the-dosing = check-ins belong to the dosing phase
ref-the-debrief-follows-the-dosing = the debrief follows the dosing
ref-alarm-sound-is-not-paused = alarm sound is not paused
ref-no-music-is-playing = no music is playing
ref-this-is-the-last-phase-close = this is the last phase: close the session instead
ref-the-infusion-has-not-been-started = the infusion has not been started; give a reason to move on without it
ref-the-infusion-has-already-been-started = the infusion has already been started
ref-audio-pause-cap = alarm sound can be paused for 1 to { $cap } min while a { $priority } priority alarm waits
ref-other-protocol = this session was recorded under protocol "{ $recorded }", not "{ $given }"
ref-no-earlier-time = this entry ({ $kind }) cannot carry an earlier time: only readings, notes, answers, ticks, check-ins, rescue doses and ketamine do
ref-before-start = { $at } is before the session started ({ $start })
ref-already-corrected = entry { $entry } was already corrected, by entry { $by }
ref-no-entry = there is no entry { $entry } to correct
ref-same-kind = entry { $entry } ({ $kind }) is replaced by the same kind of entry, for the same prompt
ref-not-correctable = this entry ({ $kind }) cannot be corrected; say what happened in a note
ref-gate-locked = "{ $prompt }" held the way to the infusion, which has started: it cannot be unticked. If the patient withdraws consent, record that (W), which stops the infusion
ref-no-prompt = there is no prompt "{ $prompt }"
ref-not-asked = prompt "{ $prompt }" is not asked in session { $session }
ref-already-acknowledged = alert { $alert } is already acknowledged
ref-no-alert = there is no alert { $alert }
ref-unknown-support = "{ $support }" is not one of the protocol's supports
ref-debrief-started = the debrief clock already started at { $at }
ref-wrong-kind = prompt "{ $prompt }" is { $kind ->
    [text] a text item
    [check] a checklist item
   *[other] a { $kind } item
}
ref-infusion-phase = the infusion starts in the { $phase } phase
ref-close-from-last = the session closes from its last phase ({ $phase }); give a reason to end it early instead
ref-reason-needed = a reason is needed for { $what }

## Typed prompts: hints, values and what is refused

value-yes = yes
value-no = no
value-none = none
value-score = score { $score }
hint-yes-no = y or n
hint-multi-choice = several as 1,3; 0 for none
hint-from = from { $min }
hint-up-to = up to { $max }
hint-number = a number{ $range }
hint-time = HH:MM, or now
value-time-on = { $time } on { $date }
value-not-a-choice-number = { $number } is not one of the choices (1 to { $count })
value-not-a-choice = "{ $typed }" is not one of: { $choices }
value-ambiguous-choice = "{ $typed }" matches more than one choice: { $choices }
value-nothing-entered = nothing entered — { $hint }
value-answer-yes-no = "{ $typed }": answer { $hint }
value-not-a-number = "{ $typed }" is not a number
value-not-a-time = "{ $typed }" is not a time: write HH:MM
value-whole-numbers = "{ $typed }": enter whole numbers — { $hint }
value-items-count = { $entered ->
    [one] { $entered } number entered
   *[other] { $entered } numbers entered
}, { $items ->
    [one] { $items } item to rate
   *[other] { $items } items to rate
}
value-one-number = enter one number — { $hint }
hint-scale-items = { $count ->
    [one] { $count } number
   *[other] { $count } numbers
} { $min }–{ $max }, in order: { $items }
value-not-typed = prompt "{ $prompt }" is not a typed prompt
value-wrong-type = a { $value } value does not fit the { $kind } prompt "{ $prompt }"
value-not-one-of = "{ $value }" is not one of: { $choices }
value-nan = not a number
value-outside-range = { $value } is outside the allowed range { $min }–{ $max }
value-below-min = { $value } is below the minimum { $min }
value-above-max = { $value } is above the maximum { $max }
value-not-time-of-day = "{ $value }" is not a time of day (00:00–23:59)
value-rates-items = "{ $prompt }" rates each item: enter one number per item
value-outside-scale = { $value } is outside the scale { $min }–{ $max }
value-item-not-rated = item "{ $item }" is not rated
value-item-outside-scale = "{ $item }": { $value } is outside the scale { $min }–{ $max }
value-not-an-item = "{ $item }" is not an item of this scale
flash-alert-raised = ALERT raised

## The command line: resume, status, history, export

cli-no-unfinished-sessions = No unfinished sessions in { $folder }
cli-no-unfinished-rehearsals = No unfinished rehearsals in { $folder }
cli-unfinished-sessions = Unfinished sessions:
cli-unfinished-rehearsals = Unfinished rehearsals:
cli-unfinished-line = { $id }  patient { $patient }  session { $session }  { $protocol }  started { $started }  last entry { $last }  ({ $entries ->
    [one] { $entries } entry
   *[other] { $entries } entries
})
cli-continue-with = Continue one with: kap resume ID
cli-no-session-id = no session "{ $id }" in { $folder }
cli-no-rehearsal-id = no rehearsal "{ $id }" in { $folder }
cli-it-is-a-rehearsal = it is a rehearsal: `kap resume --rehearsal ID`
cli-it-is-a-session = it is a real session: `kap resume ID`
cli-rehearsal-word = REHEARSAL
cli-status-head = patient { $patient } — { $protocol } — { $session } — { $given } given
cli-status-head-visit = patient { $patient } — { $protocol } — { $visit }
cli-status-started = started { $at }
cli-status-ended-early = ended early at { $at }
cli-status-closed = closed at { $at }
cli-status-phase = phase { $phase } of { $phases }: { $title }
cli-status-infusion = { $what ->
       *[infusion] infusion
        [bolus] observation
    } { $state ->
    [running] running
    [paused] paused
    [completed] complete
   *[stopped] stopped
}: { $elapsed } elapsed
cli-status-remaining = { $left } remaining
cli-status-counts = { $vitals ->
    [one] { $vitals } vitals set
   *[other] { $vitals } vitals sets
}, { $notes ->
    [one] { $notes } note
   *[other] { $notes } notes
}
cli-status-alert = ALERT { $what } — { $action }
cli-transaction-fhir-only = --transaction applies to --format fhir only
cli-transaction-unverified = warning: the journal did not verify cleanly; a transaction cannot carry the OperationOutcome that says so (the collection and Markdown exports do)
cli-wrote = wrote { $path }
cli-no-sessions-for = No sessions for patient { $patient }.
cli-no-rehearsals-for = No rehearsals for patient { $patient }.
cli-history-head = { $protocol } — patient { $patient }
cli-history-no-dosing = no dosing
cli-history-line = { $date }  { $session }  { $given } given  { $what ->
       *[infusion] infusion
        [bolus] observation
    } { $infusion }  { $alerts ->
    [one] { $alerts } alert
   *[other] { $alerts } alerts
}  { $status }  { $id }
cli-history-debrief = debrief: { $debrief }
cli-history-goals = goals ({ $kind }):

## protocol check, show and dose

proto-not-usable = { $file }: { $errors ->
    [one] 1 error
   *[other] { $errors } errors
} — not a usable protocol
proto-ok = { $file } — { $name } v{ $version } ({ $sessions ->
    [one] 1 session
   *[other] { $sessions } sessions
}, { $phases ->
    [one] 1 phase
   *[other] { $phases } phases
}){ $warnings ->
    [0] {""}
    [one] , { $warnings } warning
   *[other] , { $warnings } warnings
}
proto-refused = refused: { $reason }
proto-site-sets = site sets: { $keys }
proto-population = Population: { $population }
proto-source = Source [{ $id }]: { $citation }
proto-reviewed = Site values reviewed by { $who }
proto-reviewed-on = Site values reviewed by { $who } on { $date }
proto-not-reviewed = Site values: NOT YET REVIEWED by the site
proto-course = Course: { $sessions ->
    [one] { $sessions } dosing session
   *[other] { $sessions } dosing sessions
}
proto-default = default { $dose }
proto-no-amount = no amount
proto-step = { $label } { $amount } over { $minutes } min
proto-in-steps = in steps: { $steps }
proto-then = then
proto-no-dose = no dose
proto-at-most = at most { $mg } mg
proto-over = over { $minutes } min
proto-session = session { $sessions }
proto-aim-days = aim { $min }–{ $max } days
proto-at-most-days = at most { $max }
proto-interval = before session { $sessions }: { $label } (at least { $min ->
    [one] { $min } day
   *[other] { $min } days
}{ $rest })
proto-maintenance = after the course: { $label }, every { $min }–{ $max } months, dosed as session { $session }
proto-goals = goals: at least { $min } { $kind }
proto-integration = integration within { $min }–{ $max } h of each dose
proto-phases = Session phases:
proto-session-only = session { $sessions } only
proto-maintenance-only = maintenance sessions only
proto-optional = optional
proto-gate = gate: { $reason }
proto-vitals = Vitals: every { $min }–{ $max } min
proto-alert = alert { $id }
proto-music = Music: playlist of { $min }–{ $max } min; without music, check in every { $checkin } min
proto-support = support: { $label }
proto-site-values-none = Values the site sets: none listed in [site] values (every value is cited)
proto-site-values = Values the site sets ({ $count }; the source papers do not give them):

## Screen-reader mode: the words typed (the English word always works too)

reader-word-ack = ack
reader-word-next = next
reader-word-back = back
reader-word-close = close
reader-word-end = end
reader-word-withdraw = withdraw
reader-word-who = who
reader-word-audio = audio
reader-word-timeline = timeline
reader-word-addendum = addendum
reader-word-note = note
reader-word-measure = measure
reader-word-start = start
reader-word-pause = pause
reader-word-stop = stop
reader-word-music = music
reader-word-choose = choose
reader-word-checkin = checkin
reader-word-debrief = debrief
reader-word-chimes = chimes
reader-word-louder = louder
reader-word-softer = softer
reader-word-track = track
reader-word-cuff = cuff
reader-word-faster = faster
reader-word-slower = slower
reader-word-freeze = freeze
reader-word-recreate = recreate
reader-word-help = help
reader-word-quit = quit
reader-word-patient = patient
reader-word-session = session
reader-word-weight = weight
reader-word-mgkg = mgkg
reader-word-clinician = clinician
reader-word-resume = resume
reader-word-vitals = vitals
reader-word-answer = answer
reader-word-tag = tag
reader-word-goals = goals
reader-word-time = time
reader-word-status = status
reader-word-void = void
reader-word-correct = correct
reader-word-monitor = monitor
reader-word-cancel = cancel
reader-word-play = play
reader-word-previous = previous prev
reader-word-jump = jump go
reader-word-at = at
reader-word-entries = entries list
reader-word-more = more
reader-word-where = where
reader-word-branch = branch

## Screen-reader mode: what it says

reader-not-start-command = "{ $line }" is not a start-screen command: { $words }
reader-answer-takes = { $word } takes a prompt's number, then the answer
reader-goals-how = type the goals on one line, separated by semicolons: { $word } first; second
reader-addendum-how = an addendum is typed as: { $word } TEXT because REASON
reader-takes-nothing = "{ $word }" takes nothing after it
reader-not-a-command = "{ $line }" is not a command here; type { $help } for the list
reader-correction-takes = { $word } takes an entry number (timeline lists them), then: because REASON
reader-correction-needs = { $word } { $entry } … needs: because REASON
reader-numbered-from-1 = prompts are numbered from 1
reader-tag-takes = tag takes one of: { $tags }
reader-help-start = Start screen commands: { $patient } ID; { $session } N; { $weight } KG; { $mgkg } X (empty for the protocol's default); { $clinician } NAME, ROLE (several separated by semicolons); { $start }; { $resume } (an unfinished session of this patient); { $quit }.
reader-help-answer = Answer a prompt by its number: 3 alone ticks a check or asks for the answer; 3 followed by text answers it at once.
reader-help-vitals = A vitals set is typed as it is read: 128/82 76 97 (or { $vitals } followed by a reading).
reader-help-note = { $note } TEXT saves a note; { $tag } N saves a quick tag; { $goals } A; B; C sets the goals.
reader-help-late = An entry made late says when it was taken at its end: 128/82 76 97 at 10:42, or -5m; a note or answer takes @10:42 or @-5m.
reader-help-timeline = { $timeline } reads every entry in order with its number; { $void } N because REASON marks one entered in error; { $correct } N VALUE because REASON replaces it; { $who } passes the entries to the next clinician present.
reader-help-time = { $time } says the clock and the infusion timer; { $status } reads the phase again; { $monitor } reads the simulated monitor.
reader-help-cancel = In a question, { $cancel } closes it without saving.
reader-hello = kap { $version }, screen-reader mode. Each line is one command; type { $help } for the list.
reader-too-long = That line is longer than { $max } characters and was not read.
reader-not-answered = Not answered: { $title }.
reader-not-understood = Not understood.
reader-not-understood-why = Not understood: { $why }.
reader-stays-open = The session stays open in { $path } — kap resume continues it.
reader-input-ended-left = Input ended; kap has left.
reader-left = kap has left.
reader-no-prompt = There is no prompt { $number } here (this phase has { $count }).
reader-type-answer = Type the answer to "{ $prompt }" on one line ({ $cancel } leaves it).
reader-holding = Holding the next step: { $hold }.
reader-alert-waiting = Alert { $alert } waiting: { $what }.
reader-earlier-alarm = Alarm { $id } at { $at }: { $what }
reader-earlier-addendum = Addendum at { $at }: { $text }
reader-repeat-pending = Waiting for a repeat: { $measure } was { $value }; repeat it from { $at } to confirm or clear the alarm
reader-no-monitor = There is no simulated monitor in this session.
reader-monitor = Monitor: heart rate { $hr }; SpO₂ { $spo2 }; blood pressure { $bp }.
reader-no-signal = no signal
reader-bp-not-taken = not taken (type { $cuff })
reader-bp-at = { $bp } at { $at }
reader-it-is = It is { $clock }.
infusion-ran-left = { $ran } elapsed; { $left } left.
infusion-ran = { $ran } elapsed.
reader-alarm-high = HIGH PRIORITY ALARM
reader-alarm-medium = MEDIUM PRIORITY ALARM
reader-alarm-low = LOW PRIORITY ALARM
reader-attention = Attention: { $text }
reader-alarm = { $priority } { $id }: { $what }. Advice: { $advice }. Type { $ack } to acknowledge.
reader-recreate = Type { $word } to re-create the folder.
reader-not-saved = TECHNICAL ALERT: NOT SAVED — { $error }.{ $fix }
reader-not-given = not given
reader-protocol-default = the protocol's default
reader-not-named = not named
reader-new-session = New session under { $protocol } ({ $sessions } sessions). Patient { $patient }; session { $session }; weight { $weight }; mg/kg { $mgkg }; clinicians present { $clinicians }.
reader-new-rehearsal = New rehearsal under { $protocol } ({ $sessions } sessions). Patient { $patient }; session { $session }; weight { $weight }; mg/kg { $mgkg }; clinicians present { $clinicians }.
reader-dose = Dose for session { $session }: { $mg } mg { $route } ({ $arithmetic }). Type { $start } to begin.
reader-not-ready = Not ready: { $reason }.
reader-outside-dates = Today is outside the protocol's dates ({ $window }): a reason will be asked.
reader-refused = Refused: { $reason }.
reader-unfinished-waiting = An unfinished session of this patient is waiting: type { $word }.
reader-running = { $what ->
   *[infusion] The infusion is running: { $left } left.
    [bolus] The observation after the dose is running: { $left } left.
}
reader-completed = { $what ->
   *[infusion] The infusion has run its planned time and is complete.
    [bolus] The observation after the dose has run its planned time.
}
reader-vitals-due = Vitals are due now: type them like 128/82 76 97.
reader-vitals-overdue = Vitals are overdue.
reader-measure-due = Due now: { $measure } — type { $word }.
reader-ended-early = The session has ended early.
reader-summary-written = Summary written to { $path }.
reader-summary-failed = Attention: the summary could not be written: { $error }.
reader-signed = The record is signed. Type { $addendum } to add to it, { $timeline } to hear it in order, or { $quit }.
reader-report-written = Trainee report written to { $path }.
reader-report-failed = Attention: the trainee report could not be written: { $error }.
reader-looking-back = Looking back.
reader-phase = Phase { $phase } of { $phases }: { $title }.
reader-ticked = ticked
reader-answered = answered
reader-answered-with = answered: { $answer }
reader-required-open = required, open
reader-open = open
reader-dose-start = { $what ->
   *[infusion] Dose { $mg } mg. Type { $start } to start the infusion.
    [bolus] Dose { $mg } mg. Type { $start } when the dose is given.
}
reader-forward-again = Type { $next } to go forward again.
reader-answer-or-close = Type a number to answer, { $close } to close the session.
reader-answer-or-next = Type a number to answer, { $next } to move on.
spoken-ack = Acknowledge alert { $alert }: { $what }. Advice: { $advice }. Type what was done, or an empty line.
spoken-quit = Leave kap? Everything saved stays saved; an open session can be resumed. Type yes or no.
spoken-discard = The answer has unsaved changes. Type save or discard.
spoken-music = Music or support — type its number (preview N plays a part):
spoken-note = Type the note.
spoken-correct = Correct entry { $entry }: { $original }. Type the right value, then "because" and the reason; or only "because" and the reason if it was entered in error.
spoken-addendum = Addendum: type the text, then "because" and the reason.
spoken-reason = { $title }. Type the reason.
spoken-still-open = Still open: { $items }.
spoken-signoff = Sign and close the session, signed by { $who }? After this only addenda can be added. { $open } Type yes or no.
spoken-end-early = End the session early, signed by { $who }? The infusion and the music stop, and after this only addenda can be added. { $open } Type yes or no; the reason is asked next.
spoken-timeline = Timeline, in the order things happened:
spoken-timeline-how = Type { $correct } N new value because reason, or { $void } N because reason; { $cancel } closes.

## An alarm's log

transition-raised = raised
transition-emphasis = escalated: shown with emphasis
transition-sound-repeats = escalated: its sound repeats
transition-reminder = re-announced: reminder
transition-latched = latched: back in range, not acknowledged
transition-acknowledged = acknowledged
transition-resolved = resolved
tl-alarm = Alarm { $id } { $what }
tl-alert = ALERT { $id } { $priority }: { $what }
tl-alert-in-error = raised by a reading entered in error: { $reason }
tl-alert-withdrawn = withdrawn at { $at }: entry { $entry }, taken earlier, shows it was no alarm

## kap doctor

doctor-summary = { $checks } checks: { $ok } ok, { $warn } warn, { $fail } FAIL — { $verdict }
doctor-not-ready = not ready: fix the FAIL lines
doctor-ready-warn = ready, read the warn lines
doctor-ready = ready
doctor-data-private = data folder is private (mode { $mode })
doctor-data-open = data folder mode { $mode } lets group or others read it: chmod 700 { $dir }
doctor-space-too-little = { $space }: too little to keep a session's record
doctor-space-low = { $space }: less than 1 GiB
doctor-encrypted = data folder is on an encrypted volume ({ $how })
doctor-not-encrypted = data folder is NOT on an encrypted volume ({ $what }): clinical records at rest should be — turn on full-disk encryption
doctor-encryption-unknown = cannot tell whether the data folder is encrypted ({ $why }): check by hand
doctor-not-a-terminal = standard output is not a terminal: run kap doctor in the terminal the sessions will use
doctor-terminal-ok = terminal is { $size } (kap needs 80×24)
doctor-terminal-small = terminal is { $size }, smaller than the 80×24 kap needs: enlarge the window
doctor-terminal-unknown = cannot read the terminal's size
doctor-no-color = NO_COLOR is set: kap uses its plain theme (no colour)
doctor-term-unset = TERM is not set: kap's screens need a real terminal type (e.g. xterm-256color)
doctor-term-dumb = TERM is dumb: kap's screens need a real terminal type (e.g. xterm-256color)
doctor-clock-synced = system clock is synchronised ({ $source })
doctor-clock-not-synced = system clock is NOT synchronised ({ $source }): recorded times may drift
doctor-clock-unknown = cannot tell whether the system clock is synchronised ({ $source })
doctor-protocol-invalid = { $file }: not a usable protocol ({ $errors ->
    [one] 1 error
   *[other] { $errors } errors
}; see kap protocol check { $file })
doctor-protocol-other-warnings = { $count ->
    [one] 1 other warning
   *[other] { $count } other warnings
} (kap protocol check { $file })
doctor-protocol-signed = { $file }: valid, signed off by { $by } on { $on }
doctor-protocol-undated = { $file }: valid, signed by { $by } but undated: set [site] reviewed_on
doctor-protocol-unsigned = { $file }: valid, NOT signed off by the site: set [site] reviewed_by and reviewed_on
doctor-no-unfinished = no unfinished sessions
doctor-unreadable-records = a session record cannot be read (kap leaves it out of every list): { $list }
doctor-unfinished-item = { $id } (started { $at })
doctor-unfinished = { $count ->
    [one] 1 unfinished session
   *[other] { $count } unfinished sessions
}: { $list } — kap resume continues or closes them
doctor-and-more = and { $more } more
doctor-space = { $free } free of { $total } on the data folder's disk
doctor-colour-24bit = 24-bit colour
doctor-colour-256 = 256 colours
doctor-colour-basic = basic colours
start-dose-line = { $session }: { $mg } mg { $route }
start-range-line = { $session }: { $range }

## Technical alarms and device messages

tech-suspended = kap was suspended or stalled for { $gap }: check the vitals and the timers
tech-rehearsal-held = kap stood still for { $gap } (stopped or suspended): simulated time was held, not run on
tech-clock-ahead = the system clock jumped ahead { $jump }: kap's timers are unaffected (they count from the recorded start)
tech-clock-back = the system clock jumped back { $jump }: kap's timers are unaffected (they count from the recorded start)
tech-medium = MEDIUM TECHNICAL ALARM — { $text }
tech-recreate-failed = the session folder could not be re-created: { $error }
tech-alarm-device-failed = HIGH TECHNICAL ALARM — the alarm device failed ({ $error }): alarm sounds go to the music's device
flash-music-skipped = Music: skipped "{ $track }" ({ $error })
flash-audio-hiccup = Audio device hiccup ({ $error }): reopened
tech-audio-failed = MEDIUM TECHNICAL ALARM — the audio device failed ({ $error }): the session and its timers go on
flash-not-saved = NOT SAVED: { $error }
default-device = the default device
flash-self-test = Alarm self-test: { $signals } — the alarm tone played on { $device }: say so if you did not hear it
by-who = by { $who }
music-option-playlist = Playlist: { $playlist }

## kap push (the status words pending, sent, failed stay as they are: scripts read them)

push-not-configured = push is not configured, so nothing was sent (kap makes no network connections until it is): write { $file } — see docs/exports.md, "Pushing to the clinic's server"
push-insecure = warning: allow_insecure_http is set: records go to { $url } unencrypted (for testing only)
push-nothing = Nothing to send: every closed session is sent or waiting for its next try (kap push --status).
push-status-unreadable = warning: { $error }; it is sent as if pending and the file replaced
push-word-rehearsal = rehearsal
push-word-session = session
push-sent = sent { $what } { $id } to { $server }: { $resources ->
    [one] { $resources } resource
   *[other] { $resources } resources
} (HTTP { $status }, { $ms } ms)
push-not-sent = NOT SENT { $what } { $id }: { $why }
push-some-failed = { $failed } of { $total } not sent; they stay in the outbox and the next kap push --all tries again
push-configured = push: configured to { $url } ({ $file })
push-off = push: not configured (kap makes no network connections)
push-config-wrong = push: the config is wrong (above); nothing can be sent until it is fixed
push-no-closed = No closed sessions in { $folder }
push-closed-summary = { $count } closed: { $summary }

## Push keeps the server true (#31)
push-updated = { $count ->
    [one]   one resource whose content changed since it was sent was updated in place on the server (its earlier version kept in the server's history)
   *[other] { $count } resources whose content changed since they were sent were updated in place on the server (their earlier versions kept in the server's history)
}
fhir-addendum-title = Addendum to the signed note

## Audio devices, and what a reason is asked for

audio-did-not-play = the device opened but did not play 0.2 s within { $secs } s
audio-built-without = this kap was built without audio
audio-no-device = no audio device ({ $error })
audio-alarm-device = alarm device: { $error }
audio-no-such-device = no output device "{ $name }" (there are: { $devices })
audio-device-failed = the audio device failed
reason-for-correction = a correction
reason-for-addendum = an addendum
reason-for-pause = pausing the infusion
reason-for-withdrawal = a withdrawal of consent
reason-for-stop = stopping the infusion early
reason-for-ending = ending the session early

## The instructor's console and injections (kap instruct)

device-cuff = BP cuff
device-spo2-probe = SpO₂ probe
device-sound = sound device
inject-vitals-fade = { $metric } { $change } over { $minutes } min
inject-vitals-step = { $metric } { $change } at once
inject-patient = patient: { $text }
inject-device-fails = { $device } fails
inject-device-restored = { $device } works again
instruct-not-ready = the rehearsal is starting; try again in a moment
instruct-rehearsal-ended = the rehearsal has ended
instruct-no-answer = the rehearsal did not answer in time; nothing was changed
instruct-too-many = { $max } instructor connections are open already; close one first
instruct-not-answering = the rehearsal is not answering (stopped or busy); still trying
instruct-too-long = request too long; refused
instruct-bad-request = not a request kap understands: { $error }
instruct-no-socket = the instructor's console cannot attach to this rehearsal ({ $error })
instruct-closed = the rehearsal is closed
instruct-bad-speed = speed must be between 1 and 120
instruct-no-such-injection = the scenario has no injection named “{ $id }”
instruct-no-patient = this rehearsal has no simulated patient (start it with --scenario)
instruct-waiting = Waiting for the rehearsal…
instruct-title = kap instruct
instruct-paused = SIMULATED TIME PAUSED
instruct-no-scenario = no scenario
instruct-scenario = scenario: { $name }
instruct-phase = Phase: { $phase }
instruct-elapsed = Dosing time: { $elapsed }
instruct-entered = Last vitals entered: { $entry }
instruct-no-alarms = No alarm waiting
instruct-meds = Rescue given: { $list }
instruct-trainee = Trainee's screen
instruct-patient = Simulated patient
instruct-true-bp = true BP
instruct-monitor-bp = Monitor NIBP (last cycled): { $bp }
instruct-failed = Failed: { $devices }
instruct-no-named = The scenario names no injections
instruct-named = Named injections (1–9)
instruct-log = Injected so far
instruct-ask-change = { $metric } change, then minutes to reach it (e.g. +40 5):
instruct-ask-says = The patient says:
instruct-bad-change = “{ $text }” is not a change (e.g. +40 5, or -10)
instruct-keys = 1–9 fire · s d h o change systolic, diastolic, HR, SpO₂ · t patient says · c cuff · p SpO₂ probe · m sound fails/works · space pause · + − speed · q quit
instruct-none-running = no rehearsal is running on this machine (start one with `kap rehearse --scenario …`)
instruct-several = several rehearsals are running; name one:
  { $ids }
instruct-cannot-attach = cannot attach to the rehearsal in { $folder }: { $error }
flash-sim-paused-by-instructor = Simulated time paused by the instructor
flash-sim-resumed-by-instructor = Simulated time running again
flash-monitor-nibp-failed = Monitor: NIBP — cuff error, no reading
## The HTML summary and trainee report (one self-contained page with a chart)
html-h-chart = Chart
html-chart-title = { $what ->
   *[infusion] Vital signs, infusion, music and every entry over time
    [bolus] Vital signs, dose and observation, music and every entry over time
}
html-chart-caption = Times are minutes from the start of dosing. Hover over (or tab to) a mark to read it in full. Dashed lines: alarm limits, shaded on their alarming side. Bands: an alarm from raised to acknowledged.
html-chart-caption-truth = Thin dotted lines: the simulated patient's true values, which the trainee saw only on the monitor (blood pressure only when the cuff was cycled).
html-axis-dosing = Minutes from the start of dosing ({ $clock })
html-axis-session = Minutes from the start of the session ({ $clock }; dosing did not start)
html-panel-bp = Blood pressure (mmHg)
html-panel-hr = Heart rate (/min)
html-panel-spo2 = SpO₂ (%)
html-lane-infusion = { $what ->
   *[infusion] Infusion
    [bolus] Observation
}
html-lane-music = Music
html-lane-scenario = Scenario
html-lane-actions = Entries
html-legend-limit = alarm limit
html-legend-alarm = alarm, raised to acknowledged
html-legend-open = alarm never acknowledged
html-legend-running = { $what ->
   *[infusion] infusion running
    [bolus] observation after the dose
}
html-legend-paused = infusion paused
html-legend-music = music playing
html-legend-event = scenario event
html-legend-truth = the simulated patient's true value
html-truth-series = { $what }: the simulated patient's true value (not shown to the trainee; the monitor showed heart rate and SpO₂, blood pressure only when the cuff was cycled)
html-limit-above = { $metric } > { $limit }
html-limit-below = { $metric } < { $limit }
html-alarm-span = Alert { $id } ({ $priority }): { $what } — raised at { $from } min, acknowledged at { $to } min
html-alarm-span-open = Alert { $id } ({ $priority }): { $what } — raised at { $from } min, never acknowledged
html-running = { $what ->
   *[infusion] Infusion running { $from }–{ $to } min
    [bolus] Observation { $from }–{ $to } min
}
html-paused = Infusion paused { $from }–{ $to } min: { $reason }
html-stopped = { $what ->
   *[infusion] Infusion stopped early at { $at } min: { $reason }
    [bolus] Observation ended early at { $at } min: { $reason }
}
html-step = Step { $n } { $label } ({ $mg } mg) starts here
html-music = Music playing { $from }–{ $to } min
html-scenario-event = { $at } min: { $text }
html-mark = { $at } min ({ $time }): { $text }
html-mark-by = by { $by }
html-reading = { $at } min: { $what } { $value }
html-pearls = This report follows the four parts of a PEARLS debrief: reactions first, then a description of what happened, an analysis of how it was handled, and a summary of what to take away.
html-h-reactions = Reactions
html-reactions-intro = Before looking at the chart: let the trainee say how the rehearsal went for them, and listen.
html-reactions-1 = How are you feeling now that it is over?
html-reactions-2 = What stood out for you during the session?
html-reactions-3 = Was there a moment when you were unsure what to do?
html-h-description = Description
html-description-intro = What happened, in order, on one time axis. Ask the trainee to walk through it in their own words before anything is judged.
html-h-timeline = Every entry
html-col-minute = min
html-col-kind = kind
html-col-entry = entry
html-col-by = by
html-h-analysis = Analysis
html-analysis-intro = How each expectation of the protocol and the scenario was met. Explore why each choice was made, not only whether it was right.
html-h-summary = Summary
html-summary-intro = Close with what the trainee takes away, in their words.
html-summary-1 = What went well that you will keep doing?
html-summary-2 = What will you do differently next time?
html-summary-3 = One thing to take back to real sessions.
html-debrief-notes = Debriefer's notes
html-export-no-scenario = This rehearsal's trainee analysis is not in this export: its folder holds no scenario copy (it ran without a scenario, or before kap kept one). A report written when it closed is in trainee-report.html in the session's folder.
## Replay (kap replay) and branching a rehearsal
keys-group-replay = Replay (read-only)
key-replay-play-pause = play / pause
key-replay-faster-slower = replay faster / slower
key-replay-previous-next-entry = previous / next entry
key-replay-timeline = entries: jump to one
key-replay-branch = branch: a new rehearsal from this moment
key-replay-leave = leave the replay
header-replay = REPLAY { $kind } { $position } ×{ $speed }
header-replay-paused = REPLAY { $kind } { $position } paused
header-branched = branch at min { $minute }
replay-kind-rehearsal = rehearsal
replay-kind-session = real session
replay-opened = Replaying { $id }, read-only: nothing is written. Space plays or pauses, [ ] step through entries, L lists them
replay-refused = A replay is read-only: nothing can be recorded or changed here
replay-refused-rehearsal = A replay is read-only: nothing can be recorded here. { $branch } starts a new rehearsal from this moment
replay-ended = End of the record: { $play } to play it again from the start, { $list } to list the entries
replay-paused = Replay paused ({ $play } to play)
replay-playing = Replay playing
replay-speed = Replay ×{ $speed }
replay-jumped = Entry { $n } of { $total }, at { $at }
replay-timeline-title = Entries
replay-timeline-hint = ↑ ↓ PgUp PgDn choose · Enter jumps there · Esc closes
branch-refused-real = A real session is never branched: a branch is a rehearsal, and a patient's record is not copied into training
branch-refused-negative = The branch's moment is before the rehearsal's first entry (minutes count from the start of dosing, or from the first entry when dosing never started)
branch-refused-closed = The rehearsal was already closed at min { $minute }: branch from an earlier moment
branch-opened = Branched from { $source } at min { $minute }: a new rehearsal; the original is untouched
reader-replay-hello = kap { $version }, screen-reader mode. Replaying the { $kind } { $id }, read-only: nothing is written. { $count } entries over { $length }; paused on the first. Type { $play } to play, { $next } or { $previous } to step through the entries, { $entries } to list them, { $help } for every command.
reader-replay-entry = Entry { $n } of { $total }, at { $at }: { $text }
reader-replay-entries-played = Entries { $from } to { $to } of { $total }: { $list }
reader-replay-and-more = and { $count } more ({ $entries } lists them)
reader-replay-list-head = Entries { $from } to { $to } of { $total }:
reader-replay-list-more = Type { $more } for the next ones.
reader-replay-list-none = There is no entry { $from }: the record has { $total }.
reader-replay-moved = Moved to { $at }. The last entry by then: { $entry }
reader-replay-where = Entry { $n } of { $total }, at { $at } of { $length }; { $state }.
reader-replay-state-playing = playing at ×{ $speed }
reader-replay-state-paused = paused
reader-replay-jump-takes = Type { $jump } and an entry's number, from 1 to { $total }.
reader-replay-at-takes = Type { $at } and a moment after the first entry, in minutes (12) or minutes and seconds (12:30), up to { $length }.
reader-replay-help-play = { $play }, { $pause }: play, pause; { $faster }, { $slower }: twice or half the speed (1 to 480 times real time).
reader-replay-help-step = { $next }, { $previous }: the next or previous entry; { $jump } 5: entry 5; { $at } 12:30: that moment after the first entry.
reader-replay-help-list = { $entries }: the entries with their time ({ $entries } 20: from the 20th on); { $more }: the next ones; { $here }: where the replay is.
reader-replay-help-look = { $status }: the phase read again; { $time }: the clock and the infusion; { $monitor }: the simulated monitor.
reader-replay-help-branch = { $branch }: a new rehearsal from this moment, opened at once (rehearsals only; the original is untouched).
reader-replay-help-quit = { $quit }: leave. Nothing typed here is recorded: a replay is read-only.
reader-replay-not-a-command = "{ $line }" is not a replay command; type { $help } for the list.
cli-branched = kap: branched { $source } at min { $minute } into { $folder }
rep-h-injections = What the instructor changed
rep-injection = { $at } min: { $what }
rep-injection-named = { $at } min: { $what } (named injection “{ $named }”)
html-instructor-mark = Instructor: { $what }
rep-branched = This run was branched from rehearsal { $source } at minute { $at }: what came before that moment was the original trainee's.
## Diagnostics: problems in a protocol, scenario or config file. Key paths and
## TOML key names ($key, $path) are code and stay as they are.

diag-line = { $file }:{ $line }:{ $column }: { $level ->
    [warning] warning
   *[other] error
}: { $message }
diag-at = { $path }: { $message }
diag-cannot-read = cannot read the file: { $error }
diag-not-utf8 = the file is not valid UTF-8 text
pv-empty = { $key } must not be empty
pv-positive = { $key } must be a positive number, found { $value }
pv-min-above-max = min ({ $min }) must not be greater than max ({ $max })
pv-at-least-one = { $key } must be at least 1
pv-either = set either { $a } or { $b }, not both
pv-no-sessions = the list of sessions must not be empty
pv-session-outside = session { $session } is outside the course (sessions { $first } to { $last })
pv-session-twice = session { $session } is listed twice
pv-format = unsupported format version { $found }; this kap reads version { $reads }
pv-site-unreviewed = the site has not signed off this file's site-set values (alarm limits, concentration, discharge criteria): set site.reviewed_by and site.reviewed_on
# $kind: protocol, phase, prompt, support, item, alert, limit-set.
pv-slug = { $kind ->
    [protocol] id "{ $id }" must use only lowercase letters, digits, '-' and '_'
    [phase] phase id "{ $id }" must use lowercase letters, digits, '-' and '_'
    [prompt] prompt id "{ $id }" must use lowercase letters, digits, '-' and '_'
    [support] support id "{ $id }" must use lowercase letters, digits, '-' and '_'
    [item] item id "{ $id }" must use lowercase letters, digits, '-' and '_'
    [alert] alert id "{ $id }" must use lowercase letters, digits, '-' and '_'
   *[limit-set] limit set name "{ $id }" must use lowercase letters, digits, '-' and '_'
}
# $kind: source, phase, support, item, alert.
pv-id-twice = { $kind ->
    [source] source id "{ $id }" is used twice
    [phase] phase id "{ $id }" is used twice
    [support] support id "{ $id }" is used twice
    [item] item id "{ $id }" is used twice
   *[alert] alert id "{ $id }" is used twice
}
pv-language = language "{ $lang }" is not one kap speaks ({ $known })
pv-no-source = at least one [[protocol.source]] is required
pv-short-name-long = the short name is for the header: { $max } characters at most
pv-course-sessions = sessions must be between 1 and { $max }, found { $found }
pv-dose-rule-twice = session { $session } already has a dose rule (dose_rule { $rule })
pv-no-dose-rule = no dose rule for { $count ->
    [one] session { $sessions } of { $of }: add a [[course.dose_rule]] for it
   *[other] sessions { $sessions } of { $of }: add a [[course.dose_rule]] for them
}
pv-dose-as-session = dose_as_session must name a course session (1 to { $last }), found { $found }
pv-interval-twice = the gap before session { $session } is already set (interval { $interval })
pv-interval-one-session = a course of one session has no intervals
pv-below = { $key } ({ $value }) is below { $other } ({ $limit })
pv-above = { $key } ({ $value }) is above { $other } ({ $limit })
pv-no-interval = no [[course.interval]] gives the gap before { $count ->
    [one] session { $sessions }
   *[other] sessions { $sessions }
}
pv-integration = integration needs rolling = true, within_hours or sessions
pv-max-mg-fixed = max_mg caps a weight-based dose (mg_per_kg); a fixed dose has its own amount
pv-max-mg-ceiling = max_mg { $value } is above kap's ceiling of { $ceiling } mg for any session
pv-dose-rule-amount = a dose rule needs mg_per_kg or fixed_mg
pv-mg-per-kg-ceiling = { $value } mg/kg is above kap's ceiling of { $ceiling } mg/kg for any session; the file is refused, not clamped
pv-default-outside = default { $value } mg/kg is outside this rule's range { $min }–{ $max } mg/kg
pv-infusion-needs-minutes = route "iv-infusion" needs infusion_minutes
pv-infusion-minutes-route = { $key ->
    [steps] steps are for route "iv-infusion", not { $route }
   *[other] { $key } only applies to route "iv-infusion", not { $route }
}
pv-beside-steps = { $key } cannot be set beside steps: each step gives its own amount and minutes
pv-two-steps = a stepped dose needs at least two steps; one step is written as mg_per_kg and infusion_minutes
pv-step-amount = a step needs mg_per_kg or fixed_mg
pv-steps-ceiling = the steps add up to { $value } mg/kg, above kap's ceiling of { $ceiling } mg/kg for any session; the file is refused, not clamped
pv-steps-too-long = the steps run { $value } min in all, longer than a session kap can run ({ $max } min)
pv-fixed-ceiling = { $value } mg is above kap's ceiling of { $ceiling } mg for a fixed dose
pv-minutes-too-long = { $key } { $value } is longer than a session kap can run ({ $max } min)
pv-no-measure = name at least one measure to record
pv-measure-twice = measure "{ $measure }" is listed twice (prompted and continuous are exclusive)
pv-alert-threshold = an alert needs a threshold: above or below
pv-confirm-after = confirm_after_minutes must be at least 1 (leave it out to alert on the first reading)
pv-audio-pause = audio_pause_max_minutes must be 1 to 30: a paused alarm must come back
pv-high-vs-medium = a high-priority alarm cannot be paused longer, or escalate later, than a medium one
pv-implausible = { $value } { $unit } is not a plausible { $measure } (kap accepts { $min }–{ $max })
pv-out-of-range = { $key } = { $value }{ $unit } is outside what any protocol could mean ({ $min } to { $max }{ $unit }; see "Plausible ranges" in docs/protocol-format.md)
pv-below-plausible = { $key } = { $value }{ $unit } is below what any protocol could mean (at least { $min }{ $unit }; see "Plausible ranges" in docs/protocol-format.md)
pv-limit-bound = a limit needs min, max or both
pv-no-phase = a protocol needs at least one [[phase]]
pv-role-taken = role "{ $role }" is already taken by phase "{ $phase }"
pv-prompt-id-taken = prompt id "{ $id }" is already used in phase "{ $phase }"
pv-no-maintenance = maintenance = true needs [course.maintenance]: this course has no maintenance sessions
pv-no-dosing-phase = no phase has role = "dosing": a protocol needs one infusion or dosing phase
pv-gate-both = a gate names one of a prompt, vitals or a score, not more
pv-gate-neither = a gate needs prompt, vitals or score
pv-gate-score-not-scored = prompt "{ $id }" is not a scored rating scale (kind = "scale" with items and scoring)
pv-gate-min-score-needed = a score gate needs min_score: the lowest score that lets the phase go on
pv-gate-min-score-range = min_score must be a score the scale can give: { $min }–{ $max }
pv-min-score-without-score = min_score is for a score gate (score = "a scale prompt")
pv-no-such-prompt = no prompt has id "{ $id }"
pv-music-prompt = music.prompt names "{ $id }", which is not a text prompt of this protocol
pv-gate-own-phase = prompt "{ $id }" belongs to this phase, so it cannot be answered before the phase begins
pv-gate-later-phase = prompt "{ $id }" belongs to phase "{ $phase }", which comes after this one
pv-within-minutes-vitals = within_minutes only applies to vitals gates
pv-no-limit-set = no limit set "{ $set }" in [vitals.limits] (known: { $known })
pv-no-limit-set-none = no limit set "{ $set }" in [vitals.limits] (known: none)
# $kinds: choice (choice and multi-choice), number, scale; $kind is the prompt's kind as the file writes it.
pv-only-for = { $key } only applies to { $kinds ->
    [choice] choice and multi-choice
    [number] number
   *[scale] scale
} prompts, not { $kind }
pv-needs-choices = a { $kind } prompt needs a list of choices
pv-empty-choice = a choice must not be empty
pv-choice-twice = choice "{ $choice }" is listed twice
pv-finite = { $key } must be a finite number
pv-scale-min-max = scale min ({ $min }) must be below max ({ $max })
pv-anchor-outside = anchor { $value } is outside the scale { $min }–{ $max }
pv-scoring-no-items = scoring needs items to combine
pv-scoring-unknown-item = scoring refers to item "{ $id }", which the scale does not have
pv-due-one = due needs exactly one of at_minute, with_vitals or before_close
pv-due-window = at_minute needs window_minutes (how long until it is overdue)
pv-window-only = window_minutes only applies with at_minute
pv-at-minute-too-late = at_minute { $value } is longer than a session kap can run
pv-site-value-unknown = site.values names "{ $path }", which this file does not set (write paths as diagnostics print them, e.g. course.interval[1].min_days)
pv-site-value-table = site.values names "{ $path }", a whole table: name each value the site sets
sc-implausible = { $value } is not a plausible { $measure } (expected { $min }–{ $max })
sc-noise = noise must be between 0 and 20, found { $value }
sc-diastolic = diastolic must be below systolic
sc-drift-order = minutes must run from_minute ≤ peak_minute ≤ end_minute
sc-from-minute = from_minute must be 0 or later
sc-minute-outside = minute { $value } is outside 0–480
# $what: spike, spo2-probe-off (event kinds as the scenario file writes them).
sc-needs = { $what ->
    [spike] a spike needs { $key }
   *[other] { $what } needs { $key }
}
sc-duration = duration_minutes must be between 0 and 480
sc-unknown-note-tag = expect_note_tag "{ $tag }" is not one of kap's note tags: { $tags }; for the music, use expect_music = true
sc-one-expectation = an event expects one thing: request_stop, expect_note_tag, expect_music, expect_risk, expect_rescue or expect_agreement_kept, not several

## Event kinds, as refusals name them (journals keep the English kind)

event-kind-started = session start
event-kind-answered = answer
event-kind-ticked = tick
event-kind-recorded = recorded time
event-kind-vitals = vitals
event-kind-note = note
event-kind-advanced = phase change
event-kind-dosing-started = dosing start
event-kind-dosing-paused = dosing pause
event-kind-dosing-resumed = dosing resumed
event-kind-dosing-stopped = dosing stop
event-kind-alert-acknowledged = alert acknowledgement
event-kind-music-chosen = music choice
event-kind-music-started = music start
event-kind-music-stopped = music stop
event-kind-music-ended = music end
event-kind-track-changed = track change
event-kind-music-problem = music problem
event-kind-checked-in = check-in
event-kind-goals-set = goals
event-kind-debrief-started = debrief start
event-kind-closed = closing
event-kind-abandoned = early end
event-kind-consent-withdrawn = consent withdrawal
event-kind-corrected = correction
event-kind-addendum = addendum
event-kind-alarm-audio-paused = alarm sound pause
event-kind-alarm-audio-resumed = alarm sound resumed
event-kind-alarm-self-test = alarm self-test
event-kind-technical-alarm = technical alarm

## Quick note tags, as shown (journals and scenarios keep the English tag)

note-tag-nausea = nausea
note-tag-vomiting = vomiting
note-tag-distress = distress
note-tag-tearful = tearful
note-tag-bp-intervention = BP intervention
note-tag-dizziness = dizziness
note-tag-anxiety = anxiety
note-tag-asked-to-stop = asked to stop
note-tag-touch = supportive touch

## Times taken late, and command-line errors written in code

late-not-a-time = { $at } is not a time
late-in-future = { $at } is later than now ({ $now }): a time taken cannot be in the future
late-minutes-ago = "{ $typed }": minutes ago are written -5m (at most a day)
late-not-time-of-day = "{ $typed }" is not a time of day (HH:MM)
late-how = "{ $typed }": a time taken is written 10:42 or -5m
ref-not-replaced = this entry ({ $kind }) is not replaced; mark it entered in error, or add a note
closed-no-summary = no summary.md beside the journal
cli-give-protocol = give a protocol file with --protocol
cli-scenario-other-protocol = { $file }: the scenario is written for protocol "{ $scenario }", not "{ $protocol }"
cli-speed-range = { $speed } is outside { $min } to { $max } (times real time)

## A label and its value (French puts a space before the colon)

label-value = { $label }: { $value }

## kap push: config errors and --status lines (each line's first word, pending, sent or failed, stays English: scripts read it)

push-token-both = give token_file or token_env, not both
push-empty-path = empty path
push-not-env-name = not an environment variable's name (letters, digits and _)
push-timeout-range = { $value } is outside 1 to 600
push-not-a-url = "{ $url }" is not a URL (https://host/path)
push-scheme = the scheme must be https, not "{ $scheme }"
push-url-credentials = no user name or password in the URL: put the token in token_file
push-url-query = no query or fragment: the server's base address only
push-url-spaces = spaces or control characters in the URL
push-url-no-host = no host in the URL
push-url-invalid = not a valid URL ({ $error })
push-plain-http = plain http:// sends records unencrypted: use https:// (http:// is accepted only to 127.0.0.1, ::1 or localhost, or with allow_insecure_http = true for testing)
push-token-mode = { $file }: the token file can be read or changed by other users (mode { $mode }): chmod 600 { $file }
push-token-empty = { $whence }: the token is empty
push-token-chars = { $whence }: the token must be one line of printable ASCII without spaces
push-config-unreadable = { $file }: cannot read the push config: { $error }
push-no-config-dir = no config folder could be found for this user; name the push config with --config or { $var }
push-token-env-unset = { $file }: token_env names ${ $name }, which is not set (or not UTF-8)
push-token-file = { $file }: token file: { $error }
push-token-not-utf8 = { $file }: the token file is not UTF-8 text
push-describe-pending = pending: not sent yet
push-describe-sent = sent { $at } to { $server } (HTTP { $status }, { $ms } ms, { $resources ->
    [one] { $resources } resource
   *[other] { $resources } resources
}{ $tries ->
    [1] {""}
   *[other] , after { $tries } tries
})
push-describe-failed = failed { $tries ->
    [one] { $tries } time
   *[other] { $tries } times
} (last { $at }): { $error } — next try from { $next }
push-not-status-file = { $file }: not a push status file ({ $error })
push-status-other-session = { $file }: the file is for session "{ $session }", not this folder's

## kap doctor: what the probes found

doctor-folder-exists = data folder { $folder } exists
doctor-folder-not-folder = data folder { $folder } is not a folder
doctor-folder-no-parent = data folder { $folder } does not exist and has no existing parent
doctor-folder-cannot-create = data folder { $folder } does not exist and cannot be created: { $parent } is not a folder
doctor-folder-created-later = data folder { $folder } does not exist yet; kap creates it (mode 0700) at the first session
doctor-folder-writable = data folder is writable
doctor-parent-writable = { $parent } is writable, so kap can create it
doctor-cannot-write = cannot write in { $folder }: { $error }
doctor-space-unreadable = cannot read the free space: { $error }
doctor-probe-left = wrote { $file } but cannot remove it: { $error }
doctor-cannot-resolve = cannot resolve { $folder }
doctor-no-mountinfo = no /proc/self/mountinfo on this system
doctor-mount-not-listed = its mount is not in /proc/self/mountinfo
doctor-fs-on = { $fstype } on { $mount }
doctor-no-disk = { $on }, which has no disk of its own to inspect
doctor-no-block-device = { $on }: no block device found for { $source }
doctor-luks = dm-crypt/LUKS { $name } under { $source }
doctor-no-sync-answer = no answer from timedatectl and no systemd-timesyncd state
doctor-cannot-print = kap doctor: cannot write the report: { $error }
doctor-no-data-folder = no data folder: { $error } (set KAP_DATA_DIR)
doctor-boottime = CLOCK_BOOTTIME reads { $since } since boot (the infusion timer counts suspend)
doctor-no-boottime = cannot read CLOCK_BOOTTIME ({ $error }): the infusion timer needs it
doctor-time-zone = time zone { $zone } (from { $from }), now UTC{ $offset }
doctor-no-time-zone = no time zone set (no TZ, no /etc/localtime): times are recorded as UTC{ $offset }
doctor-audio-off = sound turned off by KAP_AUDIO=off
doctor-audio-not-built = this kap was built without audio: music must come from another device
doctor-audio-unavailable = { $why }: music cannot play
doctor-audio-ok = audio device opens and played 0.2 s of silence
doctor-audio-cannot-play = audio device opens but cannot play: { $error }
doctor-protocols-unreadable = cannot read the protocols folder { $folder }: { $error } (--protocols DIR)
doctor-no-protocols = no protocol files (*.toml) in { $folder }
doctor-push-broken = push: the config is wrong, nothing can be sent: { $why }
doctor-token-file-private = token from file { $file }, readable only by you
doctor-token-file-open = the token file can be read by others (mode { $mode }): chmod 600 { $file } — kap push refuses it until then
doctor-token-file = token from file { $file }
doctor-token-unreadable = the token file cannot be read: { $error }
doctor-token-env = token from ${ $name }
doctor-token-env-unset = ${ $name } is not set here (a cron job or timer must set it too)
doctor-no-token = no token: requests carry no Authorization header
doctor-push-insecure = allow_insecure_http: records go unencrypted (for testing only)
doctor-push-failed = { $failed ->
    [one] { $failed } session failed to send
   *[other] { $failed } sessions failed to send
} (kap push --status)
doctor-push-configured = push: configured to { $url } ({ $token }){ $waiting ->
    [0] {""}
    [one] ; { $waiting } closed session waiting to be sent
   *[other] ; { $waiting } closed sessions waiting to be sent
}

## --help (clap's derive text, word for word: a test compares them). Ids: cli-help-<command path>, -long, -after; cli-help-<command path>--<argument>.
## clap's own words (headings, the help and version flags) are only used in French and Portuguese: English keeps clap's.

cli-help-kap = A terminal companion for ketamine-assisted psychotherapy dosing sessions
cli-help-kap-long = kap walks a clinician through a ketamine-assisted psychotherapy dosing session as its protocol file describes it, and keeps a record that survives a crash.

    kap is a documentation and workflow aid, not a medical device. Alarm limits and every other site-set value in a protocol file are the site's to set and review.
cli-help-kap-after = Environment:
      KAP_DATA_DIR   where records are kept (default: ~/.local/share/kap)
      KAP_LANG       kap's language when --lang is not given: en, fr-CA or pt-BR
      KAP_PUSH_CONFIG  the site's push config for `kap push` (default: ~/.config/kap/push.toml, else /etc/kap/push.toml)
      KAP_SITE_DIR   the site's own files (default: /etc/kap): protocols/, scenarios/, playlists/, push.toml, clinicians.toml, monitor.toml
      KAP_MONITOR_CONFIG  the bedside monitor's settings (default: ~/.config/kap/monitor.toml, else /etc/kap/monitor.toml)
      KAP_SHARE_DIR  shipped protocols, scenarios and playlists (default: /usr/share/kap)
      KAP_AUDIO=off  no sound
      NO_COLOR       the plain theme
      ACCESSIBLE     the screen-reader mode (as --screen-reader)

    A relative protocol, scenario or playlist path is looked for in the working directory, then the site folder, then KAP_SHARE_DIR, then /usr/share/kap.

    Before the first patient on a new laptop, run `kap doctor`.
cli-help-kap--lang = Language of kap's words: en, fr-CA or pt-BR (else KAP_LANG, the protocol's language, the system locale, English)
cli-help-kap-protocol = Check, show and use protocol files
cli-help-kap-protocol-check = Check protocol files; exit 0 when all are valid, 1 otherwise
cli-help-kap-protocol-check--files = Protocol files (TOML)
cli-help-kap-protocol-show = Show a protocol, as text or as normalised JSON
cli-help-kap-protocol-show--json = Print the normalised protocol as JSON (keys as in docs/protocol-format.md)
cli-help-kap-protocol-dose = Work out the dose for a session, with the arithmetic
cli-help-kap-protocol-dose--session = Course session number (1-based)
cli-help-kap-protocol-dose--weight = Patient weight in kg
cli-help-kap-protocol-dose--mg-per-kg = mg/kg inside the session's range (defaults to the protocol's default)
cli-help-kap-protocol-dose--json = Print the worked dose as JSON
cli-help-kap-run = Run a dosing session in the full-screen app
cli-help-kap-run--protocol = Protocol file (TOML)
cli-help-kap-run--patient = Pseudonymous patient id
cli-help-kap-run--session = Course session number (1-based)
cli-help-kap-run--weight = Weight in kg
cli-help-kap-run--mg-per-kg = mg/kg inside the session's range, when the protocol has no default
cli-help-kap-run--clinician = Clinicians present: name or initials and role, `;` between them (default: those named at the last start here)
cli-help-kap-run--theme = Colour theme (default: dim; plain when NO_COLOR is set)
cli-help-kap-run--playlists = Folder of M3U playlists offered in the intentions phase
cli-help-kap-run--alarm-device = Output device for alarm sounds and chimes, apart from the music's (an ALSA PCM name such as hw:1,0, or the start of its description)
cli-help-kap-run--screen-reader = A line-by-line transcript for screen readers instead of the full screen (also when ACCESSIBLE is set)
cli-help-kap-rehearse = Rehearse a session on simulated time (a training run, kept apart)
cli-help-kap-rehearse--protocol = Protocol file (TOML)
cli-help-kap-rehearse--patient = Pseudonymous patient id
cli-help-kap-rehearse--session = Course session number (1-based)
cli-help-kap-rehearse--weight = Weight in kg
cli-help-kap-rehearse--mg-per-kg = mg/kg inside the session's range, when the protocol has no default
cli-help-kap-rehearse--clinician = Clinicians present: name or initials and role, `;` between them (default: those named at the last start here)
cli-help-kap-rehearse--theme = Colour theme (default: dim; plain when NO_COLOR is set)
cli-help-kap-rehearse--playlists = Folder of M3U playlists offered in the intentions phase
cli-help-kap-rehearse--alarm-device = Output device for alarm sounds and chimes, apart from the music's (an ALSA PCM name such as hw:1,0, or the start of its description)
cli-help-kap-rehearse--screen-reader = A line-by-line transcript for screen readers instead of the full screen (also when ACCESSIBLE is set)
cli-help-kap-rehearse--speed = Simulated time runs this many times faster (1 to 120)
cli-help-kap-rehearse--scenario = Scenario file: the simulated patient (see scenarios/)
cli-help-kap-rehearse--seed = Seed for the scenario's noise (default: the scenario's own)
cli-help-kap-resume = List unfinished sessions, or continue one
cli-help-kap-resume--id = Session id (its folder name) from the list
cli-help-kap-resume--rehearsal = Rehearsal sessions instead of real ones
cli-help-kap-resume--status = Print where the session stands instead of opening it
cli-help-kap-resume--screen-reader = A line-by-line transcript for screen readers instead of the full screen (also when ACCESSIBLE is set)
cli-help-kap-resume--alarm-device = Output device for alarm sounds and chimes (see `run --help`)
cli-help-kap-resume--clinician = Who writes now (an addendum days later): their id or name in the site's directory of clinicians (clinicians.toml)
cli-help-kap-export = Export one session: Markdown or HTML summary, CSV vitals or a FHIR R4 Bundle; or, with --course, a patient's whole course (HTML or CSV)
cli-help-kap-export--session = Session id (folder name, as `kap history` shows) or folder path
cli-help-kap-export--course = A patient's course of care (every protocol's): one HTML page with its charts (`--format html`) or a table (`--format csv`)
cli-help-kap-export--rehearsal = With --course: the rehearsal records of that patient
cli-help-kap-export--output = Write to this file instead of standard output
cli-help-kap-export--transaction = FHIR only: a `transaction` Bundle a server imports as it is (each resource created once), instead of a `collection`
cli-help-kap-push = Send closed sessions to the clinic's FHIR server (kap's only network path, off until push.toml names a server; see docs/exports.md)
cli-help-kap-push--session = Session id to send (even if sent before: the server adds nothing new)
cli-help-kap-push--all = Send every closed session not sent yet, and retry failed ones whose wait is over
cli-help-kap-push--status = List each closed session's push state; sends nothing
cli-help-kap-push--config = Site config file (default: $KAP_PUSH_CONFIG, else push.toml in kap's config folder)
cli-help-kap-push--include-rehearsals = Rehearsals too (never sent otherwise)
cli-help-kap-push--now = With --all: retry failed sessions without waiting
cli-help-kap-history = A patient's course: every session, oldest first, and the goals
cli-help-kap-history--patient = Pseudonymous patient id
cli-help-kap-history--protocol = Only sessions under this protocol id (default: all)
cli-help-kap-history--rehearsal = Rehearsal records instead of real ones
cli-help-kap-playlists = List playlists with their tracks and length, and what kap can play
cli-help-kap-playlists--dir = Folder of M3U/M3U8 playlists
cli-help-kap-playlists--protocol = Warn about playlists shorter than this protocol's music length
cli-help-kap-doctor = Check this computer before a session: data folder, audio, terminal, clock, protocols, unfinished sessions; exit 1 on any FAIL
cli-help-kap-doctor--protocols = Folder of protocol files to check
cli-help-kap-doctor--json = Print the checklist as JSON
cli-help-kap-verify = Check every record in the data folder (or the folders named): hash chain, seals, protocol copy, lock, file modes. Exit 0 when every record is whole, 1 when a problem is found, 2 when there is no data folder
cli-help-kap-verify--paths = Session folders, data folders or folders of session folders (default: the data folder)
cli-help-kap-verify--json = Print the problems as JSON
cli-help-usage = Usage:
cli-lang-unknown = kap speaks en, fr-CA and pt-BR, not "{ $lang }"
cli-help-heading-commands = Commands
cli-help-heading-arguments = Arguments
cli-help-heading-options = Options
cli-help-flag-help = Print help
cli-help-flag-help-short = Print help (see more with '--help')
cli-help-flag-help-long = Print help (see a summary with '-h')
cli-help-flag-version = Print version
cli-help-help = Print this message or the help of the given subcommand(s)

## The vitals line: what is refused, and technical messages

vitals-empty = nothing entered — e.g. 128/82 76 97 or hr 80
vitals-not-understood = "{ $typed }" is not understood — e.g. 128/82 76 97, bp 130/85, hr 80, spo2 95
vitals-unlabelled = "{ $typed }": numbers without a label must follow a blood pressure (128/82 76 97); otherwise write hr 76 or spo2 97
vitals-twice = { $what ->
    [bp] blood pressure
    [hr] heart rate
   *[spo2] SpO₂
} is entered twice
vitals-half-bp = blood pressure needs both numbers, e.g. 128/82
vitals-implausible = { $measure } { $value } { $unit } is not plausible (expected { $min }–{ $max }) — check the entry
vitals-diastolic = blood pressure { $bp }: the diastolic must be below the systolic — check the order
tech-alarm-device = !!! HIGH TECHNICAL ALARM — { $why }: alarm sounds go to the music's device
tech-recreated = Session folder re-created at { $folder }: every saved entry is in it; entries save again

## Playlists: the music picker and kap playlists

playlist-line = { $name } — { $tracks ->
    [one] { $tracks } track
   *[other] { $tracks } tracks
}, { $minutes } min
playlist-unknown-length = {" "}(+{ $count } of unknown length)
playlist-missing = , { $count } missing
playlist-short = { $name } runs { $minutes } min, shorter than the protocol's { $min }–{ $max } min
playlist-stream = { $line }: streams and URLs are not played (no network use)
playlists-none = No .m3u or .m3u8 playlists in { $folder }
playlists-unreadable = { $file }: cannot read ({ $error })
playlists-missing-mark = MISSING
playlists-problem = line { $line }: { $problem }
playlists-warning = warning: { $warning }
playlists-playback-ok = Playback: an audio device is available
playlists-playback-silent = Playback: silent — { $why }

## Refusals, holds and screen lines that were written in code

hold-infusion-running = { $what ->
   *[infusion] the infusion is running ({ $left } left): let it finish or stop it with a reason
    [bolus] the observation after the dose is running ({ $left } left): let it finish or end it with a reason
}
hold-infusion-paused = the infusion is paused: resume it, or stop it with a reason
ref-dose-disagrees = the recorded dose of { $recorded } mg is not what the protocol gives for { $weight } kg at { $per_kg } mg/kg ({ $dose } mg)
ref-session-closed = the session is closed
ref-session-closed-hold = signed, it takes only an addendum now, with its reason
ref-infusion-cannot-start = the infusion cannot start yet
ref-cannot-close = the session cannot close yet
ref-discharge-not-done = the discharge items are not all done
ref-before-close-not-done = required items before closing are not done
flash-music-marked-silent = Music marked as playing — no sound here ({ $why }): use another player
tech-folder-gone = the session folder { $folder } was removed, moved or replaced; nothing is being saved
pair-enter-next-line = goes to the next line
help-any-key-closes = any key closes this help
help-page = page { $page } of { $pages } · PgDn/Space next · PgUp back · any other key closes
help-title = Keys
key-name-enter = Enter
key-name-space = Space
key-name-esc = Esc
key-name-tab = Tab
audio-silent-off = audio turned off (KAP_AUDIO=off)
fhir-alarm-text = { $priority } priority alarm { $id }: { $headline }

## The journal: what verification finds, record errors, and files kap will not read

verify-unreadable = unreadable, skipped ({ $error })
verify-altered = failed verification: its checksum does not match its content (changed after it was written)
verify-chain-broken = failed verification: its link to the line before does not match (a line before it is missing, moved or changed)
verify-sequence = entry number { $found } where { $expected } was expected ({ $order ->
    [repeated] repeated or out of order
   *[gap] entries missing before it
})
verify-refused = skipped: it does not fit the session ({ $refusal })
verify-implausible = does not agree with the record: { $why }
verify-entry-at = entry { $entry } ({ $kind } at { $at }): { $finding }
verify-entry = entry { $entry }: { $finding }
verify-newer = line { $line } was written by a newer kap (journal schema { $found }; this kap reads schemas 1 to { $reads }); open it with that version
verify-torn = { $file }:{ $line }: the last entry was cut short by a crash ({ $bytes } bytes) and was not saved; it is skipped
verify-unchained = { $file }: { $count ->
    [one] { $count } entry was written before journals carried checksums (schema 1): read, but it cannot be verified
   *[other] { $count } entries were written before journals carried checksums (schema 1): read, but they cannot be verified
}
record-no-data-dir = no data directory could be found for this user; set KAP_DATA_DIR
record-protocol-copy = the session's copy of its protocol does not load:
record-no-start-entry = { $file }: the journal has no start entry
record-replay-refused = { $file }: entry { $entry } does not fit the session ({ $refusal })
record-bad-id = "{ $id }" is not a session id: ids are folder names as `kap resume` lists them (no slashes, no leading dot, no control characters)
record-no-start = { $file }:{ $line }: the first readable entry is not the session's start, so the record cannot be rebuilt
record-locked = { $folder }: this session is open in another kap ({ $holder }); close it there first — two programs writing one record would corrupt it
record-lock-failed = { $file }: cannot lock the session: { $error }
lock-holder-process = process { $pid }
lock-holder-since = , since { $since }
lock-holder-unknown = a process that has not yet said who it is
record-folder-open = the data folder { $folder } can be read by other users (mode { $mode }); records are private — use a folder only you can read (chmod 700)
record-not-saved = NOT SAVED — { $error }
record-not-a-folder = not a folder
record-data-not-a-folder = not a folder (check KAP_DATA_DIR)
input-not-regular = not a regular file (a folder, device or pipe cannot be read as one)
input-too-big = the file is larger than the { $kib } KiB kap reads
input-link-refused = a symbolic link, which kap does not follow in its records (a link could point anywhere)
record-unreadable-session = { $file } was left out: { $error }

## kap push: network and server answers

push-ca-file-error = { $file }: ca_file: { $error }
push-ca-file-empty = { $file }: ca_file holds no PEM certificate (-----BEGIN CERTIFICATE-----)
push-net-refused = connection refused by { $url }: nothing is listening there (is the server running? is base_url right?)
push-net-timeout = no answer from { $url } within { $secs } s
push-net-closed = the connection to { $url } was closed before the answer came ({ $error })
push-net-error = network error talking to { $url }: { $error }
push-net-no-host = host not found: the name in { $url } does not resolve (DNS; check base_url and the network)
push-net-timed-out-at = no answer from { $url } within { $secs } s (timed out at { $at })
push-net-tls = TLS error with { $url }: { $error }
push-net-tls-hint = the server's certificate is not trusted (or not for this name): a clinic's own CA goes in ca_file
push-net-pem = TLS: cannot read a certificate: { $error }
push-net-too-big = the answer from { $url } is larger than the { $mib } MiB kap reads
push-net-no-connect = could not connect to { $url }
push-net-not-http = { $url } did not answer in HTTP/1.1 ({ $error })
push-locked = another kap push is running on { $folder } (lock { $lock }); try again when it ends
push-cannot-lock = { $lock }: cannot lock: { $error }
push-redirect = HTTP { $status }: the server sent kap elsewhere{ $to }; kap does not follow redirects with a record — set base_url to the server's own address
push-not-json = HTTP { $status }, but the answer is not JSON: { $body }
push-not-transaction-response = HTTP { $status }, but the answer is not a transaction-response Bundle (resourceType { $resource }, type { $kind })
push-entry-refused = HTTP { $status }, but entry { $entry } was answered "{ $answer }" { $why }
push-entries-unanswered = HTTP { $status }: the server answered for { $answered } of the { $sent } entries sent; the record is not taken as sent
push-empty-answer = (empty answer)
cli-terminal-unusable = cannot use this terminal: { $error }
cli-terminal-error = terminal error: { $error }
cli-cannot-write-output = cannot write output: { $error }
cli-cannot-write-json = cannot write JSON: { $error }
cli-warning = warning: { $warning }
cli-lang-passed-over = notice: kap has no words in "{ $lang }"; it speaks en, fr-CA and pt-BR
cli-help-kap-instruct = Attach an instructor's console to a running rehearsal on this machine: watch the trainee and change the simulated patient
cli-help-kap-instruct--session = Rehearsal id (its folder name) or folder; default: the only rehearsal running
cli-help-kap-replay = Play a session's journal back on the session's screens, read-only, at any speed; a rehearsal can be branched into a new one
cli-help-kap-replay--session = Session id (folder name, as `kap history` shows) or folder path
cli-help-kap-replay--speed = Replayed time runs this many times faster (1 to 480)
cli-help-kap-replay--branch-at = Rehearsal only: start a new rehearsal from the record as it stood this many minutes after the start of dosing (as the trainee report counts; negative: before it), and open it
cli-help-kap-replay--no-open = With --branch-at: make the branch and print its folder, without opening it
cli-help-kap-replay--screen-reader = A line-by-line transcript for screen readers instead of the full screen (also when ACCESSIBLE is set)
audio-silent-replay = replay: nothing plays, nothing is recorded
sc-one-start = exactly one state needs from_minute (the start state), found { $found }
sc-state-twice = state "{ $id }" is defined twice
sc-between = { $key } must be between { $min } and { $max }
sc-between-found = { $key } must be between { $min } and { $max }, found { $value }
sc-unknown-action = unknown action "{ $action }"; expected infusion-paused, infusion-stopped, note-tag:TAG, alarm-acknowledged, vitals-entered or timeout
sc-timeout-after = a timeout needs after_minutes
sc-within-after = within_minutes must be later than after_minutes
sc-no-event = no event has id "{ $id }"
sc-no-state = no state has id "{ $id }"
sc-state-self = a state cannot move to itself
sc-otherwise-window = otherwise needs a window: a next with within_minutes
sc-state-circle = these states can move in a circle without any time passing
sc-event-id = id must be unique and not empty
sc-injections-max = at most 9 named injections (the instructor's keys 1 to 9)
sc-injection-twice = id "{ $id }" is used twice
sc-injection-needs-do = a named injection needs at least one [[injection.do]]
sc-text-long = text must be at most { $max } characters
replay-empty = { $folder }: the journal is empty; there is nothing to replay
instruct-path-too-long = the socket's path { $path } is longer than the { $max } bytes Linux allows: set KAP_DATA_DIR to a shorter folder
instruct-socket-taken = another kap is serving this rehearsal's instructor socket
simlog-skipped = { $file }: { $count ->
    [one] one line could not be read and is skipped
   *[other] { $count } lines could not be read and are skipped
} (line { $lines })
audio-simulated-failure = the music device has failed (simulated)
branch-refused-after-end = The rehearsal ends at min { $minute }: branch from a moment up to then
sc-text-control = text must be one line without control characters
branch-cannot-open = the branch { $folder } was made but cannot open: { $error }
replay-journal-read-only = { $file } is open for a replay, read-only: nothing is written to it
replay-no-recreate = a replay writes nothing: the folder is not re-created
push-changed-since-sent = { $count ->
    [one] CHANGED SINCE SENT: one entry (an addendum or a co-signature) is not on the server yet; the next kap push --all sends it
   *[other] CHANGED SINCE SENT: { $count } entries (addenda or co-signatures) are not on the server yet; the next kap push --all sends them
}
push-still-open = { $id } is still open: only a closed session is sent (close it, or end it early, in kap resume { $id })
push-unverified = { $id }: the journal did not verify cleanly, so it is not sent (a transaction cannot say so); see kap export { $id } --format md, and send what it shows by hand if the clinic agrees
push-cannot-write-json = { $id }: cannot write JSON: { $error }
push-status-not-saved = { $outcome } — and the push status could not be saved: { $error }
push-status-file-unreadable = the status file cannot be read: { $error }
integrity-h = Record integrity
integrity-intro = The journal did not verify cleanly. Skipped entries are not in this summary; entries that failed verification are included but may have been changed after they were written.
integrity-line = journal line { $line }: { $what }
data-dir-unusable = the data directory cannot be used: { $error } (set KAP_DATA_DIR to a writable folder)
data-dir-not-writable = the data directory { $folder } is not writable: { $error }
start-cannot-create = could not create the record: { $error }
flash-cannot-resume = cannot resume: { $error }
reader-alarm-replay = { $priority } { $id }: { $what }. Advice: { $advice }.
reader-measure-due-replay = Due now: { $measure }.
reader-dose-replay = Dose { $mg } mg, not started yet.

# Why a vitals gate holds (state.rs gate_status).
gate-no-limit-set = { $reason } (the protocol has no limit set "{ $set }")
gate-none-recorded = no { $measure } recorded
gate-too-old = the last { $measure } ({ $value }) was at { $at }, more than { $minutes } min ago
gate-score-none = { $reason } — no “{ $prompt }” recorded yet
gate-score-too-old = { $reason } — “{ $prompt }” was last rated at { $at }, more than { $minutes } min ago
gate-score-below = { $reason } — “{ $prompt }” scored { $score }, below { $min }
gate-above = { $measure } { $value } is above the protocol's limit of { $limit }
gate-below = { $measure } { $value } is below the protocol's limit of { $limit }
gate-outside = { $measure } { $value } is outside the protocol's limits

## a record's verdict (record/verdict.rs), kap verify (cli/verify_cmd.rs)

verdict-word-open = OPEN
verdict-word-closed = closed
verdict-word-ended-early = ended early
verdict-word-damaged = DAMAGED
verdict-missing = entries missing after entry { $after } (it was sealed with { $sealed } entries)
verdict-seal-mismatch = entry { $entry }'s line is not the line that was sealed
verdict-lines = { $count ->
    [one] 1 line failed
   *[other] { $count } lines failed
} verification, the first at line { $line }
verdict-seal-unreadable = its seal (seal.json) cannot be read: { $error }
seal-bad-version = seal format { $found } (this kap reads 1)
seal-bad-hash = last_sha256 is not a SHA-256
seal-no-entries = it seals no entries
verdict-record = record { $id }: { $verdict }
verdict-not-resumed = { $id } is damaged, so it is not continued: { $verdict }. `kap verify` names what is wrong; docs/backup.md says how to restore it from a copy
verdict-seal-not-saved = the seal (seal.json) was not saved: { $error }
cli-damaged-records = Damaged, not offered for resume (kap verify names what is wrong):
cli-damaged-line = { $id }  patient { $patient }  session { $session }  { $verdict }
cli-damaged-line-no-start = { $id }  patient and session cannot be read  { $verdict }
cli-history-no-start = Damaged records whose first entry cannot be read (kap cannot tell whose they are; kap verify names what is wrong):
cli-history-no-start-line = { $status }  { $id }
push-damaged = { $id } is damaged and is not sent as if whole: { $verdict } (kap verify names what is wrong)
doctor-no-damaged = no damaged records
doctor-damaged = { $count ->
    [one] 1 damaged record
   *[other] { $count } damaged records
}: { $list } — kap verify names what is wrong
verify-cmd-line = { $path }: { $what }
verify-cmd-line-at = { $path }:{ $line }: { $what }
verify-cmd-clean = { $records ->
    [one] 1 record checked
   *[other] { $records } records checked
}: every one whole
verify-cmd-summary = { $records ->
    [one] 1 record checked
   *[other] { $records } records checked
}: { $problems ->
    [one] 1 problem
   *[other] { $problems } problems
} in { $bad ->
    [one] 1 record
   *[other] { $bad } records
}
verify-cmd-no-path = not found
verify-cmd-foreign = not something kap writes here
verify-cmd-not-a-record = not a kap record (no journal.jsonl)
verify-cmd-not-a-file = not a regular file
verify-cmd-mode = mode { $mode }: other users can read or change it (kap makes files 0600 and folders 0700)
verify-cmd-protocol-copy = the protocol copy cannot be used: { $error }
verify-cmd-journal = the journal cannot be read: { $error }
verify-cmd-no-start = no readable start entry: the record cannot be rebuilt

## The keys of dialogs and help (the key table)

key-dialog-save = save (or the next field)
key-dialog-other-field = the other field (a correction, an addendum)
key-dialog-cancel = cancel (twice once text is typed)
key-confirm-yes-no = answer yes or no
key-confirm-cancel = cancel: nothing changes
key-discard-save = save the changes
key-discard-discard = discard the changes
key-discard-back = back to the editor
key-timeline-move = move
key-timeline-ends = first or last entry
key-timeline-filter = one kind of entry only
key-timeline-correct = correct (the original is kept)
key-timeline-close = close
key-music-move = move through the choices
key-music-choose = choose
key-music-preview = listen first
key-music-close = close without choosing
key-help-next-page = next page
key-help-previous-page = previous page
key-help-close = close help (any other key does too)
keys-group-dialog = In a dialog
keys-group-confirm = A yes-or-no question
keys-group-discard = Leaving the editor with changes
keys-group-timeline = The timeline
keys-group-music = Music or support
keys-group-help = Help
key-name-yes = y
key-name-no = n

## Acknowledged alarms whose condition persists

alarm-standing = ACKNOWLEDGED, condition persists
alarm-standing-more = { $count } more acknowledged
reader-alert-standing = Alarm { $alert } acknowledged, its condition persists: { $what }.

## Agreements kept in view (protocol checks)

pv-agreement-twice = a second prompt records the { $agreement } agreement (the first: { $first })
pv-agreement-after-dose = the { $agreement } agreement is made before the dose: move the prompt to a phase before the dosing phase
pv-agreement-kind = an agreement is an answer, not a { $kind }
pv-rules-out-where = rules_out belongs to an agreement's choice prompt (kind = "choice" with agreement set)
pv-rules-out-choice = choice { $choice } does not exist: this prompt has { $count } choices, counted from 1
pv-choice-codes-where = choice_codes belong to a choice or multi-choice prompt
pv-choice-code-twice = choice { $choice } has a code already
pv-rules-out-tag = "{ $tag }" is not a note tag; the tags: { $known }

## Agreements kept in view

agreement-touch = touch
agreement-distress = if distressed
agreement-guiding = guiding
agreement-eyeshades = eyeshades
agreements-line = Agreed: { $list }
ref-beyond-agreement = this goes beyond the agreement ({ $agreement }: { $answer }): give the reason
ref-beyond-agreement-reason = a note beyond an agreement needs its reason
ref-within-agreement = this note is within the agreements: save it without a reason
tl-outside-agreement = beyond the agreement: { $why }
reason-outside-agreement = Beyond the agreement — reason

## Rescue medication and ketamine accounting

pv-drug-slug = drug id "{ $id }" must use lowercase letters, digits, '-' and '_'
pv-drug-twice = drug id "{ $id }" is used twice
pv-formulary-site-set = no paper gives this figure: it is the site's to set, so list "{ $path }" in [site] values and mark its line SITE MUST REVIEW
pv-drugs-where = drugs belongs to the medication agreement's prompt (agreement = "medication")
pv-medication-kind = the medication agreement is a multi-choice: each choice names a drug of the formulary
pv-medication-doses-kind = the medication-doses agreement is a number: the most doses of each agreed drug
pv-drugs-count = drugs names { $drugs } drugs for { $choices } choices: one drug per choice, in order
pv-drug-unknown = "{ $id }" is not a drug of the formulary (known: { $known })
agreement-medication = rescue medication
agreement-medication-doses = most rescue doses
med-route-iv = IV
med-route-im = IM
med-route-sc = SC
med-route-po = by mouth
med-route-sl = sublingual
med-route-in = intranasal
med-route-pr = rectal
med-beyond-none-agreed = no rescue medication was agreed
med-beyond-not-agreed = not the medication agreed ({ $agreed })
med-beyond-above-max = above the formulary's most single dose ({ $max })
med-beyond-more-than-agreed = more doses than agreed (at most { $most })
med-beyond-more-than-formulary = more doses than the formulary allows in a session ({ $most })
ref-med-unknown-drug = "{ $drug }" is not in the protocol's formulary (known: { $known })
ref-med-dose = a dose must be a positive number
ref-med-route = { $drug } is not given by that route here (the formulary's routes: { $routes })
ref-med-given-by = say who gave it
ref-med-indication = say what it was given for
ref-med-beyond = this dose goes beyond what was agreed or allowed: give the reason
ref-med-within = this dose is within the agreement and the formulary: save it without a reason
ref-med-effect-empty = an effect needs words
ref-med-no-dose = entry { $entry } is not a rescue dose of this session
ref-med-effect-before = an effect cannot be checked before the dose was given
ref-ketamine-mg = an amount of ketamine is more than 0 and at most { $max } mg
ref-waste-no-witness = a waste needs a witness: the name of a second person who saw it
ref-waste-own-witness = the witness must be a second person, not the one recording the waste
ref-waste-no-recorder = a waste is recorded by a named clinician, with a second person as witness
ref-ketamine-accounting = the ketamine drawn up is not all accounted for
hold-ketamine-unaccounted = ketamine: { $drawn } mg drawn up, { $given } mg given, { $wasted } mg wasted — { $left } mg to account for (record the waste with its witness)
tl-med-given = { $drug } { $dose } { $route } for { $indication }, given by { $by }
tl-med-effect = Effect of the dose in entry { $entry }: { $effect }
tl-ketamine-drawn = Ketamine drawn up: { $mg } mg
tl-ketamine-wasted = Ketamine wasted: { $mg } mg, witnessed by { $witness }
event-kind-medication-given = rescue medication
event-kind-medication-effect = medication effect
event-kind-ketamine-drawn = ketamine drawn up
event-kind-ketamine-wasted = ketamine waste
key-medication = medication, ketamine drawn up or wasted
reader-word-meds = meds
med-title = Medication given, its effect, or ketamine
med-how = Type: drug, dose, route, what for (1 4 iv nausea; by 2: given by; -5m: 5 min ago) · 0 36: ketamine drawn up · 0 -33.2 2: wasted, witness 2 · effect 1 settled
med-formulary-item = { $n } { $drug } { $dose } (at most { $max }) { $routes } · { $indications } · re-check { $minutes } min
med-no-formulary = The protocol lists no rescue medication: ketamine only.
med-agreed = Agreed rescue medication: { $drugs }
med-agreed-most = Agreed rescue medication: { $drugs }, at most { $most } { $most ->
    [one] dose
   *[other] doses
} each
med-agreed-none = No rescue medication agreed
med-ketamine-line = 0 Ketamine: { $drawn } mg drawn up, { $given } mg given, { $wasted } mg wasted
med-waiting = Effect to record: { $list }
med-recheck-at = { $what }, re-check at { $at }
med-recheck-due = { $what } given at { $at }, re-check due
med-recheck-now = Re-check the effect of { $drug } { $dose } given at { $at } (M)
med-given-by = Given by: { $names }
med-line-how = not a medication line: a drug's number, dose, route, what for (1 4 iv nausea), or 0 and mg of ketamine, or effect and a number
med-line-no-drug = no drug { $n }: the formulary has { $count }
med-line-unit = { $drug } is given in { $unit }
med-line-route = which route? { $routes }
med-line-indication = given for what? Type the words or a number: { $list }
med-line-who = who gave it? by and their number: { $names }
med-line-ketamine = ketamine: 0, then mg drawn up (0 36), or minus mg wasted and the witness (0 -33.2 2)
med-line-effect = effect, then the number of the dose waiting for its re-check ({ $count } waiting), then what is seen
flash-med-saved = Saved at { $at }: { $what }
reader-recheck-due = A rescue dose's effect is due for its re-check: type { $word }, then effect and its number.
ref-med-given-by-not-present = { $who } was not named among the clinicians present ({ $present })
fhir-med-effect = effect at its re-check: { $effect }
sum-ketamine-drawn = { $at } ketamine drawn up: { $mg } mg
sum-ketamine-wasted = { $at } ketamine wasted: { $mg } mg, witnessed by { $witness }
sum-ketamine-balanced = Ketamine accounted for: { $drawn } mg drawn up = { $given } mg given + { $wasted } mg wasted
sum-ketamine-mismatch = Ketamine NOT accounted for: { $drawn } mg drawn up, { $given } mg given, { $wasted } mg wasted — difference { $difference } mg
sum-h-rescue = Rescue medication
sum-rescue = { $at } { $drug } { $dose } { $route } for { $indication }, given by { $by }
sum-rescue-effect = effect at { $at }: { $effect }
sum-rescue-no-effect = effect not recorded
proto-formulary = Formulary (rescue and as-needed medication):
proto-drug = { $drug }: { $dose } usually, { $max } at most, { $doses } doses a session; { $routes }; for { $indications }; effect re-checked at { $minutes } min

## FHIR: the human-readable text kap writes in a bundle (codes stay as
## their code systems have them)
fhir-dose-text = { $given } given; planned { $planned } mg ({ $weight } kg × { $mgkg } mg/kg), course session { $session } of { $sessions }
fhir-pump-rate = pump rate { $rate } mL/h at { $conc } mg/mL
fhir-step-over = over { $minutes } min
fhir-step-rate = at { $rate } mL/h
fhir-steps = steps: { $steps }
fhir-paused = paused: { $reason }
fhir-stopped-early = stopped early: { $reason }
fhir-protocol-action = Protocol action: { $action }
fhir-first-seen = first seen { $at }, confirmed on a repeat reading
fhir-sound-paused = { $at } alarm sound paused for { $minutes } min — { $reason }
fhir-raised-in-error = raised by a reading entered in error: { $why }
fhir-withdrawn = withdrawn at { $at }: entry { $entry } was taken earlier and shows no alarm
fhir-ack-action = acknowledged — { $action }
fhir-ack-none = acknowledged, no action typed
fhir-replaces = replaces entry { $entry } ({ $was }): { $reason }
fhir-why = why: { $reason }
fhir-patient = pseudonymous id { $patient }

## Co-signature
ref-co-sign-after-closing = a co-signature follows the signature: close the session first
ref-co-signer-not-present = { $who } was not named among the clinicians present ({ $present }); only a clinician present can co-sign
ref-co-sign-for-another = a co-signature is made by { $who } in person, not entered for them by someone else
ref-co-signer-is-signer = { $who } signed this record; a co-signature comes from another clinician present
ref-already-co-signed = { $who } already co-signed this record at { $at }
event-kind-co-signed = co-signature
tl-co-signed = Co-signed by { $who }
sum-signed-by = Signed by { $by }
sum-co-signed = Co-signed by { $by } at { $at }
fhir-signature = signature of the closed record
fhir-co-signature = co-signature of the closed record
cli-co-signed = Co-signed by { $who } at { $at }: { $id }
cli-co-sign-refused = Not co-signed: { $why }
cli-help-kap-cosign = A second clinician present co-signs a closed record (its own entry after the signature, which stays as it was)
cli-help-kap-cosign--session = Session id (folder name, as `kap history` shows) or folder path
cli-help-kap-cosign--by = Who co-signs: their name as given among the clinicians present
cli-history-signed = signed by { $by }
cli-history-co-signed = co-signed by { $by }
signoff-choose = Tab: another signer ({ $names })
spoken-signoff-choose = For another clinician present to sign, type their number: { $names }.
flash-signer = { $who } signs
cosign-title = Co-sign the record
cosign-who = Co-signed by { $who }: a second clinician present confirms this record.
cosign-choose = Tab: another clinician ({ $names })
cosign-keys = y co-sign · n or Esc not now
spoken-cosign = Co-sign the record as { $who }? Those who may co-sign: { $names }. Type yes, a number, or no.
flash-co-signed = Co-signed by { $who } at { $at }
flash-no-co-signer = No one else present can co-sign: the clinicians named at the start have all signed
key-co-sign = co-sign (a second clinician present)
closed-co-signed = co-signed by { $who } at { $at }
fhir-ketamine = ketamine
fhir-text-bp = Blood pressure
fhir-text-hr = Heart rate
fhir-text-spo2 = SpO2

# The course report (kap export --course PATIENT --format html).
html-course-title = Course of care: { $patient }
html-course-made = Made on { $date } by kap { $version } from the { $n } session records on this computer.
html-course-protocol = { $protocol }: { $held } of { $sessions } sessions held
html-course-col-date = Date
html-course-col-session = Session
html-course-col-state = State
html-course-col-dose = Ketamine given (mg)
html-course-col-dissociation = Dissociation
html-course-col-alarms = Alarms
html-course-col-clinicians = Clinicians
html-course-ended-early = ended early: { $reason }
html-course-h-measures = Outcome measures
html-course-h-sessions = Dose, dissociation and alarms by session
html-course-chart-measure = { $name }: total by session
html-course-chart-measure-desc = Totals from 0 to { $max }, one point per administration; the solid grey line is the baseline, the dashed line the response threshold, the dotted line the remission threshold.
html-course-ref-baseline = baseline { $total }
html-course-ref-response = response: { $percent } % below baseline
html-course-ref-remission = remission: below { $below }
html-course-chart-dose = Ketamine given (mg)
html-course-chart-dose-desc = The ketamine given in each session, in mg; a dash where no dose was started.
html-course-chart-dissociation = Dissociation (0–{ $max })
html-course-chart-alarms = Alarms raised
html-course-chart-alarms-desc = The alarms raised in each session that stand in its record (one raised by a reading entered in error is not counted).
cli-export-course-format = a course is exported as html or csv (--format html, --format csv)

# --- visits (issue #30) ---
pv-topics-outside-visit = topics are for a visit's phase ([[visit.phase]]), not a dosing session's
pv-visit-twice = the protocol already has a visit of kind "{ $kind }"
pv-visit-prompt-twice = prompt id "{ $id }" is used twice in this visit
pv-visit-no-phase = a visit needs at least one [[visit.phase]]
pv-visit-dosing = a visit gives no dose: its phases cannot have the dosing role
pv-visit-gate = a visit's phases have no gates
pv-visit-no-topics = the course has no such topics: add them to [course.preparation] or [course.integration]
pv-visit-sessions = a visit's prompts are asked at every visit of its kind: no sessions or maintenance here
visit-kind-assessment = assessment
visit-kind-preparation = preparation
visit-kind-integration = integration
visit-kind-follow-up = follow-up
visit-kind-maintenance-review = maintenance review
visit-contact-in-person = in person
visit-contact-phone = by phone
visit-contact-video = by video
ref-no-such-visit = the protocol "{ $protocol }" names no { $kind } visit
start-visit-contact = the protocol does not hold a { $kind } visit { $contact }
start-need-visit-clinician = Name the clinician who holds the visit.
course-what-preparation = preparation visits: { $held } held (the protocol: { $min }–{ $max })
course-what-integration-held = integration after session { $session }: visit { $at }
cli-bad-visit = "{ $kind }" is not a kind of visit ({ $kinds })
cli-bad-contact = "{ $contact }" is not a way to hold a visit (in-person, phone, video)
cli-help-kap-run--visit = A visit instead of a dosing session: assessment, preparation, integration, follow-up or maintenance-review (those the protocol names); the clinician named holds it
cli-help-kap-run--contact = How the visit is held: in-person (the default), phone or video
cli-help-kap-rehearse--visit = A visit instead of a dosing session: assessment, preparation, integration, follow-up or maintenance-review (those the protocol names); the clinician named holds it
cli-help-kap-rehearse--contact = How the visit is held: in-person (the default), phone or video
start-title-visit = New visit: { $kind } — { $protocol }
start-title-visit-rehearsal = New rehearsal visit: { $kind } — { $protocol }
start-field-visit-clinician = Clinician holding the visit
start-enter-starts-visit = Enter starts the visit.
visit-minutes = { $min }–{ $max } min
visit-done-in = done at preparation visit { $number }
visit-held-by = { $kind }, held by { $by }
cli-course-visit = { $date }  visit: { $visit }  { $id }
cli-history-visit = { $date }  visit: { $visit }  { $status }  { $id }
sum-title-visit = Visit: { $kind } — patient { $patient }
sum-visit = Visit: { $visit }
visit-checklist-count = { $visits ->
    [0] No preparation visit yet: { $total } topics to cover.
    [one] After 1 preparation visit: { $done } of { $total } topics done.
   *[other] After { $visits } preparation visits: { $done } of { $total } topics done.
}
reader-new-visit = New visit: { $kind }, { $contact }, under { $protocol }. Patient { $patient }; clinician holding the visit { $clinician }. Type { $start } to begin.
proto-visits = Visits (no dose):
key-dosing-session-or-visit = next kind: a dosing session, or a visit the protocol names
reader-word-visit = visit
reader-help-start-visit = { $visit }: the next kind of encounter (a dosing session, then each visit the protocol names and each way it may be held).

## Site identity (push.toml's patient_system and mrn_system, clinicians.toml) and the course read back from the clinic's server
push-system-not-uri = "{ $system }" is not an identifier system: write a URI (https://… or urn:…) with no spaces and no |
push-read-timeout-range = { $value } is outside 1 to 60
directory-bad-text = give one line of text, with no ; in it
directory-no-system = this clinician has no identifier system: set system at the top of the file or in the clinician
directory-twice = { $who } is in the directory twice
directory-not-utf8 = not UTF-8 text
start-clinician-unknown = "{ $who }" is not in the site's directory of clinicians ({ $file }): type an id or a name from it ({ $ids })
start-field-clinic-number = Patient (clinic's number)
start-directory-hint = Clinicians from the site's directory: { $ids }
push-mrn-lookup-failed = { $id }: the clinic's patient could not be looked up: { $error } — not sent, kept to send again
push-mrn-unknown = { $id }: no patient on { $url } has the clinic's number { $number } ({ $system }) — not sent, and kap makes no patient for it; kept to send once the clinic's record holds it
push-mrn-ambiguous = { $id }: { $count } patients on { $url } have the clinic's number { $number } ({ $system }) — not sent until the clinic's record holds one; kept to send again
push-read-status = { $url } answered the search with HTTP { $status }
push-read-not-fhir = { $url } did not answer the search with a FHIR Bundle
course-offline = Offline: showing this laptop's sessions only ({ $error })
course-from-server = { $count ->
    [one] Held on another laptop (from the clinic's server): session
   *[other] Held on other laptops (from the clinic's server): sessions
} { $sessions }
course-server-nothing = The clinic's server holds no other session of this course.
course-server-reading = Reading the clinic's server for sessions held on other laptops…
course-server-read-failed = the read of the clinic's server ended without an answer
cli-course-elsewhere = { $date }  { $session }  { $state } — on another laptop (from the clinic's server)

## The bedside monitor's feed (kap run --monitor; docs/monitor.md)
cli-help-kap-run--monitor = Listen for the bedside monitor's HL7 results (ORU^R01 over MLLP) on this address: PORT or HOST:PORT, loopback unless the site names a LAN address (see docs/monitor.md)
cli-help-kap-rehearse--monitor = Listen for the bedside monitor's HL7 results (ORU^R01 over MLLP) on this address: PORT or HOST:PORT, loopback unless the site names a LAN address (see docs/monitor.md)
feed-bad-address = --monitor { $addr }: not an address (give PORT, HOST:PORT or HOST)
feed-not-local = --monitor { $addr }: kap listens on this computer only (127.0.0.1) unless the site names this LAN address as listen in monitor.toml
feed-cannot-listen = cannot listen for the monitor on { $addr }: { $error }
feed-listening = Listening for the monitor on { $addr }
feed-received = From the monitor, unconfirmed: { $reading }
feed-wrong-patient = Monitor message refused: its patient { $sent } is not this session's
feed-none-pending = No monitor reading waits
feed-confirmed = Monitor readings confirmed: { $count }
feed-rejected = Monitor reading rejected as an artefact
feed-device-alarm = { $mark } MONITOR { $measure } { $value } ({ $rule })
feed-pending = ⧗ Monitor: { $count } unconfirmed
feed-source = from { $device }
feed-source-offset = from { $device }, clock { $offset }
feed-mean = mean { $mean }
feed-rr = RR { $rr }
tech-monitor-silent = the monitor has sent nothing for { $gap }: check its cable, the gateway and the patient
ref-monitor-no-control = a monitor reading needs its message control id
ref-monitor-duplicate = monitor message { $control } is already recorded
ref-monitor-no-reading = entry { $entry } is not a monitor reading
ref-monitor-settled = monitor reading { $entry } was settled by entry { $by }
reason-for-monitor-reject = rejecting a monitor reading
reason-monitor-reject = Why is this monitor reading an artefact?
tl-monitor-reading = Monitor { $device } (unconfirmed, device time { $time }): { $reading }
tl-monitor-confirmed = Monitor reading { $entry } confirmed: { $reading }
tl-monitor-rejected = Monitor reading { $entry } rejected as an artefact ({ $reading }): { $reason }
key-monitor-confirm = confirm the oldest monitor reading
key-monitor-confirm-all = confirm every monitor reading
key-monitor-reject = reject a monitor reading (asks why)
keys-group-monitor = Monitor readings
event-kind-monitor-reading = monitor reading
event-kind-monitor-confirmed = monitor reading confirmed
event-kind-monitor-rejected = monitor reading rejected
fhir-monitor-note = Acquired by the bedside monitor ({ $source }) and confirmed by the clinician who made the entry
reader-word-confirm = confirm
reader-word-confirmall = confirmall
reader-word-reject = reject
feed-site-invalid = the monitor settings { $file } cannot be used: { $error }
feed-site-unreadable = the monitor settings { $file } cannot be read: { $error }
feed-site-bad-bed = bed must be a label of 1 to 64 characters, without control characters

# rescue: a rescue dose or ketamine corrected, ketamine entered late
correct-med-how = Type the dose as in M: drug, dose, route, what for ({ $drugs }); by 2: given by; @10:42 or @-5m: when given
correct-ketamine-how = Type as in M: 0 36 (drawn up) or 0 -33.2 2 (wasted, witness 2); @10:42 or @-5m: when
sum-rescue-corrected = corrected { $at } by { $by }, replaces entry { $entry }: { $reason }
# sealrow
fhir-seal = the record as sealed: journal entries 1 to { $last }
doctor-clinicians-none = clinicians: no directory ({ $file }): clinicians are typed by name, each session's their own Practitioners
doctor-clinicians-ok = clinicians: { $file } lists { $count ->
    [one] { $count } clinician
   *[other] { $count } clinicians
}, each with an id, a name and an identifier system, none twice
doctor-clinicians-broken = clinicians: { $file } cannot be used (the start form cannot pick from it and push sends nothing) — { $count ->
    [one] { $count } problem
   *[other] { $count } problems
}: { $problems }
doctor-patients-off = patients: kap's own pseudonyms (push is off: nothing leaves this computer)
doctor-patients-kap = patients: kap's own pseudonym system, which every site shares: two sites' patients of the same pseudonym become one on the server; set patient_system or mrn_system in { $file }
doctor-patients-site = patients: this site's pseudonyms, in { $system }
doctor-patients-mrn = patients: the clinic's numbers, in { $system } (push finds the clinic's Patient by it)
push-read-too-slow = { $url } did not give the whole course within { $seconds } s
push-read-too-many = { $url } holds more than { $most } encounters for this patient: too many to count the course from
push-read-next-elsewhere = { $url } gave a next page outside its own address: not followed
# --- devalarm (issue #32: device alarms in the record) ---
ref-device-alarm-none = no device alarm of rule { $rule } was raised by monitor reading { $entry }
ref-device-alarm-acknowledged = the device alarm { $rule } was already acknowledged by entry { $by }
event-kind-monitor-alarm-acknowledged = device alarm acknowledged
flash-device-alarm-acknowledged = Device alarm from the monitor acknowledged ({ $rule })
tl-device-alarm = Device alarm from the monitor: { $priority } { $measure } { $value } ({ $rule }), past the limit since { $since }; values { $values }
tl-device-alarm-rejected = raised from monitor readings later rejected as artefacts (entries { $entries })
tl-device-alarm-ended = Device alarm from the monitor { $rule } ended: back within the limit (monitor reading { $entry }), after { $lasted }
tl-device-alarm-acknowledged = Device alarm from the monitor { $rule } (raised by monitor reading { $entry }) acknowledged
sum-h-device-alarms = Device alarms (from the monitor)
sum-device-alarms-intro = Worked out from the monitor's readings, not from a clinician's entry; times are when the monitor took the readings (its device time, where it gives one).
sum-device-alarm-line = { $at }: { $priority } { $measure } ({ $rule }), past the limit since { $since }; values { $values } (worst { $worst }); { $end }; { $ack }
sum-device-alarm-ended = ended { $at } after { $lasted }
sum-device-alarm-standing = still standing at the end of the record
sum-device-alarm-ack = acknowledged { $at } (entry { $entry })
sum-device-alarm-not-ack = not acknowledged in kap
sum-device-alarm-rejected = raised from readings later rejected as artefacts (entries { $entries }): it stays in the record
fhir-device-alarm-text = { $priority } device alarm from the monitor: { $measure } ({ $rule })
fhir-device-alarm-detail = From the bedside monitor { $device }, not from a clinician's entry. Past the limit since { $since }; values { $values } (monitor readings { $entries })
cli-help-kap-resume--monitor = Listen for the bedside monitor's HL7 results (ORU^R01 over MLLP) on this address: PORT or HOST:PORT, loopback unless the site names a LAN address (see docs/monitor.md)
html-device-alarm-span = Device alarm from the monitor ({ $priority }): { $measure } ({ $rule }) — from { $from } min to { $to } min

# sealrow: goals in the FHIR export and read back from the clinic's server
fhir-goal-set = Set in session { $session } of the course
cli-course-goals-set-elsewhere = set in session { $session } on { $date }, on another laptop (from the clinic's server):
cli-history-goals-elsewhere = goals ({ $kind }), set in session { $session } on { $date } on another laptop (from the clinic's server):
## rescue: a prompt's evidence visit (evidence_visit; docs/protocol-format.md)
pv-evidence-not-check = evidence_visit only applies to check prompts, not { $kind }
pv-evidence-unknown-visit = evidence_visit "{ $kind }" names no visit of this file (its visits: { $known })
pv-evidence-in-visit = evidence_visit belongs to a dosing session's prompts, not a visit's
evidence-held-by = Evidence in kap: { $kind } visit held { $date } by { $by }
evidence-held = Evidence in kap: { $kind } visit held { $date }
evidence-none = No { $kind } visit is recorded in kap
evidence-record = { $words } (record { $record })
tl-ticked-evidence = Ticked: { $prompt } — { $evidence }
ref-evidence-not-named = { $prompt } does not name a { $kind } visit as its evidence
feed-could-not-measure = The monitor could not measure { $what }
feed-measure-bp = the blood pressure
feed-measure-hr = the heart rate
feed-measure-pulse = the pulse rate
feed-measure-spo2 = the oxygen saturation (SpO₂)
feed-measure-rr = the breathing rate
feed-measure-and = { $first } and { $last }
html-course-col-device-alarms = Device alarms (from the monitor)
rep-visit-intro = Protocol { $protocol }, { $visit } visit (course session { $session }){ $closed ->
    [yes] {""}
   *[no] {" "}(not closed)
}. A visit gives no dose: times are simulated minutes from the start of the visit.
rep-visit-speed = Simulated clock speed: { $speeds }. Every time in this report is in simulated minutes from the start of the visit.
rep-visit-summary = { $done } of { $asked } items this { $visit } visit asks done in it, { $carried } done at an earlier visit, { $missing } not done ({ $required } of them required); { $notes ->
    [one] 1 note
   *[other] { $notes } notes
}; { $skips ->
    [one] 1 step skipped
   *[other] { $skips } steps skipped
}.
rep-visit-no-dose = No dose was part of this { $visit } visit: no vitals schedule, infusion, dose or alarm window is judged.
rep-visit-required = { $text } (required)
rep-h-visit-asked = What the visit asked
rep-col-phase = phase
rep-col-asked = asked
rep-visit-not-done-optional = not done (not required in this visit)

# --- devalarm (the course page's alarms chart: device alarms beside the clinician's) ---
html-course-chart-alarms-entered = from entered vitals
html-course-chart-alarms-device = from the monitor
html-course-chart-alarms-device-desc = Beside each, hatched: the device alarms the bedside monitor raised from its own readings, counted apart (one from readings rejected as artefacts is not counted); a dash where no monitor was listened to.
# sealrow
goals-set-elsewhere = (set at session { $session } on another laptop, { $date })

# doc (session 12)
tl-mark-answered-again = answered again at entry { $entry }
feed-nothing-read = Monitor messages hold no measure kap reads: nothing is recorded (codes in kap's answer; docs/monitor.md)

# say-protocol
session-title = Session { $session } of { $sessions }
session-title-maintenance = Maintenance session { $session }

# refusal-phrases
ref-required-not-done = required items are not done; give a reason to move on without them
ref-cannot-leave-yet = cannot leave { $phase } yet
