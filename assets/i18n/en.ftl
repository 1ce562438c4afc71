# fieldbook's English. Every message here has its twin in zh-CN.ftl (a test holds them
# together). Ids say what the text is for; arguments are named ($n, $name...).

## Dates as people say them (src/i18n/calendar.rs)

since-never = never
since-ahead = ahead
since-today = today
since-yesterday = yesterday
since-days = {$n}d ago
since-weeks = {$n}w ago
since-months = {$n}mo ago
since-years = {$n}y ago
due-overdue-days = {$n}d overdue
due-today = today
due-tomorrow = tomorrow
due-in-days = in {$n}d
due-at = {$day} {$time}
due-overdue-at = overdue {$time}
due-overdue = overdue
weekday-mon = Mon
weekday-tue = Tue
weekday-wed = Wed
weekday-thu = Thu
weekday-fri = Fri
weekday-sat = Sat
weekday-sun = Sun
month-short = { $month ->
    [1] Jan
    [2] Feb
    [3] Mar
    [4] Apr
    [5] May
    [6] Jun
    [7] Jul
    [8] Aug
    [9] Sep
    [10] Oct
    [11] Nov
   *[12] Dec
}
month-and-year = {$month} {$year}

## The book's vocabularies (src/i18n/words.rs): stored keys never change, only what is shown

channel-visit = visit
channel-call = call
channel-wechat = wechat
channel-email = email
channel-meeting = meeting
channel-message = message
channel-other = other
stage-prospect = prospect
stage-new = new
stage-active = active
stage-repeat = repeat
stage-at-risk = at risk
stage-lost = lost
deal-stage-lead = lead
deal-stage-qualified = qualified
deal-stage-proposal = proposal
deal-stage-negotiation = negotiation
deal-stage-won = won
deal-stage-lost = lost
severity-low = low
severity-medium = medium
severity-high = high
complaint-open = open
complaint-in-progress = in progress
complaint-resolved = resolved

## fieldbook today, find, show (src/cli/lookups.rs)

and-more = … and {$n} more
today-nothing = Nothing due, nobody going cold. A good day to find new customers.
today-overdue = Overdue ({$n})
today-today = Today ({$n})
today-upcoming = Next {$days} days ({$n})
today-open-complaints = Open complaints ({$n})
complaint-open-for = {$severity} {$days}d
today-birthdays = Birthdays this week
today-birthday-turns = , turns {$n}
today-going-cold = Going cold ({$n})
today-more = … and {$n} more (fieldbook today --all lists them all)
today-cold-line = last contact {$last}, {$over}d past cadence
find-no-notes = nothing said or noted matches "{$query}"
find-notes = notes
find-no-customer = no customer matches "{$query}"
find-no-archived = no archived customer matches "{$query}"
find-last = last
show-vanished = customer vanished
show-set-by-hand = set by hand
show-summary = tier {$tier}  stage {$stage} ({$why})  last contact {$last}
show-city = city
show-phone = phone
show-email = email
show-wechat = wechat
show-address = address
show-tags = tags
show-person = person

## fieldbook report (src/cli/report.rs)

report-days = { $n ->
    [one] {$n} day
   *[other] {$n} days
}
report-cadence-today = cadence reached today
report-past-cadence = {$days} past cadence
report-visit-overdue = {$days} overdue
report-visit-due-today = due today
report-visit-due = due {$on}
report-title = Dashboard
report-customers-and-currency = {$n} customers · revenue in {$currency}
report-contacts-by-channel = Contacts by channel
report-this-week = this week
report-last-week = last week
report-all = all
report-follow-ups = Follow-ups done in {$days} days:
report-on-time = {$on_time} on time, {$late} late
report-on-time-share = ({$pct}% on time)
report-revenue = Revenue by month (12 months: {$total})
report-tiers = Tiers, from 12-month revenue ({$n} set by hand)
report-customers-word = customers
report-lifecycle = Lifecycle ({$n} set by hand)
report-at-risk = At risk ({$n})
report-risk = risk {$risk}
report-cold-line = {$past}, last contact {$last}
report-opportunities = Top opportunities ({$n} open, {$total} in the pipeline)
report-no-close-date = no date
report-close = close {$date}
report-deal = deal
report-score = score {$score}
report-visit-planner = Visit planner: {$customers} customers in {$cities} cities (due within {$days} days, overdue, going cold)
report-no-city = (no city)
report-no-greetings = Greetings: no holiday to greet in the next year
report-greetings = Greetings: {$name_zh} {$name_en}, {$on} (in {$days} days): {$n} to greet

## fieldbook greetings, greeted (src/cli/accounts.rs)

greetings-unknown-holiday = unknown holiday "{$name}": use one of {$keys} (or 春节, 中秋, 端午...)
greetings-none-ahead = no holiday to greet ahead (config: greetings)
greetings-heading = {$name_zh} {$name_en} ({$on}, in {$days} days): {$n} to greet
greetings-how-to-record = record one with: fieldbook greeted <customer> --holiday {$key}
greeted = greeted {$name} for {$name_en} {$year}

## --help (src/cli/help.rs): the English is the doc comments of src/cli/args.rs and the
## argument structs, word for word (a test compares them)

help-usage = Usage:
help-commands = Commands
help-arguments = Arguments
help-options = Options
help-help = Print help
help-version = Print version
help-fieldbook = A terminal customer book for field account managers
help-arg-db = The book to open [default: the platform data dir; env FIELDBOOK_DB]
help-arg-config = The config file [default: the platform config dir; env FIELDBOOK_CONFIG]
help-arg-json = Machine-readable output (JSON) for scripts
help-arg-demo = Open a freshly generated demo book in a temporary folder (never your own book)
help-log = Log a contact: `fieldbook log 星河 "called about the Q1 order" --next fri --todo "send quote"`
help-log-customer = The customer: part of a name, a person there, a city... (or c45 for customer 45)
help-log-summary = What was said; read from stdin when piped, else from $EDITOR, when left out
help-log-channel = visit, call, wechat, email, meeting, message, other
help-log-at = When it happened [default: now]: "today 14:30", yesterday, "2026-11-20 9:00"
help-log-with = The person spoken with
help-log-next = Set a follow-up: tomorrow, fri, +3d, next week, 明天 ...
help-log-todo = What the follow-up is for
help-log-outcome = How it went (from the config: no_answer, quote_sent, order_placed, complaint ...); proposes the next step
help-log-every = Repeat the follow-up: weekly, every 2w, monthly after done ...
help-log-past = Set the follow-up even though its date is past
help-log-closes = The follow-up this contact closes (#12), or none [default: the customer's earliest due]
help-today = What is overdue, due today and coming up; birthdays this week; who is going cold
help-today-days = How many days ahead to show (up to 3660, ten years)
help-today-all = List every item (the text shows the first 100 of each list and counts the rest)
help-add = Add a customer
help-add-tag = A tag; repeat for more
help-add-kind = company or person
help-add-tier = A, B or C
help-add-keep-both = Add it even if the book probably has this customer already
help-add-merge = Fill the blanks of the customer the book probably has already, instead of adding one
help-find = Find customers by name, person, city, tag, phone or email (pinyin too); --notes searches what was said and noted instead
help-find-notes = Search call summaries and customer/people notes (full text, CJK aware)
help-find-archived = Search archived customers instead
help-unarchive = Bring an archived customer back into the list
help-show = Show a customer: profile, people, open follow-ups, recent history
help-done = Mark a follow-up done (a repeating one schedules its next occurrence)
help-done-id = The follow-up's id, as `fieldbook today` shows it (#12 or 12)
help-snooze = Move a follow-up to another day
help-snooze-when = When: tomorrow, fri, +3d, next week, 12-01 (the next one), 明天, 下周一 ...
help-snooze-past = Move it to a date already past
help-completions = Print shell completions: `fieldbook completions bash > ~/.local/share/bash-completion/completions/fieldbook`
help-deal = Deals: won orders and open opportunities (they rank customers A/B/C by revenue)
help-deal-add = Record a won order or an open opportunity: `fieldbook deal add 星河 "注塑机配件 200套" --amount 1.2万 --on 11-20`
help-deal-add-customer = The customer (name, part of it, pinyin, or c-id)
help-deal-add-title = What was sold or is on offer
help-deal-add-amount = 12800, 12,800.50, 1.2万, ¥3k
help-deal-add-currency = ISO code [default: the config's currency, or the one the amount's symbol says]
help-deal-add-stage = won, lead, qualified, proposal, negotiation, lost
help-deal-add-on = The order date of a won (or lost) deal [default: today]
help-deal-add-close = When an open deal should close
help-deal-list = List deals, of one customer or the whole book (open first)
help-report = The dashboard in text: contacts, follow-ups on time, revenue, tiers, stages, who is at risk and why, open complaints, top opportunities, the visit plan by city
help-greetings = Who to greet for the next holiday (春节, 中秋...) and has not been greeted yet
help-greetings-holiday = A holiday, by name or key: 春节, 中秋, 端午, spring_festival, national_day, ...
help-greeted = Record that a customer was greeted for the holiday
help-backup = Copy the book (SQLite online backup) to PATH, or into backups/ beside the book
help-restore = Replace the book with a backup (asks first; a copy of the current book is kept)
help-restore-yes = Do not ask (for scripts)
help-check = Check the book's integrity without changing it (exit 1 when damaged)
help-import = Import customers and people: CSV/TSV (Excel, Google, Outlook, Salesforce, HubSpot, 客户表 in GBK), vCard, or a fieldbook JSON export; duplicates never doubled
help-import-file = A CSV/TSV (Excel, Google, Outlook, Salesforce, HubSpot, 客户表), a vCard file (.vcf), or a fieldbook JSON export
help-import-format = csv, vcard or json [default: from the file name, else its content]
help-import-map = Read column COL as FIELD (company, name, phone, mobile, email, wechat, city, address, birthday, notes, tags, title, ...; `note` keeps it in the notes, `ignore` drops it)
help-import-encoding = utf-8 or gb18030 (also gbk) [default: UTF-8 with or without BOM, else GB18030]
help-import-dry-run = Show what would be created, merged and skipped; write nothing
help-import-skip-bad = Import the good records even though some are bad (those are listed and left out)
help-import-merge = Merge a duplicate into the book's record: fill its blanks, add new phones, e-mails, tags
help-import-skip-duplicates = Leave duplicates as they are in the book (the default)
help-import-keep-both = Add a duplicate (or a likely one) as a new record all the same
help-export = Export the book: csv or vcard (customers and people), ics (follow-ups, birthdays), json (all)
help-export-format = csv or vcard (customers and people), ics (open follow-ups and birthdays), json (the whole book, for a backup or another fieldbook)
help-export-output = Write to FILE, created private to you (0600), instead of standard output
help-demo = Write a demo book to PATH and exit (refuses an existing file)
help-demo-customers = How many customers to generate (1 to 1,000,000)
help-default = [default: {$value}]
help-possible-values = [possible values: {$values}]

## The dashboard (src/tui/panes/dashboard.rs and dashboard/)

dash-end = end
dash-more-below = more below
dash-lines = lines {$first}-{$last} of {$total} · {$place}
dash-revenue = Revenue by month · 12 mo {$total}
dash-follow-ups = Follow-ups done · {$days} days
dash-tiers = Tiers · revenue share
dash-lifecycle = Lifecycle
dash-at-risk = At risk · {$n}
dash-going-cold = Going cold · {$n}
dash-visits = Visit planner · {$customers} in {$cities} cities
dash-complaints = Open complaints · {$n}
dash-opportunities = Top opportunities · {$n} open {$total}
dash-greetings-for = Greetings · {$name_zh} {$name_en}
dash-greetings = Greetings
chart-channel-meeting = meet
chart-channel-message = msg
chart-this-week = this week {$n}
chart-last-week = last week {$n}
chart-best-month = best {$month} {$amount} · this month {$now}
chart-no-orders = no orders in 12 months
chart-none-done = none done lately
chart-on-time-of = {$pct}% on time of {$total}
chart-on-time = on time
chart-late = late
dash-set-by-hand = {$n} set by hand
dash-more = … {$n} more
dash-nobody-at-risk = nobody at risk
dash-days-past = +{$n}d
dash-last = last {$date}
dash-nobody-cold = nobody going cold
dash-days-late = {$n}d late
dash-cold-days = cold +{$n}d
dash-nothing-to-visit = nothing due, nobody cold
dash-days = {$n}d
dash-no-complaints = no open complaints
dash-no-deals = no open deals
dash-no-holiday = no holiday to greet in the next year
dash-in-days = in {$n} days
dash-to-greet = {$n} to greet
dash-nobody-to-greet = nobody left to greet

## The welcome screen on an empty book (src/tui/panes/overlays.rs); `x` marks a key

welcome-title = Welcome to fieldbook
welcome-empty = Your customer book is empty.
welcome-add = Press `a` to add your first customer,
welcome-demo = or quit with `q` and try `fieldbook --demo` for a book full of examples.
welcome-help = `?` shows every key.

## Form labels (src/tui/form/keys.rs); the fields' keys are the same in every language

form-customer-name = Name
form-kind = Kind
form-city = City
form-phone = Phone
form-email = Email
form-wechat = WeChat
form-tier = Tier
form-customer-stage = Stage
form-why-by-hand = Why by hand
form-tags = Tags
form-industry = Industry
form-address = Address
form-website = Website
form-lead-source = Lead source
form-birthday = Birthday
form-cadence = Cadence (days)
form-notes = Notes
form-person-name = Name
form-person-title = Title
form-summary = Summary
form-channel = Channel
form-outcome = Outcome
form-with = With
form-when = When
form-follow-up-date = Follow-up date
form-follow-up-task = Follow-up task
form-repeat = Repeat
form-satisfaction = Satisfaction
form-closes = Closes
form-task = Task
form-due = Due
form-until = Until
form-deal = Deal
form-deal-title = Title
form-amount = Amount
form-currency = Currency
form-deal-stage = Stage
form-order-date = Order date
form-expected-close = Expected close
form-complaint = Complaint
form-what = What
form-severity = Severity
form-status = Status
form-opened = Opened
form-resolved-on = Resolved on
form-resolution = Resolution
form-file = File
form-duplicates = Duplicates
form-bad-rows = Bad rows

## Repeat rules (src/i18n/words.rs), as book::recurrence describes them

repeat-days = { $n ->
    [one] daily
   *[other] every {$n} days
}
repeat-weeks = { $n ->
    [one] weekly
   *[other] every {$n} weeks
}
repeat-months = { $n ->
    [one] monthly
   *[other] every {$n} months
}
repeat-years = { $n ->
    [one] yearly
   *[other] every {$n} years
}
repeat-after-done = {$rule} after done

## Why a customer is at its stage or at risk (src/i18n/words.rs), as book::lifecycle says it

reason-separator = {"; "}
reason-marked-lost = marked lost
reason-no-order-yet = no order yet
reason-no-order-for = no order for {$days}
reason-order-gap = no order for {$days}; usually every {$usual}
reason-open-complaints = { $n ->
    [one] open complaint
   *[other] {$n} open complaints
}
reason-silent = silent {$days} (cadence {$cadence})
reason-first-order = { $orders ->
    [one] first order {$ago} ago
   *[other] first order {$ago} ago; {$orders} orders so far
}
reason-last-order = last order {$ago} ago; usually every {$usual}
reason-one-order = one order, {$ago} ago; rhythm not known yet
reason-set-by-hand = set by hand
reason-set-by-hand-why = set by hand: {$why}

## fieldbook log, add, done, snooze (src/cli/commands.rs)

log-logged = logged {$channel} with {$name}
log-follow-up = ; follow-up #{$id} {$when} ({$date}{$time}): {$task}
log-closed = closed #{$id} {$task} ({$when})
add-needs-a-name = a customer needs a name
add-bad-kind = --kind is company or person
add-bad-tier = --tier is A, B or C
add-added = added c{$id} {$name}
add-merged = merged into c{$id} {$name}
follow-up-bad-id = "{$id}" is not a follow-up id (e.g. #12)
follow-up-none = no follow-up #{$id}
follow-up-already-done = follow-up #{$id} is already done
done-line = done #{$id}: {$task} ({$name})
done-next = ; next #{$id} due {$date}
snoozed = snoozed #{$id} ({$task}) to {$date}

## The book's panes (src/tui/panes/customers.rs, profile.rs, history.rs, follow_ups.rs,
## archived.rs, note_hits.rs); the digit before a title is the key that focuses the pane

pane-customers = 1 Customers ({$shown}) · {$order}
pane-notes-search = 1 Notes search ({$n} found)
pane-profile = 2 Profile
pane-history = 3 History
pane-history-at = 3 History ({$at}/{$total})
pane-follow-ups = 4 Follow-ups · {$scope}
pane-archived = Archived customers ({$n})
list-col-name = Name
list-col-city = City
list-col-tier = Tier
list-col-tier-short = T
list-col-last = Last
list-col-next = Next
list-empty = no customers
list-no-match = no customer matches
filter-prompt-notes = notes/
sort-attention = attention
sort-name = name
sort-last-contact = last contact
status-sorted-by = sorted by {$order}
bucket-overdue = Overdue
bucket-today = Today
bucket-next-seven-days = Next 7 days
bucket-later = Later
follow-ups-scope-all = all customers
follow-ups-scope-this = this customer
follow-ups-empty = nothing to follow up: press f to add a follow-up, or l to log a contact with a next step
history-empty = nothing logged yet: press l to log a call, visit or message
history-with = with {$name}
archived-empty = Nothing is archived. X on a customer archives it; nothing is ever deleted.
archived-row = {$city}  last contact {$last}
notes-search-prompt = type words to search call summaries and notes (Tab: back to names)
notes-search-nothing = nothing said or noted matches
notes-search-notes = notes
notes-col-when = When
notes-col-customer = Customer
notes-col-what = What was said
kind-company = company
kind-person = person
profile-none = no customer selected
profile-last = Last
profile-days-ago = {$n} days ago ({$date})
profile-every-days = every {$n} days
profile-source = Source
profile-cadence = Cadence
profile-details = Details
profile-notes = Notes
profile-people = People
profile-open-follow-ups = Open follow-ups
profile-by-hand = set by hand
profile-by-hand-because = set by hand: {$why}
profile-tier-computed = ({$why}; computed {$tier})
profile-note = ({$note})
profile-tier-by-revenue = (by 12-month revenue)
profile-tier-no-revenue = (no revenue in the book yet)
profile-stage-facts = ({$why}; the facts say {$stage})
profile-revenue = Revenue
profile-no-orders = no orders yet
profile-revenue-value = {$year} in 12 months · {$all} all time
profile-deals = Deals ({$n}) · o adds or edits
profile-deal-closes = close {$when}
profile-complaints = Complaints ({$n}) · ! adds or resolves
profile-complaint-open = {$status} {$n}d
profile-resolved = resolved in {$n}d
profile-resolved-scored = resolved in {$n}d, {$score}/5
profile-satisfied = Satisfied
profile-trend-up = ↗ improving
profile-trend-down = ↘ slipping
profile-trend-flat = → steady

## The header and the narrow screen's tabs (src/tui/ui.rs, src/tui/action.rs)

header-demo-book = demo book (temporary)
header-today = {$weekday} {$date}
header-reading = reading the whole book…
header-overdue = {$n} overdue
header-due-today = {$n} due today
tab-customers = Customers
tab-profile = Profile
tab-history = History
tab-follow-ups = Follow-ups

## The footer and the `?` help (src/tui/keymap/bindings.rs holds these ids; the keys are the
## same in every language). key-hint-*: a word or two for the footer; key-*: the help line

key-hint-filter = filter
key-hint-add = add
key-hint-edit = edit
key-hint-log = log
key-hint-follow-up = follow-up
key-hint-sort = sort
key-hint-done = done
key-hint-snooze = snooze
key-hint-this-customer = this customer
key-hint-skip = skip
key-hint-open = open
key-hint-back = back
key-hint-skip-cold = skip cold
key-hint-help = help
key-hint-tomorrow = tomorrow
key-hint-in-three-days = +3 days
key-hint-next-week = next week
key-hint-other-date = other date
key-hint-cancel = cancel
key-hint-import = import
key-hint-restore = restore
key-hint-undo = undo
key-hint-dashboard = dashboard
key-hint-today = today
key-hint-quit = quit
key-hint-keep = keep
key-hint-clear = clear
key-hint-names-notes = names/notes
key-hint-save = save
key-hint-next-field = next field
key-hint-yes = yes
key-hint-no = no
key-hint-open-it = open it
key-hint-merge = merge
key-hint-add-anyway = add anyway
key-hint-back-to-form = back to the form
key-hint-keep-it = keep it
key-hint-close = close
key-hint-scroll = scroll
key-filter-customers-by = filter customers by name, person, city, tag, phone, email
key-add-a-customer = add a customer
key-edit-the-selected = edit the selected customer
key-log-a-call = log a call, visit or message with the selected customer
key-add-a-follow = add a follow-up for the selected customer
key-add-a-deal = add a deal (won order or opportunity) or edit one
key-record-a-complaint = record a complaint, or move one on to resolved with a satisfaction score
key-record-that-you = record that you greeted the customer for the next holiday (春节, 中秋...)
key-add-a-person = add a person (contact) at the selected customer
key-archive-the-selected = archive the selected customer (asks first)
key-sort-by-attention = sort by attention / name / last contact
key-open-the-customer = open the customer's history
key-scroll-profile-down = scroll the profile down (notes, people, deals, follow-ups)
key-scroll-profile-up = scroll the profile up
key-a-page-down = a page down
key-a-page-up = a page up
key-profile-top = to the top of the profile
key-profile-end = to the end of the profile
key-mark-the-follow = mark the follow-up done
key-snooze-the-follow = snooze the follow-up to a new date
key-show-all-follow = show all follow-ups or only the selected customer's
key-select-the-follow = select the follow-up's customer
key-log-a-contact = log a contact with the follow-up's customer
key-log-a-contact-with = log a contact with the selected customer
key-add-or-edit = add or edit a deal
key-record-or-resolve = record or resolve a complaint
key-snooze-to-tomorrow = snooze to tomorrow, +3 days, next week or a typed date (going cold: plan a follow-up)
key-log-a-contact-closes = log a contact (closes the follow-up on save)
key-add-another-follow = add another follow-up for this customer
key-leave-this-one = leave this one for now and go to the next
key-next-item-without = next item (without marking it)
key-previous-item = previous item
key-open-the-customer-in = open the customer in the book
key-back-to-book = back to the book
key-skip-the-rest = skip the rest of today's customers going cold, on to what is left
key-show-this-help = show this help
key-quit = quit
key-tomorrow = tomorrow
key-in-three-days = in three days
key-next-monday = next Monday
key-type-a-date = type a date (fri, +2w, 12-01, 下周一, ...)
key-back-to-the-item = back to the item
key-scroll-down = scroll down
key-scroll-up = scroll up
key-page-down = page down
key-page-up = page up
key-write-the-import = write the import (one step: u undoes it)
key-back-to-the-import = back to the import form; nothing is written
key-move-up = move up
key-move-down = move down
key-restore-the-customer = restore the customer to the list
key-undo-the-last = undo the last change
key-redo-the-change = redo the change undone last
key-filter-from-any = filter from any pane: the list takes focus
key-first-row = go to the first row
key-last-row = go to the last row
key-next-pane = next pane
key-previous-pane = previous pane
key-focus-customers = focus Customers
key-focus-profile = focus Profile
key-focus-history = focus History
key-focus-follow-ups = focus Follow-ups
key-clear-the-filter = clear the filter
key-undo-the-last-change = undo the last change, saying what and when; again for the one before
key-redo-do-again = redo: do again the change undone last (until a new change is made)
key-import-customers-from = import customers from a CSV, vCard or fieldbook JSON file (previewed first)
key-the-dashboard-contacts = the dashboard: contacts, revenue, tiers, stages, at risk, complaints, opportunities, visit plan
key-archived-customers-restore = archived customers (restore them with r)
key-todays-review = today's review: what is due, then who is going cold
key-quit-ctrl-c = quit (Ctrl-C quits from anywhere)
key-keep-the-filter = keep the filter and return to the list; in notes: open the customer where the words are
key-search-names-or = search names, or call summaries and notes (full text)
key-move-up-the = move up the matches
key-move-down-the = move down the matches
key-show-this-help-is = show this help (? is typed)
key-save-the-form = save the form from any field
key-next-field = next field
key-previous-field = previous field
key-new-line-in = new line in Summary/Notes; next field; save on the last field
key-cancel-asks-before = cancel (asks before discarding typed text)
key-when-a-save = when a save finds the customer changed elsewhere: load the book's values (what you typed stays)
key-show-this-help-closing = show this help; closing it goes back to the form as typed
key-log-form-a = log form: a When still to come becomes the follow-up date (When: now)
key-to-the-start = to the start of the field
key-to-the-end-of = to the end of the field
key-a-word-left = a word left
key-a-word-right = a word right
key-delete-the-word = delete the word before the cursor
key-delete-back-to = delete back to the start of the field
key-yes = yes
key-no = no
key-show-this-help-the = show this help; the question waits
key-open-the-customer-already = open the customer already in the book; the form is dropped
key-merge-into-it = merge into it: fill its blank fields from the form
key-add-the-new = add the new customer all the same
key-back-to-the-form = back to the form, as typed
key-yes-undo-it = yes: undo it (or redo it)
key-u-again-undo = u again: undo it
key-u-again-redo = U again: redo it
key-no-leave-the = no: leave the book as it is
key-close-help = close help
key-help-top = to the top
key-help-end = to the end
help-title = Keys · j/k PgUp/PgDn scroll · Esc or ? closes
help-dates = Dates: today, tomorrow, fri, next mon, +3d, +2w, 12-01, 2026-12-01, 明天, 下周一
context-panes = Everywhere
context-customers = Customer list
context-profile = Profile
context-follow-ups = Follow-ups
context-history = History
context-filter = Filtering (/)
context-review = Today's review (t)
context-archived = Archived customers (A)
context-dashboard = Dashboard (D)
context-import-preview = Import preview (i)
context-review-date = Review: snooze to
context-form = Forms
context-confirm = Questions
context-duplicate = Likely duplicate (adding a customer)
context-reverse = Undo from before this session
context-help = Help

## Today's review (src/tui/panes/review.rs, src/tui/review.rs)

review-pane = Review
review-title-due = Due
review-title-cold = Going cold
review-recent = Last interactions ({$n})
review-nothing-logged = nothing logged yet
review-counter-title = Today's review
review-counter-at = {$at} of {$n}
review-counter-left = {$n} left
review-counter-cold = {$n} of {$total} going cold
review-done = {$n} done
review-snoozed = {$n} snoozed
review-logged = {$n} logged
review-planned = {$n} planned
review-skipped = {$n} skipped
review-no-longer-cold = {$n} no longer cold
review-mark-done = ✓ done
review-mark-snoozed = → snoozed to {$date}
review-mark-logged = ✓ contact logged
review-mark-planned = ✓ follow-up planned {$date}
review-mark-skipped = · skipped, still open
review-mark-skipped-cold = · skipped, still going cold
review-mark-no-longer-cold = ✓ no longer going cold
review-person = Person
review-last = Last
review-overdue = OVERDUE by {$n} { $n ->
    [one] day
   *[other] days
} · was due {$date}
review-due-today = DUE TODAY
review-cold-today = GOING COLD: due for a contact today
review-cold-days = GOING COLD: {$n} days past the stay-in-touch cadence
review-snooze-to = Snooze to:
review-plan-for = Plan a follow-up for:
review-in-three-days = in 3 days
review-next-week = next week
review-another-date = another date...
review-finished = That's the review done.
review-nothing-changed = Nothing was changed.
review-tally = {$tally}.
review-not-looked-at = {$n} not looked at yet: k goes back to them.
review-esc-back = Esc: back to the book

## Where a scrolled pane is (src/tui/state/scroll.rs), on its bottom border

scroll-at = {$first}-{$last} of {$len}

## zhtui: forms (src/tui/panes/form.rs, src/tui/*_forms.rs, src/tui/importing.rs)

form-title-keys = {$title} · {$save} saves · Esc cancels
form-discard-question = Discard what you typed? y = discard, n = keep editing
form-more-lines = … {$n} more lines
list-separator = {"; "}
form-value-empty = (empty)
form-title-add-customer = Add a customer
form-title-edit-customer = Edit customer
form-title-add-person = Add a person at {$customer}
form-hint-customer-name = company or person name (required)
form-hint-why-by-hand = tier/stage are computed; if you set one, say why
form-hint-tags = comma separated
form-hint-lead-source = referral, trade fair, ...
form-hint-birthday = 1985-06-20 or 06-20
form-hint-cadence = stay in touch every N days
form-hint-notes = preferences, anything worth remembering
form-hint-required = required
form-hint-person-title = purchasing manager, 总经理, ...
form-error-birthday = use 1985-06-20, or 06-20 when the year is unknown
form-error-name = a name is needed
form-error-cadence = a whole number of days, 1 to 3650
form-changed-elsewhere = changed elsewhere: {$change}
form-field-changed-elsewhere = {$field} changed elsewhere: {$change}
form-customer-changed-elsewhere = the customer changed elsewhere
form-nothing-saved-reload = {$changes}. Nothing was saved; {$key} loads the book's values (what you typed stays)
form-choice-new = new
form-suggest-today = today
form-suggest-tomorrow = tomorrow
form-title-deal = Deal with {$customer}
form-title-complaint = Complaint from {$customer}
form-hint-deal-title = what was sold or is on offer
form-hint-amount = 12,800 or 1.2万; in minor units never
form-hint-order-date = when it was won (won or lost deals)
form-hint-expected-close = open deals: when it should close
form-hint-complaint-what = what went wrong, in the customer's words
form-hint-complaint-opened = when the customer complained
form-hint-resolved-on = when it was put right (resolved)
form-hint-resolution = how it was put right
form-hint-date = today, tomorrow, fri, next mon, +3d, 12-01, 2026-12-01
form-hint-repeat = empty = once; weekly, every 2w, monthly after done, 每月
form-hint-summary = what was said (Enter = new line, Tab = next field)
form-hint-with = person spoken with (optional)
form-hint-when = now; or today 14:30, yesterday, 2026-11-20 9:00
form-hint-follow-up-date = empty = none; tomorrow, fri 10:00, +3d, 12-01
form-hint-next-task = what to do next
form-hint-task = what to do
form-closes-none = none
form-title-log = Log a contact with {$customer}
form-title-follow-up = Follow-up for {$customer}
form-title-snooze = Snooze: {$task}
form-error-with-add = {$message} (add them with p)
form-error-make-follow-up = {$message} ({$key} does)
form-error-task = say what to do
form-error-repeat = can't read that: {$hint}
form-error-date-needed = a date is needed: {$hint}
form-past-again-keeps = {$refusal}; {$key} again keeps it
form-title-import = Import customers and people
form-hint-import-file = path to a .csv, .tsv, .vcf or fieldbook .json (~ works)
form-error-import-file = which file? a path such as ~/Downloads/客户.csv
form-import-skip = skip
form-import-merge = merge
form-import-keep-both = keep both
form-import-refuse = refuse the file
form-import-leave-out = leave them out

## zhtui: dates said by both front ends (src/i18n/calendar.rs, src/services/later.rs)

done-at-yesterday = yesterday {$time}
done-at-day = {$day} {$time}
done-at-today = today {$time}
date-error-unreadable = can't read "{$input}" as a date: try 2026-12-01, 12-01, today, tomorrow, +3d, +2w, fri, next mon, 明天, 下周一
later-error-past = {$when} is {$ago}: a follow-up is for later
later-minutes-ago = {$n} min ago
later-hours-ago = {$n}h ago
later-days-ago = { $n ->
    [one] 1 day ago
   *[other] {$n} days ago
}

## zhtui: undo steps as u and U say them (src/i18n/undo_label.rs); the English is the label
## the book stores, word for word

undo-log = log {$channel} with {$customer}
undo-add-customer = add customer {$what}
undo-edit-customer = edit customer {$what}
undo-archive-customer = archive customer {$what}
undo-restore-customer = restore customer {$what}
undo-add-person = add person {$what}
undo-add-follow-up = add follow-up: {$what}
undo-done = done: {$what}
undo-snooze = snooze: {$what}
undo-add-deal = add deal: {$what}
undo-edit-deal = edit deal: {$what}
undo-add-complaint = add complaint: {$what}
undo-edit-complaint = edit complaint: {$what}
undo-greeted = greeted for {$what}
undo-import = import {$what}
undo-satisfaction = satisfaction score
undo-tier-stage = tier and stage set by hand

## zhtui: questions over the screen (src/tui/panes/questions.rs)

quoted = '{$text}'
question-archive-title = Are you sure?
question-archive = Archive {$name}? It leaves the list; nothing is deleted.

    y = archive, n = keep
question-undo-title = Undo a change from before this session?
question-undo = Undo {$what} from {$when}?

    It was made before this session of fieldbook (or by another one).

    u again or y = undo, n or Esc = keep it
question-redo-title = Redo a change from before this session?
question-redo = Redo {$what} from {$when}?

    It was undone before this session of fieldbook (or by another one).

    U again or y = redo, n or Esc = keep it
question-duplicate-title = Already in the book?
question-probably-in-book = Probably in the book already: {$why}.
question-you-typed = You typed
question-in-book = In the book (c{$id})
question-in-book-archived = In the book (c{$id}, archived)
question-row-name = Name
question-row-city = City
question-row-phone = Phone
question-row-email = E-mail
question-row-last-contact = Last contact
question-duplicate-keys = o open it · m merge into it (fill its blanks) · a add anyway · Esc back to the form
question-same-email = the same e-mail {$email}
question-same-phone = the same phone {$phone}
question-same-name = the same name
question-same-name-email-phone = the same name, e-mail or phone

## zhtui: the status line (src/tui/update/*.rs, src/tui/update.rs, src/tui/mod.rs,
## src/tui/following.rs) and the too-small screen (src/tui/panes/overlays.rs)

list-comma = {", "}
status-too-small = terminal too small: {$width}x{$height}, fieldbook needs {$needs_width}x{$needs_height}
status-no-holiday-ahead = no holiday to greet for ahead (config: greetings)
status-greeted = greeted {$name} for {$zh} {$en} {$year} (u undoes)
status-customer-archived = that customer is archived (A lists them)
status-discarded = discarded
status-archived = archived {$name}
status-restored = restored {$name}
status-birthday-reminders-failed = birthday reminders were not created: {$why}
status-import-blocked = bad records: nothing written. Esc, then choose "leave them out"
status-imported = imported: {$created} new and {$merged} merged customers, {$people} new people (u undoes the import)
status-reread-failed = the book changed but could not be read again: {$why}
status-read-failed = the book could not be read: {$why}
status-read-died = the book could not be read in full; restart fieldbook
status-customer-gone = customer #{$id} is no longer in the book
status-reloaded = loaded the book's values into the form
status-reloaded-kept = loaded the book's values; kept what you typed in {$fields} (save to write it)
status-duplicate-archived = {$name} is archived (r restores it); nothing added
status-duplicate-opened = opened {$name}; nothing added
status-merged = merged into {$name}: its blank fields filled from the form (u undoes)
status-nothing-to-undo = nothing to undo
status-nothing-to-redo = nothing to redo
status-undo-kept = kept: {$what}
status-undone = undone: {$what} (done {$when}) · U redoes it
status-redone = redone: {$what} (undone {$when}) · u undoes it again
task-reconnect = Get back in touch
form-title-closes = {$title}; closes: {$task}
status-careful = {$message}. Careful: {$warnings}
status-review-clear-day = nothing due and nobody going cold: a clear day
status-review-cold-left-out = nothing due; {$n} going cold, and review_cold_per_day = 0 leaves them out
status-review-at-summary = at the summary
status-review-at = at {$at} of {$of}
status-review-resumed = review resumed {$place}
status-review-resumed-added = review resumed {$place}; { $n ->
    [one] 1 follow-up due since is added to the due ones
   *[other] {$n} follow-ups due since are added to the due ones
}
status-review-no-cold-to-skip = no customer going cold left to skip
status-review-cold-skipped = { $n ->
    [one] 1 customer going cold skipped for today
   *[other] {$n} customers going cold skipped for today
}
status-review-cold-not-done = going cold: log a contact (l) or plan one (s)
status-review-dealt-with = already dealt with: Space moves on
status-snoozed-to = snoozed {$when}: {$task}
status-follow-up-planned = follow-up {$when}: {$task}
status-done = done: {$task}
status-done-next = done: {$task}; next one {$when}
too-often-close = another contact is within { $gap ->
    [0] the same day
    [one] 1 day
   *[other] {$gap} days
} of this one (care, not harassment: at least {$min} days apart)
too-often-many = {$count} contacts within 30 days (the ceiling is {$ceiling})
status-check-fields = check the fields marked in red
status-added = added {$name}
status-saved = saved {$name}
status-logged = logged {$channel}
status-logged-follow-up = follow-up {$when}
status-logged-closed = closed {$task}
status-snoozed-date = snoozed to {$date}
status-deal-saved = saved deal: {$title}
status-deal-added = {$stage} deal {$amount}: {$title}
status-complaint = complaint {$status}: {$what}

## zhtui: a contact's fields read for both front ends (src/services/logging.rs, logging/fields.rs)

task-follow-up = Follow up: {$summary}
log-error-summary = say a few words about the contact
log-error-satisfaction = satisfaction is 1 to 5
log-error-channel = unknown channel "{$typed}": use one of {$all}
log-error-outcome = unknown outcome "{$typed}": use one of {$all}
log-error-with = "{$typed}" is not one of this customer's people
log-error-when-ahead = {$at} is still to come: a contact is logged once it has happened; make it a follow-up instead
log-error-follow-up-date = when should this be done?
log-error-repeat = can't read "{$typed}" as a repeat: try: weekly, every 2w, monthly, every 3 months after done, yearly, 每周, 每2周, 每月
log-error-closes = follow-up #{$id} is not an open follow-up of this customer

## zhtui: a config that could not be used, said on the status line (src/config/mod.rs, problem.rs)

config-using-defaults = {$what}; using the defaults
config-cannot-create = can't create {$path}: {$why}
config-cannot-read = can't read {$path}: {$why}
config-problem-at-line = {$file} line {$line}: {$what}
config-problem = {$file}: {$what}
config-expected-found = expected {$expected} for {$key}, found {$found}
config-kind-whole-number = a whole number
config-kind-true-or-false = true or false
config-kind-text = a string
config-unknown-holiday = greetings: unknown holiday "{$bad}"; use some of {$known}
config-bad-currency = currency "{$currency}" is not a 3-letter code like CNY or USD
config-outcome-empty-key = an outcome has an empty key
config-outcome-twice = outcome key "{$key}" is used twice
config-outcome-next = outcome {$key}: {$why}
pane-customers-first = first {$n}…
pane-customers-best = best {$n}, more coming…

## zhtui: a deal's or complaint's refusal in its form (src/tui/account_words.rs); the English is
## the book's own wording (book::deals, book::complaints, book::money)

deal-error-title = say what was sold or offered
deal-error-negative = the amount cannot be negative
deal-error-currency = "{$code}" is not a currency code such as CNY or USD
deal-error-won-needs-date = a won order needs its order date
deal-error-open-has-date = a deal still at {$stage} has no close date yet (use expected close)
complaint-error-what = say what went wrong
complaint-error-needs-resolved-on = a resolved complaint needs the day it was resolved
complaint-error-resolved-before-opened = resolved on {$on}, before it was opened ({$opened})
complaint-error-open-has-resolved-on = a complaint still {$status} has no resolved date
complaint-error-score = satisfaction is 1 to 5, not {$score}
complaint-error-score-once-resolved = satisfaction is recorded once the complaint is resolved
amount-error-missing = no amount: type an amount such as 12,345.67 or 1.2万
amount-error-unreadable = "{$typed}" is not an amount: type an amount such as 12,345.67 or 1.2万
amount-error-cents = "{$typed}" has more than 2 decimals: amounts go to the cent (分)
amount-error-too-large = "{$typed}" is too large for an amount
amount-error-none-in = no amount in "{$typed}": type an amount such as 12,345.67 or 1.2万
amount-error-whole-cents = "{$typed}" does not come to whole cents (分)

## zhtui: the book's failures on the status line (src/tui/update.rs); the English is the
## repository's own

error-disk-full = disk full: nothing of this change was written; free some space and try again
error-book-busy = the book stayed busy (another fieldbook kept writing); nothing was written. Try again when it has finished.
error-book-unreadable = the book could not be written or read: {$why}
error-book-too-new = {$path} was written by a newer fieldbook (book version {$found}, this one reads up to {$supported}); it was not opened or changed. Update fieldbook to open it.

## zhtui: tasks fieldbook writes into the book itself, in the language spoken when written
## (src/services/day_start.rs, src/services/logging.rs, src/tui/update/reviewing.rs)

task-birthday-person = {$person} ({$customer})
task-birthday = Birthday greeting: {$who}, {$date}
task-birthday-turns = Birthday greeting: {$who}, {$date}, turns {$turns}

## zhcli: the command line's notices and errors (src/cli/mod.rs, safety.rs, resolve.rs,
## read_only.rs, commands.rs, accounts.rs, interop.rs)

cli-disk-full-nothing-written = disk full ({$kb} KB free on {$dir}): nothing of this change was written; free some space and try again
cli-demo-written = wrote a demo book with {$n} customers to {$path}
cli-demo-exists = {$path} already exists; the demo writes only to a new file
cli-birthday-reminders-failed = birthday reminders were not created: {$why}
cli-automatic-backup-failed = the automatic backup failed: {$why}
cli-made-private-file = {$path} (was {$mode})
cli-made-private = others could read your book; made private: {$files}
cli-could-not-make-private = could not make the book private: {$why}
cli-not-a-regular-file = {$path} is not a regular file (a pipe, a device or a folder?); a book is a file
cli-backup-no-folder = can't make {$dir} ({$why}): name a backup elsewhere, `fieldbook backup PATH`
cli-backed-up = backed up {$book} to {$dest}
cli-not-restored-because = {$file} was not restored: {$problems}
cli-restored = restored {$file} ({$n} customers)
cli-restored-previous-saved = ; the previous book is saved at {$path}
cli-restore-needs-yes = restore replaces the whole book: add --yes to confirm when not on a terminal
cli-restore-question = Replace the book at {$book} ({$now} customers now) with {$file} ({$n} customers)? A backup of the current book is taken first. [y/N]
cli-not-restored = not restored
cli-check-ok = {$book}: ok (book version {$version}, {$customers} customers, {$interactions} interactions, {$open} open follow-ups)
cli-check-problems = {$book} has problems:
cli-no-backups = No backups were found in {$dir}; keep this file, it may still be partly readable.
cli-newest-backups = Newest backups:
cli-to-bring-back = To bring the newest back, run:
cli-no-customer-matches = no customer matches "{$query}"
cli-no-archived-customer-matches = no archived customer matches "{$query}"
cli-candidate-last-contact = last contact {$when}
cli-matches-more-than-one = "{$query}" matches more than one customer; say which (a longer name, or its c-id):
cli-customer-archived = c{$id} {$name} is archived; nothing was written. `fieldbook unarchive c{$id}` restores it
cli-probably-already = c{$id} {$name} is probably this customer already ({$why}); nothing was written. --merge fills its blanks from this one, --keep-both adds it anyway
cli-customer-vanished = customer vanished
cli-unarchived = c{$id} {$name} is back in the list
cli-reading-only = {$book} can't be written ({$why}); reading it only, nothing is changed
cli-disk-full-free = disk full, {$kb} KB free on {$dir}
cli-kb-free-on = {$kb} KB free on {$dir}
cli-copy-disk-full = disk full ({$place}): {$dest} was not written; the book is as it was
cli-editor-failed = {$editor} exited with {$status}; nothing logged
cli-closes-bad = --closes: "{$value}" is not a follow-up id (#12) or none
cli-summary-empty = nothing logged: the summary is empty ({$why})
cli-add-past = {$why}; add --past to set it anyway
cli-deal-unknown-stage = unknown stage "{$stage}": use one of {$all}
cli-deal-added = {$stage} deal #{$id} with {$name}: {$amount} {$title}
cli-deals = {$n} deals
cli-deal-close = close {$date}
cli-import-bad-format = --format is csv, vcard or json, not "{$value}"
cli-import-bad-encoding = --encoding is utf-8 or gb18030, not "{$value}"
cli-export-bad-format = --format is csv, vcard, ics or json, not "{$value}"
cli-importing = importing {$done}/{$total}…
cli-no-file = no file {$file}
cli-import-would-refuse = {$n} bad record(s): an import would refuse the file. Fix them, or import the rest with --skip-bad
cli-import-refused = {$n} bad record(s): nothing was written. Fix them, or import the rest with --skip-bad
cli-import-file = {$file}: {$format}, {$encoding}, {$n} record(s)
cli-import-columns = columns: {$list}
cli-import-ignored = ignored (use --map COL=FIELD to read one): {$list}
cli-cant-write = can't write {$path}: {$why}
cli-exported = exported {$n} customer(s) as {$format} to {$path}

## zhcli: clap's usage errors (src/cli/usage_error.rs); in English clap says its own, these
## stand for the catalogue test and any language that has no wording of its own

clap-error = error: {$what}
clap-try-help = For more information, try '--help'.
clap-unknown-argument = unexpected argument '{$arg}' found
clap-unknown-subcommand = unrecognized subcommand '{$command}'
clap-value-missing = a value is required for '{$arg}' but none was supplied
clap-value-invalid = invalid value '{$value}' for '{$arg}'
clap-possible-values = {" "}[possible values: {$list}]
clap-missing-arguments = the following required arguments were not provided:
clap-missing-subcommand = '{$command}' requires a subcommand but one was not provided [subcommands: {$list}]
clap-too-many-values = unexpected value '{$value}' for '{$arg}' found; no more were expected
clap-wrong-number-of-values = {$expected} values required for '{$arg}' but {$actual} provided
clap-no-equals = equal sign is needed when assigning values to '{$arg}'
clap-used-twice = the argument '{$arg}' cannot be used multiple times
clap-conflict = the argument '{$arg}' cannot be used with {$other}
clap-list-and = ,{" "}
clap-similar = tip: a similar one exists: {$list}

## zhcli: an import's places, problems and preview (src/services/import_words.rs,
## src/repository/import/, src/cli/import_preview.rs, src/tui/panes/import_preview.rs)

import-place-row = row {$row} (line {$line})
import-place-card = card {$card} (line {$line})
import-place-entry = {$table} #{$id}
import-place-line = line {$line}
import-notice = {$place}: {$problem}
import-notice-column = {$place}, {$column}: {$problem}
import-likely-same-name = the same name
import-likely-same-email = the same e-mail {$email}
import-likely-same-phone = the same phone {$phone}
import-likely-same-keys = the same name, e-mail or phone
import-not-utf8-or-gb18030 = holds bytes that are neither UTF-8 nor GB18030
import-not-valid-text = is not valid {$encoding} text
import-unknown-charset = unknown CHARSET {$value}
import-bad-quoted-printable = holds invalid quoted-printable ({$sequence})
import-rest-unreadable = the rest of the file can't be read: {$error}
import-quote-never-closes = a quote opened in this row never closes; the rest of the file would be one field
import-too-many-fields = {$fields} fields; the header has {$header}
import-lone-field = a line with one lone field is not a data row (a report footer?): {$value}
import-not-a-kind = {$value} is not company or person; left out
import-not-a-tier = {$value} is not a tier (A, B or C); kept in the notes
import-not-a-stage = {$value} is not a stage; kept in the notes
import-not-days = {$value} is not a number of days; left out
import-not-a-date = {$value} is not a date; kept in the notes
import-digits-lost = {$value} is a number Excel rounded to scientific notation: its digits are lost, so it was left out
import-no-name-no-company = no name and no company
import-no-name-no-organization = no name and no organization
import-card-inside-card = another card begins inside this one, at line {$line}
import-card-never-ends = the file ends inside this card (no END:VCARD)
import-outside-any-card = data outside any card, skipped
import-property-too-long = is longer than the {$limit} bytes a property may hold
import-missing = is missing
import-same-id-twice = the same id twice
import-no-such-customer = customer #{$id} is not in the file (or is bad)
import-holds-object = holds an object, which no column can store
import-not-a-number = is not a number
import-unreadable = can't read {$value}
import-bad-records-in = {$n} bad record(s) in {$file}: nothing was written. Fix them, or import the rest with --skip-bad
import-refused = {$file} was not imported: {$why}; the book is unchanged
import-integrity-check = SQLite's check of the book with it: {$why}
import-not-read-back = {$place}: fieldbook could not read it back ({$why})
import-book-not-read-back = fieldbook could not read the book back with it ({$why})
import-references-unchecked = its references could not be checked ({$why})
import-a-reference = a reference
import-dangling = {$place}, {$column}: points at a {$parent} that is neither in the file nor in the book
cli-import-bad-heading = bad, not imported ({$n})
cli-import-skipped-heading = skipped ({$n})
cli-import-warnings-heading = warnings ({$n})
cli-import-would-do = would do
cli-import-and-person = ; {$what}
cli-import-tally = {$created} new, {$merged} merged, {$unchanged} already there, {$skipped} duplicate(s) skipped
cli-imported = imported: customers {$customers}; people {$people}
cli-would-import = would import: customers {$customers}; people {$people}
cli-import-and-rows = and {$list}
cli-import-bad-left-out = {$n} bad record(s) left out
cli-import-nothing-new = nothing new: the book already had all of it
cli-import-in-the-book = c{$id} in the book
cli-import-the-books = the book's
cli-import-likely = {" "}[likely c{$id} {$name}: {$why}; --merge, --keep-both or skip]
cli-import-customer = customer
cli-import-person = person
cli-import-create = new {$what} {$name}
cli-import-again = {$what} {$name} (as {$other})
cli-import-merge = merge {$what} {$name} into {$other}
cli-import-unchanged = {$what} {$name}: {$other} has it all
cli-import-skip = skip {$what} {$name}: duplicate of {$other}
import-preview-title = Import preview · nothing written yet
import-preview-file = {"  "}{$format} · {$encoding} · {$n} records
import-preview-customers = Customers
import-preview-people = People
import-preview-tally = {$created} new · {$merged} merged · {$unchanged} unchanged · {$skipped} skipped as duplicates
import-preview-rows = {$n} rows
import-preview-blocked = {$n} bad record(s): nothing will be written. Esc goes back; choose "leave them out" to import the rest.
import-preview-nothing-new = Everything in this file is already in the book: importing changes nothing.
import-preview-confirm = y or Enter imports it (u undoes the whole import); Esc goes back.
import-preview-records = Records
import-preview-problems = Problems ({$n})
import-preview-bad = bad
import-preview-skipped = skipped
import-preview-note = note
import-preview-new = new
import-preview-merge = merge
import-preview-same = same
import-preview-skip = skip
import-preview-again = again
import-preview-likely = {"  "}likely duplicate of c{$id} {$name}: {$why}
import-preview-person = {"  "}· person {$verb} {$name}
import-cant-read = can't read {$file}: {$why}
import-too-big = {$file} is {$size} bytes; fieldbook imports files up to {$cap} bytes (split it)
import-over-cap = {$file} is over {$cap} bytes; fieldbook imports files up to {$cap} bytes (split it)
import-map-not-a-pair = --map wants COLUMN=FIELD, e.g. --map 负责人=note, not {$given}
import-map-unknown-field = --map {$column}: unknown field {$field}; fields are {$fields}, customer_<field> / contact_<field> for {$personal}
import-map-no-such-column = --map: the header has no column {$column} (it has {$header})
import-no-name-column = no column names a customer or a person (the header has {$header}); say which with --map COLUMN=company or --map COLUMN=name
import-no-header = the file has no header line
import-header-unreadable = can't read the header: {$why}
import-bom-but-not = the file starts with a {$encoding} byte-order mark but is not valid {$encoding} text
import-not-utf8 = bytes that are not UTF-8 on line {$line}; if the file came from Excel on a Chinese Windows, try --encoding gb18030
import-not-gb18030 = the file is not valid GB18030 text; try --encoding utf-8
import-json-not-utf8 = a fieldbook JSON export is UTF-8, and this file is not (line {$line})
import-not-an-export = not a fieldbook JSON export: {$why}
import-other-format = not a fieldbook JSON export (its format is {$format})
import-newer-export = this export comes from a newer fieldbook (file version {$version}, book version {$schema}; this one reads up to {$reads_version} and {$reads_schema}): update fieldbook
import-no-vcard = no BEGIN:VCARD in the file: is it a vCard (.vcf)?


## zhcli: the readers a prepared book is read back with (src/repository/read_back.rs)

read-back-customer-list = the customer list
read-back-archived = archived customers
read-back-follow-ups = follow-ups
read-back-deals = deals
read-back-won-revenue = won revenue
read-back-order-dates = order dates
read-back-last-orders = last orders
read-back-complaints = complaints
read-back-open-complaints = open complaints
read-back-birthdays = birthdays
read-back-hand-set-stages = hand-set stages
read-back-customers = customers
read-back-people = people
read-back-history = history
read-back-every-follow-up = every follow-up
read-back-won-sums = deal.amount, its won deals summed

## zhcli: log's notes before its warnings (src/cli/commands.rs)

cli-note = note: {$what}

## zhrest: the book's gate refusing a value (src/i18n/refusal.rs, src/repository/gate.rs)

refusal-empty = is empty
refusal-invisible = has no visible character
refusal-holds-bidi = holds {$char} (a bidi override, which can disguise text)
refusal-holds-line-break = holds {$char} (a line break, and this field is one line)
refusal-holds-control = holds {$char} (a terminal control character)
refusal-too-long = is {$length} characters long; it holds at most {$limit}
refusal-date-outside = {$date} is outside the years {$from}-{$to} the book holds
refusal-year-outside = the year {$year} is outside {$from}-{$to}
refusal-not-a-day = is not a day of the year
refusal-cadence = is {$days}; a cadence is 1 to {$most} days
refusal-amount = is out of range: an amount is 0 to {$most} (in cents/fen)
refusal-int-outside = is {$n}; it is {$lo} to {$hi}
refusal-not-whole = is {$value}, not a whole number in range
refusal-not-a-number = is not a whole number
refusal-not-text = is not text
refusal-not-date = {$value} is not a date (YYYY-MM-DD)
refusal-not-stamp = {$value} is not a time stamp (YYYY-MM-DDTHH:MM:SS)
refusal-not-time = {$value} is not a time of day (HH:MM)
refusal-not-birthday = {$value} is not a birthday (YYYY-MM-DD or --MM-DD)
refusal-not-one-of = {$value} is not one of {$words}
# $field is the field's key (name, city), $label its label on the forms
refusal-field = {$field} {$why}
refusal-separator = {"; "}
# $what is "the customer", or a customer's name
refusal-of = {$what}: {$problems}
refusal-snooze = snooze: {$why}
# a deal's or complaint's own rule (src/i18n/account_words.rs)
rule-field = {$field}: {$why}
gate-the-customer = the customer
gate-the-person = the person
gate-the-contact = the contact
gate-the-follow-up = the follow-up
gate-the-deal = the deal
gate-the-complaint = the complaint
gate-a-customer = a customer
gate-a-person = a person
gate-needs-a-name = {$what} needs a name

## zhrest: an I/O failure (src/i18n/io_error.rs); English keeps the system's own wording

io-not-found = {$error}
io-permission-denied = {$error}
io-already-exists = {$error}
io-read-only = {$error}
io-is-a-directory = {$error}
io-not-a-directory = {$error}
io-storage-full = {$error}
io-invalid-data = {$error}
io-unexpected-eof = {$error}
io-timed-out = {$error}
io-busy = {$error}
io-too-large = {$error}
io-other = {$error}
book-does-not-exist = {$path} does not exist
book-older-needs-writable = {$path} is from an older fieldbook and must be upgraded, which needs it writable
# a file at the book's path that is not a book (src/repository/opening.rs)
opening-refused = {$path} {$what}; it was not opened or changed. Point --db (or FIELDBOOK_DB) at your book, or move this file away to start a new book there.
opening-not-a-file = is not a file
opening-not-sqlite = is not a fieldbook book (not a SQLite database)
opening-foreign = is another program's database, not a fieldbook book
opening-emptied = {$path} is empty (0 bytes) but has backups beside it; it was not opened or changed.
    Newest backups:
    {$backups}
    To bring the newest back, run:
      fieldbook --db {$path} restore {$newest}
# what `fieldbook check` finds (src/repository/check.rs)
check-not-a-file = {$path} is not a file
check-unreadable = {$path} could not be read: {$error}
check-not-sqlite-book = {$path} is not a SQLite book
check-empty = the file is empty (0 bytes): the book was lost (a sync tool, a full disk)
check-not-sqlite = not a SQLite database
check-foreign = another program's database, not a fieldbook book
check-newer = written by a newer fieldbook (book version {$version}, this one reads up to {$latest})
check-not-fieldbook = not a fieldbook book (no customer table)
check-truncated = truncated: the file is {$len} bytes but the book needs {$needed}; its end was cut off (a full disk, an interrupted copy)
check-damaged = damaged pages: SQLite's integrity check found {$count} problem(s), the first: {$first}
check-damaged-unreadable = damaged pages: SQLite cannot read the book ({$error})
check-dangling = foreign keys: {$count} row(s) point at rows that are gone, e.g. a row of {$table} (rowid {$rowid}) points at a missing {$parent}
check-keys-unchecked = foreign keys could not be checked ({$error})
# the repository's other refusals (src/repository/undo/reverse.rs, import/apply.rs, opening.rs)
undo-changed-meanwhile = the book changed since you were asked (another fieldbook wrote it); nothing was undone or redone
import-temp-not-utf8 = the temporary folder's name is not UTF-8 (set TMPDIR)
path-not-utf8 = {$path} is not a UTF-8 path
