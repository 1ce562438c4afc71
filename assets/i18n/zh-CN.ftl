# fieldbook 的简体中文。每条消息在 en.ftl 里都有对应的一条(测试会检查两边一致)。

## 日期的说法 (src/i18n/calendar.rs)

since-never = 从未
since-ahead = 未来
since-today = 今天
since-yesterday = 昨天
since-days = {$n}天前
since-weeks = {$n}周前
since-months = {$n}个月前
since-years = {$n}年前
due-overdue-days = 逾期{$n}天
due-today = 今天
due-tomorrow = 明天
due-in-days = {$n}天后
due-at = {$day} {$time}
due-overdue-at = 逾期 {$time}
weekday-mon = 周一
weekday-tue = 周二
weekday-wed = 周三
weekday-thu = 周四
weekday-fri = 周五
weekday-sat = 周六
weekday-sun = 周日
month-short = {$month}月
month-and-year = {$year}年{$month}

