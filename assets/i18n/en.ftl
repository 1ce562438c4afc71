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

