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

