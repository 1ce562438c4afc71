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
due-overdue = 已逾期
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
today-nothing = 今天没有到期的跟进，也没有久未联系的客户。正好去开发新客户。
today-overdue = 已逾期 ({$n})
today-today = 今天 ({$n})
today-upcoming = 未来{$days}天 ({$n})
today-open-complaints = 未解决的投诉 ({$n})
complaint-open-for = {$severity} {$days}天
today-birthdays = 本周生日
today-birthday-turns = ，{$n}岁
today-going-cold = 久未联系 ({$n})
today-more = … 另有{$n}条 (fieldbook today --all 全部列出)
today-cold-line = 上次联系 {$last}，超出联系周期{$over}天
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
report-on-time = 按时{$on_time}个，延误{$late}个
report-on-time-share = (按时率{$pct}%)
report-revenue = 月度收入 (近12个月：{$total})
report-tiers = 客户等级，按近12个月收入 (手动设定{$n}位)
report-customers-word = 位客户
report-lifecycle = 客户阶段 (手动设定{$n}位)
report-at-risk = 有风险 ({$n})
report-risk = 风险 {$risk}
report-cold-line = {$past}，上次联系 {$last}
report-opportunities = 重点商机 (进行中{$n}个，商机总额{$total})
report-no-close-date = 无成交日期
report-close = 预计{$date}成交
report-deal = 商机
report-score = 评分 {$score}
report-visit-planner = 拜访计划：{$cities}个城市的{$customers}位客户 ({$days}天内到期、已逾期或久未联系)
report-no-city = (无城市)
report-no-greetings = 节日问候：未来一年没有要问候的节日
report-greetings = 节日问候：{$name_zh}，{$on} ({$days}天后)：待问候{$n}位

## fieldbook greetings, greeted (src/cli/accounts.rs)

greetings-unknown-holiday = 不认识的节日"{$name}"：请用 {$keys} 之一 (或 春节、中秋、端午...)
greetings-none-ahead = 前面没有要问候的节日 (配置：greetings)
greetings-heading = {$name_zh} ({$on}，{$days}天后)：待问候{$n}位
greetings-how-to-record = 记录一次问候：fieldbook greeted <客户> --holiday {$key}
greeted = 已记录：{$year}年{$name_zh}问候了{$name}

## --help (src/cli/help.rs): 参数名、子命令名和取值不翻译

help-usage = 用法:
help-commands = 命令
help-arguments = 参数
help-options = 选项
help-help = 显示帮助
help-version = 显示版本
help-fieldbook = 给一线客户经理用的终端客户本
help-arg-db = 要打开的客户本 [默认: 系统数据目录；环境变量 FIELDBOOK_DB]
help-arg-config = 配置文件 [默认: 系统配置目录；环境变量 FIELDBOOK_CONFIG]
help-arg-json = 输出给脚本读的 JSON
help-arg-demo = 在临时目录里打开一本新生成的演示客户本 (绝不动你自己的)
help-log = 记录一次联系：`fieldbook log 星河 "电话沟通Q1订单" --next 周五 --todo "发报价单"`
help-log-customer = 客户：名称的一部分、那里的联系人、城市... (或 c45 表示45号客户)
help-log-summary = 谈了什么；省略时从管道读取，否则打开 $EDITOR
help-log-channel = visit 拜访、call 电话、wechat 微信、email 邮件、meeting 会议、message 短信、other 其他
help-log-at = 发生的时间 [默认: 现在]："today 14:30"、昨天、"2026-11-20 9:00"
help-log-with = 和谁谈的
help-log-next = 安排跟进：明天、周五、+3d、下周、tomorrow ...
help-log-todo = 跟进要做什么
help-log-outcome = 结果 (取自配置：no_answer, quote_sent, order_placed, complaint ...)；会提议下一步
help-log-every = 重复跟进：每周、every 2w、每月、monthly after done ...
help-log-past = 跟进日期已过也照样安排
help-log-closes = 这次联系完成哪条跟进 (#12)，或 none [默认: 该客户最早到期的一条]
help-today = 已逾期、今天到期和即将到期的跟进；本周生日；久未联系的客户
help-today-days = 往后看几天 (最多3660天，即十年)
help-today-all = 全部列出 (文字输出每项只列前100条，其余计数)
help-add = 新增客户
help-add-tag = 一个标签；多个就重复使用
help-add-kind = company 公司 或 person 个人
help-add-tier = A、B 或 C
help-add-keep-both = 即使客户本里可能已有这个客户也照样新增
help-add-merge = 补全客户本里可能已有的那个客户的空白项，而不是新增
help-find = 按名称、联系人、城市、标签、电话或邮箱找客户 (也支持拼音)；加 --notes 则搜索谈话记录和备注
help-find-notes = 搜索通话摘要和客户/联系人备注 (全文，支持中文)
help-find-archived = 改为搜索已归档的客户
help-unarchive = 把已归档的客户放回列表
help-show = 查看客户：资料、联系人、未完成的跟进、最近的联系记录
help-done = 把跟进标为完成 (重复的跟进会排好下一次)
help-done-id = 跟进的编号，即 `fieldbook today` 显示的 (#12 或 12)
help-snooze = 把跟进改到另一天
help-snooze-when = 改到：明天、下周一、周五、+3d、12-01 (下一个)、tomorrow ...
help-snooze-past = 允许改到已过去的日期
help-completions = 输出 shell 补全脚本：`fieldbook completions bash > ~/.local/share/bash-completion/completions/fieldbook`
help-deal = 订单与商机：已成交的订单和进行中的商机 (按收入给客户分 A/B/C 级)
help-deal-add = 记录一笔成交订单或进行中的商机：`fieldbook deal add 星河 "注塑机配件 200套" --amount 1.2万 --on 11-20`
help-deal-add-customer = 客户 (名称、名称的一部分、拼音或 c 编号)
help-deal-add-title = 卖了什么或在谈什么
help-deal-add-amount = 12800、12,800.50、1.2万、¥3k
help-deal-add-currency = ISO 货币代码 [默认: 配置里的货币，或金额符号表示的货币]
help-deal-add-stage = won 赢单、lead 线索、qualified 已确认、proposal 方案、negotiation 谈判、lost 丢单
help-deal-add-on = 成交 (或丢单) 的日期 [默认: 今天]
help-deal-add-close = 进行中的商机预计何时成交
help-deal-list = 列出订单与商机，某个客户的或整本的 (进行中的在前)
help-report = 文字版看板：联系次数、跟进按时率、收入、客户等级、客户阶段、谁有风险及原因、未解决的投诉、重点商机、按城市的拜访计划
help-greetings = 下一个节日 (春节、中秋...) 要问候而还没问候的客户
help-greetings-holiday = 节日，名称或键：春节、中秋、端午、spring_festival、national_day ...
help-greeted = 记录已为该节日问候过某客户
help-backup = 把客户本复制 (SQLite 在线备份) 到 PATH，或到客户本旁边的 backups/ 里
help-restore = 用备份替换客户本 (先询问；会保留当前客户本的副本)
help-restore-yes = 不询问 (给脚本用)
help-check = 检查客户本是否完好，不做任何修改 (损坏时退出码为1)
help-import = 导入客户和联系人：CSV/TSV (Excel、Google、Outlook、Salesforce、HubSpot、GBK 编码的客户表)、vCard 或 fieldbook 导出的 JSON；重复的不会重复录入
help-import-file = CSV/TSV 文件 (Excel、Google、Outlook、Salesforce、HubSpot、客户表)、vCard 文件 (.vcf) 或 fieldbook 导出的 JSON
help-import-format = csv、vcard 或 json [默认: 看文件名，否则看内容]
help-import-map = 把 COL 列当作 FIELD 读取 (company, name, phone, mobile, email, wechat, city, address, birthday, notes, tags, title, ...；`note` 放进备注，`ignore` 丢弃)
help-import-encoding = utf-8 或 gb18030 (也可写 gbk) [默认: 带或不带 BOM 的 UTF-8，否则 GB18030]
help-import-dry-run = 只显示会新建、合并和跳过哪些，不写入
help-import-skip-bad = 有坏记录也导入好的记录 (坏的会列出并跳过)
help-import-merge = 把重复的合并进客户本里的记录：补全空白，加上新的电话、邮箱、标签
help-import-skip-duplicates = 重复的保持客户本里的样子 (默认)
help-import-keep-both = 重复的 (或很可能重复的) 也照样新增一条
help-export = 导出客户本：csv 或 vcard (客户和联系人)、ics (跟进、生日)、json (全部)
help-export-format = csv 或 vcard (客户和联系人)、ics (未完成的跟进和生日)、json (整本，用于备份或另一个 fieldbook)
help-export-output = 写到 FILE (只有你能读，0600)，而不是标准输出
help-demo = 把演示客户本写到 PATH 然后退出 (不覆盖已有文件)
help-demo-customers = 生成多少个客户 (1 到 1,000,000)
help-default = [默认: {$value}]
help-possible-values = [可选值: {$values}]

## 看板 (src/tui/panes/dashboard.rs 和 dashboard/)

dash-end = 到底了
dash-more-below = 下面还有
dash-lines = 第{$first}-{$last}行，共{$total}行 · {$place}
dash-revenue = 月度收入 · 近12个月 {$total}
dash-follow-ups = 完成的跟进 · 近{$days}天
dash-tiers = 客户等级 · 收入占比
dash-lifecycle = 客户阶段
dash-at-risk = 有风险 · {$n}
dash-going-cold = 久未联系 · {$n}
dash-visits = 拜访计划 · {$cities}个城市{$customers}位客户
dash-complaints = 未解决的投诉 · {$n}
dash-opportunities = 重点商机 · 进行中{$n}个 {$total}
dash-greetings-for = 节日问候 · {$name_zh}
dash-greetings = 节日问候
chart-channel-meeting = 会议
chart-channel-message = 短信
chart-this-week = 本周 {$n}
chart-last-week = 上周 {$n}
chart-best-month = 最高 {$month} {$amount} · 本月 {$now}
chart-no-orders = 近12个月没有订单
chart-none-done = 近期没有完成的跟进
chart-on-time-of = 共{$total}个，按时率{$pct}%
chart-on-time = 按时
chart-late = 延误
dash-set-by-hand = 手动设定{$n}位
dash-more = … 另有{$n}条
dash-nobody-at-risk = 没有有风险的客户
dash-days-past = +{$n}天
dash-last = 上次 {$date}
dash-nobody-cold = 没有久未联系的客户
dash-days-late = 逾期{$n}天
dash-cold-days = 超周期{$n}天
dash-nothing-to-visit = 没有到期的事，也没有久未联系的客户
dash-days = {$n}天
dash-no-complaints = 没有未解决的投诉
dash-no-deals = 没有进行中的商机
dash-no-holiday = 未来一年没有要问候的节日
dash-in-days = {$n}天后
dash-to-greet = 待问候{$n}位
dash-nobody-to-greet = 都问候过了

## 空客户本的欢迎页 (src/tui/panes/overlays.rs); `x` 标出按键

welcome-title = 欢迎使用 fieldbook
welcome-empty = 你的客户本还是空的。
welcome-add = 按 `a` 添加第一个客户,
welcome-demo = 或按 `q` 退出，运行 `fieldbook --demo` 看一本满是示例的客户本。
welcome-help = 按 `?` 查看所有按键。

## 表单字段名 (src/tui/form/keys.rs); 字段的键在各语言相同

form-customer-name = 名称
form-kind = 类型
form-city = 城市
form-phone = 电话
form-email = 邮箱
form-wechat = 微信
form-tier = 等级
form-customer-stage = 阶段
form-why-by-hand = 手动设定原因
form-tags = 标签
form-industry = 行业
form-address = 地址
form-website = 网站
form-lead-source = 客户来源
form-birthday = 生日
form-cadence = 联系周期(天)
form-notes = 备注
form-person-name = 姓名
form-person-title = 职务
form-summary = 摘要
form-channel = 渠道
form-outcome = 结果
form-with = 联系人
form-when = 时间
form-follow-up-date = 跟进日期
form-follow-up-task = 跟进事项
form-repeat = 重复
form-satisfaction = 满意度
form-closes = 完成跟进
form-task = 事项
form-due = 到期
form-until = 改到
form-deal = 商机
form-deal-title = 标题
form-amount = 金额
form-currency = 货币
form-deal-stage = 阶段
form-order-date = 下单日期
form-expected-close = 预计成交
form-complaint = 投诉
form-what = 内容
form-severity = 严重程度
form-status = 状态
form-opened = 提出日期
form-resolved-on = 解决日期
form-resolution = 解决办法
form-file = 文件
form-duplicates = 重复项
form-bad-rows = 坏行

## 重复规则 (src/i18n/words.rs)

repeat-days = { $n ->
    [1] 每天
   *[other] 每{$n}天
}
repeat-weeks = { $n ->
    [1] 每周
   *[other] 每{$n}周
}
repeat-months = { $n ->
    [1] 每月
   *[other] 每{$n}个月
}
repeat-years = { $n ->
    [1] 每年
   *[other] 每{$n}年
}
repeat-after-done = {$rule}(从完成日算起)

## 客户阶段和风险的原因 (src/i18n/words.rs)

reason-separator = {"；"}
reason-marked-lost = 手动标记为流失
reason-no-order-yet = 还没有订单
reason-no-order-for = {$days}没有下单
reason-order-gap = {$days}没有下单，通常每{$usual}天一单
reason-open-complaints = { $n ->
    [1] 有未解决的投诉
   *[other] {$n}个未解决的投诉
}
reason-silent = {$days}没有联系 (联系周期{$cadence}天)
reason-first-order = { $orders ->
    [1] {$ago}前首次下单
   *[other] {$ago}前首次下单，至今{$orders}单
}
reason-last-order = 上次下单在{$ago}前，通常每{$usual}天一单
reason-one-order = 只有一单，在{$ago}前，节奏还不清楚
reason-set-by-hand = 手动设定
reason-set-by-hand-why = 手动设定：{$why}

## fieldbook log, add, done, snooze (src/cli/commands.rs)

log-logged = 已记录与{$name}的{$channel}
log-follow-up = ；跟进 #{$id} {$when} ({$date}{$time})：{$task}
log-closed = 已完成跟进 #{$id} {$task} ({$when})
add-needs-a-name = 客户需要名称
add-bad-kind = --kind 只能是 company 或 person
add-bad-tier = --tier 只能是 A、B 或 C
add-added = 已新增 c{$id} {$name}
add-merged = 已合并到 c{$id} {$name}
follow-up-bad-id = "{$id}"不是跟进编号 (例如 #12)
follow-up-none = 没有跟进 #{$id}
follow-up-already-done = 跟进 #{$id} 已经完成了
done-line = 已完成 #{$id}：{$task} ({$name})
done-next = ；下一次 #{$id} 在 {$date}
snoozed = 已把 #{$id} ({$task}) 改到 {$date}

## 主界面的各个窗格 (src/tui/panes/customers.rs, profile.rs, history.rs, follow_ups.rs,
## archived.rs, note_hits.rs); 标题前的数字是切换到该窗格的按键

pane-customers = 1 客户 ({$shown}) · {$order}
pane-notes-search = 1 搜索记录 (找到{$n}条)
pane-profile = 2 客户资料
pane-history = 3 联系记录
pane-history-at = 3 联系记录 ({$at}/{$total})
pane-follow-ups = 4 跟进 · {$scope}
pane-archived = 已归档客户 ({$n})
list-col-name = 客户
list-col-city = 城市
list-col-tier = 等级
list-col-tier-short = 级
list-col-last = 上次
list-col-next = 下次
list-empty = 还没有客户
list-no-match = 没有匹配的客户
filter-prompt-notes = 记录/
sort-attention = 按紧急程度
sort-name = 按名称
sort-last-contact = 按上次联系
status-sorted-by = 已{$order}排序
bucket-overdue = 已逾期
bucket-today = 今天
bucket-next-seven-days = 未来7天
bucket-later = 以后
follow-ups-scope-all = 全部客户
follow-ups-scope-this = 当前客户
follow-ups-empty = 没有待跟进的事项：按 f 添加跟进，或按 l 记录一次联系并写下下一步
history-empty = 还没有联系记录：按 l 记录一次电话、拜访或消息
history-with = 与{$name}
archived-empty = 没有归档的客户。在客户上按 X 归档；任何内容都不会被删除。
archived-row = {$city}  上次联系 {$last}
notes-search-prompt = 输入关键词搜索联系记录和备注 (Tab：返回按名称搜索)
notes-search-nothing = 没有匹配的记录或备注
notes-search-notes = 备注
notes-col-when = 时间
notes-col-customer = 客户
notes-col-what = 内容
kind-company = 公司
kind-person = 个人
profile-none = 未选择客户
profile-last = 上次联系
profile-days-ago = {$n}天前 ({$date})
profile-every-days = 每{$n}天
profile-source = 来源
profile-cadence = 联系周期
profile-details = 详情
profile-notes = 备注
profile-people = 联系人
profile-open-follow-ups = 待办跟进
profile-by-hand = 手动设定
profile-by-hand-because = 手动设定：{$why}
profile-tier-computed = ({$why}；按收入应为{$tier})
profile-note = ({$note})
profile-tier-by-revenue = (按近12个月收入)
profile-tier-no-revenue = (账本中还没有收入)
profile-stage-facts = ({$why}；按实际情况应为{$stage})
profile-revenue = 收入
profile-no-orders = 还没有订单
profile-revenue-value = 近12个月 {$year} · 累计 {$all}
profile-deals = 商机与订单 ({$n}) · 按 o 添加或编辑
profile-deal-closes = 预计成交 {$when}
profile-complaints = 投诉 ({$n}) · 按 ! 添加或解决
profile-complaint-open = {$status} {$n}天
profile-resolved = {$n}天内解决
profile-resolved-scored = {$n}天内解决，满意度{$score}/5
profile-satisfied = 满意度
profile-trend-up = ↗ 在改善
profile-trend-down = ↘ 在下滑
profile-trend-flat = → 平稳

## 顶栏和窄屏的标签页 (src/tui/ui.rs, src/tui/action.rs)

header-demo-book = 演示账本 (临时)
header-today = {$date} {$weekday}
header-reading = 正在读取整个账本…
header-overdue = 逾期{$n}项
header-due-today = 今天到期{$n}项
tab-customers = 客户
tab-profile = 资料
tab-history = 记录
tab-follow-ups = 跟进

## 底栏提示和 `?` 帮助 (src/tui/keymap/bindings.rs 里存的是这些 id; 按键在各语言下都一样)。
## key-hint-*: 底栏上的一两个词; key-*: 帮助里的一行

key-hint-filter = 筛选
key-hint-add = 新增
key-hint-edit = 编辑
key-hint-log = 记录
key-hint-follow-up = 跟进
key-hint-sort = 排序
key-hint-done = 完成
key-hint-snooze = 推迟
key-hint-this-customer = 当前客户
key-hint-skip = 跳过
key-hint-open = 打开
key-hint-back = 返回
key-hint-skip-cold = 跳过久未联系
key-hint-help = 帮助
key-hint-tomorrow = 明天
key-hint-in-three-days = 3天后
key-hint-next-week = 下周
key-hint-other-date = 其他日期
key-hint-cancel = 取消
key-hint-import = 导入
key-hint-restore = 恢复
key-hint-undo = 撤销
key-hint-dashboard = 看板
key-hint-today = 今日回顾
key-hint-quit = 退出
key-hint-keep = 保留
key-hint-clear = 清除
key-hint-names-notes = 名称/记录
key-hint-save = 保存
key-hint-next-field = 下一项
key-hint-yes = 是
key-hint-no = 否
key-hint-open-it = 打开它
key-hint-merge = 合并
key-hint-add-anyway = 仍然新增
key-hint-back-to-form = 返回表单
key-hint-keep-it = 保持不变
key-hint-close = 关闭
key-hint-scroll = 滚动
key-filter-customers-by = 按名称、联系人、城市、标签、电话、邮箱筛选客户
key-add-a-customer = 新增客户
key-edit-the-selected = 编辑选中的客户
key-log-a-call = 记录与选中客户的一次电话、拜访或消息
key-add-a-follow = 为选中的客户添加跟进
key-add-a-deal = 添加一笔商机 (已成交订单或机会)，或编辑已有的
key-record-a-complaint = 记录投诉，或把投诉推进到已解决并打满意度分
key-record-that-you = 记下已为下一个节日 (春节、中秋…) 问候过该客户
key-add-a-person = 为选中的客户添加联系人
key-archive-the-selected = 归档选中的客户 (会先询问)
key-sort-by-attention = 排序：按紧急程度 / 名称 / 上次联系
key-open-the-customer = 打开客户的联系记录
key-scroll-profile-down = 向下滚动客户资料 (备注、联系人、商机、跟进)
key-scroll-profile-up = 向上滚动客户资料
key-a-page-down = 向下翻一页
key-a-page-up = 向上翻一页
key-profile-top = 到资料顶部
key-profile-end = 到资料末尾
key-mark-the-follow = 把跟进标为已完成
key-snooze-the-follow = 把跟进推迟到新的日期
key-show-all-follow = 显示全部跟进，或只显示选中客户的
key-select-the-follow = 选中这条跟进的客户
key-log-a-contact = 记录与这条跟进的客户的一次联系
key-log-a-contact-with = 记录与选中客户的一次联系
key-add-or-edit = 添加或编辑商机
key-record-or-resolve = 记录或解决投诉
key-snooze-to-tomorrow = 推迟到明天、3天后、下周或输入的日期 (久未联系的客户：安排一次跟进)
key-log-a-contact-closes = 记录一次联系 (保存时关闭这条跟进)
key-add-another-follow = 为这位客户再添加一条跟进
key-leave-this-one = 先放一放，看下一条
key-next-item-without = 下一条 (不做标记)
key-previous-item = 上一条
key-open-the-customer-in = 在账本中打开这位客户
key-back-to-book = 返回账本
key-skip-the-rest = 跳过今天剩下的久未联系客户，去看其余的
key-show-this-help = 显示本帮助
key-quit = 退出
key-tomorrow = 明天
key-in-three-days = 3天后
key-next-monday = 下周一
key-type-a-date = 输入日期 (fri、+2w、12-01、下周一…)
key-back-to-the-item = 返回这一条
key-scroll-down = 向下滚动
key-scroll-up = 向上滚动
key-page-down = 向下翻页
key-page-up = 向上翻页
key-write-the-import = 写入导入内容 (一步操作：按 u 可撤销)
key-back-to-the-import = 返回导入表单；不写入任何内容
key-move-up = 上移
key-move-down = 下移
key-restore-the-customer = 把客户恢复到列表
key-undo-the-last = 撤销上一次修改
key-redo-the-change = 重做上一次撤销的修改
key-filter-from-any = 在任何窗格筛选：焦点回到客户列表
key-first-row = 到第一行
key-last-row = 到最后一行
key-next-pane = 下一个窗格
key-previous-pane = 上一个窗格
key-focus-customers = 切换到客户
key-focus-profile = 切换到客户资料
key-focus-history = 切换到联系记录
key-focus-follow-ups = 切换到跟进
key-clear-the-filter = 清除筛选
key-undo-the-last-change = 撤销上一次修改，并说明改了什么、何时改的；再按一次撤销更早的
key-redo-do-again = 重做：再次执行上一次撤销的修改 (直到做出新的修改)
key-import-customers-from = 从 CSV、vCard 或 fieldbook JSON 文件导入客户 (先预览)
key-the-dashboard-contacts = 看板：联系、收入、等级、阶段、风险客户、投诉、商机、拜访计划
key-archived-customers-restore = 已归档的客户 (按 r 恢复)
key-todays-review = 今日回顾：先看到期的跟进，再看久未联系的客户
key-quit-ctrl-c = 退出 (任何地方按 Ctrl-C 都可退出)
key-keep-the-filter = 保留筛选并回到列表；搜索记录时：打开内容所在的客户
key-search-names-or = 搜索名称，或搜索联系记录和备注 (全文)
key-move-up-the = 在匹配结果中上移
key-move-down-the = 在匹配结果中下移
key-show-this-help-is = 显示本帮助 (? 会被当作输入)
key-save-the-form = 在任何一项都可保存表单
key-next-field = 下一项
key-previous-field = 上一项
key-new-line-in = 在摘要/备注中换行；其他项跳到下一项；在最后一项保存
key-cancel-asks-before = 取消 (丢弃已输入的内容前会先询问)
key-when-a-save = 保存时发现客户已在别处被修改：载入账本中的值 (你输入的内容保留)
key-show-this-help-closing = 显示本帮助；关闭后回到表单，输入的内容不变
key-log-form-a = 记录表单：尚未到来的时间会成为跟进日期 (时间改为现在)
key-to-the-start = 到这一项的开头
key-to-the-end-of = 到这一项的末尾
key-a-word-left = 左移一个词
key-a-word-right = 右移一个词
key-delete-the-word = 删除光标前的词
key-delete-back-to = 删除到这一项的开头
key-yes = 是
key-no = 否
key-show-this-help-the = 显示本帮助；问题会等着你
key-open-the-customer-already = 打开账本里已有的客户；放弃这张表单
key-merge-into-it = 合并到已有客户：用表单填上它空着的项
key-add-the-new = 仍然新增这位客户
key-back-to-the-form = 返回表单，内容保持原样
key-yes-undo-it = 是：撤销 (或重做) 它
key-u-again-undo = 再按 u：撤销它
key-u-again-redo = 再按 U：重做它
key-no-leave-the = 否：账本保持原样
key-close-help = 关闭帮助
key-help-top = 到顶部
key-help-end = 到末尾
help-title = 按键 · j/k PgUp/PgDn 滚动 · Esc 或 ? 关闭
help-dates = 日期写法：明天、下周一、今天、+3d、+2w、12-01、2026-12-01，也可用 today、tomorrow、fri、next mon
context-panes = 所有窗格
context-customers = 客户列表
context-profile = 客户资料
context-follow-ups = 跟进
context-history = 联系记录
context-filter = 筛选 (/)
context-review = 今日回顾 (t)
context-archived = 已归档客户 (A)
context-dashboard = 看板 (D)
context-import-preview = 导入预览 (i)
context-review-date = 回顾：推迟到
context-form = 表单
context-confirm = 确认问题
context-duplicate = 可能重复 (新增客户时)
context-reverse = 撤销本次运行之前的修改
context-help = 帮助

## 今日回顾 (src/tui/panes/review.rs, src/tui/review.rs)

review-pane = 今日回顾
review-title-due = 到期跟进
review-title-cold = 久未联系
review-recent = 最近联系 ({$n})
review-nothing-logged = 还没有联系记录
review-counter-title = 今日回顾
review-counter-at = 第{$at}/{$n}条
review-counter-left = 剩余{$n}条
review-counter-cold = 久未联系{$total}位中的{$n}位
review-done = 已完成{$n}
review-snoozed = 已推迟{$n}
review-logged = 已记录{$n}
review-planned = 已安排{$n}
review-skipped = 已跳过{$n}
review-no-longer-cold = 不再久未联系{$n}
review-mark-done = ✓ 已完成
review-mark-snoozed = → 已推迟到 {$date}
review-mark-logged = ✓ 已记录联系
review-mark-planned = ✓ 已安排跟进 {$date}
review-mark-skipped = · 已跳过，仍待跟进
review-mark-skipped-cold = · 已跳过，仍久未联系
review-mark-no-longer-cold = ✓ 已不再久未联系
review-person = 联系人
review-last = 上次
review-overdue = 逾期{$n}天 · 原定 {$date}
review-due-today = 今天到期
review-cold-today = 久未联系：今天该联系了
review-cold-days = 久未联系：已超出联系周期{$n}天
review-snooze-to = 推迟到：
review-plan-for = 安排跟进：
review-in-three-days = 3天后
review-next-week = 下周
review-another-date = 其他日期…
review-finished = 今日回顾完成。
review-nothing-changed = 没有任何改动。
review-tally = {$tally}。
review-not-looked-at = 还有{$n}条没看：按 k 回去看。
review-esc-back = Esc：返回账本

## 滚动窗格的位置 (src/tui/state/scroll.rs)，显示在下边框

scroll-at = {$first}-{$last} / 共{$len}行

## zhtui: 表单 (src/tui/panes/form.rs, src/tui/*_forms.rs, src/tui/importing.rs)

form-title-keys = {$title} · {$save} 保存 · Esc 取消
form-discard-question = 放弃已填写的内容？y = 放弃，n = 继续填写
form-more-lines = … 还有{$n}行
list-separator = ；
form-value-empty = （空）
form-title-add-customer = 新增客户
form-title-edit-customer = 编辑客户
form-title-add-person = 为{$customer}添加联系人
form-hint-customer-name = 公司或个人名称（必填）
form-hint-why-by-hand = 等级/阶段会自动计算；手动设置请写明原因
form-hint-tags = 用逗号分隔
form-hint-lead-source = 转介绍、展会……
form-hint-birthday = 1985-06-20 或 06-20
form-hint-cadence = 每隔几天联系一次
form-hint-notes = 喜好、值得记住的事
form-hint-required = 必填
form-hint-person-title = 采购经理、总经理……
form-error-birthday = 请写 1985-06-20；不知道年份就写 06-20
form-error-name = 请填写名称
form-error-cadence = 请填 1 到 3650 之间的整数天数
form-changed-elsewhere = 已在别处修改：{$change}
form-field-changed-elsewhere = {$field}已在别处修改：{$change}
form-customer-changed-elsewhere = 该客户已在别处修改
form-nothing-saved-reload = {$changes}。未保存；按 {$key} 载入账本中的值（已填写的内容保留）
form-choice-new = 新建
form-suggest-today = 今天
form-suggest-tomorrow = 明天
form-title-deal = {$customer}的订单/商机
form-title-complaint = {$customer}的投诉
form-hint-deal-title = 卖了什么或报了什么
form-hint-amount = 12,800 或 1.2万
form-hint-order-date = 成交日期（赢单或丢单）
form-hint-expected-close = 进行中的商机：预计何时成交
form-hint-complaint-what = 出了什么问题，按客户的原话写
form-hint-complaint-opened = 客户何时投诉的
form-hint-resolved-on = 何时解决的
form-hint-resolution = 怎么解决的
form-hint-date = 今天、明天、周五、下周一、+3d、12-01、2026-12-01
form-hint-repeat = 留空 = 只一次；每周、每2周、每月、每月完成后
form-hint-summary = 聊了什么（Enter 换行，Tab 下一项）
form-hint-with = 和谁谈的（可不填）
form-hint-when = 现在；或 今天14:30、昨天、2026-11-20 9:00
form-hint-follow-up-date = 留空 = 不跟进；明天、周五10:00、+3d、12-01
form-hint-next-task = 下一步做什么
form-hint-task = 要做什么
form-closes-none = 不关闭
form-title-log = 记录与{$customer}的联系
form-title-follow-up = 为{$customer}安排跟进
form-title-snooze = 推迟：{$task}
form-error-with-add = {$message}（按 p 添加联系人）
form-error-make-follow-up = {$message}（按 {$key} 改为跟进）
form-error-task = 请写明要做什么
form-error-repeat = 看不懂：{$hint}
form-error-date-needed = 请填写日期：{$hint}
form-past-again-keeps = {$refusal}；再按 {$key} 就按这个日期保存
form-title-import = 导入客户和联系人
form-hint-import-file = .csv、.tsv、.vcf 或 fieldbook .json 文件的路径（可用 ~）
form-error-import-file = 哪个文件？例如 ~/Downloads/客户.csv
form-import-skip = 跳过
form-import-merge = 合并
form-import-keep-both = 两个都留
form-import-refuse = 整个文件不导入
form-import-leave-out = 略过有问题的记录

## zhtui: 两端共用的日期说法 (src/i18n/calendar.rs, src/services/later.rs)

done-at-yesterday = 昨天 {$time}
done-at-day = {$day} {$time}
done-at-today = 今天 {$time}
date-error-unreadable = 看不懂日期“{$input}”：可以写2026-12-01、12-01、今天、明天、+3d、+2w、周五、下周一
later-error-past = {$when} 是{$ago}：跟进应该安排在以后
later-minutes-ago = {$n}分钟前
later-hours-ago = {$n}小时前
later-days-ago = {$n}天前

## zhtui: 撤销步骤 u 和 U 的说法 (src/i18n/undo_label.rs)

undo-log = 记录与{$customer}的{$channel}
undo-add-customer = 新增客户 {$what}
undo-edit-customer = 编辑客户 {$what}
undo-archive-customer = 归档客户 {$what}
undo-restore-customer = 恢复客户 {$what}
undo-add-person = 添加联系人 {$what}
undo-add-follow-up = 新增跟进：{$what}
undo-done = 完成：{$what}
undo-snooze = 推迟：{$what}
undo-add-deal = 新增订单：{$what}
undo-edit-deal = 编辑订单：{$what}
undo-add-complaint = 新增投诉：{$what}
undo-edit-complaint = 编辑投诉：{$what}
undo-greeted = 已问候：{$what}
undo-import = 导入 {$what}
undo-satisfaction = 满意度评分
undo-tier-stage = 手动设置等级和阶段

## zhtui: 弹出的询问 (src/tui/panes/questions.rs)

quoted = “{$text}”
question-archive-title = 确定吗？
question-archive = 归档{$name}？归档后不在列表中显示，不会删除任何数据。

    y = 归档，n = 保留
question-undo-title = 撤销本次打开之前的改动？
question-undo = 撤销{$when}的{$what}？

    这是在本次打开 fieldbook 之前（或由另一个 fieldbook）做的改动。

    再按 u 或 y = 撤销，n 或 Esc = 保留
question-redo-title = 重做本次打开之前的改动？
question-redo = 重做{$when}撤销的{$what}？

    这是在本次打开 fieldbook 之前（或由另一个 fieldbook）撤销的。

    再按 U 或 y = 重做，n 或 Esc = 保留
question-duplicate-title = 账本里已有这个客户？
question-probably-in-book = 账本里可能已经有了：{$why}。
question-you-typed = 你填写的
question-in-book = 账本中（c{$id}）
question-in-book-archived = 账本中（c{$id}，已归档）
question-row-name = 名称
question-row-city = 城市
question-row-phone = 电话
question-row-email = 邮箱
question-row-last-contact = 上次联系
question-duplicate-keys = o 打开它 · m 合并进去（补全空白项） · a 仍然新增 · Esc 返回表单
question-same-email = 邮箱相同 {$email}
question-same-phone = 电话相同 {$phone}
question-same-name = 名称相同
question-same-name-email-phone = 名称、邮箱或电话相同

## zhtui: 状态栏 (src/tui/update/*.rs, src/tui/update.rs, src/tui/mod.rs, src/tui/following.rs)
## 和终端太小时的提示 (src/tui/panes/overlays.rs)

list-comma = 、
status-too-small = 终端窗口太小：{$width}x{$height}，fieldbook 至少需要 {$needs_width}x{$needs_height}
status-no-holiday-ahead = 近期没有要问候的节日（配置项：greetings）
status-greeted = 已记录{$year}年{$zh}问候{$name}（u 撤销）
status-customer-archived = 该客户已归档（按 A 查看归档客户）
status-discarded = 已放弃
status-archived = 已归档 {$name}
status-restored = 已恢复 {$name}
status-birthday-reminders-failed = 生日提醒没能创建：{$why}
status-import-blocked = 有问题的记录：什么都没写入。按 Esc，再选“略过有问题的记录”
status-imported = 已导入：新增客户{$created}个，合并{$merged}个，新增联系人{$people}个（u 撤销整次导入）
status-reread-failed = 账本已变动，但没能重新读取：{$why}
status-read-failed = 读取账本失败：{$why}
status-read-died = 账本没能完整读取，请重新打开 fieldbook
status-customer-gone = 客户 #{$id} 已不在账本中
status-reloaded = 已把账本中的值载入表单
status-reloaded-kept = 已载入账本中的值；保留了你在{$fields}中填写的内容（保存后写入）
status-duplicate-archived = {$name}已归档（按 r 恢复）；未新增
status-duplicate-opened = 已打开{$name}；未新增
status-merged = 已合并到{$name}：用表单补全了它的空白项（u 撤销）
status-nothing-to-undo = 没有可撤销的操作
status-nothing-to-redo = 没有可重做的操作
status-undo-kept = 已保留：{$what}
status-undone = 已撤销：{$what}（{$when}做的） · U 重做
status-redone = 已重做：{$what}（{$when}撤销的） · u 再次撤销
task-reconnect = 重新联系
form-title-closes = {$title}；同时完成：{$task}
status-careful = {$message}。注意：{$warnings}
status-review-clear-day = 今天没有到期的跟进，也没有久未联系的客户：清闲的一天
status-review-cold-left-out = 没有到期的跟进；{$n}个客户久未联系，但 review_cold_per_day = 0 不把他们列入回顾
status-review-at-summary = 在总结页
status-review-at = 在第{$at}/{$of}项
status-review-resumed = 继续今日回顾，{$place}
status-review-resumed-added = 继续今日回顾，{$place}；新到期的{$n}条跟进已加入
status-review-no-cold-to-skip = 没有可跳过的久未联系客户
status-review-cold-skipped = 今天跳过{$n}个久未联系的客户
status-review-cold-not-done = 久未联系：记录一次联系（l）或安排跟进（s）
status-review-dealt-with = 已处理：按空格继续
status-snoozed-to = 已推迟到{$when}：{$task}
status-follow-up-planned = 已安排跟进，{$when}：{$task}
status-done = 已完成：{$task}
status-done-next = 已完成：{$task}；下一次{$when}
too-often-close = { $gap ->
    [0] 同一天已有其他联系
   *[other] {$gap}天内已有其他联系
}（关心而不打扰：至少间隔{$min}天）
too-often-many = 30天内联系{$count}次（上限{$ceiling}次）
status-check-fields = 请检查标红的项
status-added = 已添加 {$name}
status-saved = 已保存 {$name}
status-logged = 已记录{$channel}
status-logged-follow-up = {$when}跟进
status-logged-closed = 已完成：{$task}
status-snoozed-date = 已推迟到 {$date}
status-deal-saved = 已保存订单：{$title}
status-deal-added = 订单（{$stage}）{$amount}：{$title}
status-complaint = 投诉（{$status}）：{$what}

## zhtui: 记录联系时各项的检查，两端共用 (src/services/logging.rs, logging/fields.rs)

task-follow-up = 跟进：{$summary}
log-error-summary = 请简单写几句这次联系的内容
log-error-satisfaction = 满意度为 1 到 5
log-error-channel = 没有“{$typed}”这种方式：可选 {$all}
log-error-outcome = 没有“{$typed}”这个结果：可选 {$all}
log-error-with = “{$typed}”不是这个客户的联系人
log-error-when-ahead = {$at} 还没到：联系发生后才能记录；请改为安排跟进
log-error-follow-up-date = 什么时候做？
log-error-repeat = 看不懂重复规则“{$typed}”：可以写 每周、每2周、每月、每月完成后、每年
log-error-closes = 跟进 #{$id} 不是这个客户未完成的跟进

## zhtui: 配置文件有问题时状态栏的提示 (src/config/mod.rs, problem.rs)

config-using-defaults = {$what}；已改用默认设置
config-cannot-create = 无法创建 {$path}：{$why}
config-cannot-read = 无法读取 {$path}：{$why}
config-problem-at-line = {$file} 第{$line}行：{$what}
config-problem = {$file}：{$what}
config-expected-found = {$key} 应为{$expected}，而不是 {$value}
config-kind-whole-number = 整数
config-kind-true-or-false = true 或 false
config-kind-text = 文字（加引号）
config-unknown-holiday = greetings：没有“{$bad}”这个节日；可选 {$known}
config-bad-currency = 货币“{$currency}”不是 CNY、USD 这样的三位字母代码
config-outcome-empty-key = 有一个 outcome 的 key 是空的
config-outcome-twice = outcome 的 key“{$key}”重复了
config-outcome-next = outcome {$key}：{$why}
pane-customers-first = 前{$n}个…
pane-customers-best = 最佳{$n}个，其余查找中…

## zhtui: 订单和投诉表单里的错误提示 (src/tui/account_words.rs)

deal-error-title = 请写明卖了什么或报了什么
deal-error-negative = 金额不能为负
deal-error-currency = “{$code}”不是 CNY、USD 这样的货币代码
deal-error-won-needs-date = 赢单必须填写成交日期
deal-error-open-has-date = 处于“{$stage}”阶段的商机还没有成交日期（请填预计成交）
complaint-error-what = 请写明出了什么问题
complaint-error-needs-resolved-on = 已解决的投诉需要填写解决日期
complaint-error-resolved-before-opened = 解决日期 {$on} 早于投诉日期（{$opened}）
complaint-error-open-has-resolved-on = 投诉仍是“{$status}”，不能有解决日期
complaint-error-score = 满意度为 1 到 5，不能是 {$score}
complaint-error-score-once-resolved = 投诉解决后才能记录满意度
amount-error-missing = 请填写金额，例如 12,345.67 或 1.2万
amount-error-unreadable = 看不懂金额“{$typed}”：请写 12,345.67 或 1.2万
amount-error-cents = “{$typed}”的小数超过两位：金额只到分
amount-error-too-large = 金额“{$typed}”太大了
amount-error-none-in = “{$typed}”里没有金额：请写 12,345.67 或 1.2万
amount-error-whole-cents = “{$typed}”算下来不是整分

## zhtui: 状态栏上的账本错误 (src/tui/update.rs)

error-disk-full = 磁盘已满：这次改动什么都没写入；请清理出空间后再试
error-book-busy = 账本一直被占用（另一个 fieldbook 正在写入）；什么都没写入。请等它完成后再试。
error-book-unreadable = 账本无法读写：{$why}
error-book-too-new = {$path} 是由更新版本的 fieldbook 写的（账本版本 {$found}，本程序最高支持 {$supported}）；未打开也未改动。请升级 fieldbook 后再打开。

## zhtui: fieldbook 自己写进账本的事项，按写入时的语言 (src/services/day_start.rs 等)

task-birthday-person = {$person}（{$customer}）
task-birthday = 生日问候：{$who}，{$date}
task-birthday-turns = 生日问候：{$who}，{$date}，{$turns}岁生日

## zhcli: the command line's notices and errors (src/cli/mod.rs, safety.rs, resolve.rs,
## read_only.rs, commands.rs, accounts.rs, interop.rs)

cli-disk-full-nothing-written = 磁盘已满（{$dir} 仅剩 {$kb} KB）：这次修改一点也没有写入；请腾出空间后重试
cli-demo-written = 已生成演示客户簿（{$n} 个客户）：{$path}
cli-demo-exists = {$path} 已存在；演示客户簿只写入新文件
cli-birthday-reminders-failed = 生日提醒没有生成：{$why}
cli-automatic-backup-failed = 自动备份失败：{$why}
cli-made-private-file = {$path}（原权限 {$mode}）
cli-made-private = 别人能读到你的客户簿，已改为仅本人可读：{$files}
cli-could-not-make-private = 无法把客户簿改为仅本人可读：{$why}
cli-not-a-regular-file = {$path} 不是普通文件（管道、设备还是文件夹？）；客户簿必须是文件
cli-backup-no-folder = 无法创建 {$dir}（{$why}）：请另指定备份位置，`fieldbook backup 路径`
cli-backed-up = 已把 {$book} 备份到 {$dest}
cli-not-restored-because = 没有恢复 {$file}：{$problems}
cli-restored = 已从 {$file} 恢复（{$n} 个客户）
cli-restored-previous-saved = ；原客户簿已保存在 {$path}
cli-restore-needs-yes = 恢复会替换整个客户簿：不在终端上运行时，请加 --yes 确认
cli-restore-question = 用 {$file}（{$n} 个客户）替换 {$book}（现有 {$now} 个客户）？替换前会先备份当前客户簿。[y/N]
cli-not-restored = 未恢复
cli-check-ok = {$book}：正常（版本 {$version}，{$customers} 个客户，{$interactions} 条联系记录，{$open} 条待办跟进）
cli-check-problems = {$book} 有问题：
cli-no-backups = 在 {$dir} 中没有找到备份；请保留这个文件，其中部分内容可能还能读出。
cli-newest-backups = 最近的备份：
cli-to-bring-back = 要恢复最近的一份，请运行：
cli-no-customer-matches = 没有与“{$query}”匹配的客户
cli-no-archived-customer-matches = 没有与“{$query}”匹配的已归档客户
cli-candidate-last-contact = 上次联系 {$when}
cli-matches-more-than-one = “{$query}”匹配到多个客户；请说明是哪一个（名称写全一些，或用 c 编号）：
cli-customer-archived = c{$id} {$name} 已归档；什么也没写入。运行 `fieldbook unarchive c{$id}` 可恢复
cli-probably-already = c{$id} {$name} 可能就是这个客户（{$why}）；什么也没写入。--merge 用这条补全它的空白项，--keep-both 仍然新增
cli-customer-vanished = 客户已不存在
cli-unarchived = c{$id} {$name} 已回到列表
cli-reading-only = {$book} 无法写入（{$why}）；只读打开，不会做任何修改
cli-disk-full-free = 磁盘已满，{$dir} 仅剩 {$kb} KB
cli-kb-free-on = {$dir} 仅剩 {$kb} KB
cli-copy-disk-full = 磁盘已满（{$place}）：{$dest} 没有写入；客户簿保持原样
cli-editor-failed = {$editor} 退出状态为 {$status}；什么也没记录
cli-closes-bad = --closes：“{$value}”不是跟进编号（#12），也不是 none
cli-summary-empty = 什么也没记录：内容为空（{$why}）
cli-add-past = {$why}；如仍要设置，请加 --past
cli-deal-unknown-stage = 没有“{$stage}”这个阶段：可用 {$all}
cli-deal-added = 已记录与{$name}的{$stage}商机 #{$id}：{$amount} {$title}
cli-deals = {$n} 个商机
cli-deal-close = 预计 {$date} 成交
cli-import-bad-format = --format 只能是 csv、vcard 或 json，不能是“{$value}”
cli-import-bad-encoding = --encoding 只能是 utf-8 或 gb18030，不能是“{$value}”
cli-export-bad-format = --format 只能是 csv、vcard、ics 或 json，不能是“{$value}”
cli-importing = 正在导入 {$done}/{$total}…
cli-no-file = 没有文件 {$file}
cli-import-would-refuse = {$n} 条记录有误：导入会被拒绝。请改正，或加 --skip-bad 导入其余记录
cli-import-refused = {$n} 条记录有误：什么也没写入。请改正，或加 --skip-bad 导入其余记录
cli-import-file = {$file}：{$format}，{$encoding}，{$n} 条记录
cli-import-columns = 列：{$list}
cli-import-ignored = 未读取的列（用 --map 列名=字段 读取）：{$list}
cli-cant-write = 无法写入 {$path}：{$why}
cli-exported = 已把 {$n} 个客户导出为 {$format}：{$path}

## zhcli: clap's usage errors (src/cli/usage_error.rs)

clap-error = 错误：{$what}
clap-try-help = 更多信息请运行 '--help'。
clap-unknown-argument = 无法识别的参数 '{$arg}'
clap-unknown-subcommand = 没有 '{$command}' 这个命令
clap-value-missing = '{$arg}' 需要一个值，但没有给出
clap-value-invalid = '{$arg}' 的值 '{$value}' 无效
clap-possible-values = {" "}[可选值：{$list}]
clap-missing-arguments = 缺少必需的参数：
clap-missing-subcommand = '{$command}' 后面需要一个子命令 [子命令：{$list}]
clap-too-many-values = '{$arg}' 多出了值 '{$value}'，不需要更多的值
clap-wrong-number-of-values = '{$arg}' 需要 {$expected} 个值，但给了 {$actual} 个
clap-no-equals = 给 '{$arg}' 赋值时需要等号
clap-used-twice = 参数 '{$arg}' 不能重复使用
clap-conflict = 参数 '{$arg}' 不能与 {$other} 同时使用
clap-list-and = 、
clap-similar = 提示：是不是要用 {$list}？

## zhcli: an import's places, problems and preview (src/services/import_words.rs,
## src/repository/import/, src/cli/import_preview.rs, src/tui/panes/import_preview.rs)

import-place-row = 第{$row}行（文件第{$line}行）
import-place-card = 第{$card}张名片（第{$line}行）
import-place-entry = { $table ->
    [customer] 客户
    [contact] 联系人
    [interaction] 联系记录
    [follow_up] 跟进
    [deal] 商机
    [complaint] 投诉
   *[other] {$table}
} #{$id}
import-place-line = 第{$line}行
import-notice = {$place}：{$problem}
import-notice-column = {$place}，{$column}：{$problem}
import-likely-same-name = 名称相同
import-likely-same-email = 邮箱相同 {$email}
import-likely-same-phone = 电话相同 {$phone}
import-likely-same-keys = 名称、邮箱或电话相同
import-not-utf8-or-gb18030 = 含有既不是 UTF-8 也不是 GB18030 的字节
import-not-valid-text = 不是有效的 {$encoding} 文本
import-unknown-charset = 不认识的字符集 CHARSET {$value}
import-bad-quoted-printable = quoted-printable 编码有误（{$sequence}）
import-rest-unreadable = 文件余下部分无法读取：{$error}
import-quote-never-closes = 这一行的引号没有闭合；文件余下部分会被读成一个字段
import-too-many-fields = 有 {$fields} 个字段，表头只有 {$header} 个
import-lone-field = 只有一个字段的行不是数据行（报表的页脚？）：{$value}
import-not-a-kind = {$value} 不是“公司”或“个人”，已略过
import-not-a-tier = {$value} 不是等级（A、B 或 C），已放进备注
import-not-a-stage = {$value} 不是客户阶段，已放进备注
import-not-days = {$value} 不是天数，已略过
import-not-a-date = {$value} 不是日期，已放进备注
import-digits-lost = {$value} 被 Excel 转成了科学计数法，数字已丢失，已略过
import-no-name-no-company = 没有姓名，也没有公司
import-no-name-no-organization = 没有姓名，也没有单位
import-card-inside-card = 这张名片里又开始了一张（第{$line}行）
import-card-never-ends = 文件在这张名片中间结束了（缺少 END:VCARD）
import-outside-any-card = 不在任何名片里的内容，已跳过
import-property-too-long = 超过了单项 {$limit} 字节的上限
import-missing = 缺失
import-same-id-twice = 编号重复
import-no-such-customer = 客户 #{$id} 不在文件中（或有误）
import-holds-object = 是一个对象，没有列能存放
import-not-a-number = 不是数字
import-unreadable = 无法读取 {$value}
import-bad-records-in = {$file} 中有 {$n} 条记录有误：什么也没写入。请改正，或加 --skip-bad 导入其余记录
import-refused = {$file} 没有导入：{$why}；客户簿保持原样
import-integrity-check = SQLite 对导入后客户簿的检查：{$why}
import-not-read-back = {$place}：导入后 fieldbook 无法读出（{$why}）
import-book-not-read-back = 导入后 fieldbook 无法读出客户簿（{$why}）
import-references-unchecked = 无法检查其中的引用（{$why}）
import-a-reference = 某个引用
import-dangling = {$place}，{$column}：指向的 {$parent} 既不在文件中，也不在客户簿中
cli-import-bad-heading = 有误，不导入（{$n}）
cli-import-skipped-heading = 已跳过（{$n}）
cli-import-warnings-heading = 提醒（{$n}）
cli-import-would-do = 将要执行
cli-import-and-person = ；{$what}
cli-import-tally = 新增 {$created}，合并 {$merged}，已有 {$unchanged}，跳过重复 {$skipped}
cli-imported = 已导入：客户 {$customers}；联系人 {$people}
cli-would-import = 将导入：客户 {$customers}；联系人 {$people}
cli-import-and-rows = 另有 {$list}
cli-import-bad-left-out = 略过 {$n} 条有误的记录
cli-import-nothing-new = 没有新内容：客户簿里已经都有了
cli-import-in-the-book = 客户簿中的 c{$id}
cli-import-the-books = 客户簿中的同一人
cli-import-likely = {" "}[可能是 c{$id} {$name}：{$why}；可用 --merge、--keep-both 或跳过]
cli-import-customer = 客户
cli-import-person = 联系人
cli-import-create = 新{$what} {$name}
cli-import-again = {$what} {$name}（同{$other}）
cli-import-merge = 把{$what} {$name} 合并到{$other}
cli-import-unchanged = {$what} {$name}：{$other}已有全部信息
cli-import-skip = 跳过{$what} {$name}：与{$other}重复
import-preview-title = 导入预览 · 尚未写入
import-preview-file = {"  "}{$format} · {$encoding} · {$n} 条记录
import-preview-customers = 客户
import-preview-people = 联系人
import-preview-tally = 新增 {$created} · 合并 {$merged} · 不变 {$unchanged} · 跳过重复 {$skipped}
import-preview-rows = {$n} 行
import-preview-blocked = {$n} 条记录有问题：不会写入任何内容。按 Esc 返回；选择“略过有问题的记录”可导入其余记录。
import-preview-nothing-new = 文件中的内容客户簿里都已有：导入不会改变什么。
import-preview-confirm = 按 y 或 Enter 导入（u 可撤销整次导入）；Esc 返回。
import-preview-records = 记录
import-preview-problems = 问题（{$n}）
import-preview-bad = 有误
import-preview-skipped = 已跳过
import-preview-note = 提醒
import-preview-new = 新增
import-preview-merge = 合并
import-preview-same = 不变
import-preview-skip = 跳过
import-preview-again = 重复
import-preview-likely = {"  "}可能与 c{$id} {$name} 重复：{$why}
import-preview-person = {"  "}· 联系人 {$verb} {$name}
import-cant-read = 无法读取 {$file}：{$why}
import-too-big = {$file} 有 {$size} 字节；fieldbook 只导入 {$cap} 字节以内的文件（请拆分）
import-over-cap = {$file} 超过 {$cap} 字节；fieldbook 只导入 {$cap} 字节以内的文件（请拆分）
import-map-not-a-pair = --map 的写法是 列名=字段，例如 --map 负责人=note，而不是 {$given}
import-map-unknown-field = --map {$column}：没有 {$field} 这个字段；可用的字段有 {$fields}，以及 customer_字段 / contact_字段（{$personal}）
import-map-no-such-column = --map：表头里没有 {$column} 这一列（表头有 {$header}）
import-no-name-column = 没有哪一列是客户或联系人的名称（表头有 {$header}）；请用 --map 列名=company 或 --map 列名=name 指明
import-no-header = 文件没有表头行
import-header-unreadable = 无法读取表头：{$why}
import-bom-but-not = 文件以 {$encoding} 的字节顺序标记开头，内容却不是有效的 {$encoding} 文本
import-not-utf8 = 第{$line}行有不是 UTF-8 的字节；如果文件来自中文 Windows 上的 Excel，请试试 --encoding gb18030
import-not-gb18030 = 文件不是有效的 GB18030 文本；请试试 --encoding utf-8
import-json-not-utf8 = fieldbook 的 JSON 导出文件是 UTF-8 编码的，这个文件不是（第{$line}行）
import-not-an-export = 不是 fieldbook 的 JSON 导出文件：{$why}
import-other-format = 不是 fieldbook 的 JSON 导出文件（它的格式是 {$format}）
import-newer-export = 这个导出文件来自更新版本的 fieldbook（文件版本 {$version}，客户簿版本 {$schema}；本版本最多读取 {$reads_version} 和 {$reads_schema}）：请升级 fieldbook
import-no-vcard = 文件里没有 BEGIN:VCARD：这是 vCard（.vcf）文件吗？


## zhcli: the readers a prepared book is read back with (src/repository/read_back.rs)

read-back-customer-list = 客户列表
read-back-archived = 已归档客户
read-back-follow-ups = 跟进
read-back-deals = 商机
read-back-won-revenue = 成交金额
read-back-order-dates = 下单日期
read-back-last-orders = 最近订单
read-back-complaints = 投诉
read-back-open-complaints = 未结投诉
read-back-birthdays = 生日
read-back-hand-set-stages = 手动设定的阶段
read-back-customers = 客户
read-back-people = 联系人
read-back-history = 联系记录
read-back-every-follow-up = 全部跟进
read-back-won-sums = deal.amount（成交商机合计）

## zhcli: log's notes before its warnings (src/cli/commands.rs)

cli-note = 提示：{$what}

## zhrest: 客户本拒收一个值 (src/i18n/refusal.rs, src/repository/gate.rs)

refusal-empty = 为空
refusal-invisible = 没有可见的字符
refusal-holds-bidi = 含有 {$char}（双向文字控制符，可用来伪装文字）
refusal-holds-line-break = 含有 {$char}（换行，此栏只能写一行）
refusal-holds-control = 含有 {$char}（终端控制字符）
refusal-too-long = 长 {$length} 个字符，最多 {$limit} 个
refusal-date-outside = {$date} 不在客户本可存的 {$from}–{$to} 年之间
refusal-year-outside = 年份 {$year} 不在 {$from}–{$to} 之间
refusal-not-a-day = 不是一年中的某一天
refusal-cadence = 为 {$days}；联系周期是 1 到 {$most} 天
refusal-amount = 超出范围：金额是 0 到 {$most}（单位为分）
refusal-int-outside = 为 {$n}；应在 {$lo} 到 {$hi} 之间
refusal-not-whole = 为 {$value}，不是范围内的整数
refusal-not-a-number = 不是整数
refusal-not-text = 不是文字
refusal-not-date = {$value} 不是日期（YYYY-MM-DD）
refusal-not-stamp = {$value} 不是时间（YYYY-MM-DDTHH:MM:SS）
refusal-not-time = {$value} 不是时刻（HH:MM）
refusal-not-birthday = {$value} 不是生日（YYYY-MM-DD 或 --MM-DD）
refusal-not-one-of = {$value} 不是以下之一：{$words}
refusal-field = {$label}{$why}
refusal-separator = ；
refusal-of = {$what}：{$problems}
refusal-snooze = 推迟：{$why}
rule-field = {$label}：{$why}
gate-the-customer = 客户
gate-the-person = 联系人
gate-the-contact = 联系记录
gate-the-follow-up = 跟进
gate-the-deal = 商机
gate-the-complaint = 投诉
gate-a-customer = 客户
gate-a-person = 联系人
gate-needs-a-name = {$what}需要名称

## zhrest: 读写文件失败 (src/i18n/io_error.rs)

io-not-found = 找不到这个文件或文件夹
io-permission-denied = 没有权限读写这个文件
io-already-exists = 文件已经存在
io-read-only = 这里是只读的，无法写入
io-is-a-directory = 这是文件夹，不是文件
io-not-a-directory = 路径中有一段不是文件夹
io-storage-full = 磁盘已满
io-invalid-data = 文件内容无法读取
io-unexpected-eof = 文件不完整（提前结束了）
io-timed-out = 读写超时
io-busy = 文件正被占用
io-too-large = 文件太大
io-other = 读写文件失败：{$error}
book-does-not-exist = {$path} 不存在
book-older-needs-writable = {$path} 是旧版 fieldbook 的客户本，需要升级，升级需要它可写
opening-refused = {$path} {$what}；未打开也未改动。请用 --db（或 FIELDBOOK_DB）指向你的客户本，或把这个文件移走，在这里新建客户本。
opening-not-a-file = 不是文件
opening-not-sqlite = 不是 fieldbook 客户本（不是 SQLite 数据库）
opening-foreign = 是别的程序的数据库，不是 fieldbook 客户本
opening-emptied = {$path} 是空的（0 字节），但旁边有备份；未打开也未改动。
    最新的备份：
    {$backups}
    要恢复最新的备份，请运行：
      fieldbook --db {$path} restore {$newest}
check-not-a-file = {$path} 不是文件
check-unreadable = 读不了 {$path}：{$error}
check-not-sqlite-book = {$path} 不是 SQLite 客户本
check-empty = 文件是空的（0 字节）：客户本丢了（同步工具、磁盘已满等）
check-not-sqlite = 不是 SQLite 数据库
check-foreign = 是别的程序的数据库，不是 fieldbook 客户本
check-newer = 由更新版本的 fieldbook 写的（账本版本 {$version}，本程序最高支持 {$latest}）
check-not-fieldbook = 不是 fieldbook 客户本（没有客户表）
check-truncated = 文件被截断：文件只有 {$len} 字节，客户本需要 {$needed} 字节；结尾被切掉了（磁盘已满、复制中断等）
check-damaged = 页面损坏：SQLite 完整性检查发现 {$count} 个问题，第一个：{$first}
check-damaged-unreadable = 页面损坏：SQLite 读不了这个客户本（{$error}）
check-dangling = 外键：{$count} 行指向已不存在的行，例如 {$table} 的一行（rowid {$rowid}）指向缺失的 {$parent}
check-keys-unchecked = 无法检查外键（{$error}）
undo-changed-meanwhile = 询问之后客户本变了（另一个 fieldbook 写入了）；什么也没撤销或重做
import-temp-not-utf8 = 临时文件夹的名称不是 UTF-8（请设置 TMPDIR）
path-not-utf8 = {$path} 不是 UTF-8 路径
