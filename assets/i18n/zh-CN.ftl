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

## 账本里的词 (src/i18n/words.rs): 存储的键不变, 只变显示

channel-visit = 拜访
channel-call = 电话
channel-wechat = 微信
channel-email = 邮件
channel-meeting = 会议
channel-message = 短信
channel-other = 其他
stage-prospect = 潜在
stage-new = 新客户
stage-active = 活跃
stage-repeat = 复购
stage-at-risk = 有风险
stage-lost = 流失
deal-stage-lead = 线索
deal-stage-qualified = 已确认
deal-stage-proposal = 方案
deal-stage-negotiation = 谈判
deal-stage-won = 赢单
deal-stage-lost = 丢单
severity-low = 低
severity-medium = 中
severity-high = 高
complaint-open = 待处理
complaint-in-progress = 处理中
complaint-resolved = 已解决

## fieldbook today, find, show (src/cli/lookups.rs)

and-more = … 另有{$n}条
today-nothing = 今天没有到期的跟进, 也没有久未联系的客户。正好去开发新客户。
today-overdue = 已逾期 ({$n})
today-today = 今天 ({$n})
today-upcoming = 未来{$days}天 ({$n})
today-open-complaints = 未解决的投诉 ({$n})
complaint-open-for = {$severity} {$days}天
today-birthdays = 本周生日
today-birthday-turns = , {$n}岁
today-going-cold = 久未联系 ({$n})
today-cold-line = 上次联系 {$last}, 超出联系周期{$over}天
find-no-notes = 没有记录或备注包含"{$query}"
find-notes = 备注
find-no-customer = 没有客户匹配"{$query}"
find-no-archived = 没有已归档的客户匹配"{$query}"
find-last = 上次
show-vanished = 客户已不存在
show-set-by-hand = 手动设定
show-summary = 等级 {$tier}  阶段 {$stage} ({$why})  上次联系 {$last}
show-city = 城市
show-phone = 电话
show-email = 邮箱
show-wechat = 微信
show-address = 地址
show-tags = 标签
show-person = 联系人

## fieldbook report (src/cli/report.rs)

report-days = {$n}天
report-cadence-today = 今天到联系周期
report-past-cadence = 超出联系周期{$days}
report-visit-overdue = 逾期{$days}
report-visit-due-today = 今天到期
report-visit-due = {$on}到期
report-title = 看板
report-customers-and-currency = {$n}位客户 · 收入以{$currency}计
report-contacts-by-channel = 各渠道联系次数
report-this-week = 本周
report-last-week = 上周
report-all = 合计
report-follow-ups = 近{$days}天完成的跟进:
report-on-time = 按时{$on_time}个, 延误{$late}个
report-on-time-share = (按时率{$pct}%)
report-revenue = 月度收入 (近12个月: {$total})
report-tiers = 客户等级, 按近12个月收入 (手动设定{$n}位)
report-customers-word = 位客户
report-lifecycle = 客户阶段 (手动设定{$n}位)
report-at-risk = 有风险 ({$n})
report-risk = 风险 {$risk}
report-cold-line = {$past}, 上次联系 {$last}
report-opportunities = 重点商机 (进行中{$n}个, 商机总额{$total})
report-no-close-date = 无成交日期
report-close = 预计{$date}成交
report-deal = 商机
report-score = 评分 {$score}
report-visit-planner = 拜访计划: {$cities}个城市的{$customers}位客户 ({$days}天内到期、已逾期或久未联系)
report-no-city = (无城市)
report-no-greetings = 节日问候: 未来一年没有要问候的节日
report-greetings = 节日问候: {$name_zh}, {$on} ({$days}天后): 待问候{$n}位

## fieldbook greetings, greeted (src/cli/accounts.rs)

greetings-unknown-holiday = 不认识的节日"{$name}": 请用 {$keys} 之一 (或 春节、中秋、端午...)
greetings-none-ahead = 前面没有要问候的节日 (配置: greetings)
greetings-heading = {$name_zh} ({$on}, {$days}天后): 待问候{$n}位
greetings-how-to-record = 记录一次问候: fieldbook greeted <客户> --holiday {$key}
greeted = 已记录: {$year}年{$name_zh}问候了{$name}

