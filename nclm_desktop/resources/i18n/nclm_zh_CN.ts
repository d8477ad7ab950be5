<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN" sourcelanguage="en">
<context>
    <name></name>
    <message>
        <source>User name</source>
        <translation>用户名</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>角色</translation>
    </message>
    <message>
        <source>Active</source>
        <translation>启用</translation>
    </message>
    <message>
        <source>Locked</source>
        <translation>已锁定</translation>
    </message>
    <message>
        <source>Last sign-in (UTC)</source>
        <translation>最近登录（UTC）</translation>
    </message>
    <message>
        <source>Time (local)</source>
        <translation>时间（本地）</translation>
    </message>
    <message>
        <source>Local time, with its offset from UTC</source>
        <translation>本地时间（含与 UTC 的时差）</translation>
    </message>
    <message>
        <source>User</source>
        <translation>用户</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>操作</translation>
    </message>
    <message>
        <source>Record</source>
        <translation>记录</translation>
    </message>
    <message>
        <source>Study ID</source>
        <translation>研究编号</translation>
    </message>
    <message>
        <source>Birth year</source>
        <translation>出生年份</translation>
    </message>
    <message>
        <source>Casebook</source>
        <translation>病例报告</translation>
    </message>
    <message>
        <source>signed and locked</source>
        <translation>已签名并锁定</translation>
    </message>
    <message>
        <source>not locked</source>
        <translation>未锁定</translation>
    </message>
    <message>
        <source>Data queries</source>
        <translation>数据质疑</translation>
    </message>
    <message>
        <source>{open} open of {total}</source>
        <translation>未解决 {open} 条，共 {total} 条</translation>
    </message>
    <message>
        <source>The casebook has not been signed.</source>
        <translation>病例报告尚未签名。</translation>
    </message>
    <message>
        <source>Signed (date, time, time zone)</source>
        <translation>签名时间（日期、时间、时区）</translation>
    </message>
    <message>
        <source>Query #{id} ({state}): {text}</source>
        <translation>质疑 #{id}（{state}）：{text}</translation>
    </message>
    <message>
        <source>raised by {who}</source>
        <translation>提出人：{who}</translation>
    </message>
    <message>
        <source>Answer: {text} ({who})</source>
        <translation>回复：{text}（{who}）</translation>
    </message>
    <message>
        <source>closed by {who}</source>
        <translation>关闭人：{who}</translation>
    </message>
    <message>
        <source>record {key}</source>
        <translation>记录 {key}</translation>
    </message>
    <message>
        <source>Source data: not verified</source>
        <translation>源数据：未核查</translation>
    </message>
    <message>
        <source>Source data verified by {by}, {when}</source>
        <translation>源数据已核查：{by}，{when}</translation>
    </message>
    <message>
        <source>Source data verified by {by}, {when}; changed since verification</source>
        <translation>源数据已核查：{by}，{when}；核查后已更改</translation>
    </message>
    <message>
        <source>Field</source>
        <translation>字段</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>值</translation>
    </message>
    <message>
        <source>Audit trail</source>
        <translation>稽查轨迹</translation>
    </message>
    <message>
        <source>The audit trail is printed for roles that may view it (investigator).</source>
        <translation>稽查轨迹仅对有权查看的角色（研究者）打印。</translation>
    </message>
    <message>
        <source>No events.</source>
        <translation>无事件。</translation>
    </message>
    <message>
        <source>When</source>
        <translation>时间</translation>
    </message>
    <message>
        <source>Who</source>
        <translation>操作人</translation>
    </message>
    <message>
        <source>Old → new</source>
        <translation>原值 → 新值</translation>
    </message>
    <message>
        <source>Forms</source>
        <translation>表单</translation>
    </message>
    <message>
        <source>Change</source>
        <translation>修改</translation>
    </message>
    <message>
        <source>Old value → new value</source>
        <translation>原值 → 新值</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>原因</translation>
    </message>
    <message>
        <source>yes</source>
        <translation>是</translation>
    </message>
    <message>
        <source>no</source>
        <translation>否</translation>
    </message>
    <message>
        <source>(deleted)</source>
        <translation>（已删除）</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>电话</translation>
    </message>
    <message>
        <source>Scheduled</source>
        <translation>预约日期</translation>
    </message>
    <message>
        <source>Window</source>
        <translation>时间窗</translation>
    </message>
    <message>
        <source>Overdue by</source>
        <translation>逾期天数</translation>
    </message>
    <message>
        <source>Beyond routine tests</source>
        <translation>常规检查以外的项目</translation>
    </message>
    <message>
        <source>Contacted / notes</source>
        <translation>联系情况 / 备注</translation>
    </message>
    <message>
        <source>+ {n} more (see list)</source>
        <translation>另有 {n} 项（见列表）</translation>
    </message>
    <message>
        <source>{n} visit due</source>
        <translation>{n} 次随访到期</translation>
    </message>
    <message>
        <source>{n} visits due</source>
        <translation>{n} 次随访到期</translation>
    </message>
    <message>
        <source>Grey: outside the worklist&apos;s range. Framed: today.</source>
        <translation>灰色：不在本工作清单的日期范围内。方框：今天。</translation>
    </message>
    <message>
        <source>Visits due from {period}: {n}. Overdue on {today}: {m}.</source>
        <translation>{period}到期随访：{n} 次。截至 {today} 逾期：{m} 次。</translation>
    </message>
    <message>
        <source>Overdue — the window closed before {today}</source>
        <translation>已逾期 — 时间窗在 {today} 之前已关闭</translation>
    </message>
    <message>
        <source>Due from {period}</source>
        <translation>{period}到期</translation>
    </message>
    <message>
        <source>Routine tests at every visit: {tests}.</source>
        <translation>每次随访的常规检查：{tests}。</translation>
    </message>
    <message>
        <source>No visits are due from {period}, and none is overdue.</source>
        <translation>{period}没有到期的随访，也没有逾期的随访。</translation>
    </message>
    <message>
        <source>{n} further months of the range are not drawn.</source>
        <translation>日期范围内另有 {n} 个月未绘制。</translation>
    </message>
    <message>
        <source>Start of follow-up (operation)</source>
        <translation>随访起始日（手术日期）</translation>
    </message>
    <message>
        <source>Start of follow-up (systemic treatment)</source>
        <translation>随访起始日（系统治疗开始日期）</translation>
    </message>
    <message>
        <source>Please come to the clinic on the target date of each visit. If that day is not possible, any day within the window is fine: call the study team to arrange it. Please bring this sheet to every visit.</source>
        <translation>请在每次随访的目标日期来院复诊。如当天不便，可在时间窗内任意一天复诊，请致电研究团队预约。每次复诊请携带本表。</translation>
    </message>
    <message>
        <source>Your visits</source>
        <translation>随访安排</translation>
    </message>
    <message>
        <source>Visit</source>
        <translation>随访</translation>
    </message>
    <message>
        <source>Target date</source>
        <translation>目标日期</translation>
    </message>
    <message>
        <source>Window (earliest – latest)</source>
        <translation>时间窗（最早 – 最晚）</translation>
    </message>
    <message>
        <source>What happens</source>
        <translation>检查项目</translation>
    </message>
    <message>
        <source>At every visit: {what}.</source>
        <translation>每次随访均检查：{what}。</translation>
    </message>
    <message>
        <source>routine tests</source>
        <translation>常规检查</translation>
    </message>
    <message>
        <source>routine tests + {what}</source>
        <translation>常规检查 + {what}</translation>
    </message>
    <message>
        <source>Month {m}</source>
        <translation>第{m}个月</translation>
    </message>
    <message>
        <source>appointment {d}</source>
        <translation>预约 {d}</translation>
    </message>
    <message>
        <source>done {d}</source>
        <translation>已完成 {d}</translation>
    </message>
    <message>
        <source>missed</source>
        <translation>未完成</translation>
    </message>
    <message>
        <source>No visits are planned yet: the start of follow-up (the operation or the start of treatment) has not been recorded.</source>
        <translation>尚未安排随访：未记录随访起始日期（手术或治疗开始日期）。</translation>
    </message>
    <message>
        <source>Contact numbers</source>
        <translation>联系电话</translation>
    </message>
    <message>
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Booked</source>
        <translation>已预约</translation>
    </message>
    <message>
        <source>Window from</source>
        <translation>时间窗起</translation>
    </message>
    <message>
        <source>Window to</source>
        <translation>时间窗止</translation>
    </message>
    <message>
        <source>Days overdue</source>
        <translation>逾期天数</translation>
    </message>
    <message>
        <source>Done on</source>
        <translation>完成日期</translation>
    </message>
    <message>
        <source>Filter by study ID, name, phone, visit …</source>
        <translation>按研究编号、姓名、电话、随访筛选……</translation>
    </message>
    <message>
        <source>Today</source>
        <translation>今天</translation>
    </message>
    <message>
        <source>Month</source>
        <translation>月</translation>
    </message>
    <message>
        <source>Export .ics…</source>
        <translation>导出 .ics……</translation>
    </message>
    <message>
        <source>The visits of the shown month or worklist as an iCalendar file (study ID and visit code only).</source>
        <translation>将当前月份或工作清单中的随访导出为 iCalendar 文件（仅含研究编号和随访代码）。</translation>
    </message>
    <message>
        <source>{title} ({n})</source>
        <translation>{title}（{n}）</translation>
    </message>
    <message>
        <source>Open visits booked from {start} to {end}</source>
        <translation>{start} 至 {end} 已预约的待完成随访</translation>
    </message>
    <message>
        <source>{date}: {n} visit(s)</source>
        <translation>{date}：{n} 次随访</translation>
    </message>
    <message>
        <source>Patient CCI</source>
        <translation>患者 CCI</translation>
    </message>
    <message>
        <source>Comprehensive Complication Index (Slankamenac 2013), 0–100.</source>
        <translation>综合并发症指数 CCI（Slankamenac 2013），0–100。</translation>
    </message>
    <message>
        <source>none</source>
        <translation>无</translation>
    </message>
    <message>
        <source>This complication: grade {grade}
Without it: {before:.1f}
Other complications: {grades}</source>
        <translation>本并发症：{grade} 级
不计本并发症：{before:.1f}
其他并发症：{grades}</translation>
    </message>
    <message>
        <source>Edit complication — {sid}</source>
        <translation>编辑并发症 — {sid}</translation>
    </message>
    <message>
        <source>Add complication — {sid}</source>
        <translation>添加并发症 — {sid}</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>保存</translation>
    </message>
    <message>
        <source>Save and add another</source>
        <translation>保存并继续添加</translation>
    </message>
    <message>
        <source>{name} on {date}</source>
        <translation>{name}（{date}）</translation>
    </message>
    <message>
        <source>Complication</source>
        <translation>并发症</translation>
    </message>
    <message>
        <source>describe (category other)</source>
        <translation>请描述（类别为“其他”）</translation>
    </message>
    <message>
        <source>Postoperative day:</source>
        <translation>术后天数：</translation>
    </message>
    <message>
        <source>Treatment needed</source>
        <translation>所需治疗</translation>
    </message>
    <message>
        <source>Tick the most intensive treatment the complication needed; it proposes the grade.</source>
        <translation>勾选该并发症所需的最高强度治疗，系统据此建议分级。</translation>
    </message>
    <message>
        <source>e.g. piperacillin-tazobactam 7 days</source>
        <translation>例如：哌拉西林他唑巴坦 7 天</translation>
    </message>
    <message>
        <source>Clavien-Dindo grade</source>
        <translation>Clavien-Dindo 分级</translation>
    </message>
    <message>
        <source>The grade proposed from the treatment is marked; another grade needs a reason.</source>
        <translation>已标出根据治疗建议的分级；选择其他分级需填写理由。</translation>
    </message>
    <message>
        <source>Grade {g}</source>
        <translation>{g} 级</translation>
    </message>
    <message>
        <source>Suffix d (next page): the complication is still present at discharge.</source>
        <translation>后缀 d（下一页）：出院时并发症仍存在。</translation>
    </message>
    <message>
        <source>ISGLS grade</source>
        <translation>ISGLS 分级</translation>
    </message>
    <message>
        <source>Outcome</source>
        <translation>结局</translation>
    </message>
    <message>
        <source>proposed</source>
        <translation>建议</translation>
    </message>
    <message>
        <source>Proposed Clavien-Dindo grade: {g}</source>
        <translation>建议的 Clavien-Dindo 分级：{g}</translation>
    </message>
    <message>
        <source>Proposed grade: choose single or multiple organ dysfunction.</source>
        <translation>建议分级：请选择单器官或多器官功能障碍。</translation>
    </message>
    <message>
        <source>This category has no ISGLS grade.</source>
        <translation>此类别无 ISGLS 分级。</translation>
    </message>
    <message>
        <source>{label} — {source}</source>
        <translation>{label} — {source}</translation>
    </message>
    <message>
        <source>Definition</source>
        <translation>定义</translation>
    </message>
    <message>
        <source>Onset</source>
        <translation>发生</translation>
    </message>
    <message>
        <source>postoperative day {d}</source>
        <translation>术后第 {d} 天</translation>
    </message>
    <message>
        <source>Clavien-Dindo</source>
        <translation>Clavien-Dindo</translation>
    </message>
    <message>
        <source>ISGLS</source>
        <translation>ISGLS</translation>
    </message>
    <message>
        <source>Check before saving</source>
        <translation>保存前请核对</translation>
    </message>
    <message>
        <source>Grade V records the death of {sid} on {date}: the participant becomes deceased and later follow-up visits are cancelled. Save?</source>
        <translation>V 级将记录 {sid} 于 {date} 死亡：受试者状态变为死亡，之后的随访均取消。是否保存？</translation>
    </message>
    <message>
        <source>the complication record</source>
        <translation>并发症记录</translation>
    </message>
    <message>
        <source>The year must be between {lo} and {hi}.</source>
        <translation>年份必须在 {lo} 至 {hi} 之间。</translation>
    </message>
    <message>
        <source>There is no month {month}.</source>
        <translation>没有 {month} 月。</translation>
    </message>
    <message>
        <source>{year}-{month:02d} has no day {day}.</source>
        <translation>{year}-{month:02d} 没有 {day} 日。</translation>
    </message>
    <message>
        <source>Not a date: type YYYY-MM-DD, DD.MM.YYYY, YYYY/MM/DD or YYYYMMDD.</source>
        <translation>不是有效日期：请按 年-月-日（YYYY-MM-DD）、DD.MM.YYYY、YYYY/MM/DD 或 YYYYMMDD 格式输入。</translation>
    </message>
    <message>
        <source>YYYY-MM-DD</source>
        <translation>年-月-日</translation>
    </message>
    <message>
        <source>YYYY-MM-DD, DD.MM.YYYY, YYYY/MM/DD or YYYYMMDD; Alt+Down: calendar</source>
        <translation>年-月-日（YYYY-MM-DD）、DD.MM.YYYY、YYYY/MM/DD 或 YYYYMMDD；Alt+↓：日历</translation>
    </message>
    <message>
        <source>Pick from a calendar</source>
        <translation>从日历中选择</translation>
    </message>
    <message>
        <source>NCLM Desktop</source>
        <translation>NCLM 桌面版</translation>
    </message>
    <message>
        <source>Please confirm</source>
        <translation>请确认</translation>
    </message>
    <message>
        <source>Reason for change</source>
        <translation>修改原因</translation>
    </message>
    <message>
        <source>Why is {what} being changed? The reason is kept in the audit trail.</source>
        <translation>为什么修改{what}？原因将保存在审计追踪中。</translation>
    </message>
    <message>
        <source>Password</source>
        <translation>密码</translation>
    </message>
    <message>
        <source>Visit {code}</source>
        <translation>随访 {code}</translation>
    </message>
    <message>
        <source>Operation (anchor)</source>
        <translation>手术（锚点）</translation>
    </message>
    <message>
        <source>Index date (anchor)</source>
        <translation>基准日期（锚点）</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <source>Day</source>
        <translation>日</translation>
    </message>
    <message>
        <source>What</source>
        <translation>内容</translation>
    </message>
    <message>
        <source>Details</source>
        <translation>详情</translation>
    </message>
    <message>
        <source>{event} on {date}</source>
        <translation>{date} {event}</translation>
    </message>
    <message>
        <source>censored on {date}</source>
        <translation>于 {date} 删失</translation>
    </message>
    <message>
        <source>{name}: {months:.1f} months ({days} days), {outcome}</source>
        <translation>{name}：{months:.1f} 个月（{days} 天），{outcome}</translation>
    </message>
    <message>
        <source>Record event…</source>
        <translation>记录事件……</translation>
    </message>
    <message>
        <source>An event learnt outside a visit: phone contact, death, withdrawal …</source>
        <translation>随访以外获知的事件：电话联系、死亡、退出研究……</translation>
    </message>
    <message>
        <source>Export schedule (.ics)…</source>
        <translation>导出随访计划（.ics）……</translation>
    </message>
    <message>
        <source>No follow-up yet: the schedule starts from the operation (hepatectomy) or the index date (systemic only).</source>
        <translation>尚无随访：随访计划自手术日（肝切除术组）或基准日期（单纯系统治疗组）起算。</translation>
    </message>
    <message>
        <source>Operation date</source>
        <translation>手术日期</translation>
    </message>
    <message>
        <source>Index date</source>
        <translation>索引日期</translation>
    </message>
    <message>
        <source>&lt;b&gt;{study_id}&lt;/b&gt; · {anchor} {date} · status {status}</source>
        <translation>&lt;b&gt;{study_id}&lt;/b&gt; · {anchor} {date} · 状态：{status}</translation>
    </message>
    <message>
        <source>Overall survival</source>
        <translation>总生存期</translation>
    </message>
    <message>
        <source>death</source>
        <translation>死亡</translation>
    </message>
    <message>
        <source>Intrahepatic RFS</source>
        <translation>肝内无复发生存期</translation>
    </message>
    <message>
        <source>event</source>
        <translation>事件</translation>
    </message>
    <message>
        <source>{n} event(s) recorded.</source>
        <translation>已记录 {n} 条事件。</translation>
    </message>
    <message>
        <source>Keep this value</source>
        <translation>保留此数值</translation>
    </message>
    <message>
        <source>{label} (see the message)</source>
        <translation>{label}（见提示信息）</translation>
    </message>
    <message>
        <source>{label} is required.</source>
        <translation>{label}为必填项。</translation>
    </message>
    <message>
        <source>Edit…</source>
        <translation>编辑……</translation>
    </message>
    <message>
        <source>Export the study data</source>
        <translation>导出研究数据</translation>
    </message>
    <message>
        <source>One table per form, the derived endpoints and the data dictionary (also in REDCap&apos;s layout), with a README listing each file&apos;s SHA-256. Names, record numbers, phones and addresses are left out unless you export identified data.</source>
        <translation>每个表单一张表，另附推导的终点和数据字典（亦提供 REDCap 格式），以及列出每个文件 SHA-256 的 README。除非导出含身份信息的数据，否则不包含姓名、病案号、电话和地址。</translation>
    </message>
    <message>
        <source>A new or empty folder</source>
        <translation>新建或空的文件夹</translation>
    </message>
    <message>
        <source>Choose…</source>
        <translation>选择……</translation>
    </message>
    <message>
        <source>Shift each participant&apos;s dates by a random number of days</source>
        <translation>将每位受试者的日期平移随机天数</translation>
    </message>
    <message>
        <source>Identified (names, record numbers, phones, addresses)</source>
        <translation>含身份信息（姓名、病案号、电话、地址）</translation>
    </message>
    <message>
        <source>Why identified data must leave (kept in the audit)</source>
        <translation>导出含身份信息数据的原因（保存在审计追踪中）</translation>
    </message>
    <message>
        <source>Your role may export de-identified data only.</source>
        <translation>您的角色只能导出去标识化数据。</translation>
    </message>
    <message>
        <source>Folder</source>
        <translation>文件夹</translation>
    </message>
    <message>
        <source>Format</source>
        <translation>格式</translation>
    </message>
    <message>
        <source>Tables</source>
        <translation>数据表</translation>
    </message>
    <message>
        <source>Export</source>
        <translation>导出</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>Export into</source>
        <translation>导出至</translation>
    </message>
    <message>
        <source>Choose the folder to export into.</source>
        <translation>请选择导出目标文件夹。</translation>
    </message>
    <message>
        <source>Choose at least one table.</source>
        <translation>请至少选择一张表。</translation>
    </message>
    <message>
        <source>Writing {table} …</source>
        <translation>正在写入 {table}……</translation>
    </message>
    <message>
        <source>Exported {n} tables ({rows} rows) to {folder}</source>
        <translation>已将 {n} 张表（{rows} 行）导出至 {folder}</translation>
    </message>
    <message>
        <source>The export failed: {error}</source>
        <translation>导出失败：{error}</translation>
    </message>
    <message>
        <source>Error</source>
        <translation>错误</translation>
    </message>
    <message>
        <source>Still needed before Next:</source>
        <translation>进入下一步前仍需填写：</translation>
    </message>
    <message>
        <source>a whole number</source>
        <translation>整数</translation>
    </message>
    <message>
        <source>a number</source>
        <translation>数字</translation>
    </message>
    <message>
        <source>{label} must be {kind}.</source>
        <translation>{label}必须为{kind}。</translation>
    </message>
    <message>
        <source>Participants</source>
        <translation>受试者</translation>
    </message>
    <message>
        <source>Screening</source>
        <translation>筛选</translation>
    </message>
    <message>
        <source>Calendar</source>
        <translation>日历</translation>
    </message>
    <message>
        <source>Queries</source>
        <translation>数据质疑</translation>
    </message>
    <message>
        <source>Outcomes</source>
        <translation>结局</translation>
    </message>
    <message>
        <source>Reports</source>
        <translation>报告</translation>
    </message>
    <message>
        <source>Audit</source>
        <translation>审计</translation>
    </message>
    <message>
        <source>Administration</source>
        <translation>系统管理</translation>
    </message>
    <message>
        <source>No segment selected yet.</source>
        <translation>尚未选择肝段。</translation>
    </message>
    <message>
        <source>major resection</source>
        <translation>大范围肝切除</translation>
    </message>
    <message>
        <source>minor resection</source>
        <translation>小范围肝切除</translation>
    </message>
    <message>
        <source>{n} segment(s)</source>
        <translation>{n} 个肝段</translation>
    </message>
    <message>
        <source>Edit operation — {study_id}</source>
        <translation>编辑手术 — {study_id}</translation>
    </message>
    <message>
        <source>Record operation — {study_id}</source>
        <translation>记录手术 — {study_id}</translation>
    </message>
    <message>
        <source>Enrolled {date}</source>
        <translation>入组日期 {date}</translation>
    </message>
    <message>
        <source>Operation</source>
        <translation>手术</translation>
    </message>
    <message>
        <source>Along segment boundaries</source>
        <translation>沿肝段边界</translation>
    </message>
    <message>
        <source>Surgeons</source>
        <translation>手术医生</translation>
    </message>
    <message>
        <source>investigator</source>
        <translation>研究者</translation>
    </message>
    <message>
        <source>Surgeons (Space ticks)</source>
        <translation>术者（空格键勾选）</translation>
    </message>
    <message>
        <source>Space ticks the surgeon under the cursor.</source>
        <translation>按空格键勾选光标所在的术者。</translation>
    </message>
    <message>
        <source>surgeon</source>
        <translation>外科医生</translation>
    </message>
    <message>
        <source>Resected segments</source>
        <translation>切除肝段</translation>
    </message>
    <message>
        <source>Click the resected Couinaud segments, or press 1 to 8 (arrows move, Space toggles). Anterior view: the patient&apos;s right is on the left.</source>
        <translation>点击切除的 Couinaud 肝段，或按 1 至 8（方向键移动，空格键切换）。前面观：患者右侧在左。</translation>
    </message>
    <message>
        <source>During the operation</source>
        <translation>术中</translation>
    </message>
    <message>
        <source>Specimen and pathology</source>
        <translation>标本与病理</translation>
    </message>
    <message>
        <source>Discharge</source>
        <translation>出院</translation>
    </message>
    <message>
        <source>Length of stay:</source>
        <translation>住院天数：</translation>
    </message>
    <message>
        <source>The discharge date is before the operation date ({date}).</source>
        <translation>出院日期早于手术日期（{date}）。</translation>
    </message>
    <message>
        <source>{n} days</source>
        <translation>{n} 天</translation>
    </message>
    <message>
        <source>Segments</source>
        <translation>肝段</translation>
    </message>
    <message>
        <source>Blood loss</source>
        <translation>出血量</translation>
    </message>
    <message>
        <source>Margin · R status</source>
        <translation>切缘 · R 状态</translation>
    </message>
    <message>
        <source>Length of stay</source>
        <translation>住院天数</translation>
    </message>
    <message>
        <source>the operation record</source>
        <translation>手术记录</translation>
    </message>
    <message>
        <source>An unsaved operation entry from {when} was kept. Restore it?</source>
        <translation>已保留 {when} 未保存的手术录入。是否恢复？</translation>
    </message>
    <message>
        <source>Restore draft</source>
        <translation>恢复草稿</translation>
    </message>
    <message>
        <source>the identity</source>
        <translation>身份信息</translation>
    </message>
    <message>
        <source>Sex</source>
        <translation>性别</translation>
    </message>
    <message>
        <source>the baseline data</source>
        <translation>基线数据</translation>
    </message>
    <message>
        <source>Line</source>
        <translation>线数</translation>
    </message>
    <message>
        <source>Regimen</source>
        <translation>方案</translation>
    </message>
    <message>
        <source>Start</source>
        <translation>开始</translation>
    </message>
    <message>
        <source>End</source>
        <translation>结束</translation>
    </message>
    <message>
        <source>Best response</source>
        <translation>最佳疗效</translation>
    </message>
    <message>
        <source>Liver</source>
        <translation>肝脏</translation>
    </message>
    <message>
        <source>Systemic treatment lines</source>
        <translation>系统治疗线数</translation>
    </message>
    <message>
        <source>the enrolment dates</source>
        <translation>入组日期</translation>
    </message>
    <message>
        <source>Systemic-only cohort: start of systemic treatment for the liver metastases; moving it moves the planned visits.</source>
        <translation>单纯系统治疗队列：针对肝转移的系统治疗开始日期；修改后已排定的随访随之移动。</translation>
    </message>
    <message>
        <source>Hepatectomy cohort: the index date is the operation date, set by the operation record.</source>
        <translation>肝切除术队列：基准日期即手术日期，由手术记录确定。</translation>
    </message>
    <message>
        <source>Saved. Visits planned {added}, moved {moved}, cancelled {cancelled}.</source>
        <translation>已保存。新排定随访 {added} 次，改期 {moved} 次，取消 {cancelled} 次。</translation>
    </message>
    <message>
        <source>No screening recorded.</source>
        <translation>无筛选记录。</translation>
    </message>
    <message>
        <source>{verdict} — screened on {date} by {who}</source>
        <translation>{verdict} — {date} 由 {who} 筛选</translation>
    </message>
    <message>
        <source> — disease pattern {n}</source>
        <translation> — 疾病模式 {n}</translation>
    </message>
    <message>
        <source>Criterion</source>
        <translation>标准</translation>
    </message>
    <message>
        <source>Result</source>
        <translation>结果</translation>
    </message>
    <message>
        <source>no study ID</source>
        <translation>无研究编号</translation>
    </message>
    <message>
        <source>HRN {number}</source>
        <translation>病案号 {number}</translation>
    </message>
    <message>
        <source>identity hidden, born {year}</source>
        <translation>身份已隐藏，{year} 年出生</translation>
    </message>
    <message>
        <source>identity hidden</source>
        <translation>身份已隐藏</translation>
    </message>
    <message>
        <source>no study ID (#{id})</source>
        <translation>无研究编号（#{id}）</translation>
    </message>
    <message>
        <source>Chinese names are also found by pinyin or initials</source>
        <translation>中文姓名也可按拼音或首字母查找</translation>
    </message>
    <message>
        <source>Record no.</source>
        <translation>病案号</translation>
    </message>
    <message>
        <source> (age {age} {when})</source>
        <translation>（{when} {age} 岁）</translation>
    </message>
    <message>
        <source>not shown (no access to identities)</source>
        <translation>不显示（无权查看身份信息）</translation>
    </message>
    <message>
        <source>Hospital record no.</source>
        <translation>住院号</translation>
    </message>
    <message>
        <source>Cohort</source>
        <translation>队列</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Pre-operative liver function</source>
        <translation>术前肝功能</translation>
    </message>
    <message>
        <source>No screening record.</source>
        <translation>无筛选记录。</translation>
    </message>
    <message>
        <source> ({n} points)</source>
        <translation>（{n} 分）</translation>
    </message>
    <message>
        <source>class {grade}</source>
        <translation>{grade} 级</translation>
    </message>
    <message>
        <source>{score} (grade {grade})</source>
        <translation>{score}（{grade} 级）</translation>
    </message>
    <message>
        <source>Pre-operative liver function (screening of {date})</source>
        <translation>术前肝功能（{date} 筛选）</translation>
    </message>
    <message>
        <source>Bilirubin</source>
        <translation>胆红素</translation>
    </message>
    <message>
        <source>Albumin</source>
        <translation>白蛋白</translation>
    </message>
    <message>
        <source>Ascites</source>
        <translation>腹水</translation>
    </message>
    <message>
        <source>Encephalopathy</source>
        <translation>肝性脑病</translation>
    </message>
    <message>
        <source>Future liver remnant</source>
        <translation>剩余肝体积</translation>
    </message>
    <message>
        <source>Shaded: resected segments {segments}</source>
        <translation>阴影：切除肝段 {segments}</translation>
    </message>
    <message>
        <source>Procedure</source>
        <translation>手术</translation>
    </message>
    <message>
        <source> (operation {n} of {m})</source>
        <translation>（第 {n} 次手术，共 {m} 次）</translation>
    </message>
    <message>
        <source>Intra-operative figures</source>
        <translation>术中数据</translation>
    </message>
    <message>
        <source>Pathology and margin</source>
        <translation>病理与切缘</translation>
    </message>
    <message>
        <source>Outcomes not computed: {problem}</source>
        <translation>未能计算结局：{problem}</translation>
    </message>
    <message>
        <source>Comprehensive Complication Index (CCI): {cci} </source>
        <translation>综合并发症指数（CCI）：{cci} </translation>
    </message>
    <message>
        <source>(over {n} complication with onset within 90 days). </source>
        <translation>（基于术后 90 天内发生的 {n} 项并发症）。</translation>
    </message>
    <message>
        <source>(over {n} complications with onset within 90 days). </source>
        <translation>（基于术后 90 天内发生的 {n} 项并发症）。</translation>
    </message>
    <message>
        <source>Major morbidity (Clavien-Dindo IIIa or worse): {major}.</source>
        <translation>严重并发症（Clavien-Dindo IIIa 级及以上）：{major}。</translation>
    </message>
    <message>
        <source>none recorded</source>
        <translation>无记录</translation>
    </message>
    <message>
        <source>Discharge and perioperative outcome</source>
        <translation>出院与围手术期结局</translation>
    </message>
    <message>
        <source>30-day mortality</source>
        <translation>30 天死亡</translation>
    </message>
    <message>
        <source>Unplanned reoperation</source>
        <translation>非计划再手术</translation>
    </message>
    <message>
        <source>90-day mortality</source>
        <translation>90 天死亡</translation>
    </message>
    <message>
        <source>at operation</source>
        <translation>手术时</translation>
    </message>
    <message>
        <source>Operating surgeon</source>
        <translation>主刀医生</translation>
    </message>
    <message>
        <source>Signatures</source>
        <translation>签名</translation>
    </message>
    <message>
        <source>Born</source>
        <translation>出生</translation>
    </message>
    <message>
        <source>Enrolled</source>
        <translation>已入组</translation>
    </message>
    <message>
        <source>Next visit</source>
        <translation>下次随访</translation>
    </message>
    <message>
        <source>The earliest open visit (may be overdue)</source>
        <translation>最早的待完成随访（可能已逾期）</translation>
    </message>
    <message>
        <source>Missing</source>
        <translation>缺失</translation>
    </message>
    <message>
        <source>Required screening, baseline and operation fields left empty</source>
        <translation>筛选、基线和手术中未填写的必填项</translation>
    </message>
    <message>
        <source>Data queries still open (the Queries page lists them)</source>
        <translation>尚未答复的数据质疑（见“数据质疑”页）</translation>
    </message>
    <message>
        <source>Last change</source>
        <translation>最近修改</translation>
    </message>
    <message>
        <source>Edit reoperation</source>
        <translation>编辑再次手术</translation>
    </message>
    <message>
        <source>Add reoperation</source>
        <translation>添加再次手术</translation>
    </message>
    <message>
        <source>not yet</source>
        <translation>尚未</translation>
    </message>
    <message>
        <source>Operation {date} · discharged {discharged}</source>
        <translation>手术 {date} · 出院 {discharged}</translation>
    </message>
    <message>
        <source>During the index stay:</source>
        <translation>本次住院期间：</translation>
    </message>
    <message>
        <source>unknown (no discharge date)</source>
        <translation>未知（无出院日期）</translation>
    </message>
    <message>
        <source>the reoperation record</source>
        <translation>再次手术记录</translation>
    </message>
    <message>
        <source>Operative report</source>
        <translation>手术报告</translation>
    </message>
    <message>
        <source>Complications and morbidity (M&amp;M)</source>
        <translation>并发症与病死率讨论（M&amp;M）</translation>
    </message>
    <message>
        <source>Visit schedule for the patient</source>
        <translation>患者随访计划</translation>
    </message>
    <message>
        <source>Coordinator worklist</source>
        <translation>协调员工作清单</translation>
    </message>
    <message>
        <source>Screening log</source>
        <translation>筛选日志</translation>
    </message>
    <message>
        <source>Participant casebook</source>
        <translation>受试者病例报告册</translation>
    </message>
    <message>
        <source>Save report</source>
        <translation>保存报告</translation>
    </message>
    <message>
        <source>PDF files (*.pdf)</source>
        <translation>PDF 文件 (*.pdf)</translation>
    </message>
    <message>
        <source>The printer could not be started.</source>
        <translation>无法启动打印机。</translation>
    </message>
    <message>
        <source>Visit schedule</source>
        <translation>随访计划</translation>
    </message>
    <message>
        <source>The follow-up visits of {study_id} are planned. Print the schedule for the patient?</source>
        <translation>{study_id} 的随访已排定。是否为患者打印随访计划？</translation>
    </message>
    <message>
        <source>Print in English</source>
        <translation>以英文打印</translation>
    </message>
    <message>
        <source>Not now</source>
        <translation>暂不</translation>
    </message>
    <message>
        <source>Operative report — {study_id}</source>
        <translation>手术报告 — {study_id}</translation>
    </message>
    <message>
        <source>Visit schedule — {study_id}</source>
        <translation>随访计划 — {study_id}</translation>
    </message>
    <message>
        <source>Screened: {n} participants</source>
        <translation>筛选：{n} 例</translation>
    </message>
    <message>
        <source>{n} screening records; the latest one per participant counts</source>
        <translation>共 {n} 条筛选记录；每位受试者以最近一次筛选为准</translation>
    </message>
    <message>
        <source>{n} further reasons (see the log)</source>
        <translation>另有 {n} 项原因（见筛选日志）</translation>
    </message>
    <message>
        <source>One person can have several reasons: they add up to {total} for {n} people.</source>
        <translation>一人可有多项原因：{n} 人共计 {total} 项。</translation>
    </message>
    <message>
        <source>Not eligible: {n}</source>
        <translation>不符合入组条件：{n} 例</translation>
    </message>
    <message>
        <source>Screening incomplete: {n}</source>
        <translation>筛选未完成：{n} 例</translation>
    </message>
    <message>
        <source>criteria still to be recorded</source>
        <translation>尚有标准待记录</translation>
    </message>
    <message>
        <source>Eligible: {n}</source>
        <translation>符合入组条件：{n} 例</translation>
    </message>
    <message>
        <source>Eligible, not enrolled yet: {n}</source>
        <translation>符合条件但尚未入组：{n} 例</translation>
    </message>
    <message>
        <source>Enrolled: {n}</source>
        <translation>入组：{n} 例</translation>
    </message>
    <message>
        <source>Hepatectomy: {n}</source>
        <translation>肝切除术组：{n} 例</translation>
    </message>
    <message>
        <source>Systemic therapy only: {n}</source>
        <translation>单纯系统治疗组：{n} 例</translation>
    </message>
    <message>
        <source>withdrawn {w} · deceased {d} · completed {c}</source>
        <translation>退出 {w} · 死亡 {d} · 完成 {c}</translation>
    </message>
    <message>
        <source>Screenings from {start} to {end}</source>
        <translation>{start}至{end}的筛选</translation>
    </message>
    <message>
        <source>All screenings</source>
        <translation>全部筛选</translation>
    </message>
    <message>
        <source>{period}: {n} records of {m} participants.</source>
        <translation>{period}：{m} 位受试者的 {n} 条记录。</translation>
    </message>
    <message>
        <source>Participants without a study ID are shown by their database number (#). Counts in the diagram come from each participant&apos;s latest screening.</source>
        <translation>尚无研究编号的受试者以数据库序号（#）表示。流程图中的例数来自每位受试者最近一次筛选。</translation>
    </message>
    <message>
        <source>No screenings were recorded in this period.</source>
        <translation>此期间没有筛选记录。</translation>
    </message>
    <message>
        <source>Participant flow</source>
        <translation>受试者流程</translation>
    </message>
    <message>
        <source>Log</source>
        <translation>日志</translation>
    </message>
    <message>
        <source>Screener</source>
        <translation>筛选者</translation>
    </message>
    <message>
        <source>Age</source>
        <translation>年龄</translation>
    </message>
    <message>
        <source>Reasons</source>
        <translation>原因</translation>
    </message>
    <message>
        <source>Screened {s}; not eligible {ne} ({reasons}); eligible {e}; enrolled {en}: hepatectomy {h}, systemic only {sy}; awaiting enrolment {a}</source>
        <translation>已筛选 {s} 例；不符合入组条件 {ne} 例（{reasons}）；符合条件 {e} 例；已入组 {en} 例：肝切除术 {h} 例，单纯系统治疗 {sy} 例；待入组 {a} 例</translation>
    </message>
    <message>
        <source>The reasons add up to {r} for {n} people: one person can have several.</source>
        <translation>{n} 人共有 {r} 个原因：一人可有多个原因。</translation>
    </message>
    <message>
        <source>The study flow could not be read.</source>
        <translation>无法读取研究流程。</translation>
    </message>
    <message>
        <source> (one person may fail several criteria)</source>
        <translation>（一人可不符合多项标准）</translation>
    </message>
    <message>
        <source>Screened</source>
        <translation>已筛选</translation>
    </message>
    <message>
        <source>Not eligible</source>
        <translation>不符合入组条件</translation>
    </message>
    <message>
        <source>Eligible</source>
        <translation>符合入组条件</translation>
    </message>
    <message>
        <source>{cohort} cohort</source>
        <translation>{cohort}队列</translation>
    </message>
    <message>
        <source>not yet treated (no index date)</source>
        <translation>尚未治疗（无基线日期）</translation>
    </message>
    <message>
        <source>Left out: contradictory records</source>
        <translation>排除：记录相互矛盾</translation>
    </message>
    <message>
        <source>listed under data-quality notes</source>
        <translation>见数据质量说明</translation>
    </message>
    <message>
        <source>Analysed, hepatectomy</source>
        <translation>纳入分析，肝切除术组</translation>
    </message>
    <message>
        <source>Analysed, systemic only</source>
        <translation>纳入分析，单纯系统治疗组</translation>
    </message>
    <message>
        <source>Propensity-matched pairs</source>
        <translation>倾向性评分匹配对数</translation>
    </message>
    <message>
        <source>Step</source>
        <translation>步骤</translation>
    </message>
    <message>
        <source>, n (%)</source>
        <translation>，n（%）</translation>
    </message>
    <message>
        <source>, median (IQR)</source>
        <translation>，中位数（IQR）</translation>
    </message>
    <message>
        <source>Characteristic</source>
        <translation>特征</translation>
    </message>
    <message>
        <source>Hepatectomy (n = {n})</source>
        <translation>肝切除术组（n = {n}）</translation>
    </message>
    <message>
        <source>Systemic only (n = {n})</source>
        <translation>单纯系统治疗组（n = {n}）</translation>
    </message>
    <message>
        <source>Missing (H / S)</source>
        <translation>缺失（肝切除 / 系统治疗）</translation>
    </message>
    <message>
        <source>SMD before</source>
        <translation>匹配前 SMD</translation>
    </message>
    <message>
        <source>SMD after matching</source>
        <translation>匹配后 SMD</translation>
    </message>
    <message>
        <source>SMD: standardised mean difference, hepatectomy minus systemic only (proportions for yes/no characteristics); |SMD| &lt; 0.1 is taken as balanced. Missing values are left out of each summary.</source>
        <translation>SMD：标准化均数差，肝切除术组减单纯系统治疗组（二分类特征为比例之差）；|SMD| &lt; 0.1 视为均衡。各项汇总均不计缺失值。</translation>
    </message>
    <message>
        <source>{m} months, % (95 % CI)</source>
        <translation>{m} 个月，%（95% CI）</translation>
    </message>
    <message>
        <source>Group</source>
        <translation>组别</translation>
    </message>
    <message>
        <source>Events</source>
        <translation>事件</translation>
    </message>
    <message>
        <source>Median, months (95 % CI)</source>
        <translation>中位数，月（95% CI）</translation>
    </message>
    <message>
        <source>No data.</source>
        <translation>无数据。</translation>
    </message>
    <message>
        <source>NR: not reached. Landmark survival is &apos;–&apos; after the last follow-up of a curve ending censored; a curve that fell to 0 with a death stays 0.</source>
        <translation>NR：未达到。以删失结束的曲线在末次随访之后的界标生存率记为“–”；因死亡降至 0 的曲线此后保持为 0。</translation>
    </message>
    <message>
        <source>Covariates</source>
        <translation>协变量</translation>
    </message>
    <message>
        <source>Complete cases</source>
        <translation>完整病例</translation>
    </message>
    <message>
        <source>{n} (missing a covariate: {m})</source>
        <translation>{n}（协变量缺失：{m}）</translation>
    </message>
    <message>
        <source>c-statistic</source>
        <translation>C 统计量</translation>
    </message>
    <message>
        <source>Caliper (logit)</source>
        <translation>卡钳值（logit）</translation>
    </message>
    <message>
        <source>Matched pairs</source>
        <translation>匹配对数</translation>
    </message>
    <message>
        <source>Intercept</source>
        <translation>截距</translation>
    </message>
    <message>
        <source>{lo} to {hi}</source>
        <translation>{lo} 至 {hi}</translation>
    </message>
    <message>
        <source>Term</source>
        <translation>项</translation>
    </message>
    <message>
        <source>Coefficient (log-odds)</source>
        <translation>系数（对数优势）</translation>
    </message>
    <message>
        <source>95 % CI (Wilson)</source>
        <translation>95% CI（Wilson 法）</translation>
    </message>
    <message>
        <source>95 % CI (exact)</source>
        <translation>95% CI（精确法）</translation>
    </message>
    <message>
        <source>Unknown</source>
        <translation>未知</translation>
    </message>
    <message>
        <source>Comprehensive Complication Index per patient (n = {n}): median {median} (IQR {q1}–{q3}), mean {mean}.</source>
        <translation>每例患者综合并发症指数 CCI（n = {n}）：中位数 {median}（IQR {q1}–{q3}），均值 {mean}。</translation>
    </message>
    <message>
        <source>{sid}: left out of the analysis: {reason}</source>
        <translation>{sid}：未纳入分析：{reason}</translation>
    </message>
    <message>
        <source>No participant was left out; no value was unknown.</source>
        <translation>无受试者被排除，无未知值。</translation>
    </message>
    <message>
        <source>Participants analysed: hepatectomy {h}, systemic only {s}.</source>
        <translation>纳入分析的受试者：肝切除术组 {h} 例，单纯系统治疗组 {s} 例。</translation>
    </message>
    <message>
        <source>Analysis population and flow</source>
        <translation>分析人群与研究流程</translation>
    </message>
    <message>
        <source>Baseline characteristics by cohort</source>
        <translation>各队列基线特征</translation>
    </message>
    <message>
        <source>Kaplan-Meier estimates with 95 % confidence bands; ticks mark censored observations; numbers at risk under the axis.</source>
        <translation>Kaplan-Meier 估计及 95% 置信带；短竖线表示删失；坐标轴下方为风险人数。</translation>
    </message>
    <message>
        <source>Intrahepatic recurrence-free survival (hepatectomy)</source>
        <translation>肝内无复发生存（肝切除术组）</translation>
    </message>
    <message>
        <source>Kaplan-Meier estimate with 95 % confidence band; ticks mark censored observations.</source>
        <translation>Kaplan-Meier 估计及 95% 置信带；短竖线表示删失。</translation>
    </message>
    <message>
        <source>Propensity score model and balance</source>
        <translation>倾向性评分模型与均衡性</translation>
    </message>
    <message>
        <source>Overall survival in the propensity-matched cohort</source>
        <translation>倾向性评分匹配队列的总生存</translation>
    </message>
    <message>
        <source>Matched cohort; Cox model with robust errors clustered on matched pairs.</source>
        <translation>匹配队列；Cox 模型采用按匹配对聚类的稳健标准误。</translation>
    </message>
    <message>
        <source>Perioperative outcomes (hepatectomy)</source>
        <translation>围手术期结局（肝切除术组）</translation>
    </message>
    <message>
        <source>Methods</source>
        <translation>统计方法</translation>
    </message>
    <message>
        <source>Data-quality notes</source>
        <translation>数据质量说明</translation>
    </message>
    <message>
        <source>Outcomes report</source>
        <translation>结局分析报告</translation>
    </message>
    <message>
        <source>Hepatectomy</source>
        <translation>肝切除术</translation>
    </message>
    <message>
        <source>Systemic only</source>
        <translation>单纯系统治疗</translation>
    </message>
    <message>
        <source>Awaiting enrolment</source>
        <translation>待入组</translation>
    </message>
    <message>
        <source>Not eligible  n = {n}</source>
        <translation>不符合入组条件  n = {n}</translation>
    </message>
    <message>
        <source>… and other reasons</source>
        <translation>……及其他原因</translation>
    </message>
    <message>
        <source>One person can have several reasons ({r} in all).</source>
        <translation>一人可有多个原因（共 {r} 个）。</translation>
    </message>
    <message>
        <source>Patient</source>
        <translation>患者</translation>
    </message>
    <message>
        <source>Who is being screened. Fields marked * are required.</source>
        <translation>被筛选者。标 * 的项目为必填。</translation>
    </message>
    <message>
        <source>birth date</source>
        <translation>出生日期</translation>
    </message>
    <message>
        <source>Disease status</source>
        <translation>疾病状态</translation>
    </message>
    <message>
        <source>Nasopharyngeal carcinoma and its metastases at screening.</source>
        <translation>筛选时的鼻咽癌及其转移情况。</translation>
    </message>
    <message>
        <source>Liver function</source>
        <translation>肝功能</translation>
    </message>
    <message>
        <source>Enter the values in the unit the laboratory reported; they are converted once.</source>
        <translation>请按检验科报告的单位录入，系统仅换算一次。</translation>
    </message>
    <message>
        <source>Child-Pugh</source>
        <translation>Child-Pugh</translation>
    </message>
    <message>
        <source>ALBI</source>
        <translation>ALBI</translation>
    </message>
    <message>
        <source>enter all five items</source>
        <translation>请录入全部五项</translation>
    </message>
    <message>
        <source>{points} points, class {grade}</source>
        <translation>{points} 分，{grade} 级</translation>
    </message>
    <message>
        <source>enter bilirubin and albumin</source>
        <translation>请录入胆红素和白蛋白</translation>
    </message>
    <message>
        <source>{score}, grade {grade}  (bilirubin {bili} µmol/L, albumin {alb} g/L)</source>
        <translation>{score}，{grade} 级（胆红素 {bili} µmol/L，白蛋白 {alb} g/L）</translation>
    </message>
    <message>
        <source>Surgical assessment</source>
        <translation>外科评估</translation>
    </message>
    <message>
        <source>The surgeon&apos;s assessment of resectability.</source>
        <translation>外科医生对可切除性的评估。</translation>
    </message>
    <message>
        <source>Other criteria</source>
        <translation>其他标准</translation>
    </message>
    <message>
        <source>The remaining inclusion and exclusion criteria.</source>
        <translation>其余的纳入和排除标准。</translation>
    </message>
    <message>
        <source>{label} cannot be before the {other} ({limit}).</source>
        <translation>{label}不能早于{other}（{limit}）。</translation>
    </message>
    <message>
        <source>Verdict</source>
        <translation>结论</translation>
    </message>
    <message>
        <source>Each criterion of the protocol, as recorded on the previous pages.</source>
        <translation>方案的各项标准，依据前几页的记录。</translation>
    </message>
    <message>
        <source>Cannot evaluate: {error}</source>
        <translation>无法评估：{error}</translation>
    </message>
    <message>
        <source>Go back and correct the value.</source>
        <translation>请返回并更正该值。</translation>
    </message>
    <message>
        <source>Next: choose the cohort and record the consent.</source>
        <translation>下一步：选择队列并记录知情同意。</translation>
    </message>
    <message>
        <source>Finish saves this screening as a screen failure with the failed criteria as its reasons.</source>
        <translation>点击“完成”将此次筛选保存为筛选失败，未满足的标准即为原因。</translation>
    </message>
    <message>
        <source>Go back and record the missing items. Closing the wizard keeps a draft.</source>
        <translation>请返回补录缺失项。关闭向导会保留草稿。</translation>
    </message>
    <message>
        <source>Inclusion</source>
        <translation>纳入</translation>
    </message>
    <message>
        <source>Exclusion</source>
        <translation>排除</translation>
    </message>
    <message>
        <source>Enrolment</source>
        <translation>入组</translation>
    </message>
    <message>
        <source>The study ID is assigned when you finish.</source>
        <translation>完成时分配研究编号。</translation>
    </message>
    <message>
        <source>screening date</source>
        <translation>筛选日期</translation>
    </message>
    <message>
        <source>consent date</source>
        <translation>知情同意日期</translation>
    </message>
    <message>
        <source>Hepatectomy cohort: the index date is the operation date, recorded with the operation. Systemic-only cohort: the start of systemic treatment for the liver metastases; the follow-up visits are planned from it.</source>
        <translation>肝切除队列：基线日期为手术日期，随手术一并记录。单纯系统治疗队列：针对肝转移的系统治疗开始日期，随访据此安排。</translation>
    </message>
    <message>
        <source>Add each line with its regimen, dates and best RECIST response.</source>
        <translation>逐线添加方案、日期及 RECIST 最佳疗效。</translation>
    </message>
    <message>
        <source>e.g. GP (gemcitabine + cisplatin)</source>
        <translation>例如：GP（吉西他滨 + 顺铂）</translation>
    </message>
    <message>
        <source>start</source>
        <translation>开始</translation>
    </message>
    <message>
        <source>Add line</source>
        <translation>添加治疗线</translation>
    </message>
    <message>
        <source>Remove selected</source>
        <translation>删除所选</translation>
    </message>
    <message>
        <source>Systemic-only cohort: enter at least one line; tick the one that treats the liver metastases (it starts on the index date {date}).</source>
        <translation>单纯系统治疗队列：至少录入一线治疗；勾选针对肝转移的那一线（始于基线日期 {date}）。</translation>
    </message>
    <message>
        <source>Prior systemic treatment lines (optional), with their best RECIST response.</source>
        <translation>既往系统治疗线（可选）及其 RECIST 最佳疗效。</translation>
    </message>
    <message>
        <source>The systemic-only cohort needs at least one treatment line: fill it in and click Add line.</source>
        <translation>单纯系统治疗队列至少需要一线治疗：请填写后点击“添加治疗线”。</translation>
    </message>
    <message>
        <source>Baseline disease</source>
        <translation>基线病情</translation>
    </message>
    <message>
        <source>Needed by the outcome analysis for both cohorts.</source>
        <translation>两个队列的结局分析均需要。</translation>
    </message>
    <message>
        <source>Still needed: {fields}</source>
        <translation>尚需：{fields}</translation>
    </message>
    <message>
        <source>not enrolled</source>
        <translation>未入组</translation>
    </message>
    <message>
        <source>Hospital record number {hrn} is already in the study ({label}, {status}). Their record opens instead of a new screening.</source>
        <translation>住院号 {hrn} 已在研究中（{label}，{status}）。将打开其记录，而不是新建筛选。</translation>
    </message>
    <message>
        <source>Saved as a screen failure.</source>
        <translation>已保存为筛选失败。</translation>
    </message>
    <message>
        <source>Enrolled as {study_id}.</source>
        <translation>已入组，研究编号 {study_id}。</translation>
    </message>
    <message>
        <source>You have an unfinished screening from {when}. Resume it?

No discards it and starts a new screening.</source>
        <translation>您有一份 {when} 未完成的筛选。是否继续？

选择“否”将丢弃并开始新的筛选。</translation>
    </message>
    <message>
        <source>Resume screening</source>
        <translation>继续筛选</translation>
    </message>
    <message>
        <source>Rates with 95 % confidence intervals</source>
        <translation>发生率及 95% 置信区间</translation>
    </message>
    <message>
        <source>Rate</source>
        <translation>发生率</translation>
    </message>
    <message>
        <source>Wilson 95 % CI</source>
        <translation>Wilson 法 95% CI</translation>
    </message>
    <message>
        <source>Clopper-Pearson 95 % CI</source>
        <translation>Clopper-Pearson 法 95% CI</translation>
    </message>
    <message>
        <source>Total</source>
        <translation>合计</translation>
    </message>
    <message>
        <source>CCI per patient (complications within {days} days): median {median}, mean {mean}.</source>
        <translation>每例患者 CCI（{days} 天内并发症）：中位数 {median}，均值 {mean}。</translation>
    </message>
    <message>
        <source>Complications by grade</source>
        <translation>并发症分级</translation>
    </message>
    <message>
        <source>major</source>
        <translation>大范围</translation>
    </message>
    <message>
        <source>minor</source>
        <translation>小范围</translation>
    </message>
    <message>
        <source>Patients</source>
        <translation>患者</translation>
    </message>
    <message>
        <source>Resection</source>
        <translation>切除术式</translation>
    </message>
    <message>
        <source>Worst</source>
        <translation>最高分级</translation>
    </message>
    <message>
        <source>Unpl. reop.</source>
        <translation>非计划再手术</translation>
    </message>
    <message>
        <source>Death</source>
        <translation>死亡</translation>
    </message>
    <message>
        <source>No complications recorded.</source>
        <translation>无并发症记录。</translation>
    </message>
    <message>
        <source>POD</source>
        <translation>术后天数</translation>
    </message>
    <message>
        <source>Treatment</source>
        <translation>处理措施</translation>
    </message>
    <message>
        <source>Resolved</source>
        <translation>已缓解</translation>
    </message>
    <message>
        <source>Tinted rows: major complications (Clavien-Dindo IIIa or worse).</source>
        <translation>着色行：严重并发症（Clavien-Dindo IIIa 级及以上）。</translation>
    </message>
    <message>
        <source>None.</source>
        <translation>无。</translation>
    </message>
    <message>
        <source>Planned</source>
        <translation>计划内</translation>
    </message>
    <message>
        <source>Index stay</source>
        <translation>首次住院期间</translation>
    </message>
    <message>
        <source>{start} to {end}</source>
        <translation>{start}至{end}</translation>
    </message>
    <message>
        <source>Operations performed from {period}: {n}</source>
        <translation>{period}期间施行的手术：{n} 例</translation>
    </message>
    <message>
        <source>Complications recorded for them: {n}</source>
        <translation>记录的并发症：{n} 例次</translation>
    </message>
    <message>
        <source>Morbidity counts complications with onset within {days} days of the operation; mortality is death from any cause within {d1} and {d2} days; an unplanned reoperation counts when it falls in the index stay. CCI: Comprehensive Complication Index (Slankamenac 2013).</source>
        <translation>并发症发生率统计术后 {days} 天内发生的并发症；死亡率为术后 {d1} 天和 {d2} 天内任何原因的死亡；非计划再手术仅统计首次住院期间者。CCI：综合并发症指数（Slankamenac 2013）。</translation>
    </message>
    <message>
        <source>No operations were recorded from {period}.</source>
        <translation>{period}期间没有手术记录。</translation>
    </message>
    <message>
        <source>Complications and morbidity</source>
        <translation>并发症与围手术期结局</translation>
    </message>
    <message>
        <source>Planned?</source>
        <translation>计划内？</translation>
    </message>
    <message>
        <source>During index stay</source>
        <translation>本次住院期间</translation>
    </message>
    <message>
        <source>Record operation…</source>
        <translation>记录手术…</translation>
    </message>
    <message>
        <source>Edit operation…</source>
        <translation>编辑手术…</translation>
    </message>
    <message>
        <source>Complications</source>
        <translation>并发症</translation>
    </message>
    <message>
        <source>Add complication…</source>
        <translation>添加并发症…</translation>
    </message>
    <message>
        <source>Edit complication…</source>
        <translation>编辑并发症…</translation>
    </message>
    <message>
        <source>Reoperations</source>
        <translation>再次手术</translation>
    </message>
    <message>
        <source>Add reoperation…</source>
        <translation>添加再次手术…</translation>
    </message>
    <message>
        <source>Edit reoperation…</source>
        <translation>编辑再次手术…</translation>
    </message>
    <message>
        <source>Perioperative outcomes (computed)</source>
        <translation>围手术期结局（计算所得）</translation>
    </message>
    <message>
        <source>Surgery — {sid}</source>
        <translation>手术 — {sid}</translation>
    </message>
    <message>
        <source>Systemic-only participant: no operation is recorded in this study.</source>
        <translation>单纯系统治疗受试者：本研究不记录手术。</translation>
    </message>
    <message>
        <source>This record is locked (signed); an investigator must unlock it to edit.</source>
        <translation>此记录已锁定（已签名）；须由研究者解锁后才能编辑。</translation>
    </message>
    <message>
        <source>Read-only: your role may view but not change surgical data.</source>
        <translation>只读：您的角色可查看但不能修改手术数据。</translation>
    </message>
    <message>
        <source>Record another operation…</source>
        <translation>记录另一台手术…</translation>
    </message>
    <message>
        <source>No operation recorded yet.</source>
        <translation>尚未记录手术。</translation>
    </message>
    <message>
        <source>Comprehensive Complication Index: {cci:.1f}  ({n} complication(s))</source>
        <translation>综合并发症指数 CCI：{cci:.1f}（{n} 项并发症）</translation>
    </message>
    <message>
        <source>planned</source>
        <translation>计划中</translation>
    </message>
    <message>
        <source>unplanned</source>
        <translation>计划外</translation>
    </message>
    <message>
        <source>ICU ({kind} organ)</source>
        <translation>ICU（{kind}器官）</translation>
    </message>
    <message>
        <source>intervention under GA</source>
        <translation>全麻下干预</translation>
    </message>
    <message>
        <source>intervention without GA</source>
        <translation>非全麻下干预</translation>
    </message>
    <message>
        <source>none beyond grade I</source>
        <translation>无超出 I 级的治疗</translation>
    </message>
    <message>
        <source>died {d}</source>
        <translation>{d} 死亡</translation>
    </message>
    <message>
        <source>Outcomes cannot be computed: {why}</source>
        <translation>无法计算结局：{why}</translation>
    </message>
    <message>
        <source>Computed from the dates above by the protocol rules: morbidity within 90 days of the operation; mortality within 30 / 90 days; grade * = chosen against the proposal, with a reason.</source>
        <translation>按方案规则由上述日期计算：术后 90 天内并发症发生率；30 / 90 天死亡率；分级带 * 表示未采用建议分级，并已说明理由。</translation>
    </message>
    <message>
        <source>Select a complication in the table first.</source>
        <translation>请先在表格中选择一项并发症。</translation>
    </message>
    <message>
        <source>Select a reoperation in the table first.</source>
        <translation>请先在表格中选择一次再次手术。</translation>
    </message>
    <message>
        <source>Export calendar</source>
        <translation>导出日历</translation>
    </message>
    <message>
        <source>iCalendar files (*.ics)</source>
        <translation>iCalendar 文件 (*.ics)</translation>
    </message>
    <message>
        <source>{n} visits exported to {path}.</source>
        <translation>已将 {n} 次随访导出至 {path}。</translation>
    </message>
    <message>
        <source>Record visit…</source>
        <translation>记录随访……</translation>
    </message>
    <message>
        <source>Reschedule…</source>
        <translation>改期……</translation>
    </message>
    <message>
        <source>Mark missed</source>
        <translation>标记为未完成</translation>
    </message>
    <message>
        <source>Un-mark missed…</source>
        <translation>取消未完成标记……</translation>
    </message>
    <message>
        <source>Correct visit…</source>
        <translation>更正随访……</translation>
    </message>
    <message>
        <source>{study_id} {code} recorded.</source>
        <translation>{study_id} {code} 已记录。</translation>
    </message>
    <message>
        <source>{study_id} {code} rescheduled.</source>
        <translation>{study_id} {code} 已改期。</translation>
    </message>
    <message>
        <source>Flagged as a protocol deviation.</source>
        <translation>已标记为方案偏离。</translation>
    </message>
    <message>
        <source>Mark {study_id} {code} as missed?</source>
        <translation>将 {study_id} {code} 标记为未完成？</translation>
    </message>
    <message>
        <source>{study_id} {code} marked missed.</source>
        <translation>{study_id} {code} 已标记为未完成。</translation>
    </message>
    <message>
        <source>the missed status of {code}</source>
        <translation>{code} 的未完成状态</translation>
    </message>
    <message>
        <source>{study_id} {code} is open again.</source>
        <translation>{study_id} {code} 已重新开放。</translation>
    </message>
    <message>
        <source>Findings (each ticked row is recorded as a clinical event)</source>
        <translation>发现（每个勾选的行记录为一个临床事件）</translation>
    </message>
    <message>
        <source>Correct visit {study_id} {code}</source>
        <translation>更正随访 {study_id} {code}</translation>
    </message>
    <message>
        <source>Record visit {study_id} {code}</source>
        <translation>记录随访 {study_id} {code}</translation>
    </message>
    <message>
        <source>&lt;b&gt;{study_id} · {code}&lt;/b&gt; (month {month})&lt;br&gt;Window {start} to {end}; booked {booked}</source>
        <translation>&lt;b&gt;{study_id} · {code}&lt;/b&gt;（第 {month} 个月）&lt;br&gt;窗口期 {start} 至 {end}；预约 {booked}</translation>
    </message>
    <message>
        <source>{label} (not scheduled)</source>
        <translation>{label}（未安排）</translation>
    </message>
    <message>
        <source>New findings (events already recorded stay as they are)</source>
        <translation>新发现（已记录的事件保持不变）</translation>
    </message>
    <message>
        <source>Save correction</source>
        <translation>保存更正</translation>
    </message>
    <message>
        <source>Save visit</source>
        <translation>保存随访</translation>
    </message>
    <message>
        <source>In the future: today is {today}.</source>
        <translation>日期在将来：今天是 {today}。</translation>
    </message>
    <message>
        <source>Outside the window: will be recorded as a protocol deviation.</source>
        <translation>超出窗口期：将记录为方案偏离。</translation>
    </message>
    <message>
        <source>visit {code}</source>
        <translation>随访 {code}</translation>
    </message>
    <message>
        <source>{problem} Record it anyway as a protocol deviation?</source>
        <translation>{problem} 仍要作为方案偏离记录吗？</translation>
    </message>
    <message>
        <source>Record events for {study_id}</source>
        <translation>为 {study_id} 记录事件</translation>
    </message>
    <message>
        <source>Events (tick each one to record)</source>
        <translation>事件（勾选要记录的各项）</translation>
    </message>
    <message>
        <source>Save events</source>
        <translation>保存事件</translation>
    </message>
    <message>
        <source>Reschedule {study_id} {code}</source>
        <translation>改期 {study_id} {code}</translation>
    </message>
    <message>
        <source>Window {start} to {end} (target {target}).</source>
        <translation>窗口期 {start} 至 {end}（目标日期 {target}）。</translation>
    </message>
    <message>
        <source>required outside the window</source>
        <translation>超出窗口期时必填</translation>
    </message>
    <message>
        <source>Reschedule</source>
        <translation>改期</translation>
    </message>
    <message>
        <source>Outside the window: a protocol deviation; give the reason.</source>
        <translation>超出窗口期：属方案偏离，请说明原因。</translation>
    </message>
    <message>
        <source>{day} is a weekend day.</source>
        <translation>{day} 是周末。</translation>
    </message>
    <message>
        <source>Built on {date}.</source>
        <translation>构建于 {date}。</translation>
    </message>
    <message>
        <source>Running from source (not a packaged build).</source>
        <translation>从源代码运行（非打包版本）。</translation>
    </message>
    <message>
        <source>&lt;b&gt;NCLM Desktop&lt;/b&gt; {version}&lt;br&gt;{when}&lt;br&gt;&lt;br&gt;Case management for the NCLM hepatectomy study. Works offline; the study database stays on this computer or your site&apos;s server.</source>
        <translation>&lt;b&gt;NCLM 桌面版&lt;/b&gt; {version}&lt;br&gt;{when}&lt;br&gt;&lt;br&gt;鼻咽癌肝转移（NCLM）肝切除术研究的病例管理软件。离线工作；研究数据库保存在本机或本中心的服务器上。</translation>
    </message>
    <message>
        <source>About NCLM Desktop</source>
        <translation>关于 NCLM 桌面版</translation>
    </message>
    <message>
        <source>{name}, {when}, “{meaning}”</source>
        <translation>{name}，{when}，“{meaning}”</translation>
    </message>
    <message>
        <source>Electronic signature</source>
        <translation>电子签名</translation>
    </message>
    <message>
        <source>Sign the casebook of {sid}</source>
        <translation>签署 {sid} 的病例报告</translation>
    </message>
    <message>
        <source>Signing covers every form of the casebook as it is now and locks it: no change is possible until an investigator unlocks it, with a reason.</source>
        <translation>签名覆盖病例报告中当前的所有表单并将其锁定：在研究者说明原因解锁之前，不能做任何修改。</translation>
    </message>
    <message>
        <source>Sign {what} of {sid}</source>
        <translation>签署 {sid} 的{what}</translation>
    </message>
    <message>
        <source>Signing covers this form as it is now; a later change of it shows the signature as invalid.</source>
        <translation>签名覆盖该表单的当前内容；之后对其的任何修改都会使签名显示为失效。</translation>
    </message>
    <message>
        <source>Your user name and password together are your electronic signature, the legally binding equivalent of your handwritten signature.</source>
        <translation>您的用户名和密码共同构成您的电子签名，与您的手写签名具有同等法律效力。</translation>
    </message>
    <message>
        <source>Printed name</source>
        <translation>签名人姓名</translation>
    </message>
    <message>
        <source>Meaning</source>
        <translation>签名含义</translation>
    </message>
    <message>
        <source>Sign</source>
        <translation>签名</translation>
    </message>
    <message>
        <source>The user name or password is wrong; nothing was signed. After 5 failed attempts in a row the account is locked for 15 minutes.</source>
        <translation>用户名或密码错误，未签署任何内容。连续失败 5 次后，账户将被锁定 15 分钟。</translation>
    </message>
    <message>
        <source>Signed: {manifestation}</source>
        <translation>已签名：{manifestation}</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <source>Unlock casebook</source>
        <translation>解锁病例报告</translation>
    </message>
    <message>
        <source>Unlock the casebook of {sid}</source>
        <translation>解锁 {sid} 的病例报告</translation>
    </message>
    <message>
        <source>Unlocking allows changes again. The signatures stay on record; a signature shows as invalid once the data it covers change. The reason is kept in the audit trail.</source>
        <translation>解锁后可再次修改。签名仍保留在记录中；一旦其覆盖的数据发生变化，签名即显示为失效。原因将记入稽查轨迹。</translation>
    </message>
    <message>
        <source>Why must the casebook change?</source>
        <translation>为什么需要修改病例报告？</translation>
    </message>
    <message>
        <source>Unlock</source>
        <translation>解锁</translation>
    </message>
    <message>
        <source>Please give the reason for unlocking.</source>
        <translation>请填写解锁原因。</translation>
    </message>
    <message>
        <source>Verified by {who} on {when}</source>
        <translation>由 {who} 于 {when} 核查</translation>
    </message>
    <message>
        <source>Changed after verification on {vwhen} by {vwho}: verify again</source>
        <translation>在 {vwho} 于 {vwhen} 核查后被修改：请重新核查</translation>
    </message>
    <message>
        <source>Changed on {when} by {who}, after verification on {vwhen} by {vwho}: verify again</source>
        <translation>在 {vwho} 于 {vwhen} 核查后，由 {who} 于 {when} 修改：请重新核查</translation>
    </message>
    <message>
        <source>Not verified</source>
        <translation>未核查</translation>
    </message>
    <message>
        <source>Signed: {m}</source>
        <translation>已签名：{m}</translation>
    </message>
    <message>
        <source>Withdrawn: {m}</source>
        <translation>已撤回：{m}</translation>
    </message>
    <message>
        <source>Invalid, changed after signing: {m}</source>
        <translation>已失效，签名后被修改：{m}</translation>
    </message>
    <message>
        <source>Form</source>
        <translation>表单</translation>
    </message>
    <message>
        <source>Query</source>
        <translation>质疑</translation>
    </message>
    <message>
        <source>Raised by</source>
        <translation>提出人</translation>
    </message>
    <message>
        <source>Raised</source>
        <translation>提出日期</translation>
    </message>
    <message>
        <source>Age (days)</source>
        <translation>已开放天数</translation>
    </message>
    <message>
        <source>Days since the query was raised</source>
        <translation>自提出质疑以来的天数</translation>
    </message>
    <message>
        <source>Answer</source>
        <translation>回复</translation>
    </message>
    <message>
        <source>All forms</source>
        <translation>全部表单</translation>
    </message>
    <message>
        <source>at least </source>
        <translation>至少 </translation>
    </message>
    <message>
        <source> days old</source>
        <translation> 天</translation>
    </message>
    <message>
        <source>any age</source>
        <translation>不限天数</translation>
    </message>
    <message>
        <source>Filter by study ID, field, text …</source>
        <translation>按研究编号、字段、内容筛选 …</translation>
    </message>
    <message>
        <source>Answer…</source>
        <translation>答复…</translation>
    </message>
    <message>
        <source>Close query</source>
        <translation>关闭质疑</translation>
    </message>
    <message>
        <source>Re-open</source>
        <translation>重新开放</translation>
    </message>
    <message>
        <source>Open participant</source>
        <translation>打开受试者</translation>
    </message>
    <message>
        <source>Run data checks</source>
        <translation>运行数据核查</translation>
    </message>
    <message>
        <source>Raise a query for each visit whose window ended without it, each required value left empty and each visit outside its window (never the same twice)</source>
        <translation>为窗口期已过仍未完成的随访、未填写的必填项以及窗口期外的随访各提出一条质疑（同一问题不重复提出）</translation>
    </message>
    <message>
        <source>The site answers an open query (not the monitor)</source>
        <translation>由研究中心答复未决质疑（监查员不能答复）</translation>
    </message>
    <message>
        <source>Who raised the query, or the investigator, closes it</source>
        <translation>由提出人或研究者关闭质疑</translation>
    </message>
    <message>
        <source>&amp;State:</source>
        <translation>状态(&amp;S)：</translation>
    </message>
    <message>
        <source>&amp;Form:</source>
        <translation>表单(&amp;F)：</translation>
    </message>
    <message>
        <source>A&amp;ge:</source>
        <translation>天数(&amp;G)：</translation>
    </message>
    <message>
        <source>Running the data checks …</source>
        <translation>正在运行数据核查……</translation>
    </message>
    <message>
        <source>Data checks raised {n} new queries.</source>
        <translation>数据核查新提出 {n} 条质疑。</translation>
    </message>
    <message>
        <source>{shown} of {total}</source>
        <translation>{shown} / {total}</translation>
    </message>
    <message>
        <source>{study_id} · {form}
{line}
Raised by {who} on {date}.</source>
        <translation>{study_id} · {form}
{line}
由 {who} 于 {date} 提出。</translation>
    </message>
    <message>
        <source>Source-data verification</source>
        <translation>源数据核查</translation>
    </message>
    <message>
        <source>Signature</source>
        <translation>签名</translation>
    </message>
    <message>
        <source>Mark verified</source>
        <translation>标记为已核查</translation>
    </message>
    <message>
        <source>The selected forms match the source documents (kept in the audit trail)</source>
        <translation>所选表单与源文件一致（记入稽查轨迹）</translation>
    </message>
    <message>
        <source>Sign form…</source>
        <translation>签署表单…</translation>
    </message>
    <message>
        <source>Sign casebook…</source>
        <translation>签署病例报告…</translation>
    </message>
    <message>
        <source>Unlock…</source>
        <translation>解锁…</translation>
    </message>
    <message>
        <source>{n} forms · {v} verified · {c} changed after verification</source>
        <translation>{n} 个表单 · 已核查 {v} 个 · 核查后被修改 {c} 个</translation>
    </message>
    <message>
        <source>Casebook signed and locked</source>
        <translation>病例报告已签名并锁定</translation>
    </message>
    <message>
        <source>Casebook locked</source>
        <translation>病例报告已锁定</translation>
    </message>
    <message>
        <source>Casebook signed, unlocked</source>
        <translation>病例报告已签名，已解锁</translation>
    </message>
    <message>
        <source>Casebook not signed</source>
        <translation>病例报告未签名</translation>
    </message>
    <message>
        <source>Select forms you checked against the source documents and mark them verified; a later change clears the mark.</source>
        <translation>选择已与源文件核对的表单并标记为已核查；之后的修改会清除该标记。</translation>
    </message>
    <message>
        <source>Sign the selected form, or the whole casebook (which locks it). A later change of signed data shows the signature as invalid.</source>
        <translation>签署所选表单，或签署整个病例报告（将其锁定）。已签名数据之后的修改会使签名显示为失效。</translation>
    </message>
    <message>
        <source>Read-only: a monitor verifies source data; the investigator signs and unlocks.</source>
        <translation>只读：由监查员进行源数据核查；由研究者签名和解锁。</translation>
    </message>
    <message>
        <source>The casebook is signed and locked; unlock it first.</source>
        <translation>病例报告已签名并锁定，请先解锁。</translation>
    </message>
    <message>
        <source>Sign the one selected form</source>
        <translation>签署所选的一个表单</translation>
    </message>
    <message>
        <source>Sign every form of the casebook and lock it</source>
        <translation>签署病例报告的所有表单并将其锁定</translation>
    </message>
    <message>
        <source>{n} form(s) marked verified.</source>
        <translation>已将 {n} 个表单标记为已核查。</translation>
    </message>
    <message>
        <source>{what} signed.</source>
        <translation>{what}已签名。</translation>
    </message>
    <message>
        <source>Casebook signed and locked.</source>
        <translation>病例报告已签名并锁定。</translation>
    </message>
    <message>
        <source>Casebook unlocked; its signatures stay on record.</source>
        <translation>病例报告已解锁；其签名仍保留在记录中。</translation>
    </message>
    <message>
        <source>Casebook signed and locked: {m}. A change needs an investigator to unlock it, with a reason.</source>
        <translation>病例报告已签名并锁定：{m}。如需修改，须由研究者说明原因后解锁。</translation>
    </message>
    <message>
        <source>Casebook locked. A change needs an investigator to unlock it, with a reason.</source>
        <translation>病例报告已锁定。如需修改，须由研究者说明原因后解锁。</translation>
    </message>
    <message>
        <source>the casebook</source>
        <translation>病例报告</translation>
    </message>
    <message>
        <source>Signature invalidated: {what}, signed by {m}, was changed afterwards.</source>
        <translation>签名已失效：{what}（签名：{m}）在签名后被修改。</translation>
    </message>
    <message>
        <source>The casebook is signed and locked; an investigator must unlock it first.</source>
        <translation>病例报告已签名并锁定；须先由研究者解锁。</translation>
    </message>
    <message>
        <source>Raise query…</source>
        <translation>提出质疑…</translation>
    </message>
    <message>
        <source>Ask the site about one value of this form</source>
        <translation>就本表单的某个值向研究中心提出质疑</translation>
    </message>
    <message>
        <source>Select a row in the table first.</source>
        <translation>请先在表格中选择一行。</translation>
    </message>
    <message>
        <source>Answer ({who}): {answer}</source>
        <translation>答复（{who}）：{answer}</translation>
    </message>
    <message>
        <source>Nothing is saved in this form yet to ask about.</source>
        <translation>此表单尚未保存任何数据，无法提出质疑。</translation>
    </message>
    <message>
        <source>#{id} {field} ({state}): {text}</source>
        <translation>#{id} {field}（{state}）：{text}</translation>
    </message>
    <message>
        <source>Raise a data query</source>
        <translation>提出数据质疑</translation>
    </message>
    <message>
        <source>Ask the site about one value of {record}. They answer; you close the query.</source>
        <translation>就{record}中的某个值向研究中心提问。由研究中心答复，您关闭质疑。</translation>
    </message>
    <message>
        <source>&amp;Question:</source>
        <translation>问题(&amp;Q)：</translation>
    </message>
    <message>
        <source>&amp;Field:</source>
        <translation>字段(&amp;F)：</translation>
    </message>
    <message>
        <source>Answer a data query</source>
        <translation>答复数据质疑</translation>
    </message>
    <message>
        <source>If the value is wrong, correct it in its form instead: the reason for the change offers this query, and saving answers it.</source>
        <translation>如果该值有误，请在其表单中更正：修改原因对话框会列出此质疑，保存即答复。</translation>
    </message>
    <message>
        <source>&amp;Answer:</source>
        <translation>答复(&amp;A)：</translation>
    </message>
    <message>
        <source>&amp;Reason:</source>
        <translation>原因(&amp;R)：</translation>
    </message>
    <message>
        <source>This change answers the open queries ticked:</source>
        <translation>本次修改答复以下勾选的未决质疑：</translation>
    </message>
    <message>
        <source>Please enter the reason.</source>
        <translation>请输入原因。</translation>
    </message>
    <message>
        <source>M{month}</source>
        <translation>{month}个月</translation>
    </message>
    <message>
        <source>Follow-up visit at month {month}</source>
        <translation>第 {month} 个月随访</translation>
    </message>
    <message>
        <source>Visit {status}, {date}</source>
        <translation>随访{status}，{date}</translation>
    </message>
    <message>
        <source>{n} record(s), {v} verified</source>
        <translation>{n} 条记录，已核查 {v} 条</translation>
    </message>
    <message>
        <source>{n} open data query(ies)</source>
        <translation>{n} 个未解决的数据质疑</translation>
    </message>
    <message>
        <source>Missing: {fields}</source>
        <translation>缺失：{fields}</translation>
    </message>
    <message>
        <source>Click or press Enter to open.</source>
        <translation>单击或按回车键打开。</translation>
    </message>
    <message>
        <source>{who}: {status}{locked}</source>
        <translation>{who}：{status}{locked}</translation>
    </message>
    <message>
        <source>, locked (signed)</source>
        <translation>，已锁定（已签名）</translation>
    </message>
    <message>
        <source>Import study data</source>
        <translation>导入研究数据</translation>
    </message>
    <message>
        <source>A folder exported by this application (CSV or Excel), one of its CSV files, or a filled import template. Every value is checked like typed entry; any error and nothing is written. Run a dry run first to see every error.</source>
        <translation>本程序导出的文件夹（CSV 或 Excel）、其中的一个 CSV 文件，或已填写的导入模板。每个值都按手工录入的规则检查；只要有一个错误，就不写入任何数据。请先试运行，查看全部错误。</translation>
    </message>
    <message>
        <source>A folder, a .csv file or an .xlsx workbook</source>
        <translation>文件夹、CSV 文件或 .xlsx 工作簿</translation>
    </message>
    <message>
        <source>Folder…</source>
        <translation>文件夹…</translation>
    </message>
    <message>
        <source>File…</source>
        <translation>文件…</translation>
    </message>
    <message>
        <source>Update records already in the database where the file differs</source>
        <translation>文件与数据库中已有记录不同时，更新已有记录</translation>
    </message>
    <message>
        <source>Why the recorded data change (kept in the audit)</source>
        <translation>修改已记录数据的原因（记入审计追踪）</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>来源</translation>
    </message>
    <message>
        <source>Dry run</source>
        <translation>试运行</translation>
    </message>
    <message>
        <source>Check everything and list the errors; write nothing</source>
        <translation>检查全部内容并列出错误；不写入任何数据</translation>
    </message>
    <message>
        <source>Import</source>
        <translation>导入</translation>
    </message>
    <message>
        <source>File</source>
        <translation>文件</translation>
    </message>
    <message>
        <source>Row</source>
        <translation>行</translation>
    </message>
    <message>
        <source>Column</source>
        <translation>列</translation>
    </message>
    <message>
        <source>Message</source>
        <translation>说明</translation>
    </message>
    <message>
        <source>Table</source>
        <translation>数据表</translation>
    </message>
    <message>
        <source>New</source>
        <translation>新建</translation>
    </message>
    <message>
        <source>Updated</source>
        <translation>已更新</translation>
    </message>
    <message>
        <source>Unchanged</source>
        <translation>未变</translation>
    </message>
    <message>
        <source>Read as</source>
        <translation>读取编码</translation>
    </message>
    <message>
        <source>SHA-256 (recorded with each imported record)</source>
        <translation>SHA-256（随每条导入记录保存）</translation>
    </message>
    <message>
        <source>Errors</source>
        <translation>错误</translation>
    </message>
    <message>
        <source>Records per table</source>
        <translation>各表记录数</translation>
    </message>
    <message>
        <source>Files read</source>
        <translation>已读取的文件</translation>
    </message>
    <message>
        <source>Save the errors…</source>
        <translation>保存错误列表…</translation>
    </message>
    <message>
        <source>The list as a CSV file, to correct the source</source>
        <translation>将错误列表保存为 CSV 文件，便于修改源文件</translation>
    </message>
    <message>
        <source>Save the errors</source>
        <translation>保存错误列表</translation>
    </message>
    <message>
        <source>CSV (*.csv)</source>
        <translation>CSV (*.csv)</translation>
    </message>
    <message>
        <source>Cannot write {path}: {error}</source>
        <translation>无法写入 {path}：{error}</translation>
    </message>
    <message>
        <source>Saved {n} errors to {path}</source>
        <translation>已将 {n} 个错误保存到 {path}</translation>
    </message>
    <message>
        <source>Import from the folder</source>
        <translation>从文件夹导入</translation>
    </message>
    <message>
        <source>Import from the file</source>
        <translation>从文件导入</translation>
    </message>
    <message>
        <source>Tables (*.csv *.xlsx)</source>
        <translation>数据表 (*.csv *.xlsx)</translation>
    </message>
    <message>
        <source>Choose the folder or file to import.</source>
        <translation>请选择要导入的文件夹或文件。</translation>
    </message>
    <message>
        <source>{path}: no such file or folder.</source>
        <translation>{path}：文件或文件夹不存在。</translation>
    </message>
    <message>
        <source>Updating recorded data needs a reason (kept in the audit trail).</source>
        <translation>更新已记录的数据需要填写原因（记入审计追踪）。</translation>
    </message>
    <message>
        <source>Checking …</source>
        <translation>正在检查…</translation>
    </message>
    <message>
        <source>Importing …</source>
        <translation>正在导入…</translation>
    </message>
    <message>
        <source>Checking {what} …</source>
        <translation>正在检查{what}…</translation>
    </message>
    <message>
        <source>Importing {what} …</source>
        <translation>正在导入{what}…</translation>
    </message>
    <message>
        <source>Errors ({n})</source>
        <translation>错误（{n}）</translation>
    </message>
    <message>
        <source>{n} errors: nothing was imported. Correct the file and run it again.</source>
        <translation>{n} 个错误：未导入任何数据。请修改文件后重新运行。</translation>
    </message>
    <message>
        <source>Dry run: no errors. {created} records would be created and {updated} updated; nothing was written.</source>
        <translation>试运行：无错误。将新建 {created} 条记录、更新 {updated} 条；未写入任何数据。</translation>
    </message>
    <message>
        <source>Imported: {created} records created and {updated} updated.</source>
        <translation>已导入：新建 {created} 条记录，更新 {updated} 条。</translation>
    </message>
    <message>
        <source>The import failed: {error}</source>
        <translation>导入失败：{error}</translation>
    </message>
    <message>
        <source>{group} {events} of {n}</source>
        <translation>{group} {n} 例中 {events} 例</translation>
    </message>
    <message>
        <source>Comparison not available ({note}). Events: {events}.</source>
        <translation>无法比较（{note}）。事件数：{events}。</translation>
    </message>
    <message>
        <source>Log-rank test: χ² = {chi2}, df = {df}, p = {p}. Events: {events}.</source>
        <translation>Log-rank 检验：χ² = {chi2}，df = {df}，p = {p}。事件数：{events}。</translation>
    </message>
    <message>
        <source>Cox model not available ({note}).</source>
        <translation>无法拟合 Cox 模型（{note}）。</translation>
    </message>
    <message>
        <source>Cox hazard ratio, hepatectomy vs systemic only: {hr} (95 % CI {lo}–{hi}), p = {p}.</source>
        <translation>Cox 风险比（肝切除术组对比单纯系统治疗组）：{hr}（95% CI {lo}–{hi}），p = {p}。</translation>
    </message>
    <message>
        <source>1:1 greedy nearest neighbour on the logit, without replacement, caliper {sd} SD</source>
        <translation>logit 1:1 贪婪最近邻不放回法（卡钳值为 logit 标准差的 {sd} 倍）</translation>
    </message>
    <message>
        <source>Overall survival was counted from the index date (the liver resection for the hepatectomy group, the start of systemic treatment for the liver metastases for the systemic-only group) to death from any cause; intrahepatic recurrence-free survival from the resection to intrahepatic recurrence or death. Participants without the event were censored at their last contact, and all at {horizon} months. Survival was estimated with the Kaplan-Meier method, with {km_ci}; landmark survival is given at {marks} months. Groups were compared with the {logrank} and a {cox}. The propensity of hepatectomy was estimated by {propensity} on the covariates of the baseline table; participants were matched {matching}, and balance was judged by |SMD| &lt; {balance}. Perioperative rates are given with {rate_ci}; an unplanned reoperation counted as during the index stay up to the discharge date, or within {stay} days of the operation when no discharge date was recorded (later ones without a discharge date are counted as unknown). Software: {software}.</source>
        <translation>总生存期自基线日期（肝切除术组为肝切除手术日，单纯系统治疗组为肝转移灶系统治疗开始日）起算至任何原因死亡；肝内无复发生存期自手术起算至肝内复发或死亡。未发生事件者在末次联系时删失，所有受试者均在 {horizon} 个月时删失。生存率采用 Kaplan-Meier 法估计，并给出{km_ci}；界标生存率报告 {marks} 个月时的数值。组间比较采用{logrank}及{cox}。肝切除术的倾向性评分以基线表中的协变量，采用{propensity}估计；受试者采用{matching}进行匹配，以 |SMD| &lt; {balance} 判断均衡。围手术期发生率给出{rate_ci}；非计划再手术在出院日期之前视为首次住院期间，无出院日期时以术后 {stay} 天内为准（此后且无出院日期者计为未知）。软件：{software}。</translation>
    </message>
    <message>
        <source>Generated {when} by {who}</source>
        <translation>生成时间 {when}，生成人 {who}</translation>
    </message>
    <message>
        <source>Confidential: contains patient-identifiable data</source>
        <translation>保密：含患者身份信息</translation>
    </message>
    <message>
        <source>Audit trail head (events · hash): {head}</source>
        <translation>稽查轨迹头（事件数 · 哈希）：{head}</translation>
    </message>
</context>
<context>
    <name>AdminPage</name>
    <message>
        <source>Activate / deactivate selected</source>
        <translation>启用 / 停用所选账户</translation>
    </message>
    <message>
        <source>Unlock selected</source>
        <translation>解锁所选账户</translation>
    </message>
    <message>
        <source>Reset password…</source>
        <translation>重置密码……</translation>
    </message>
    <message>
        <source>Language…</source>
        <translation>语言……</translation>
    </message>
    <message>
        <source>Add user</source>
        <translation>添加用户</translation>
    </message>
    <message>
        <source>New user</source>
        <translation>新用户</translation>
    </message>
    <message>
        <source>User name</source>
        <translation>用户名</translation>
    </message>
    <message>
        <source>Full name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>角色</translation>
    </message>
    <message>
        <source>Password (10+ characters)</source>
        <translation>密码（至少 10 个字符）</translation>
    </message>
    <message>
        <source>Password again</source>
        <translation>再次输入密码</translation>
    </message>
    <message>
        <source> min</source>
        <translation> 分钟</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>保存</translation>
    </message>
    <message>
        <source>Back up now</source>
        <translation>立即备份</translation>
    </message>
    <message>
        <source>Workstation and data</source>
        <translation>工作站与数据</translation>
    </message>
    <message>
        <source>Lock after idle</source>
        <translation>空闲后锁定</translation>
    </message>
    <message>
        <source>Restore from a backup…</source>
        <translation>从备份恢复……</translation>
    </message>
    <message>
        <source>Contact numbers printed on patient schedules</source>
        <translation>打印在患者随访计划上的联系电话</translation>
    </message>
    <message>
        <source>Save numbers</source>
        <translation>保存号码</translation>
    </message>
    <message>
        <source>The two passwords differ.</source>
        <translation>两次输入的密码不一致。</translation>
    </message>
    <message>
        <source>User {name} added.</source>
        <translation>已添加用户 {name}。</translation>
    </message>
    <message>
        <source>the account of {u}</source>
        <translation>{u} 的账户</translation>
    </message>
    <message>
        <source>{u} can sign in again.</source>
        <translation>{u} 可以重新登录。</translation>
    </message>
    <message>
        <source>Password of {u} reset; they choose a new one at the next sign-in.</source>
        <translation>{u} 的密码已重置；其下次登录时需设置新密码。</translation>
    </message>
    <message>
        <source>Language of {u} saved.</source>
        <translation>{u} 的语言已保存。</translation>
    </message>
    <message>
        <source>Saved.</source>
        <translation>已保存。</translation>
    </message>
    <message>
        <source>Backing up…</source>
        <translation>正在备份……</translation>
    </message>
    <message>
        <source>Backup written and checked: {p}</source>
        <translation>备份已写入并校验：{p}</translation>
    </message>
    <message>
        <source>Backup failed: {e}</source>
        <translation>备份失败：{e}</translation>
    </message>
    <message>
        <source>Choose the backup to restore</source>
        <translation>选择要恢复的备份</translation>
    </message>
    <message>
        <source>Backups (*.db)</source>
        <translation>备份文件 (*.db)</translation>
    </message>
    <message>
        <source>Replace the study database by the backup
{b}?

Everything entered after that backup was made will no longer be in the study. Close NCLM Desktop on every other session first. The current database is kept aside, dated, next to it. After restoring, NCLM Desktop closes; start it again and sign in.</source>
        <translation>用备份
{b}
替换研究数据库？

该备份之后录入的所有内容将不再保留在研究中。请先关闭其他所有会话中的 NCLM 桌面版。当前数据库将加上日期另存于其旁。恢复后 NCLM 桌面版将关闭；请重新启动并登录。</translation>
    </message>
    <message>
        <source>Restore from a backup</source>
        <translation>从备份恢复</translation>
    </message>
    <message>
        <source>Checking the backup and restoring…</source>
        <translation>正在校验备份并恢复……</translation>
    </message>
    <message>
        <source>Restored.</source>
        <translation>已恢复。</translation>
    </message>
    <message>
        <source>The database was restored from {b}.
The replaced database is kept in {a}.

NCLM Desktop will now close; start it again and sign in.</source>
        <translation>数据库已从 {b} 恢复。
被替换的数据库保存在 {a}。

NCLM 桌面版即将关闭；请重新启动并登录。</translation>
    </message>
    <message>
        <source>Restore failed: {e}</source>
        <translation>恢复失败：{e}</translation>
    </message>
</context>
<context>
    <name>Audit</name>
    <message>
        <source>Participant</source>
        <translation>受试者</translation>
    </message>
    <message>
        <source>Identity</source>
        <translation>身份信息</translation>
    </message>
    <message>
        <source>Screening</source>
        <translation>筛选</translation>
    </message>
    <message>
        <source>Baseline disease</source>
        <translation>基线病情</translation>
    </message>
    <message>
        <source>Systemic treatment</source>
        <translation>系统治疗</translation>
    </message>
    <message>
        <source>Operation</source>
        <translation>手术</translation>
    </message>
    <message>
        <source>Surgeon of operation</source>
        <translation>主刀医生</translation>
    </message>
    <message>
        <source>Complication</source>
        <translation>并发症</translation>
    </message>
    <message>
        <source>Reoperation</source>
        <translation>再次手术</translation>
    </message>
    <message>
        <source>Visit</source>
        <translation>随访</translation>
    </message>
    <message>
        <source>Clinical event</source>
        <translation>临床事件</translation>
    </message>
    <message>
        <source>Signature</source>
        <translation>签名</translation>
    </message>
    <message>
        <source>Casebook</source>
        <translation>病例报告</translation>
    </message>
    <message>
        <source>Source-data verification</source>
        <translation>源数据核查</translation>
    </message>
    <message>
        <source>User account</source>
        <translation>用户账户</translation>
    </message>
    <message>
        <source>Setting</source>
        <translation>设置项</translation>
    </message>
    <message>
        <source>added</source>
        <translation>新增</translation>
    </message>
    <message>
        <source>changed</source>
        <translation>修改</translation>
    </message>
    <message>
        <source>deleted</source>
        <translation>删除</translation>
    </message>
    <message>
        <source>signed</source>
        <translation>已签名</translation>
    </message>
    <message>
        <source>signature revoked</source>
        <translation>签名已撤销</translation>
    </message>
    <message>
        <source>signature refused (wrong user name or password)</source>
        <translation>签名被拒绝（用户名或密码错误）</translation>
    </message>
    <message>
        <source>signed in</source>
        <translation>已登录</translation>
    </message>
    <message>
        <source>sign-in failed</source>
        <translation>登录失败</translation>
    </message>
    <message>
        <source>signed out</source>
        <translation>已退出</translation>
    </message>
    <message>
        <source>exported</source>
        <translation>导出</translation>
    </message>
    <message>
        <source>backup</source>
        <translation>备份</translation>
    </message>
    <message>
        <source>locked</source>
        <translation>已锁定</translation>
    </message>
    <message>
        <source>unlocked</source>
        <translation>已解锁</translation>
    </message>
    <message>
        <source>Clavien-Dindo grade</source>
        <translation>Clavien-Dindo 分级</translation>
    </message>
    <message>
        <source>Hospital record number</source>
        <translation>病案号</translation>
    </message>
    <message>
        <source>Index date</source>
        <translation>索引日期</translation>
    </message>
    <message>
        <source>Suffix d (disability at discharge)</source>
        <translation>后缀 d（出院时遗留功能障碍）</translation>
    </message>
    <message>
        <source>Expected survival ≥ 6 months</source>
        <translation>预期生存期 ≥ 6 个月</translation>
    </message>
    <message>
        <source>ID</source>
        <translation>ID</translation>
    </message>
    <message>
        <source>Participant ID</source>
        <translation>受试者 ID</translation>
    </message>
    <message>
        <source>Created (UTC)</source>
        <translation>创建时间（UTC）</translation>
    </message>
    <message>
        <source>Updated (UTC)</source>
        <translation>更新时间（UTC）</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>值</translation>
    </message>
    <message>
        <source>Last number issued</source>
        <translation>最后发放的编号</translation>
    </message>
    <message>
        <source>User name</source>
        <translation>用户名</translation>
    </message>
    <message>
        <source>Display name</source>
        <translation>显示名称</translation>
    </message>
    <message>
        <source>Password (hashed)</source>
        <translation>密码（哈希）</translation>
    </message>
    <message>
        <source>Active</source>
        <translation>启用</translation>
    </message>
    <message>
        <source>Last sign-in (UTC)</source>
        <translation>最近登录（UTC）</translation>
    </message>
    <message>
        <source>Failed sign-ins</source>
        <translation>登录失败次数</translation>
    </message>
    <message>
        <source>Locked until (UTC)</source>
        <translation>锁定至（UTC）</translation>
    </message>
    <message>
        <source>Must change password</source>
        <translation>须修改密码</translation>
    </message>
    <message>
        <source>Form</source>
        <translation>表单</translation>
    </message>
    <message>
        <source>Record</source>
        <translation>记录</translation>
    </message>
    <message>
        <source>Question</source>
        <translation>质疑内容</translation>
    </message>
    <message>
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Raised by</source>
        <translation>提出人</translation>
    </message>
    <message>
        <source>Raised (UTC)</source>
        <translation>提出时间（UTC）</translation>
    </message>
    <message>
        <source>Answer</source>
        <translation>回复</translation>
    </message>
    <message>
        <source>Answered by</source>
        <translation>回复人</translation>
    </message>
    <message>
        <source>Answered (UTC)</source>
        <translation>回复时间（UTC）</translation>
    </message>
    <message>
        <source>Closed by</source>
        <translation>关闭人</translation>
    </message>
    <message>
        <source>Closed (UTC)</source>
        <translation>关闭时间（UTC）</translation>
    </message>
    <message>
        <source>Screened by</source>
        <translation>筛选人</translation>
    </message>
    <message>
        <source>Verified by</source>
        <translation>核查人</translation>
    </message>
    <message>
        <source>Verified (UTC)</source>
        <translation>核查时间（UTC）</translation>
    </message>
    <message>
        <source>Record fingerprint</source>
        <translation>记录指纹</translation>
    </message>
    <message>
        <source>Signed by</source>
        <translation>签名人</translation>
    </message>
    <message>
        <source>Meaning</source>
        <translation>签名含义</translation>
    </message>
    <message>
        <source>Signed (UTC)</source>
        <translation>签名时间（UTC）</translation>
    </message>
    <message>
        <source>Printed name</source>
        <translation>签名人姓名</translation>
    </message>
    <message>
        <source>Meaning (text)</source>
        <translation>签名含义（文字）</translation>
    </message>
    <message>
        <source>UTC offset</source>
        <translation>UTC 时差</translation>
    </message>
    <message>
        <source>Data fingerprint</source>
        <translation>数据指纹</translation>
    </message>
    <message>
        <source>Revoked (UTC)</source>
        <translation>撤销时间（UTC）</translation>
    </message>
    <message>
        <source>Reason for revoking</source>
        <translation>撤销理由</translation>
    </message>
    <message>
        <source>User</source>
        <translation>用户</translation>
    </message>
    <message>
        <source>Draft data</source>
        <translation>草稿数据</translation>
    </message>
    <message>
        <source>Treatment</source>
        <translation>处理措施</translation>
    </message>
    <message>
        <source>Field</source>
        <translation>字段</translation>
    </message>
    <message>
        <source>Signed record</source>
        <translation>签名的记录</translation>
    </message>
    <message>
        <source>Signed record ID</source>
        <translation>签名的记录 ID</translation>
    </message>
</context>
<context>
    <name>AuditPage</name>
    <message>
        <source>From</source>
        <translation>从</translation>
    </message>
    <message>
        <source>Apply</source>
        <translation>应用</translation>
    </message>
    <message>
        <source>Verify audit trail</source>
        <translation>校验审计追踪</translation>
    </message>
    <message>
        <source>The hash chain, its anchors, and every table compared with the trail</source>
        <translation>哈希链、锚点及每张数据表与审计追踪的比对</translation>
    </message>
    <message>
        <source>Participant</source>
        <translation>受试者</translation>
    </message>
    <message>
        <source>User</source>
        <translation>用户</translation>
    </message>
    <message>
        <source>to</source>
        <translation>至</translation>
    </message>
    <message>
        <source>{n} events shown (newest first, at most 5,000).</source>
        <translation>显示 {n} 条事件（最新在前，最多 5,000 条）。</translation>
    </message>
    <message>
        <source>Verifying the audit trail…</source>
        <translation>正在校验审计追踪……</translation>
    </message>
    <message>
        <source>Audit trail intact: {n} events; {a} anchor(s) matched; {t} audited tables agree with the trail.</source>
        <translation>审计追踪完整：共 {n} 条事件；{a} 个锚点相符；{t} 张受审计数据表与追踪记录一致。</translation>
    </message>
    <message>
        <source>broken at event {id}: {problem}</source>
        <translation>在事件 {id} 处断裂：{problem}</translation>
    </message>
    <message>
        <source>{n} difference(s) with the tables, first: {d}</source>
        <translation>与数据表有 {n} 处差异，第一处：{d}</translation>
    </message>
    <message>
        <source>AUDIT TRAIL NOT INTACT: {p}</source>
        <translation>审计追踪不完整：{p}</translation>
    </message>
    <message>
        <source>Could not verify: {e}</source>
        <translation>无法校验：{e}</translation>
    </message>
</context>
<context>
    <name>ChangePasswordDialog</name>
    <message>
        <source>An administrator has reset your password. Choose a new password before you continue.</source>
        <translation>管理员已重置您的密码。请先设置新密码再继续。</translation>
    </message>
    <message>
        <source>Change the password of {user}.</source>
        <translation>修改 {user} 的密码。</translation>
    </message>
    <message>
        <source>NCLM Desktop — change password</source>
        <translation>NCLM 桌面版 — 修改密码</translation>
    </message>
    <message>
        <source>Current password</source>
        <translation>当前密码</translation>
    </message>
    <message>
        <source>New password (10+ characters)</source>
        <translation>新密码（至少 10 个字符）</translation>
    </message>
    <message>
        <source>New password again</source>
        <translation>再次输入新密码</translation>
    </message>
    <message>
        <source>The two new passwords differ.</source>
        <translation>两次输入的新密码不一致。</translation>
    </message>
</context>
<context>
    <name>DataDictionary</name>
    <message>
        <source>Yes</source>
        <translation>是</translation>
    </message>
    <message>
        <source>No</source>
        <translation>否</translation>
    </message>
    <message>
        <source>{label} must be a number.</source>
        <translation>{label}必须是数字。</translation>
    </message>
    <message>
        <source>{label} must be a whole number.</source>
        <translation>{label}必须是整数。</translation>
    </message>
    <message>
        <source>{label} ({value}) cannot be in the future (today is {today}).</source>
        <translation>{label}（{value}）不能晚于今天（今天是 {today}）。</translation>
    </message>
    <message>
        <source>{label} must be between {lo} and {hi}{unit} (got {value}).</source>
        <translation>{label}必须在 {lo} 至 {hi}{unit} 之间（当前为 {value}）。</translation>
    </message>
    <message>
        <source>{label} of {value}{unit} is outside the usual {lo}–{hi}{unit}; please check it and confirm.</source>
        <translation>{label} {value}{unit} 超出常见范围 {lo}–{hi}{unit}；请核对后确认。</translation>
    </message>
    <message>
        <source>Any deviation from the normal postoperative course without the need for drug treatment or surgical, endoscopic or radiological intervention. Allowed: antiemetics, antipyretics, analgesics, diuretics, electrolytes and physiotherapy; also wound infections opened at the bedside.</source>
        <translation>任何偏离正常术后病程、但无需药物治疗或外科、内镜及介入放射干预的情况。允许使用的治疗：止吐药、退热药、镇痛药、利尿药、电解质及物理治疗；床旁切开引流的切口感染亦属此级。</translation>
    </message>
    <message>
        <source>Needs drug treatment beyond what grade I allows. Blood transfusions and total parenteral nutrition are also grade II.</source>
        <translation>需要 I 级允许范围以外的药物治疗。输血和全胃肠外营养亦属 II 级。</translation>
    </message>
    <message>
        <source>Needs surgical, endoscopic or radiological intervention not under general anaesthesia.</source>
        <translation>需要外科、内镜或介入放射干预，非全身麻醉下进行。</translation>
    </message>
    <message>
        <source>Needs surgical, endoscopic or radiological intervention under general anaesthesia.</source>
        <translation>需要外科、内镜或介入放射干预，在全身麻醉下进行。</translation>
    </message>
    <message>
        <source>Life-threatening complication (including brain haemorrhage, ischaemic stroke or subarachnoid bleeding, but not transient ischaemic attack) needing intermediate or intensive care: single organ dysfunction (including dialysis).</source>
        <translation>危及生命、需要中级监护或重症监护的并发症（包括脑出血、缺血性卒中或蛛网膜下腔出血，不包括短暂性脑缺血发作）：单器官功能障碍（包括需要透析）。</translation>
    </message>
    <message>
        <source>Life-threatening complication needing intermediate or intensive care: multiple organ dysfunction.</source>
        <translation>危及生命、需要中级监护或重症监护的并发症：多器官功能障碍。</translation>
    </message>
    <message>
        <source>Death of the patient.</source>
        <translation>患者死亡。</translation>
    </message>
    <message>
        <source>Post-hepatectomy liver failure</source>
        <translation>肝切除术后肝功能衰竭</translation>
    </message>
    <message>
        <source>Bile leakage</source>
        <translation>胆漏</translation>
    </message>
    <message>
        <source>Post-hepatectomy haemorrhage</source>
        <translation>肝切除术后出血</translation>
    </message>
    <message>
        <source>Ascites</source>
        <translation>腹水</translation>
    </message>
    <message>
        <source>Pleural effusion</source>
        <translation>胸腔积液</translation>
    </message>
    <message>
        <source>Surgical-site infection</source>
        <translation>手术部位感染</translation>
    </message>
    <message>
        <source>Intra-abdominal collection or abscess</source>
        <translation>腹腔积液或脓肿</translation>
    </message>
    <message>
        <source>Pneumonia</source>
        <translation>肺炎</translation>
    </message>
    <message>
        <source>Cardiac complication</source>
        <translation>心脏并发症</translation>
    </message>
    <message>
        <source>Thromboembolic event</source>
        <translation>血栓栓塞事件</translation>
    </message>
    <message>
        <source>Other</source>
        <translation>其他</translation>
    </message>
    <message>
        <source>Liver failure with abnormal laboratory values that needs no change in the patient&apos;s clinical management.</source>
        <translation>仅有实验室指标异常、无需改变临床处理的肝功能衰竭。</translation>
    </message>
    <message>
        <source>Liver failure that needs a deviation from the regular clinical management but is manageable without invasive treatment (for example fresh frozen plasma, albumin, diuretics, non-invasive ventilation).</source>
        <translation>需要改变常规临床处理、但无需有创治疗即可处理（如新鲜冰冻血浆、白蛋白、利尿药、无创通气）的肝功能衰竭。</translation>
    </message>
    <message>
        <source>Liver failure that needs a deviation from the regular clinical management and invasive treatment (for example vasopressors, haemodialysis, intubation, extracorporeal liver support, rescue hepatectomy, liver transplantation).</source>
        <translation>需要改变常规临床处理并需有创治疗（如血管活性药物、血液透析、气管插管、体外肝支持、挽救性肝切除、肝移植）的肝功能衰竭。</translation>
    </message>
    <message>
        <source>Bile leakage that needs no or little change in the patient&apos;s clinical management.</source>
        <translation>无需或仅需轻微改变临床处理的胆漏。</translation>
    </message>
    <message>
        <source>Bile leakage that needs active therapeutic intervention (for example percutaneous drainage or endoscopic stenting) but is manageable without relaparotomy.</source>
        <translation>需要积极治疗干预（如经皮穿刺引流或内镜下支架置入），但无需再次开腹手术即可处理的胆漏。</translation>
    </message>
    <message>
        <source>Bile leakage that needs relaparotomy.</source>
        <translation>需要再次开腹手术的胆漏。</translation>
    </message>
    <message>
        <source>Haemorrhage needing transfusion of up to 2 units of packed red blood cells.</source>
        <translation>需输注不超过 2 单位浓缩红细胞的出血。</translation>
    </message>
    <message>
        <source>Haemorrhage needing transfusion of more than 2 units of packed red blood cells but manageable without invasive intervention.</source>
        <translation>需输注超过 2 单位浓缩红细胞、但无需有创干预即可处理的出血。</translation>
    </message>
    <message>
        <source>Haemorrhage needing radiological intervention (such as embolisation) or relaparotomy.</source>
        <translation>需要介入放射治疗（如栓塞）或再次开腹手术的出血。</translation>
    </message>
    <message>
        <source>Post-hepatectomy liver failure (PHLF)</source>
        <translation>肝切除术后肝功能衰竭（PHLF）</translation>
    </message>
    <message>
        <source>Increased INR and high serum bilirubin (above the local laboratory&apos;s normal limits) on or after postoperative day 5. If either was already abnormal before the operation: INR and bilirubin both rising, compared with the previous day, on or after day 5. Other obvious causes, such as biliary obstruction, are ruled out.</source>
        <translation>术后第 5 天及以后 INR 升高且血清胆红素升高（高于本院检验科正常上限）。若术前任一项已异常：术后第 5 天及以后 INR 和胆红素均较前一天升高。并已排除胆道梗阻等其他明显原因。</translation>
    </message>
    <message>
        <source>Bilirubin in the drain fluid at least 3 times the serum bilirubin on or after postoperative day 3, or radiological or operative intervention needed for a bile collection or bile peritonitis.</source>
        <translation>术后第 3 天及以后引流液胆红素浓度不低于血清胆红素的 3 倍，或因胆汁积聚、胆汁性腹膜炎需要介入放射或手术干预。</translation>
    </message>
    <message>
        <source>Post-hepatectomy haemorrhage (PHH)</source>
        <translation>肝切除术后出血（PHH）</translation>
    </message>
    <message>
        <source>Haemoglobin drop of more than 3 g/dL after the end of surgery compared with the postoperative baseline, and/or any postoperative red-cell transfusion for a falling haemoglobin, and/or invasive re-intervention (embolisation or relaparotomy) to stop bleeding; with evidence of intra-abdominal bleeding (drain or imaging). Up to 2 units given right after surgery for blood lost during the operation do not count.</source>
        <translation>手术结束后血红蛋白较术后基线下降超过 3 g/dL，和/或术后因血红蛋白下降输注红细胞，和/或需要有创再干预（栓塞或再次开腹）止血；并有腹腔内出血的证据（引流液或影像学）。术后即刻为补充术中失血而输注的不超过 2 单位红细胞不计入。</translation>
    </message>
    <message>
        <source>Administrator</source>
        <translation>管理员</translation>
    </message>
    <message>
        <source>Investigator</source>
        <translation>研究者</translation>
    </message>
    <message>
        <source>Surgeon</source>
        <translation>外科医生</translation>
    </message>
    <message>
        <source>Study coordinator</source>
        <translation>研究协调员</translation>
    </message>
    <message>
        <source>Monitor</source>
        <translation>监查员</translation>
    </message>
    <message>
        <source>Hepatobiliary surgery clinic</source>
        <translation>肝胆外科门诊</translation>
    </message>
    <message>
        <source>Out of hours / emergency</source>
        <translation>夜间及急诊</translation>
    </message>
    <message>
        <source>screening</source>
        <translation>筛选中</translation>
    </message>
    <message>
        <source>screen failure</source>
        <translation>筛选失败</translation>
    </message>
    <message>
        <source>enrolled</source>
        <translation>已入组</translation>
    </message>
    <message>
        <source>withdrawn</source>
        <translation>已退出</translation>
    </message>
    <message>
        <source>completed</source>
        <translation>已完成研究</translation>
    </message>
    <message>
        <source>deceased</source>
        <translation>已死亡</translation>
    </message>
    <message>
        <source>hepatectomy</source>
        <translation>肝切除术</translation>
    </message>
    <message>
        <source>systemic only</source>
        <translation>单纯系统治疗</translation>
    </message>
    <message>
        <source>NCLM not confirmed</source>
        <translation>鼻咽癌肝转移未确诊</translation>
    </message>
    <message>
        <source>ECOG above 2</source>
        <translation>ECOG 体能状态 &gt; 2</translation>
    </message>
    <message>
        <source>No eligible disease pattern</source>
        <translation>不符合任一疾病类型</translation>
    </message>
    <message>
        <source>Not R0-resectable</source>
        <translation>无法 R0 切除</translation>
    </message>
    <message>
        <source>Liver function (Child-Pugh / remnant)</source>
        <translation>肝功能（Child-Pugh 分级 / 剩余肝体积）</translation>
    </message>
    <message>
        <source>Liver</source>
        <translation>肝脏</translation>
    </message>
    <message>
        <source>Bone</source>
        <translation>骨</translation>
    </message>
    <message>
        <source>Lung</source>
        <translation>肺</translation>
    </message>
    <message>
        <source>Distant lymph nodes</source>
        <translation>远处淋巴结</translation>
    </message>
    <message>
        <source>Complete response (CR)</source>
        <translation>完全缓解 (CR)</translation>
    </message>
    <message>
        <source>Partial response (PR)</source>
        <translation>部分缓解 (PR)</translation>
    </message>
    <message>
        <source>Stable disease (SD)</source>
        <translation>疾病稳定 (SD)</translation>
    </message>
    <message>
        <source>Progressive disease (PD)</source>
        <translation>疾病进展 (PD)</translation>
    </message>
    <message>
        <source>Not assessable / no disease outside the liver</source>
        <translation>无法评估 / 肝外无病灶</translation>
    </message>
    <message>
        <source>None</source>
        <translation>无</translation>
    </message>
    <message>
        <source>Mild</source>
        <translation>轻度</translation>
    </message>
    <message>
        <source>Moderate to severe</source>
        <translation>中重度</translation>
    </message>
    <message>
        <source>Grade 1–2</source>
        <translation>1–2 级</translation>
    </message>
    <message>
        <source>Grade 3–4</source>
        <translation>3–4 级</translation>
    </message>
    <message>
        <source>0 – fully active</source>
        <translation>0 – 活动完全正常</translation>
    </message>
    <message>
        <source>1 – restricted in strenuous activity</source>
        <translation>1 – 剧烈活动受限</translation>
    </message>
    <message>
        <source>2 – ambulatory, no work, up &gt; 50 % of day</source>
        <translation>2 – 能走动，不能工作，白天卧床 &lt; 50%</translation>
    </message>
    <message>
        <source>3 – limited self-care, in bed &gt; 50 % of day</source>
        <translation>3 – 生活部分自理，白天卧床 &gt; 50%</translation>
    </message>
    <message>
        <source>4 – completely disabled</source>
        <translation>4 – 完全失能</translation>
    </message>
    <message>
        <source>5 – dead</source>
        <translation>5 – 死亡</translation>
    </message>
    <message>
        <source>for a woman</source>
        <translation>女性适用</translation>
    </message>
    <message>
        <source>Eligibility screening</source>
        <translation>入组资格筛选</translation>
    </message>
    <message>
        <source>Screening date</source>
        <translation>筛选日期</translation>
    </message>
    <message>
        <source>Age at screening</source>
        <translation>筛选时年龄</translation>
    </message>
    <message>
        <source>years</source>
        <translation>岁</translation>
    </message>
    <message>
        <source>NCLM confirmed (biopsy, or imaging + history)</source>
        <translation>NCLM 已确诊（活检，或影像 + 病史）</translation>
    </message>
    <message>
        <source>Metastatic sites</source>
        <translation>转移部位</translation>
    </message>
    <message>
        <source>Liver oligometastasis</source>
        <translation>肝寡转移</translation>
    </message>
    <message>
        <source>Response outside the liver after systemic treatment</source>
        <translation>系统治疗后肝外病灶疗效</translation>
    </message>
    <message>
        <source>Progression (PD) after systemic treatment of primary / bone</source>
        <translation>原发灶 / 骨转移系统治疗后进展 (PD)</translation>
    </message>
    <message>
        <source>Total bilirubin</source>
        <translation>总胆红素</translation>
    </message>
    <message>
        <source>Bilirubin unit</source>
        <translation>胆红素单位</translation>
    </message>
    <message>
        <source>Albumin</source>
        <translation>白蛋白</translation>
    </message>
    <message>
        <source>Albumin unit</source>
        <translation>白蛋白单位</translation>
    </message>
    <message>
        <source>Total bilirubin (µmol/L)</source>
        <translation>总胆红素 (µmol/L)</translation>
    </message>
    <message>
        <source>Albumin (g/L)</source>
        <translation>白蛋白 (g/L)</translation>
    </message>
    <message>
        <source>liver</source>
        <translation>肝脏</translation>
    </message>
    <message>
        <source>bone</source>
        <translation>骨</translation>
    </message>
    <message>
        <source>lung</source>
        <translation>肺</translation>
    </message>
    <message>
        <source>distant lymph nodes</source>
        <translation>远处淋巴结</translation>
    </message>
    <message>
        <source>other site</source>
        <translation>其他部位</translation>
    </message>
    <message>
        <source>screening date</source>
        <translation>筛选日期</translation>
    </message>
    <message>
        <source>birth date</source>
        <translation>出生日期</translation>
    </message>
    <message>
        <source>whether NCLM is confirmed</source>
        <translation>NCLM 是否确诊</translation>
    </message>
    <message>
        <source>metastatic sites</source>
        <translation>转移部位</translation>
    </message>
    <message>
        <source>whether the primary tumour has recurred</source>
        <translation>原发肿瘤是否复发</translation>
    </message>
    <message>
        <source>whether the liver disease is oligometastatic</source>
        <translation>肝脏病变是否为寡转移</translation>
    </message>
    <message>
        <source>response outside the liver</source>
        <translation>肝外疗效</translation>
    </message>
    <message>
        <source>progression after systemic treatment</source>
        <translation>系统治疗后是否进展</translation>
    </message>
    <message>
        <source>whether the liver lesions are R0-resectable</source>
        <translation>肝脏病灶能否 R0 切除</translation>
    </message>
    <message>
        <source>bilirubin</source>
        <translation>胆红素</translation>
    </message>
    <message>
        <source>bilirubin unit</source>
        <translation>胆红素单位</translation>
    </message>
    <message>
        <source>albumin</source>
        <translation>白蛋白</translation>
    </message>
    <message>
        <source>INR</source>
        <translation>INR</translation>
    </message>
    <message>
        <source>ascites</source>
        <translation>腹水</translation>
    </message>
    <message>
        <source>encephalopathy</source>
        <translation>肝性脑病</translation>
    </message>
    <message>
        <source>future liver remnant</source>
        <translation>剩余肝体积</translation>
    </message>
    <message>
        <source>prior local liver therapy</source>
        <translation>既往肝脏局部治疗</translation>
    </message>
    <message>
        <source>contraindication to surgery</source>
        <translation>手术禁忌证</translation>
    </message>
    <message>
        <source>expected survival</source>
        <translation>预期生存期</translation>
    </message>
    <message>
        <source>pregnancy or breastfeeding</source>
        <translation>妊娠或哺乳</translation>
    </message>
    <message>
        <source>other malignancy</source>
        <translation>其他恶性肿瘤</translation>
    </message>
    <message>
        <source>whether the patient or family understands the study</source>
        <translation>患者或家属是否理解本研究</translation>
    </message>
    <message>
        <source>informed consent</source>
        <translation>知情同意</translation>
    </message>
    <message>
        <source>Hepatic encephalopathy</source>
        <translation>肝性脑病</translation>
    </message>
    <message>
        <source>Child-Pugh points</source>
        <translation>Child-Pugh 评分</translation>
    </message>
    <message>
        <source>Child-Pugh class</source>
        <translation>Child-Pugh 分级</translation>
    </message>
    <message>
        <source>ALBI score</source>
        <translation>ALBI 评分</translation>
    </message>
    <message>
        <source>ALBI grade</source>
        <translation>ALBI 分级</translation>
    </message>
    <message>
        <source>ECOG performance status</source>
        <translation>ECOG 体能状态</translation>
    </message>
    <message>
        <source>Liver lesions R0-resectable</source>
        <translation>肝脏病灶可 R0 切除</translation>
    </message>
    <message>
        <source>Future liver remnant</source>
        <translation>剩余肝体积</translation>
    </message>
    <message>
        <source>Contraindication to surgery</source>
        <translation>存在手术禁忌证</translation>
    </message>
    <message>
        <source>{first}, {rest}</source>
        <translation>{first}、{rest}</translation>
    </message>
    <message>
        <source>{first} and {rest}</source>
        <translation>{first}和{rest}</translation>
    </message>
    <message>
        <source>{first}; {rest}</source>
        <translation>{first}；{rest}</translation>
    </message>
    <message>
        <source>Not recorded: {fields}</source>
        <translation>未记录：{fields}</translation>
    </message>
    <message>
        <source>Age {age} on {date} is below {limit}</source>
        <translation>{date} 时年龄 {age} 岁，低于 {limit} 岁</translation>
    </message>
    <message>
        <source>Age {age} on {date} is above {limit}</source>
        <translation>{date} 时年龄 {age} 岁，高于 {limit} 岁</translation>
    </message>
    <message>
        <source>Age {age} on {date} is within {low} to {high}</source>
        <translation>{date} 时年龄 {age} 岁，在 {low} 至 {high} 岁之间</translation>
    </message>
    <message>
        <source>ECOG {ecog} is above {limit}</source>
        <translation>ECOG {ecog}，高于 {limit}</translation>
    </message>
    <message>
        <source>ECOG {ecog}; {limit} or less required</source>
        <translation>ECOG {ecog}；要求 ≤ {limit}</translation>
    </message>
    <message>
        <source>NCLM confirmed by pathology, or by imaging with the clinical history</source>
        <translation>NCLM 经病理证实，或经影像学结合临床病史证实</translation>
    </message>
    <message>
        <source>NCLM not confirmed by pathology, or by imaging with the clinical history</source>
        <translation>NCLM 未经病理证实，亦未经影像学结合临床病史证实</translation>
    </message>
    <message>
        <source>the response outside the liver is {response} (SD, PR or CR needed)</source>
        <translation>肝外疗效为 {response}（需为 SD、PR 或 CR）</translation>
    </message>
    <message>
        <source>not assessable</source>
        <translation>不可评估</translation>
    </message>
    <message>
        <source>the primary tumour has recurred</source>
        <translation>原发肿瘤已复发</translation>
    </message>
    <message>
        <source>no liver metastasis is recorded</source>
        <translation>未记录肝转移</translation>
    </message>
    <message>
        <source>there are metastases outside the liver</source>
        <translation>存在肝外转移</translation>
    </message>
    <message>
        <source>the liver disease is not oligometastatic</source>
        <translation>肝脏病变非寡转移</translation>
    </message>
    <message>
        <source>there are no bone metastases</source>
        <translation>无骨转移</translation>
    </message>
    <message>
        <source>the primary tumour has not recurred</source>
        <translation>原发肿瘤未复发</translation>
    </message>
    <message>
        <source>Pattern 1: no primary tumour recurrence, liver-only oligometastasis</source>
        <translation>模式 1：原发肿瘤无复发，仅肝脏寡转移</translation>
    </message>
    <message>
        <source>Pattern 2: bone and liver metastases without primary tumour recurrence, {response} outside the liver</source>
        <translation>模式 2：骨及肝转移，原发肿瘤无复发，肝外疗效 {response}</translation>
    </message>
    <message>
        <source>Pattern 3: primary tumour recurrence with liver metastases, {response} outside the liver</source>
        <translation>模式 3：原发肿瘤复发伴肝转移，肝外疗效 {response}</translation>
    </message>
    <message>
        <source>Pattern 3: primary tumour recurrence with liver and bone metastases, {response} outside the liver</source>
        <translation>模式 3：原发肿瘤复发伴肝及骨转移，肝外疗效 {response}</translation>
    </message>
    <message>
        <source>pattern {number}: {why}</source>
        <translation>模式 {number}：{why}</translation>
    </message>
    <message>
        <source>No disease pattern fits: {reasons}</source>
        <translation>不符合任何疾病模式：{reasons}</translation>
    </message>
    <message>
        <source>Metastasis outside liver and bone: {sites}</source>
        <translation>存在肝和骨以外的转移：{sites}</translation>
    </message>
    <message>
        <source>No metastatic site recorded outside liver and bone</source>
        <translation>未记录肝和骨以外的转移部位</translation>
    </message>
    <message>
        <source>Metastases only in {sites}</source>
        <translation>仅{sites}转移</translation>
    </message>
    <message>
        <source>Disease progressed (PD) after systemic treatment of the primary tumour and bone metastases</source>
        <translation>原发肿瘤及骨转移经系统治疗后疾病进展（PD）</translation>
    </message>
    <message>
        <source>Response outside the liver is progressive disease (PD)</source>
        <translation>肝外疗效为疾病进展（PD）</translation>
    </message>
    <message>
        <source>No progression after systemic treatment</source>
        <translation>系统治疗后无进展</translation>
    </message>
    <message>
        <source>Child-Pugh {grade} ({points} points)</source>
        <translation>Child-Pugh {grade} 级（{points} 分）</translation>
    </message>
    <message>
        <source>Child-Pugh {grade} (as recorded)</source>
        <translation>Child-Pugh {grade} 级（按记录）</translation>
    </message>
    <message>
        <source>{grade}; class {required} required</source>
        <translation>{grade}；要求 {required} 级</translation>
    </message>
    <message>
        <source>Child-Pugh at least {points} points from the recorded values, worse than class {required}; class {required} required</source>
        <translation>按已记录数值 Child-Pugh 至少 {points} 分，差于 {required} 级；要求 {required} 级</translation>
    </message>
    <message>
        <source>future liver remnant {flr} % is below {min} %</source>
        <translation>剩余肝体积 {flr}%，低于 {min}%</translation>
    </message>
    <message>
        <source>future liver remnant {flr} % ({min} % or more required)</source>
        <translation>剩余肝体积 {flr}%（要求 ≥ {min}%）</translation>
    </message>
    <message>
        <source>Liver lesions judged R0-resectable</source>
        <translation>肝脏病灶评估可行 R0 切除</translation>
    </message>
    <message>
        <source>Liver lesions cannot be removed by R0 resection</source>
        <translation>肝脏病灶无法行 R0 切除</translation>
    </message>
    <message>
        <source>No contraindication to surgery found</source>
        <translation>未发现手术禁忌证</translation>
    </message>
    <message>
        <source>Contraindication to surgery found</source>
        <translation>存在手术禁忌证</translation>
    </message>
    <message>
        <source>Expected survival 6 months or more</source>
        <translation>预期生存 ≥ 6 个月</translation>
    </message>
    <message>
        <source>Expected survival under 6 months</source>
        <translation>预计生存期不足 6 个月</translation>
    </message>
    <message>
        <source>Informed consent not signed</source>
        <translation>未签署知情同意书</translation>
    </message>
    <message>
        <source>No prior local treatment of the liver metastases</source>
        <translation>肝转移灶既往未接受局部治疗</translation>
    </message>
    <message>
        <source>Liver metastases already treated locally (for example TACE or ablation)</source>
        <translation>肝转移灶已接受局部治疗（如 TACE 或消融）</translation>
    </message>
    <message>
        <source>Not pregnant or breastfeeding</source>
        <translation>非妊娠或哺乳期</translation>
    </message>
    <message>
        <source>history of another malignant tumour</source>
        <translation>其他恶性肿瘤病史</translation>
    </message>
    <message>
        <source>severe mental illness</source>
        <translation>严重精神疾病</translation>
    </message>
    <message>
        <source>No other malignant tumour and no severe mental illness</source>
        <translation>无其他恶性肿瘤，无严重精神疾病</translation>
    </message>
    <message>
        <source>The patient or family understands the study</source>
        <translation>患者或家属理解本研究</translation>
    </message>
    <message>
        <source>The patient or family cannot understand the study</source>
        <translation>患者或家属无法理解本研究</translation>
    </message>
    <message>
        <source>Prior local liver therapy (TACE, RFA …)</source>
        <translation>既往肝脏局部治疗（TACE、RFA 等）</translation>
    </message>
    <message>
        <source>History of another malignancy</source>
        <translation>其他恶性肿瘤病史</translation>
    </message>
    <message>
        <source>Severe mental illness</source>
        <translation>严重精神疾病</translation>
    </message>
    <message>
        <source>Patient or family understands the study</source>
        <translation>患者或家属理解本研究</translation>
    </message>
    <message>
        <source>Informed consent signed</source>
        <translation>已签署知情同意书</translation>
    </message>
    <message>
        <source>Verdict</source>
        <translation>结论</translation>
    </message>
    <message>
        <source>Eligible</source>
        <translation>符合入组条件</translation>
    </message>
    <message>
        <source>Incomplete</source>
        <translation>未完成</translation>
    </message>
    <message>
        <source>Disease pattern</source>
        <translation>疾病模式</translation>
    </message>
    <message>
        <source>Criteria</source>
        <translation>标准</translation>
    </message>
    <message>
        <source>Expected survival &lt; 6 months</source>
        <translation>预期生存期 &lt; 6 个月</translation>
    </message>
    <message>
        <source>No consent</source>
        <translation>未签署知情同意</translation>
    </message>
    <message>
        <source>Age outside 18–70</source>
        <translation>年龄不在 18–70 岁</translation>
    </message>
    <message>
        <source>Metastasis beyond liver and bone</source>
        <translation>肝、骨以外转移</translation>
    </message>
    <message>
        <source>Progression after systemic treatment</source>
        <translation>系统治疗后进展</translation>
    </message>
    <message>
        <source>Prior local liver therapy</source>
        <translation>既往肝脏局部治疗</translation>
    </message>
    <message>
        <source>Pregnant or breastfeeding</source>
        <translation>妊娠或哺乳期</translation>
    </message>
    <message>
        <source>Other malignancy / mental illness</source>
        <translation>其他恶性肿瘤 / 精神疾病</translation>
    </message>
    <message>
        <source>Cannot understand the study</source>
        <translation>无法理解研究内容</translation>
    </message>
    <message>
        <source>Systemic therapy only (comparison cohort)</source>
        <translation>单纯系统治疗（对照队列）</translation>
    </message>
    <message>
        <source>Screening</source>
        <translation>筛选</translation>
    </message>
    <message>
        <source>Screen failure</source>
        <translation>筛选失败</translation>
    </message>
    <message>
        <source>Enrolled</source>
        <translation>已入组</translation>
    </message>
    <message>
        <source>Withdrawn</source>
        <translation>已退出</translation>
    </message>
    <message>
        <source>Completed</source>
        <translation>已完成</translation>
    </message>
    <message>
        <source>Deceased</source>
        <translation>已死亡</translation>
    </message>
    <message>
        <source>in the systemic-only cohort</source>
        <translation>单纯系统治疗队列适用</translation>
    </message>
    <message>
        <source>Enrolment</source>
        <translation>入组</translation>
    </message>
    <message>
        <source>Sex</source>
        <translation>性别</translation>
    </message>
    <message>
        <source>Male</source>
        <translation>男</translation>
    </message>
    <message>
        <source>Female</source>
        <translation>女</translation>
    </message>
    <message>
        <source>Birth date</source>
        <translation>出生日期</translation>
    </message>
    <message>
        <source>Cohort</source>
        <translation>队列</translation>
    </message>
    <message>
        <source>Consent date</source>
        <translation>知情同意日期</translation>
    </message>
    <message>
        <source>Enrolment date</source>
        <translation>入组日期</translation>
    </message>
    <message>
        <source>Often typed later from the paper file: any past date.</source>
        <translation>常在事后根据纸质病历录入：可填任何过去的日期。</translation>
    </message>
    <message>
        <source>Index date (start of systemic treatment for the liver metastases)</source>
        <translation>基线日期（针对肝转移的系统治疗开始日期）</translation>
    </message>
    <message>
        <source>Hepatectomy cohort: the operation date, set when the operation is recorded.</source>
        <translation>肝切除队列：为手术日期，记录手术时自动设定。</translation>
    </message>
    <message>
        <source>Study ID</source>
        <translation>研究编号</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Record locked</source>
        <translation>记录已锁定</translation>
    </message>
    <message>
        <source>Eligible, not enrolled</source>
        <translation>符合条件，未入组</translation>
    </message>
    <message>
        <source>Not eligible</source>
        <translation>不符合入组条件</translation>
    </message>
    <message>
        <source>Hepatectomy</source>
        <translation>肝切除术</translation>
    </message>
    <message>
        <source>Systemic only</source>
        <translation>单纯系统治疗</translation>
    </message>
    <message>
        <source>Non-keratinizing, undifferentiated</source>
        <translation>非角化型，未分化</translation>
    </message>
    <message>
        <source>Non-keratinizing, differentiated</source>
        <translation>非角化型，分化</translation>
    </message>
    <message>
        <source>Keratinizing squamous cell carcinoma</source>
        <translation>角化型鳞状细胞癌</translation>
    </message>
    <message>
        <source>Basaloid squamous cell carcinoma</source>
        <translation>基底样鳞状细胞癌</translation>
    </message>
    <message>
        <source>Synchronous (at NPC diagnosis)</source>
        <translation>同时性（鼻咽癌诊断时）</translation>
    </message>
    <message>
        <source>Metachronous (later)</source>
        <translation>异时性（之后）</translation>
    </message>
    <message>
        <source>Baseline disease</source>
        <translation>基线病情</translation>
    </message>
    <message>
        <source>NPC diagnosis date</source>
        <translation>鼻咽癌诊断日期</translation>
    </message>
    <message>
        <source>WHO histology</source>
        <translation>WHO 病理类型</translation>
    </message>
    <message>
        <source>T stage (AJCC 8th)</source>
        <translation>T 分期（AJCC 第 8 版）</translation>
    </message>
    <message>
        <source>N stage (AJCC 8th)</source>
        <translation>N 分期（AJCC 第 8 版）</translation>
    </message>
    <message>
        <source>Plasma EBV DNA</source>
        <translation>血浆 EBV DNA</translation>
    </message>
    <message>
        <source>copies/mL</source>
        <translation>拷贝/mL</translation>
    </message>
    <message>
        <source>EBV DNA date</source>
        <translation>EBV DNA 检测日期</translation>
    </message>
    <message>
        <source>Number of liver metastases</source>
        <translation>肝转移灶数目</translation>
    </message>
    <message>
        <source>Largest liver metastasis</source>
        <translation>最大肝转移灶</translation>
    </message>
    <message>
        <source>Segments involved</source>
        <translation>受累肝段</translation>
    </message>
    <message>
        <source>Timing</source>
        <translation>出现时间</translation>
    </message>
    <message>
        <source>Interval from NPC diagnosis</source>
        <translation>距鼻咽癌诊断的间隔</translation>
    </message>
    <message>
        <source>months</source>
        <translation>个月</translation>
    </message>
    <message>
        <source>Metachronous liver metastases only.</source>
        <translation>仅适用于异时性肝转移。</translation>
    </message>
    <message>
        <source>Bone metastases</source>
        <translation>骨转移</translation>
    </message>
    <message>
        <source>Blank at screening: taken from the metastatic sites.</source>
        <translation>筛选时留空：取自转移部位。</translation>
    </message>
    <message>
        <source>Primary tumour recurrence</source>
        <translation>原发肿瘤复发</translation>
    </message>
    <message>
        <source>Blank at screening: taken from screening.</source>
        <translation>筛选时留空：取自筛选记录。</translation>
    </message>
    <message>
        <source>Intrahepatic recurrence</source>
        <translation>肝内复发</translation>
    </message>
    <message>
        <source>Extrahepatic recurrence</source>
        <translation>肝外复发</translation>
    </message>
    <message>
        <source>Local/regional recurrence</source>
        <translation>局部/区域复发</translation>
    </message>
    <message>
        <source>Death</source>
        <translation>死亡</translation>
    </message>
    <message>
        <source>Last contact alive</source>
        <translation>末次确认存活</translation>
    </message>
    <message>
        <source>Withdrawal</source>
        <translation>退出研究</translation>
    </message>
    <message>
        <source>Lost to follow-up</source>
        <translation>失访</translation>
    </message>
    <message>
        <source>Clinical event</source>
        <translation>临床事件</translation>
    </message>
    <message>
        <source>Event</source>
        <translation>事件</translation>
    </message>
    <message>
        <source>Event date</source>
        <translation>事件日期</translation>
    </message>
    <message>
        <source>Site</source>
        <translation>部位</translation>
    </message>
    <message>
        <source>e.g. lung, bone, lymph nodes</source>
        <translation>例如：肺、骨、淋巴结</translation>
    </message>
    <message>
        <source>for an extrahepatic or local/regional recurrence</source>
        <translation>肝外或局部/区域复发时适用</translation>
    </message>
    <message>
        <source>Cause of death</source>
        <translation>死亡原因</translation>
    </message>
    <message>
        <source>&apos;unknown&apos; if it is not known</source>
        <translation>如不清楚请填“不详”</translation>
    </message>
    <message>
        <source>for a death</source>
        <translation>死亡时适用</translation>
    </message>
    <message>
        <source>Confirmed by</source>
        <translation>确认方式</translation>
    </message>
    <message>
        <source>imaging</source>
        <translation>影像学</translation>
    </message>
    <message>
        <source>pathology</source>
        <translation>病理</translation>
    </message>
    <message>
        <source>clinical</source>
        <translation>临床</translation>
    </message>
    <message>
        <source>Detail</source>
        <translation>详情</translation>
    </message>
    <message>
        <source>Grade I</source>
        <translation>I 级</translation>
    </message>
    <message>
        <source>Grade II</source>
        <translation>II 级</translation>
    </message>
    <message>
        <source>Grade IIIa</source>
        <translation>IIIa 级</translation>
    </message>
    <message>
        <source>Grade IIIb</source>
        <translation>IIIb 级</translation>
    </message>
    <message>
        <source>Grade IVa</source>
        <translation>IVa 级</translation>
    </message>
    <message>
        <source>Grade IVb</source>
        <translation>IVb 级</translation>
    </message>
    <message>
        <source>Grade V</source>
        <translation>V 级</translation>
    </message>
    <message>
        <source>Grade A</source>
        <translation>A 级</translation>
    </message>
    <message>
        <source>Grade B</source>
        <translation>B 级</translation>
    </message>
    <message>
        <source>Grade C</source>
        <translation>C 级</translation>
    </message>
    <message>
        <source>Complication</source>
        <translation>并发症</translation>
    </message>
    <message>
        <source>Category</source>
        <translation>类别</translation>
    </message>
    <message>
        <source>Description</source>
        <translation>描述</translation>
    </message>
    <message>
        <source>category other</source>
        <translation>类别为“其他”时</translation>
    </message>
    <message>
        <source>Onset date</source>
        <translation>发生日期</translation>
    </message>
    <message>
        <source>Not before the operation.</source>
        <translation>不得早于手术日期。</translation>
    </message>
    <message>
        <source>Drugs beyond grade I</source>
        <translation>超出 I 级的药物治疗</translation>
    </message>
    <message>
        <source>Drugs beyond antiemetics, antipyretics, analgesics, diuretics, electrolytes</source>
        <translation>止吐药、退热药、镇痛药、利尿药、电解质以外的药物</translation>
    </message>
    <message>
        <source>Blood transfusion</source>
        <translation>输血</translation>
    </message>
    <message>
        <source>Total parenteral nutrition</source>
        <translation>全胃肠外营养</translation>
    </message>
    <message>
        <source>Intervention</source>
        <translation>干预</translation>
    </message>
    <message>
        <source>No intervention</source>
        <translation>无干预</translation>
    </message>
    <message>
        <source>Intervention without general anaesthesia (e.g. percutaneous drainage)</source>
        <translation>非全麻下干预（如经皮穿刺引流）</translation>
    </message>
    <message>
        <source>Intervention under general anaesthesia (e.g. relaparotomy)</source>
        <translation>全麻下干预（如再次剖腹）</translation>
    </message>
    <message>
        <source>Intensive care</source>
        <translation>重症监护</translation>
    </message>
    <message>
        <source>Intermediate or intensive care (life-threatening)</source>
        <translation>中级或重症监护（危及生命）</translation>
    </message>
    <message>
        <source>Organ failure</source>
        <translation>器官衰竭</translation>
    </message>
    <message>
        <source>Single organ dysfunction</source>
        <translation>单器官功能障碍</translation>
    </message>
    <message>
        <source>Multiple organ dysfunction</source>
        <translation>多器官功能障碍</translation>
    </message>
    <message>
        <source>intensive care was needed</source>
        <translation>需要重症监护时</translation>
    </message>
    <message>
        <source>Died of this complication</source>
        <translation>死于该并发症</translation>
    </message>
    <message>
        <source>Treatment given</source>
        <translation>所给治疗</translation>
    </message>
    <message>
        <source>Clavien-Dindo grade</source>
        <translation>Clavien-Dindo 分级</translation>
    </message>
    <message>
        <source>Empty accepts the grade proposed from the treatment; another grade needs a reason.</source>
        <translation>留空即采用根据治疗建议的分级；选择其他分级需填写理由。</translation>
    </message>
    <message>
        <source>Proposed Clavien-Dindo grade</source>
        <translation>建议的 Clavien-Dindo 分级</translation>
    </message>
    <message>
        <source>Reason for another grade than proposed</source>
        <translation>不采用建议分级的理由</translation>
    </message>
    <message>
        <source>ISGLS grade</source>
        <translation>ISGLS 分级</translation>
    </message>
    <message>
        <source>liver failure, bile leakage, haemorrhage</source>
        <translation>肝衰竭、胆漏、出血时</translation>
    </message>
    <message>
        <source>Still present at discharge (suffix d)</source>
        <translation>出院时仍存在（后缀 d）</translation>
    </message>
    <message>
        <source>Resolved on</source>
        <translation>缓解日期</translation>
    </message>
    <message>
        <source>Death from a complication</source>
        <translation>死于并发症</translation>
    </message>
    <message>
        <source>Date of death</source>
        <translation>死亡日期</translation>
    </message>
    <message>
        <source>Entered, never assumed from the onset.</source>
        <translation>须录入，不会以发生日期代替。</translation>
    </message>
    <message>
        <source>Identity</source>
        <translation>身份信息</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <source>Hospital record number</source>
        <translation>病案号</translation>
    </message>
    <message>
        <source>Unique in the study: a second screening of the same number finds the first.</source>
        <translation>研究内唯一：同一住院号再次筛选会找到首次记录。</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>电话</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>地址</translation>
    </message>
    <message>
        <source>Approach</source>
        <translation>手术方式</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>开腹</translation>
    </message>
    <message>
        <source>Laparoscopic</source>
        <translation>腹腔镜</translation>
    </message>
    <message>
        <source>Robotic</source>
        <translation>机器人</translation>
    </message>
    <message>
        <source>Operation</source>
        <translation>手术</translation>
    </message>
    <message>
        <source>Operation date</source>
        <translation>手术日期</translation>
    </message>
    <message>
        <source>Not before enrolment; the first hepatectomy sets the index date.</source>
        <translation>不得早于入组；首次肝切除确定基线日期。</translation>
    </message>
    <message>
        <source>Resected segments</source>
        <translation>切除肝段</translation>
    </message>
    <message>
        <source>Couinaud segments 1 to 8.</source>
        <translation>Couinaud 肝段 1 至 8。</translation>
    </message>
    <message>
        <source>Anatomical resection</source>
        <translation>解剖性切除</translation>
    </message>
    <message>
        <source>Along segment boundaries.</source>
        <translation>沿肝段边界。</translation>
    </message>
    <message>
        <source>Resection</source>
        <translation>切除术式</translation>
    </message>
    <message>
        <source>Extent</source>
        <translation>切除范围</translation>
    </message>
    <message>
        <source>major</source>
        <translation>大范围</translation>
    </message>
    <message>
        <source>minor</source>
        <translation>小范围</translation>
    </message>
    <message>
        <source>Duration</source>
        <translation>手术时长</translation>
    </message>
    <message>
        <source>Blood loss</source>
        <translation>出血量</translation>
    </message>
    <message>
        <source>Transfusion</source>
        <translation>输血</translation>
    </message>
    <message>
        <source>Units of red cells.</source>
        <translation>红细胞单位数。</translation>
    </message>
    <message>
        <source>units</source>
        <translation>单位</translation>
    </message>
    <message>
        <source>Pringle manoeuvres</source>
        <translation>Pringle 阻断次数</translation>
    </message>
    <message>
        <source>How many times the inflow was clamped.</source>
        <translation>入肝血流阻断的次数。</translation>
    </message>
    <message>
        <source>Pringle total time</source>
        <translation>Pringle 阻断总时间</translation>
    </message>
    <message>
        <source>Lesions resected</source>
        <translation>切除病灶数</translation>
    </message>
    <message>
        <source>Largest lesion</source>
        <translation>最大病灶</translation>
    </message>
    <message>
        <source>Resection margin</source>
        <translation>切缘</translation>
    </message>
    <message>
        <source>R status</source>
        <translation>R 状态</translation>
    </message>
    <message>
        <source>Pathology confirms NPC metastasis</source>
        <translation>病理证实鼻咽癌转移</translation>
    </message>
    <message>
        <source>Perioperative radiotherapy of the primary</source>
        <translation>围手术期原发灶放疗</translation>
    </message>
    <message>
        <source>Perioperative chemotherapy</source>
        <translation>围手术期化疗</translation>
    </message>
    <message>
        <source>Discharge date</source>
        <translation>出院日期</translation>
    </message>
    <message>
        <source>Empty while the patient is in hospital.</source>
        <translation>患者住院期间留空。</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>备注</translation>
    </message>
    <message>
        <source>Surgeons</source>
        <translation>手术医生</translation>
    </message>
    <message>
        <source>Active users with the surgeon or investigator role.</source>
        <translation>具有外科医生或研究者角色的在用账户。</translation>
    </message>
    <message>
        <source>Role in the operation</source>
        <translation>术中角色</translation>
    </message>
    <message>
        <source>Reoperation</source>
        <translation>再次手术</translation>
    </message>
    <message>
        <source>Reoperation date</source>
        <translation>再次手术日期</translation>
    </message>
    <message>
        <source>Planned</source>
        <translation>计划内</translation>
    </message>
    <message>
        <source>Planned (e.g. second stage)</source>
        <translation>计划内（如二期手术）</translation>
    </message>
    <message>
        <source>Unplanned</source>
        <translation>计划外</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>原因</translation>
    </message>
    <message>
        <source>Systemic treatment line</source>
        <translation>系统治疗线</translation>
    </message>
    <message>
        <source>Line</source>
        <translation>线数</translation>
    </message>
    <message>
        <source>Regimen</source>
        <translation>方案</translation>
    </message>
    <message>
        <source>e.g. GP (gemcitabine + cisplatin)</source>
        <translation>例如：GP（吉西他滨 + 顺铂）</translation>
    </message>
    <message>
        <source>Start</source>
        <translation>开始</translation>
    </message>
    <message>
        <source>End</source>
        <translation>结束</translation>
    </message>
    <message>
        <source>Best response</source>
        <translation>最佳疗效</translation>
    </message>
    <message>
        <source>Treats the liver metastases</source>
        <translation>针对肝转移</translation>
    </message>
    <message>
        <source>2 – up and about over half the day</source>
        <translation>2 – 白天一半以上时间可起床活动</translation>
    </message>
    <message>
        <source>3 – limited self-care</source>
        <translation>3 – 生活部分自理</translation>
    </message>
    <message>
        <source>No recurrence</source>
        <translation>无复发</translation>
    </message>
    <message>
        <source>Indeterminate</source>
        <translation>不确定</translation>
    </message>
    <message>
        <source>Not done</source>
        <translation>未完成</translation>
    </message>
    <message>
        <source>Follow-up visit</source>
        <translation>随访</translation>
    </message>
    <message>
        <source>Visit</source>
        <translation>随访</translation>
    </message>
    <message>
        <source>Month</source>
        <translation>月</translation>
    </message>
    <message>
        <source>Target date</source>
        <translation>目标日期</translation>
    </message>
    <message>
        <source>Window opens</source>
        <translation>窗口期开始</translation>
    </message>
    <message>
        <source>Window closes</source>
        <translation>窗口期结束</translation>
    </message>
    <message>
        <source>Assessments planned</source>
        <translation>计划评估项目</translation>
    </message>
    <message>
        <source>Booked date</source>
        <translation>预约日期</translation>
    </message>
    <message>
        <source>The day the visit is booked; outside the window it needs a reason and is flagged as a protocol deviation.</source>
        <translation>随访预约日期；超出窗口期需说明原因，并标记为方案偏离。</translation>
    </message>
    <message>
        <source>planned</source>
        <translation>计划中</translation>
    </message>
    <message>
        <source>done</source>
        <translation>已完成</translation>
    </message>
    <message>
        <source>missed</source>
        <translation>未完成</translation>
    </message>
    <message>
        <source>cancelled</source>
        <translation>已取消</translation>
    </message>
    <message>
        <source>Visit date</source>
        <translation>随访日期</translation>
    </message>
    <message>
        <source>Assessments done</source>
        <translation>已完成评估项目</translation>
    </message>
    <message>
        <source>ECOG</source>
        <translation>ECOG</translation>
    </message>
    <message>
        <source>ECOG performance status.</source>
        <translation>ECOG 体能状态。</translation>
    </message>
    <message>
        <source>EBV DNA</source>
        <translation>EBV DNA</translation>
    </message>
    <message>
        <source>0 if undetectable; empty if not done.</source>
        <translation>未检出填 0；未检测则留空。</translation>
    </message>
    <message>
        <source>Liver imaging</source>
        <translation>肝脏影像</translation>
    </message>
    <message>
        <source>Protocol deviation</source>
        <translation>方案偏离</translation>
    </message>
    <message>
        <source>Screening number</source>
        <translation>筛选号</translation>
    </message>
    <message>
        <source>Number of the record</source>
        <translation>记录编号</translation>
    </message>
    <message>
        <source>Systemic treatment only</source>
        <translation>仅系统治疗</translation>
    </message>
    <message>
        <source>Index date</source>
        <translation>索引日期</translation>
    </message>
    <message>
        <source>Overall survival</source>
        <translation>总生存期</translation>
    </message>
    <message>
        <source>Death (overall survival event)</source>
        <translation>死亡（总生存事件）</translation>
    </message>
    <message>
        <source>End of overall survival time</source>
        <translation>总生存时间的终点日期</translation>
    </message>
    <message>
        <source>Intrahepatic recurrence-free survival</source>
        <translation>肝内无复发生存期</translation>
    </message>
    <message>
        <source>Intrahepatic recurrence or death</source>
        <translation>肝内复发或死亡</translation>
    </message>
    <message>
        <source>End of intrahepatic RFS time</source>
        <translation>肝内无复发生存时间的终点日期</translation>
    </message>
    <message>
        <source>Complication within 90 days</source>
        <translation>90 天内并发症</translation>
    </message>
    <message>
        <source>Major complication within 90 days</source>
        <translation>90 天内严重并发症</translation>
    </message>
    <message>
        <source>Death within 30 days</source>
        <translation>30 天内死亡</translation>
    </message>
    <message>
        <source>Death within 90 days</source>
        <translation>90 天内死亡</translation>
    </message>
    <message>
        <source>Unplanned reoperation during the index stay</source>
        <translation>首次住院期间非计划再手术</translation>
    </message>
    <message>
        <source>Complications within 90 days</source>
        <translation>90 天内并发症数</translation>
    </message>
    <message>
        <source>Comprehensive Complication Index, 90 days</source>
        <translation>综合并发症指数（90 天）</translation>
    </message>
    <message>
        <source>Number of the record (operation)</source>
        <translation>记录编号（手术）</translation>
    </message>
    <message>
        <source>Complications of the operation</source>
        <translation>该次手术的并发症数</translation>
    </message>
    <message>
        <source>Comprehensive Complication Index</source>
        <translation>综合并发症指数</translation>
    </message>
    <message>
        <source>Endpoints</source>
        <translation>终点</translation>
    </message>
    <message>
        <source>Perioperative outcomes</source>
        <translation>围手术期结局</translation>
    </message>
    <message>
        <source>Comprehensive Complication Index per operation</source>
        <translation>每次手术的综合并发症指数 (CCI)</translation>
    </message>
    <message>
        <source>{label} is required.</source>
        <translation>{label}为必填项。</translation>
    </message>
    <message>
        <source>{label} is required ({when}).</source>
        <translation>{label}为必填项（{when}）。</translation>
    </message>
    <message>
        <source>Data query</source>
        <translation>数据质疑</translation>
    </message>
    <message>
        <source>Source-data verification</source>
        <translation>源数据核查</translation>
    </message>
    <message>
        <source>Signature</source>
        <translation>签名</translation>
    </message>
    <message>
        <source>Treatment</source>
        <translation>处理措施</translation>
    </message>
    <message>
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Answer</source>
        <translation>回复</translation>
    </message>
    <message>
        <source>Query</source>
        <translation>质疑</translation>
    </message>
    <message>
        <source>index date</source>
        <translation>基线日期</translation>
    </message>
    <message>
        <source>date of death</source>
        <translation>死亡日期</translation>
    </message>
    <message>
        <source>last date known alive</source>
        <translation>最后已知存活日期</translation>
    </message>
    <message>
        <source>last liver imaging</source>
        <translation>末次肝脏影像学检查日期</translation>
    </message>
    <message>
        <source>resection date</source>
        <translation>肝切除日期</translation>
    </message>
    <message>
        <source>operation date</source>
        <translation>手术日期</translation>
    </message>
    <message>
        <source>discharge date</source>
        <translation>出院日期</translation>
    </message>
    <message>
        <source>reoperation date</source>
        <translation>再次手术日期</translation>
    </message>
    <message>
        <source>onset date of complication {number}</source>
        <translation>并发症 {number} 的发生日期</translation>
    </message>
    <message>
        <source>date of reoperation {number}</source>
        <translation>第 {number} 次再次手术日期</translation>
    </message>
    <message>
        <source>date of intrahepatic recurrence {number}</source>
        <translation>第 {number} 次肝内复发日期</translation>
    </message>
    <message>
        <source>{name} ({value}) must be on or after {other} ({at})</source>
        <translation>{name}（{value}）不得早于{other}（{at}）</translation>
    </message>
    <message>
        <source>{name} ({value}) must be on or before {other} ({at})</source>
        <translation>{name}（{value}）不得晚于{other}（{at}）</translation>
    </message>
    <message>
        <source>Recorded as a Clavien-Dindo grade V complication.</source>
        <translation>作为 Clavien-Dindo V 级并发症记录。</translation>
    </message>
    <message>
        <source>Done on {date}, outside the window.</source>
        <translation>于 {date} 完成，超出时间窗。</translation>
    </message>
    <message>
        <source>Automatic check: {label} of {value} is outside the usual {low}–{high} {unit}; it was confirmed at entry: please check it against the source.</source>
        <translation>自动核查：{label} {value}，超出常见范围 {low}–{high} {unit}；录入时已确认，请与原始资料核对。</translation>
    </message>
    <message>
        <source>Automatic check: {label} of {value} is outside the usual {low}–{high}%; it was confirmed at entry: please check it against the source.</source>
        <translation>自动核查：{label} {value}，超出常见范围 {low}–{high}%；录入时已确认，请与原始资料核对。</translation>
    </message>
    <message>
        <source>Automatic check: the window of this visit ended on {date} and the visit is not recorded: please record it or mark it missed.</source>
        <translation>自动核查：本次访视窗口已于 {date} 结束，访视尚未记录：请记录或标记为未完成。</translation>
    </message>
    <message>
        <source>Automatic check: the visit is outside its window ({start} – {end}), confirmed as a protocol deviation ({reason}): please check it against the source.</source>
        <translation>自动核查：本次访视超出访视窗口（{start} – {end}），已确认为方案偏离（{reason}）：请与原始资料核对。</translation>
    </message>
    <message>
        <source>no reason given</source>
        <translation>未说明原因</translation>
    </message>
    <message>
        <source>Automatic check: {label} is required and still empty ({form} of {date}).</source>
        <translation>自动核查：{label}为必填项，仍未填写（{date} 的{form}）。</translation>
    </message>
    <message>
        <source>Full name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <source>Username</source>
        <translation>用户名</translation>
    </message>
    <message>
        <source>Printed name</source>
        <translation>签名人姓名</translation>
    </message>
    <message>
        <source>Meaning</source>
        <translation>签名含义</translation>
    </message>
</context>
<context>
    <name>ExportPage</name>
    <message>
        <source>CSV (UTF-8, one file per table)</source>
        <translation>CSV（UTF-8，每张表一个文件）</translation>
    </message>
    <message>
        <source>Excel workbook (.xlsx)</source>
        <translation>Excel 工作簿（.xlsx）</translation>
    </message>
    <message>
        <source>Stata (.dta)</source>
        <translation>Stata（.dta）</translation>
    </message>
    <message>
        <source>SPSS (.sav)</source>
        <translation>SPSS（.sav）</translation>
    </message>
    <message>
        <source>Endpoints (OS, intrahepatic RFS)</source>
        <translation>终点（OS、肝内 RFS）</translation>
    </message>
    <message>
        <source>Perioperative outcomes</source>
        <translation>围手术期结局</translation>
    </message>
    <message>
        <source>Comprehensive Complication Index per operation</source>
        <translation>每次手术的综合并发症指数 (CCI)</translation>
    </message>
</context>
<context>
    <name>FirstRunDialog</name>
    <message>
        <source>NCLM Desktop — first start</source>
        <translation>NCLM 桌面版 — 首次启动</translation>
    </message>
    <message>
        <source>This database has no users yet. Create the administrator account; the administrator then adds investigators, surgeons, coordinators and monitors.</source>
        <translation>此数据库尚无用户。请创建管理员账户；再由管理员添加研究者、外科医生、协调员和监查员。</translation>
    </message>
    <message>
        <source>User name</source>
        <translation>用户名</translation>
    </message>
    <message>
        <source>Full name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <source>Password (10+ characters)</source>
        <translation>密码（至少 10 个字符）</translation>
    </message>
    <message>
        <source>Password again</source>
        <translation>再次输入密码</translation>
    </message>
    <message>
        <source>The two passwords differ.</source>
        <translation>两次输入的密码不一致。</translation>
    </message>
</context>
<context>
    <name>Followup</name>
    <message>
        <source>planned</source>
        <translation>计划中</translation>
    </message>
    <message>
        <source>due now</source>
        <translation>现在到期</translation>
    </message>
    <message>
        <source>overdue</source>
        <translation>已逾期</translation>
    </message>
    <message>
        <source>done</source>
        <translation>已完成</translation>
    </message>
    <message>
        <source>missed</source>
        <translation>未完成</translation>
    </message>
    <message>
        <source>cancelled</source>
        <translation>已取消</translation>
    </message>
    <message>
        <source>This week</source>
        <translation>本周</translation>
    </message>
    <message>
        <source>Next 4 weeks</source>
        <translation>未来 4 周</translation>
    </message>
    <message>
        <source>Overdue</source>
        <translation>已逾期</translation>
    </message>
    <message>
        <source>site, e.g. lung, bone, lymph nodes</source>
        <translation>部位，如肺、骨、淋巴结</translation>
    </message>
    <message>
        <source>site, e.g. nasopharynx, neck nodes</source>
        <translation>部位，如鼻咽、颈部淋巴结</translation>
    </message>
    <message>
        <source>cause of death, or &apos;unknown&apos;</source>
        <translation>死亡原因，或填写“不详”</translation>
    </message>
    <message>
        <source>reason given (optional)</source>
        <translation>患者所述原因（可选）</translation>
    </message>
    <message>
        <source>last attempts to reach (optional)</source>
        <translation>最后几次联系尝试（可选）</translation>
    </message>
</context>
<context>
    <name>IdleLock</name>
    <message>
        <source>Wrong password.</source>
        <translation>密码错误。</translation>
    </message>
</context>
<context>
    <name>ImportPage</name>
    <message>
        <source>participants and screening</source>
        <translation>受试者与筛选</translation>
    </message>
    <message>
        <source>operations</source>
        <translation>手术</translation>
    </message>
    <message>
        <source>complications</source>
        <translation>并发症</translation>
    </message>
    <message>
        <source>reoperations</source>
        <translation>再次手术</translation>
    </message>
    <message>
        <source>visits</source>
        <translation>随访</translation>
    </message>
    <message>
        <source>clinical events</source>
        <translation>临床事件</translation>
    </message>
    <message>
        <source>UTF-8</source>
        <translation>UTF-8</translation>
    </message>
    <message>
        <source>UTF-8 with a byte-order mark</source>
        <translation>UTF-8（带 BOM）</translation>
    </message>
    <message>
        <source>GB18030 (GBK)</source>
        <translation>GB18030（GBK）</translation>
    </message>
    <message>
        <source>Excel workbook</source>
        <translation>Excel 工作簿</translation>
    </message>
</context>
<context>
    <name>ImportTemplate</name>
    <message>
        <source>1 when ticked, 0 or empty when not</source>
        <translation>勾选填 1，未勾选填 0 或留空</translation>
    </message>
    <message>
        <source>{key}; the same number links the rows of the other tables</source>
        <translation>{key}；其他表中的行以同一编号关联</translation>
    </message>
    <message>
        <source>YYYY-MM-DD (2023/3/15 and Excel dates also read; never day-first)</source>
        <translation>YYYY-MM-DD（也可读取 2023/3/15 和 Excel 日期；日不可写在月前）</translation>
    </message>
    <message>
        <source>a number (1234.5; 1,234.5 and 1.234,5 also read)</source>
        <translation>数字（1234.5；也可读取 1,234.5 和 1.234,5）</translation>
    </message>
    <message>
        <source>; a unit may follow: {units}</source>
        <translation>；数字后可带单位：{units}</translation>
    </message>
    <message>
        <source> or </source>
        <translation> 或 </translation>
    </message>
    <message>
        <source>1 or 0 (yes/no, 是/否 also read)</source>
        <translation>1 或 0（也可读取 yes/no、是/否）</translation>
    </message>
    <message>
        <source>a code from the choices, or its label in English or Chinese</source>
        <translation>选项中的代码，或其英文或中文标签</translation>
    </message>
    <message>
        <source>codes separated by commas</source>
        <translation>以逗号分隔的代码</translation>
    </message>
    <message>
        <source>text</source>
        <translation>文本</translation>
    </message>
</context>
<context>
    <name>LanguageDialog</name>
    <message>
        <source>Language of {who}</source>
        <translation>{who} 的语言</translation>
    </message>
    <message>
        <source>The new language applies from the next sign-in.</source>
        <translation>新语言将在下次登录时生效。</translation>
    </message>
</context>
<context>
    <name>LockDialog</name>
    <message>
        <source>NCLM Desktop — locked</source>
        <translation>NCLM 桌面版 — 已锁定</translation>
    </message>
    <message>
        <source>Locked after inactivity. {name} ({user}): enter your password to continue, or switch user.</source>
        <translation>因长时间未操作已锁定。{name}（{user}）：请输入密码以继续，或切换用户。</translation>
    </message>
    <message>
        <source>Unlock</source>
        <translation>解锁</translation>
    </message>
    <message>
        <source>Switch user</source>
        <translation>切换用户</translation>
    </message>
</context>
<context>
    <name>LoginDialog</name>
    <message>
        <source>NCLM Desktop — sign in</source>
        <translation>NCLM 桌面版 — 登录</translation>
    </message>
    <message>
        <source>Sign in to the NCLM study database:
{db}</source>
        <translation>登录 NCLM 研究数据库：
{db}</translation>
    </message>
    <message>
        <source>User name</source>
        <translation>用户名</translation>
    </message>
    <message>
        <source>Password</source>
        <translation>密码</translation>
    </message>
    <message>
        <source>Opening the database…</source>
        <translation>正在打开数据库……</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>语言</translation>
    </message>
    <message>
        <source>Choose a new password to continue.</source>
        <translation>请设置新密码以继续。</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>NCLM Desktop — {db}</source>
        <translation>NCLM 桌面版 — {db}</translation>
    </message>
    <message>
        <source>{name} ({user}) — {role}</source>
        <translation>{name}（{user}）— {role}</translation>
    </message>
    <message>
        <source>Database: {db}</source>
        <translation>数据库：{db}</translation>
    </message>
    <message>
        <source>Lock now</source>
        <translation>立即锁定</translation>
    </message>
    <message>
        <source>Switch user</source>
        <translation>切换用户</translation>
    </message>
    <message>
        <source>Find</source>
        <translation>查找</translation>
    </message>
    <message>
        <source>About NCLM Desktop</source>
        <translation>关于 NCLM 桌面版</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>帮助(&amp;H)</translation>
    </message>
    <message>
        <source>Sign out</source>
        <translation>退出登录</translation>
    </message>
    <message>
        <source>End your session; the sign-in window comes back</source>
        <translation>结束您的会话；返回登录窗口</translation>
    </message>
    <message>
        <source>End your session and let another user sign in</source>
        <translation>结束您的会话，让其他用户登录</translation>
    </message>
    <message>
        <source>&amp;Session</source>
        <translation>会话(&amp;S)</translation>
    </message>
    <message>
        <source>Session</source>
        <translation>会话</translation>
    </message>
    <message>
        <source>Signed in: {user}</source>
        <translation>已登录：{user}</translation>
    </message>
    <message>
        <source>&amp;Account</source>
        <translation>账户(&amp;A)</translation>
    </message>
    <message>
        <source>Change password…</source>
        <translation>修改密码……</translation>
    </message>
    <message>
        <source>Language…</source>
        <translation>语言……</translation>
    </message>
    <message>
        <source>Language saved; it applies from your next sign-in.</source>
        <translation>语言已保存；将在您下次登录时生效。</translation>
    </message>
    <message>
        <source>Password changed.</source>
        <translation>密码已修改。</translation>
    </message>
</context>
<context>
    <name>OutcomesPage</name>
    <message>
        <source>Overall survival</source>
        <translation>总生存期</translation>
    </message>
    <message>
        <source>Intrahepatic recurrence-free survival</source>
        <translation>肝内无复发生存期</translation>
    </message>
    <message>
        <source>Overall survival, propensity-matched cohort</source>
        <translation>总生存期（倾向性评分匹配队列）</translation>
    </message>
    <message>
        <source>Covariate balance (Love plot)</source>
        <translation>协变量均衡性（Love 图）</translation>
    </message>
    <message>
        <source>Run analysis</source>
        <translation>运行分析</translation>
    </message>
    <message>
        <source>Print report…</source>
        <translation>打印报告……</translation>
    </message>
    <message>
        <source>Save report as PDF…</source>
        <translation>将报告另存为 PDF……</translation>
    </message>
    <message>
        <source>Computing the analysis…</source>
        <translation>正在计算分析……</translation>
    </message>
    <message>
        <source>Analysis of {h} hepatectomy and {s} systemic-only participants.</source>
        <translation>分析对象：肝切除术组 {h} 例，单纯系统治疗组 {s} 例。</translation>
    </message>
    <message>
        <source>The analysis failed: {e}</source>
        <translation>分析失败：{e}</translation>
    </message>
    <message>
        <source>Laying out the outcomes report…</source>
        <translation>正在排版结局报告……</translation>
    </message>
    <message>
        <source>Outcomes report: {pages} page(s).</source>
        <translation>结局报告：共 {pages} 页。</translation>
    </message>
    <message>
        <source>The report could not be laid out: {e}</source>
        <translation>无法排版报告：{e}</translation>
    </message>
    <message>
        <source>Cannot write {path}: {error}</source>
        <translation>无法写入 {path}：{error}</translation>
    </message>
    <message>
        <source>Saved to {path}</source>
        <translation>已保存至 {path}</translation>
    </message>
    <message>
        <source>{pages} page(s) sent to {printer}</source>
        <translation>已将 {pages} 页发送至 {printer}</translation>
    </message>
</context>
<context>
    <name>ParticipantDetail</name>
    <message>
        <source>Identity</source>
        <translation>身份信息</translation>
    </message>
    <message>
        <source>Enrolment</source>
        <translation>入组</translation>
    </message>
    <message>
        <source>Screening</source>
        <translation>筛选</translation>
    </message>
    <message>
        <source>Baseline</source>
        <translation>基线</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <source>Print visit schedule…</source>
        <translation>打印随访计划…</translation>
    </message>
    <message>
        <source>The patient&apos;s follow-up visits, in English or Chinese, to print or save</source>
        <translation>患者的随访计划（英文或中文），可打印或保存</translation>
    </message>
    <message>
        <source>Print operative report…</source>
        <translation>打印手术报告…</translation>
    </message>
    <message>
        <source>The latest operation&apos;s report, in the interface language, to print or save</source>
        <translation>最近一次手术的报告（界面语言），可打印或保存</translation>
    </message>
    <message>
        <source>hepatectomy</source>
        <translation>肝切除术</translation>
    </message>
    <message>
        <source>systemic only</source>
        <translation>单纯系统治疗</translation>
    </message>
    <message>
        <source>born {date}</source>
        <translation>出生 {date}</translation>
    </message>
    <message>
        <source>consent {date}</source>
        <translation>知情同意 {date}</translation>
    </message>
    <message>
        <source>enrolled {date}</source>
        <translation>入组 {date}</translation>
    </message>
    <message>
        <source>index date {date}</source>
        <translation>基线日期 {date}</translation>
    </message>
    <message>
        <source>Participant {who}</source>
        <translation>受试者 {who}</translation>
    </message>
</context>
<context>
    <name>ParticipantTabs</name>
    <message>
        <source>Surgery</source>
        <translation>手术</translation>
    </message>
    <message>
        <source>Follow-up</source>
        <translation>随访</translation>
    </message>
    <message>
        <source>Sign-off</source>
        <translation>核查与签名</translation>
    </message>
</context>
<context>
    <name>ParticipantsPage</name>
    <message>
        <source>M</source>
        <translation>男</translation>
    </message>
    <message>
        <source>F</source>
        <translation>女</translation>
    </message>
    <message>
        <source>Filter by study ID, name or pinyin, record number, status … (Ctrl+F)</source>
        <translation>按研究编号、姓名或拼音、病案号、状态筛选……（Ctrl+F）</translation>
    </message>
    <message>
        <source>New screening…</source>
        <translation>新建筛选……</translation>
    </message>
    <message>
        <source>{shown} of {total}</source>
        <translation>{shown} / {total}</translation>
    </message>
</context>
<context>
    <name>PlaceholderPage</name>
    <message>
        <source>{title}

This screen is not available in this version yet.</source>
        <translation>{title}

此版本尚未提供该界面。</translation>
    </message>
</context>
<context>
    <name>QueriesPage</name>
    <message>
        <source>Open or answered</source>
        <translation>未决或已答复</translation>
    </message>
    <message>
        <source>Open only</source>
        <translation>仅未决</translation>
    </message>
    <message>
        <source>Answered only</source>
        <translation>仅已答复</translation>
    </message>
    <message>
        <source>Closed only</source>
        <translation>仅已关闭</translation>
    </message>
    <message>
        <source>All states</source>
        <translation>全部状态</translation>
    </message>
</context>
<context>
    <name>QueryDialogs</name>
    <message>
        <source>open</source>
        <translation>未解决</translation>
    </message>
    <message>
        <source>answered</source>
        <translation>已回复</translation>
    </message>
    <message>
        <source>closed</source>
        <translation>已关闭</translation>
    </message>
</context>
<context>
    <name>Refusals</name>
    <message>
        <source>Synchronous liver metastases have no interval.</source>
        <translation>同时性肝转移没有间隔时间。</translation>
    </message>
    <message>
        <source>Changing a recorded value needs a reason.</source>
        <translation>修改已记录的数值需要填写原因。</translation>
    </message>
    <message>
        <source>Organ dysfunction must be single or multiple when the patient needed intensive care.</source>
        <translation>患者需要重症监护时，器官功能障碍须为单器官或多器官。</translation>
    </message>
    <message>
        <source>The treatment cannot be graded: {problem}.</source>
        <translation>无法根据该治疗分级：{problem}。</translation>
    </message>
    <message>
        <source>The treatment suggests grade {proposed}; please give a reason for choosing grade {grade}.</source>
        <translation>根据处理措施应为 {proposed} 级；选择 {grade} 级请填写理由。</translation>
    </message>
    <message>
        <source>Grade V means the patient died of the complication; tick &apos;the patient died&apos; for grade V, and only then.</source>
        <translation>V 级表示患者死于该并发症：仅在 V 级时勾选“患者死亡”。</translation>
    </message>
    <message>
        <source>{category} has no ISGLS grade.</source>
        <translation>{category}没有 ISGLS 分级。</translation>
    </message>
    <message>
        <source>Suffix d (disability at discharge) does not apply to grade V.</source>
        <translation>后缀 d（出院时遗留功能障碍）不适用于 V 级。</translation>
    </message>
    <message>
        <source>A complication that caused death has no resolution date.</source>
        <translation>导致死亡的并发症没有缓解日期。</translation>
    </message>
    <message>
        <source>Date of death ({death}) cannot be before the discharge date ({discharge}).</source>
        <translation>死亡日期（{death}）不能早于出院日期（{discharge}）。</translation>
    </message>
    <message>
        <source>A death on {date} is already recorded for this participant; the dates must agree.</source>
        <translation>该受试者已记录 {date} 死亡；日期必须一致。</translation>
    </message>
    <message>
        <source>This complication recorded the participant&apos;s death; correct the death in the follow-up events before changing its grade.</source>
        <translation>该并发症记录了受试者死亡；请先在随访事件中更正死亡记录，再修改其分级。</translation>
    </message>
    <message>
        <source>This complication recorded the participant&apos;s death; correct the death in the follow-up events first.</source>
        <translation>该并发症记录了受试者死亡；请先在随访事件中更正死亡记录。</translation>
    </message>
    <message>
        <source>birth date</source>
        <translation>出生日期</translation>
    </message>
    <message>
        <source>screening date</source>
        <translation>筛选日期</translation>
    </message>
    <message>
        <source>consent date</source>
        <translation>知情同意日期</translation>
    </message>
    <message>
        <source>enrolment date</source>
        <translation>入组日期</translation>
    </message>
    <message>
        <source>operation date</source>
        <translation>手术日期</translation>
    </message>
    <message>
        <source>onset date</source>
        <translation>发生日期</translation>
    </message>
    <message>
        <source>start date</source>
        <translation>开始日期</translation>
    </message>
    <message>
        <source>{label} ({value}) is before the {other} ({other_value}).</source>
        <translation>{label}（{value}）早于{other}（{other_value}）。</translation>
    </message>
    <message>
        <source>Line {line}: {problem}</source>
        <translation>第 {line} 线：{problem}</translation>
    </message>
    <message>
        <source>Treatment line {line} is entered twice.</source>
        <translation>第 {line} 线治疗重复录入。</translation>
    </message>
    <message>
        <source>The systemic-only cohort needs at least one treatment line.</source>
        <translation>单纯系统治疗组至少需要一线治疗。</translation>
    </message>
    <message>
        <source>In the hepatectomy cohort the index date is the operation date; it is set when the operation is recorded.</source>
        <translation>肝切除组的基线日期即手术日期，在录入手术时自动设定。</translation>
    </message>
    <message>
        <source>This participant cannot be enrolled (status: {status}{study_id}).</source>
        <translation>该受试者不能入组（状态：{status}{study_id}）。</translation>
    </message>
    <message>
        <source>Only a participant screened as eligible can be enrolled.</source>
        <translation>只有筛选合格的受试者才能入组。</translation>
    </message>
    <message>
        <source>Not eligible: {reasons}. Nothing was saved.</source>
        <translation>不符合入组条件：{reasons}。未保存任何内容。</translation>
    </message>
    <message>
        <source>{what}: {value} is before the {anchor} ({date}).</source>
        <translation>{what}：{value} 早于{anchor}（{date}）。</translation>
    </message>
    <message>
        <source>{event} is already recorded for {study_id} ({date}).</source>
        <translation>{study_id} 已记录{event}（{date}）。</translation>
    </message>
    <message>
        <source>{study_id} died on {death}; {event} ({date}) is after it.</source>
        <translation>{study_id} 于 {death} 死亡；{event}（{date}）晚于死亡日期。</translation>
    </message>
    <message>
        <source>The death date ({date}) is before the last completed visit {code} ({visit_date}).</source>
        <translation>死亡日期（{date}）早于最近一次已完成随访 {code}（{visit_date}）。</translation>
    </message>
    <message>
        <source>The death date ({date}) is before a recorded contact on {contact}.</source>
        <translation>死亡日期（{date}）早于 {contact} 已记录的联系。</translation>
    </message>
    <message>
        <source>Choose at least one event to record.</source>
        <translation>请至少选择一个要记录的事件。</translation>
    </message>
    <message>
        <source>{study_id} has no index date yet.</source>
        <translation>{study_id} 尚无基线日期。</translation>
    </message>
    <message>
        <source>index date</source>
        <translation>基线日期</translation>
    </message>
    <message>
        <source>No visit with id {id}.</source>
        <translation>不存在 ID 为 {id} 的随访。</translation>
    </message>
    <message>
        <source>The end date ({end}) is before the start ({start}).</source>
        <translation>结束日期（{end}）早于开始日期（{start}）。</translation>
    </message>
    <message>
        <source>Visit {code} is {status}; only open visits can be moved.</source>
        <translation>随访 {code} 状态为{status}；只能调整未完成的随访。</translation>
    </message>
    <message>
        <source>The visit must be after the {anchor} ({date}).</source>
        <translation>随访必须在{anchor}（{date}）之后。</translation>
    </message>
    <message>
        <source>{date} is outside the window {start} to {end}: give a reason; the visit will be flagged as a protocol deviation.</source>
        <translation>{date} 不在窗口期 {start} 至 {end} 内：请填写理由；该随访将标记为方案偏离。</translation>
    </message>
    <message>
        <source>Visit {code} is {status}, not open.</source>
        <translation>随访 {code} 状态为{status}，不是未完成状态。</translation>
    </message>
    <message>
        <source>The window of {code} opens on {date}; a visit cannot be missed before then.</source>
        <translation>{code} 的窗口期从 {date} 开始；此前不能标记为失访。</translation>
    </message>
    <message>
        <source>Give a reason for un-marking a missed visit.</source>
        <translation>取消失访标记请填写理由。</translation>
    </message>
    <message>
        <source>Visit {code} is {status}, not missed.</source>
        <translation>随访 {code} 状态为{status}，不是失访。</translation>
    </message>
    <message>
        <source>Follow-up ended on {date}; {code} cannot be reopened.</source>
        <translation>随访已于 {date} 结束；{code} 不能重新开放。</translation>
    </message>
    <message>
        <source>Visit {code} is already recorded: give a reason for the correction.</source>
        <translation>随访 {code} 已记录：更正请填写理由。</translation>
    </message>
    <message>
        <source>Visit {code} was cancelled; it cannot be recorded.</source>
        <translation>随访 {code} 已取消，不能记录。</translation>
    </message>
    <message>
        <source>Follow-up of {study_id} ended on {date}; the visit date is after it.</source>
        <translation>{study_id} 的随访已于 {date} 结束；随访日期晚于该日期。</translation>
    </message>
    <message>
        <source>{date} is outside the window of {code} ({start} to {end}).</source>
        <translation>{date} 超出 {code} 的时间窗（{start} 至 {end}）。</translation>
    </message>
    <message>
        <source>{date} is outside the window of {code} ({start} to {end}): recorded as a protocol deviation.</source>
        <translation>{date} 超出 {code} 的时间窗（{start} 至 {end}）：已记录为方案偏离。</translation>
    </message>
    <message>
        <source>Not done: {assessments}.</source>
        <translation>未完成：{assessments}。</translation>
    </message>
    <message>
        <source>Pringle time is recorded, so the manoeuvre count cannot be 0 or empty.</source>
        <translation>已记录 Pringle 阻断时间，阻断次数不能为 0 或空。</translation>
    </message>
    <message>
        <source>Pringle total time ({total} min) cannot exceed the duration of the operation ({duration} min).</source>
        <translation>Pringle 阻断总时间（{total} min）不能超过手术时长（{duration} min）。</translation>
    </message>
    <message>
        <source>Surgeons must be active users with the surgeon or investigator role.</source>
        <translation>手术医生必须是具有外科医生或研究者角色的有效用户。</translation>
    </message>
    <message>
        <source>{study_id} is not in the hepatectomy group.</source>
        <translation>{study_id} 不在肝切除组。</translation>
    </message>
    <message>
        <source>Operations are recorded for enrolled participants ({study_id} is {status}).</source>
        <translation>只能为已入组受试者录入手术（{study_id} 状态为{status}）。</translation>
    </message>
    <message>
        <source>Operation date cannot be after a complication or reoperation recorded on {date}.</source>
        <translation>手术日期不能晚于 {date} 记录的并发症或再手术。</translation>
    </message>
    <message>
        <source>Operation date cannot be after the recorded death ({date}).</source>
        <translation>手术日期不能晚于已记录的死亡日期（{date}）。</translation>
    </message>
    <message>
        <source>Discharge date cannot be after the recorded death ({date}).</source>
        <translation>出院日期不能晚于已记录的死亡日期（{date}）。</translation>
    </message>
    <message>
        <source>A reason is needed to change recorded data.</source>
        <translation>修改已记录的数据需要填写理由。</translation>
    </message>
    <message>
        <source>The hospital record number {hrn} belongs to another participant.</source>
        <translation>病案号 {hrn} 属于另一位受试者。</translation>
    </message>
    <message>
        <source>The birth date is after the screening date ({date}).</source>
        <translation>出生日期晚于筛选日期（{date}）。</translation>
    </message>
    <message>
        <source>Only an enrolled participant has these dates.</source>
        <translation>只有已入组受试者才有这些日期。</translation>
    </message>
    <message>
        <source>The enrolment date ({date}) is after the operation recorded on {operation}.</source>
        <translation>入组日期（{date}）晚于 {operation} 记录的手术。</translation>
    </message>
    <message>
        <source>manage users, settings and backups</source>
        <translation>管理用户、设置和备份</translation>
    </message>
    <message>
        <source>screen and enrol</source>
        <translation>筛选和入组</translation>
    </message>
    <message>
        <source>record operations and complications</source>
        <translation>录入手术和并发症</translation>
    </message>
    <message>
        <source>view operations and complications</source>
        <translation>查看手术和并发症</translation>
    </message>
    <message>
        <source>record follow-up visits and events</source>
        <translation>录入随访和事件</translation>
    </message>
    <message>
        <source>view follow-up</source>
        <translation>查看随访</translation>
    </message>
    <message>
        <source>sign, lock and unlock records</source>
        <translation>签名、锁定和解锁记录</translation>
    </message>
    <message>
        <source>run reports, analysis and de-identified exports</source>
        <translation>运行报告、分析和去标识化导出</translation>
    </message>
    <message>
        <source>export identified data</source>
        <translation>导出可识别身份的数据</translation>
    </message>
    <message>
        <source>see patient names and contact details</source>
        <translation>查看患者姓名和联系方式</translation>
    </message>
    <message>
        <source>view the audit trail</source>
        <translation>查看稽查轨迹</translation>
    </message>
    <message>
        <source>view participants</source>
        <translation>查看受试者</translation>
    </message>
    <message>
        <source>Please sign in first.</source>
        <translation>请先登录。</translation>
    </message>
    <message>
        <source>The draft kind must be 1 to {n} characters.</source>
        <translation>草稿类型须为 1 至 {n} 个字符。</translation>
    </message>
    <message>
        <source>The draft key must be at most {n} characters.</source>
        <translation>草稿键最多 {n} 个字符。</translation>
    </message>
    <message>
        <source>The role {role} may not {action}.</source>
        <translation>{role}角色无权{action}。</translation>
    </message>
    <message>
        <source>Your password was reset: choose a new password first.</source>
        <translation>您的密码已被重置：请先设置新密码。</translation>
    </message>
    <message>
        <source>{study_id} is locked (signed); an investigator must unlock it before any change.</source>
        <translation>{study_id} 已锁定（已签名）；修改前须由研究者解锁。</translation>
    </message>
    <message>
        <source>The reason {problem}.</source>
        <translation>理由{problem}。</translation>
    </message>
    <message>
        <source>{value} is not a number</source>
        <translation>{value} 不是数字</translation>
    </message>
    <message>
        <source>{value} is not a list</source>
        <translation>{value} 不是列表</translation>
    </message>
    <message>
        <source>{value} mixes separators in a way that is not a number with thousands separators; write it without them (e.g. 1234.5)</source>
        <translation>{value} 的分隔符混用方式不构成带千位分隔符的数字；请不加分隔符书写（例如 1234.5）</translation>
    </message>
    <message>
        <source>{value} is ambiguous: a thousands separator or a decimal comma? Write {grouped} or {decimal}</source>
        <translation>{value} 有歧义：逗号是千位分隔符还是小数点？请写成 {grouped} 或 {decimal}</translation>
    </message>
    <message>
        <source>{value}: this column takes a number without a unit</source>
        <translation>{value}：此列只填数字，不带单位</translation>
    </message>
    <message>
        <source>{value}: the unit must be one of {units} (got {unit})</source>
        <translation>{value}：单位必须是 {units} 之一（填写的是 {unit}）</translation>
    </message>
    <message>
        <source>{value} has a time of day; give the date only</source>
        <translation>{value} 含有时刻；请只填日期</translation>
    </message>
    <message>
        <source>{value} is not a date</source>
        <translation>{value} 不是日期</translation>
    </message>
    <message>
        <source>{value} is not a calendar date</source>
        <translation>{value} 不是有效的日历日期</translation>
    </message>
    <message>
        <source>{value} could be day-first or month-first; write the date as YYYY-MM-DD</source>
        <translation>{value} 无法判断是日在前还是月在前；请按 YYYY-MM-DD 书写日期</translation>
    </message>
    <message>
        <source>{value} is not a date (write YYYY-MM-DD)</source>
        <translation>{value} 不是日期（请按 YYYY-MM-DD 书写）</translation>
    </message>
    <message>
        <source>{value} is not a date (an Excel serial date is a whole number from {lo} to {hi}); write YYYY-MM-DD</source>
        <translation>{value} 不是日期（Excel 日期序号是 {lo} 至 {hi} 之间的整数）；请按 YYYY-MM-DD 书写</translation>
    </message>
    <message>
        <source>{value} is not yes or no (write 1 or 0)</source>
        <translation>{value} 不是“是”或“否”（请填 1 或 0）</translation>
    </message>
    <message>
        <source>{value} is not a choice of this column (allowed codes: {codes})</source>
        <translation>{value} 不是此列的选项（可用代码：{codes}）</translation>
    </message>
    <message>
        <source>{unit} contradicts the unit written in {column} ({value})</source>
        <translation>{unit} 与 {column} 中填写的单位（{value}）矛盾</translation>
    </message>
    <message>
        <source>the column has no name</source>
        <translation>该列没有列名</translation>
    </message>
    <message>
        <source>the column appears twice</source>
        <translation>该列出现了两次</translation>
    </message>
    <message>
        <source>not a column of the table {table} (the export&apos;s columns only; see nclm-desktop import-template --form {table})</source>
        <translation>不是数据表 {table} 的列（只接受导出文件中的列；参见 nclm-desktop import-template --form {table}）</translation>
    </message>
    <message>
        <source>the column is missing</source>
        <translation>缺少该列</translation>
    </message>
    <message>
        <source>no such file or folder</source>
        <translation>文件或文件夹不存在</translation>
    </message>
    <message>
        <source>no table to import (give files named like the export&apos;s tables, e.g. operation.csv, or an .xlsx workbook)</source>
        <translation>没有可导入的数据表（文件名须与导出的数据表相同，例如 operation.csv，或提供 .xlsx 工作簿）</translation>
    </message>
    <message>
        <source>not a file the import reads (a .csv or an .xlsx; save an .xls workbook as .xlsx)</source>
        <translation>导入不读取此类文件（只读取 .csv 或 .xlsx；请将 .xls 工作簿另存为 .xlsx）</translation>
    </message>
    <message>
        <source>the table {table} is also in {file}</source>
        <translation>数据表 {table} 也在 {file} 中</translation>
    </message>
    <message>
        <source>not a table of the study (name it after one of: {tables})</source>
        <translation>不是本研究的数据表（请按以下名称之一命名：{tables}）</translation>
    </message>
    <message>
        <source>the text is neither UTF-8 nor GB18030/GBK; save it as &quot;CSV UTF-8&quot; from the spreadsheet program</source>
        <translation>文本既不是 UTF-8 也不是 GB18030/GBK 编码；请在电子表格程序中另存为“CSV UTF-8”</translation>
    </message>
    <message>
        <source>the file is empty (not even a header row)</source>
        <translation>文件为空（连表头行也没有）</translation>
    </message>
    <message>
        <source>the sheet is empty (not even a header row)</source>
        <translation>工作表为空（连表头行也没有）</translation>
    </message>
    <message>
        <source>not a readable xlsx workbook ({error})</source>
        <translation>不是可读取的 xlsx 工作簿（{error}）</translation>
    </message>
    <message>
        <source>the workbook has no sheet</source>
        <translation>工作簿中没有工作表</translation>
    </message>
    <message>
        <source>a value beyond the last named column; name the column or delete the value</source>
        <translation>最后一个有列名的列之后还有数值；请为该列命名或删除该值</translation>
    </message>
    <message>
        <source>a formula ({formula}); the import takes values only: copy the column and paste it as values</source>
        <translation>公式（{formula}）；导入只接受数值：请复制该列并以“值”的方式粘贴</translation>
    </message>
    <message>
        <source>an Excel error value ({value})</source>
        <translation>Excel 错误值（{value}）</translation>
    </message>
    <message>
        <source>This participant</source>
        <translation>该受试者</translation>
    </message>
    <message>
        <source>No participant with id {id}.</source>
        <translation>不存在 ID 为 {id} 的受试者。</translation>
    </message>
    <message>
        <source>Unknown user name or wrong password. After 5 failed attempts in a row an account is locked for 15 minutes; an administrator can unlock it.</source>
        <translation>用户名不存在或密码错误。连续失败 5 次后账户将被锁定 15 分钟；管理员可解除锁定。</translation>
    </message>
    <message>
        <source>No user with id {id}.</source>
        <translation>不存在 ID 为 {id} 的用户。</translation>
    </message>
    <message>
        <source>The user name {problem}.</source>
        <translation>用户名{problem}。</translation>
    </message>
    <message>
        <source>The user name must be 1 to 64 characters.</source>
        <translation>用户名须为 1 至 64 个字符。</translation>
    </message>
    <message>
        <source>The user name must not contain spaces.</source>
        <translation>用户名不能包含空格。</translation>
    </message>
    <message>
        <source>The full name is required.</source>
        <translation>请填写姓名。</translation>
    </message>
    <message>
        <source>The role must be one of: {roles}.</source>
        <translation>角色必须是以下之一：{roles}。</translation>
    </message>
    <message>
        <source>The user name {name} is already taken.</source>
        <translation>用户名 {name} 已被使用。</translation>
    </message>
    <message>
        <source>An administrator already exists; please sign in.</source>
        <translation>管理员已存在；请登录。</translation>
    </message>
    <message>
        <source>This account is no longer active; please sign in again.</source>
        <translation>该账户已停用；请重新登录。</translation>
    </message>
    <message>
        <source>The current password is wrong.</source>
        <translation>当前密码错误。</translation>
    </message>
    <message>
        <source>The new password must differ from the old.</source>
        <translation>新密码不能与旧密码相同。</translation>
    </message>
    <message>
        <source>You cannot deactivate your own account.</source>
        <translation>不能停用自己的账户。</translation>
    </message>
    <message>
        <source>No user named {name}.</source>
        <translation>不存在名为 {name} 的用户。</translation>
    </message>
    <message>
        <source>The user name or password is wrong; nothing was signed.</source>
        <translation>用户名或密码错误；未签名。</translation>
    </message>
    <message>
        <source>The meaning must be one of: {choices}.</source>
        <translation>签名含义必须是以下之一：{choices}。</translation>
    </message>
    <message>
        <source>{study_id} is already signed and locked.</source>
        <translation>{study_id} 已签名并锁定。</translation>
    </message>
    <message>
        <source>{form} record {id} is not in this casebook.</source>
        <translation>{form} 记录 {id} 不在该病例报告中。</translation>
    </message>
    <message>
        <source>Unlocking needs a reason.</source>
        <translation>解锁需要填写理由。</translation>
    </message>
    <message>
        <source>{study_id} is not locked.</source>
        <translation>{study_id} 未锁定。</translation>
    </message>
    <message>
        <source>The password must not contain control characters.</source>
        <translation>密码不能包含控制字符。</translation>
    </message>
    <message>
        <source>The password must not be only spaces.</source>
        <translation>密码不能只有空格。</translation>
    </message>
    <message>
        <source>The password must have at least {n} characters.</source>
        <translation>密码至少需要 {n} 个字符。</translation>
    </message>
    <message>
        <source>The password must have at most {n} characters.</source>
        <translation>密码最多 {n} 个字符。</translation>
    </message>
    <message>
        <source>The password must not repeat a single character.</source>
        <translation>密码不能由同一个字符重复组成。</translation>
    </message>
    <message>
        <source>The password must not contain the user name.</source>
        <translation>密码不能包含用户名。</translation>
    </message>
    <message>
        <source>This password is on a list of common passwords; choose another.</source>
        <translation>该密码属于常用密码；请另选一个。</translation>
    </message>
    <message>
        <source>run the data checks</source>
        <translation>运行数据核查</translation>
    </message>
    <message>
        <source>open</source>
        <translation>未解决</translation>
    </message>
    <message>
        <source>answered</source>
        <translation>已回复</translation>
    </message>
    <message>
        <source>closed</source>
        <translation>已关闭</translation>
    </message>
    <message>
        <source>Please enter the question.</source>
        <translation>请填写质疑内容。</translation>
    </message>
    <message>
        <source>Please enter the answer.</source>
        <translation>请填写回复。</translation>
    </message>
    <message>
        <source>raise data queries</source>
        <translation>提出数据质疑</translation>
    </message>
    <message>
        <source>The {form} form has no field {field}.</source>
        <translation>表单 {form} 中没有字段 {field}。</translation>
    </message>
    <message>
        <source>There is no data query {id}.</source>
        <translation>不存在数据质疑 {id}。</translation>
    </message>
    <message>
        <source>answer data queries</source>
        <translation>回复数据质疑</translation>
    </message>
    <message>
        <source>Query {id} is {state}, not open.</source>
        <translation>质疑 {id} 状态为{state}，不是未解决。</translation>
    </message>
    <message>
        <source>No change of the {form} record cites Query #{id} in its reason; correct the value in its form first.</source>
        <translation>{form} 记录的修改理由中没有引用质疑 #{id}；请先在其表单中更正数值。</translation>
    </message>
    <message>
        <source>{action} raised by someone else</source>
        <translation>{action}（他人提出的）</translation>
    </message>
    <message>
        <source>close data queries</source>
        <translation>关闭数据质疑</translation>
    </message>
    <message>
        <source>Query {id} is already closed.</source>
        <translation>质疑 {id} 已关闭。</translation>
    </message>
    <message>
        <source>re-open data queries</source>
        <translation>重新开放数据质疑</translation>
    </message>
    <message>
        <source>Query {id} is already open.</source>
        <translation>质疑 {id} 已处于开放状态。</translation>
    </message>
    <message>
        <source>A query state is one of {states}.</source>
        <translation>质疑状态须为以下之一：{states}。</translation>
    </message>
    <message>
        <source>mark source data verified</source>
        <translation>标记源数据已核查</translation>
    </message>
    <message>
        <source>The idle lock must be 1 to 60 minutes.</source>
        <translation>空闲锁定时间须为 1 至 60 分钟。</translation>
    </message>
    <message>
        <source>Unknown contact setting {key}.</source>
        <translation>未知的联系方式设置 {key}。</translation>
    </message>
    <message>
        <source>A telephone number may hold digits, spaces, +, - and brackets (3 to 40 characters).</source>
        <translation>电话号码只能包含数字、空格、+、- 和括号（3 至 40 个字符）。</translation>
    </message>
    <message>
        <source>Unknown language {lang} (one of: en, zh_CN).</source>
        <translation>未知语言 {lang}（可选：en、zh_CN）。</translation>
    </message>
    <message>
        <source>Changing recorded surgical data needs a reason.</source>
        <translation>修改已记录的手术数据需要填写理由。</translation>
    </message>
    <message>
        <source>No operation with id {id}.</source>
        <translation>不存在 ID 为 {id} 的手术。</translation>
    </message>
    <message>
        <source>No complication with id {id}.</source>
        <translation>不存在 ID 为 {id} 的并发症。</translation>
    </message>
    <message>
        <source>No reoperation with id {id}.</source>
        <translation>不存在 ID 为 {id} 的再次手术。</translation>
    </message>
    <message>
        <source>No participant {key} in the participant table of the import or the database.</source>
        <translation>导入文件的 participant 表和数据库中都没有受试者 {key}。</translation>
    </message>
    <message>
        <source>Differs from the database ({there} there, {here} here); give --update with --reason to change it.</source>
        <translation>与数据库不一致（数据库中为 {there}，此处为 {here}）；如需修改，请使用 --update 并填写 --reason。</translation>
    </message>
    <message>
        <source>A {table} record cannot be changed by an import; correct it on its screen.</source>
        <translation>{table} 记录不能通过导入修改；请在其界面中更正。</translation>
    </message>
    <message>
        <source>The cohort cannot be changed by an import.</source>
        <translation>队列不能通过导入修改。</translation>
    </message>
    <message>
        <source>This participant has no identity record to correct.</source>
        <translation>该受试者没有可更正的身份信息记录。</translation>
    </message>
    <message>
        <source>Only a death (grade V) is recorded with a complication.</source>
        <translation>与并发症一同记录的事件只能是死亡（V 级）。</translation>
    </message>
    <message>
        <source>Visit {code} is not in this participant&apos;s follow-up schedule.</source>
        <translation>随访 {code} 不在该受试者的随访计划中。</translation>
    </message>
    <message>
        <source>Unknown visit status {status}.</source>
        <translation>未知的随访状态 {status}。</translation>
    </message>
    <message>
        <source>A second {table} row for the same participant (the first is row {row}); only one is imported per participant.</source>
        <translation>同一受试者的第二行 {table}（第一行为第 {row} 行）；每位受试者只导入一行。</translation>
    </message>
    <message>
        <source>The same participant appears twice (first in row {row}).</source>
        <translation>同一受试者出现两次（首次在第 {row} 行）。</translation>
    </message>
    <message>
        <source>The study ID {study_id} is also in row {row}.</source>
        <translation>研究编号 {study_id} 也出现在第 {row} 行。</translation>
    </message>
    <message>
        <source>A treatment line is added at enrolment, not by an import.</source>
        <translation>治疗线在入组时添加，不能通过导入添加。</translation>
    </message>
    <message>
        <source>No row for this participant in participant ({table} cannot stand alone).</source>
        <translation>participant 表中没有该受试者的行（{table} 不能单独导入）。</translation>
    </message>
    <message>
        <source>No row for this participant in participant.</source>
        <translation>participant 表中没有该受试者的行。</translation>
    </message>
    <message>
        <source>A new participant needs a row in {missing} (name and hospital record number, and the screening, are entered for every person).</source>
        <translation>新受试者需要在 {missing} 中有一行（每位受试者都须录入姓名、病案号及筛选信息）。</translation>
    </message>
    <message>
        <source>An enrolled participant needs the enrolment date.</source>
        <translation>已入组受试者需要入组日期。</translation>
    </message>
    <message>
        <source>Treatment lines are entered at enrolment; this participant has no cohort.</source>
        <translation>治疗线在入组时录入；该受试者尚无队列。</translation>
    </message>
    <message>
        <source>This hospital record number is already given to another row of the import.</source>
        <translation>该病案号已被导入文件中的另一行使用。</translation>
    </message>
    <message>
        <source>Enrolled now, this participant is given the study ID {given}, not {file_id} (and the later ones of the cohort shift too): study IDs are assigned in order of enrolment, so import into a study whose numbering this file continues, in the order of the file.</source>
        <translation>现在入组时，该受试者将获得研究编号 {given}，而不是 {file_id}（该队列之后的编号也会顺延）：研究编号按入组顺序分配，请按文件顺序导入到编号与本文件衔接的研究中。</translation>
    </message>
    <message>
        <source>Updating existing records needs a reason (--reason TEXT).</source>
        <translation>更新已有记录需要填写原因（--reason 文本）。</translation>
    </message>
    <message>
        <source>A reason is asked only when updating existing records (--update).</source>
        <translation>仅在更新已有记录时（--update）才需要填写原因。</translation>
    </message>
    <message>
        <source>Unknown table {table}: the import reads {known}.</source>
        <translation>未知的表 {table}：可导入的表为 {known}。</translation>
    </message>
    <message>
        <source>The table {table} is also in {first}.</source>
        <translation>表 {table} 也出现在 {first} 中。</translation>
    </message>
    <message>
        <source>The import was cancelled; nothing was written.</source>
        <translation>导入已取消；未写入任何内容。</translation>
    </message>
    <message>
        <source>Complication {id} is not among those imported.</source>
        <translation>并发症 {id} 不在导入的记录中。</translation>
    </message>
    <message>
        <source>A surgeon row needs its operation_id.</source>
        <translation>术者行须填写 operation_id。</translation>
    </message>
    <message>
        <source>{raw} is not a user number.</source>
        <translation>{raw} 不是用户编号。</translation>
    </message>
    <message>
        <source>Operation {id} is not among the operations imported (operation table).</source>
        <translation>手术 {id} 不在导入的手术中（operation 表）。</translation>
    </message>
    <message>
        <source>The operation_id of this row is empty.</source>
        <translation>该行的 operation_id 为空。</translation>
    </message>
    <message>
        <source>Unknown column {name} for {table}.</source>
        <translation>{table} 中的未知列 {name}。</translation>
    </message>
    <message>
        <source>The table needs a study_id or screening_id column.</source>
        <translation>该表须有 study_id 或 screening_id 列。</translation>
    </message>
    <message>
        <source>{name} must be a record number (a whole number), got {raw}.</source>
        <translation>{name} 须为记录编号（正整数），实际为 {raw}。</translation>
    </message>
    <message>
        <source>An in-memory database has no audit trail to verify.</source>
        <translation>内存数据库没有可供核验的稽查轨迹。</translation>
    </message>
    <message>
        <source>There is no database at {path}.</source>
        <translation>{path} 处没有数据库。</translation>
    </message>
    <message>
        <source>{path} is not a database file.</source>
        <translation>{path} 不是数据库文件。</translation>
    </message>
    <message>
        <source>{path} is empty (0 bytes): it is not a database.</source>
        <translation>{path} 为空（0 字节）：不是数据库。</translation>
    </message>
    <message>
        <source>event {id} does not follow the previous event (an event before it was deleted or changed)</source>
        <translation>事件 {id} 与前一事件不衔接（其之前的某个事件被删除或修改）</translation>
    </message>
    <message>
        <source>event {id} was altered after it was written</source>
        <translation>事件 {id} 在写入后被篡改</translation>
    </message>
    <message>
        <source>event {n} has hash {found}, but {source} anchored {hash} there: the trail was rewritten or replaced by another copy</source>
        <translation>事件 {n} 的哈希为 {found}，但 {source} 在此处锚定的是 {hash}：稽查轨迹被改写或被另一副本替换</translation>
    </message>
    <message>
        <source>the trail has {n} events, but {source} anchored {anchored}: events were deleted or an older copy was put back</source>
        <translation>稽查轨迹有 {n} 个事件，但 {source} 锚定了 {anchored} 个：有事件被删除，或放回了较旧的副本</translation>
    </message>
    <message>
        <source>The database {target} is damaged and cannot be verified ({detail}); restore it from a backup with `nclm-desktop restore BACKUP --db {path}`.</source>
        <translation>数据库 {target} 已损坏，无法核验（{detail}）；请用 `nclm-desktop restore BACKUP --db {path}` 从备份恢复。</translation>
    </message>
    <message>
        <source>{target} has no audit trail (not an NCLM Desktop database).</source>
        <translation>{target} 没有稽查轨迹（不是 NCLM Desktop 数据库）。</translation>
    </message>
    <message>
        <source>Back up a PostgreSQL database with the server&apos;s own tools (pg_dump).</source>
        <translation>PostgreSQL 数据库请使用服务器自带的工具（pg_dump）备份。</translation>
    </message>
    <message>
        <source>Cannot write {path}: it is a folder.</source>
        <translation>无法写入 {path}：这是一个文件夹。</translation>
    </message>
    <message>
        <source>Cannot write {path}: {problem}</source>
        <translation>无法写入 {path}：{problem}</translation>
    </message>
    <message>
        <source>Nothing was exported: the export could not be recorded in the audit trail ({problem}). Try again.</source>
        <translation>未导出任何内容：导出无法记入稽查轨迹（{problem}）。请重试。</translation>
    </message>
    <message>
        <source>Cannot write {path}: the folder {folder} does not exist.</source>
        <translation>无法写入 {path}：文件夹 {folder} 不存在。</translation>
    </message>
    <message>
        <source>{first}; {rest}</source>
        <translation>{first}；{rest}</translation>
    </message>
    <message>
        <source>site: {site}</source>
        <translation>部位：{site}</translation>
    </message>
    <message>
        <source>cause: {cause}</source>
        <translation>原因：{cause}</translation>
    </message>
    <message>
        <source>confirmed by {how}</source>
        <translation>确认方式：{how}</translation>
    </message>
    <message>
        <source>ECOG {ecog}</source>
        <translation>ECOG 体能状态 {ecog}</translation>
    </message>
    <message>
        <source>EBV DNA {n} copies/mL</source>
        <translation>EBV DNA {n} 拷贝/mL</translation>
    </message>
    <message>
        <source>liver imaging: {result}</source>
        <translation>肝脏影像：{result}</translation>
    </message>
    <message>
        <source>outside window</source>
        <translation>超出时间窗</translation>
    </message>
    <message>
        <source>window {start} to {end}; rescheduled outside window</source>
        <translation>时间窗 {start} 至 {end}；已改期至时间窗外</translation>
    </message>
    <message>
        <source>window {start} to {end}</source>
        <translation>时间窗 {start} 至 {end}</translation>
    </message>
    <message>
        <source>Unknown worklist {kind}; use one of {kinds}.</source>
        <translation>未知的工作清单 {kind}；请使用以下之一：{kinds}。</translation>
    </message>
    <message>
        <source>There is no participant {id}.</source>
        <translation>不存在受试者 {id}。</translation>
    </message>
    <message>
        <source>There is no form named {name}.</source>
        <translation>没有名为 {name} 的表单。</translation>
    </message>
    <message>
        <source>The form {name} has no table.</source>
        <translation>表单 {name} 没有对应的数据表。</translation>
    </message>
    <message>
        <source>{value} is not a record number.</source>
        <translation>{value} 不是记录编号。</translation>
    </message>
    <message>
        <source>There is no {form} record {key} in a participant&apos;s casebook.</source>
        <translation>受试者病例报告册中没有 {form} 记录 {key}。</translation>
    </message>
    <message>
        <source>A status filter is one of {filters}.</source>
        <translation>状态筛选须为以下之一：{filters}。</translation>
    </message>
    <message>
        <source>No participant with study ID {study_id}.</source>
        <translation>不存在研究编号为 {study_id} 的受试者。</translation>
    </message>
    <message>
        <source>date of death</source>
        <translation>死亡日期</translation>
    </message>
    <message>
        <source>discharge date</source>
        <translation>出院日期</translation>
    </message>
    <message>
        <source>visit date</source>
        <translation>随访日期</translation>
    </message>
    <message>
        <source>reoperation date</source>
        <translation>再次手术日期</translation>
    </message>
    <message>
        <source>intrahepatic recurrence</source>
        <translation>肝内复发</translation>
    </message>
    <message>
        <source>extrahepatic recurrence</source>
        <translation>肝外复发</translation>
    </message>
    <message>
        <source>local/regional recurrence</source>
        <translation>局部/区域复发</translation>
    </message>
    <message>
        <source>death</source>
        <translation>死亡</translation>
    </message>
    <message>
        <source>last contact alive</source>
        <translation>末次确认存活</translation>
    </message>
    <message>
        <source>withdrawal</source>
        <translation>退出研究</translation>
    </message>
    <message>
        <source>lost to follow-up</source>
        <translation>失访</translation>
    </message>
    <message>
        <source>operation on {date}</source>
        <translation>{date} 的手术</translation>
    </message>
    <message>
        <source>discharge on {date}</source>
        <translation>{date} 的出院</translation>
    </message>
    <message>
        <source>reoperation on {date}</source>
        <translation>{date} 的再次手术</translation>
    </message>
    <message>
        <source>complication ({category}) with onset on {date}</source>
        <translation>{date} 发生的并发症（{category}）</translation>
    </message>
    <message>
        <source>visit {code} done on {date}</source>
        <translation>{date} 完成的随访 {code}</translation>
    </message>
    <message>
        <source>{event} recorded on {date}</source>
        <translation>{date} 记录的{event}</translation>
    </message>
    <message>
        <source>the complication ({category}) with onset on {onset} would be before its operation ({operation})</source>
        <translation>{onset} 发生的并发症（{category}）将早于其手术（{operation}）</translation>
    </message>
    <message>
        <source>the reoperation on {date} would be before its operation ({operation})</source>
        <translation>{date} 的再次手术将早于其手术（{operation}）</translation>
    </message>
    <message>
        <source>the operation on {date} would be before the enrolment ({enrolment})</source>
        <translation>{date} 的手术将早于入组（{enrolment}）</translation>
    </message>
    <message>
        <source>the discharge ({discharge}) would be before the operation ({date})</source>
        <translation>出院（{discharge}）将早于手术（{date}）</translation>
    </message>
    <message>
        <source>the {event} recorded on {date} would be before the index date ({index})</source>
        <translation>{date} 记录的{event}将早于基线日期（{index}）</translation>
    </message>
    <message>
        <source>visit {code}, done on {date}, would be before the index date ({index})</source>
        <translation>{date} 完成的随访 {code} 将早于基线日期（{index}）</translation>
    </message>
    <message>
        <source>the recorded death ({death}) would be before the {what}</source>
        <translation>已记录的死亡（{death}）将早于{what}</translation>
    </message>
    <message>
        <source>This {label} cannot be stored: {conflict}.</source>
        <translation>无法保存该{label}：{conflict}。</translation>
    </message>
    <message>
        <source>{event} date</source>
        <translation>{event}日期</translation>
    </message>
    <message>
        <source>Enter the participant&apos;s study ID (e.g. NCLM-H-001).</source>
        <translation>请输入受试者的研究编号（如 NCLM-H-001）。</translation>
    </message>
    <message>
        <source>The end date {end} is before the start date {start}.</source>
        <translation>结束日期 {end} 早于开始日期 {start}。</translation>
    </message>
    <message>
        <source>The language must be one of {languages}.</source>
        <translation>语言须为以下之一：{languages}。</translation>
    </message>
    <message>
        <source>{label}, operation of {date}: {problem}</source>
        <translation>{label}，{date} 的手术：{problem}</translation>
    </message>
    <message>
        <source>{study_id} has no operation recorded.</source>
        <translation>{study_id} 没有手术记录。</translation>
    </message>
    <message>
        <source>{study_id} has no operation on {date} (operations: {dates}).</source>
        <translation>{study_id} 在 {date} 没有手术（手术日期：{dates}）。</translation>
    </message>
    <message>
        <source>The current database was not changed.</source>
        <translation>当前数据库未作任何更改。</translation>
    </message>
    <message>
        <source>The database is being restored; try again in a moment.</source>
        <translation>数据库正在恢复；请稍后再试。</translation>
    </message>
    <message>
        <source>{target} is open in NCLM Desktop (on this or another workstation session) or in a running nclm-desktop command. Close it everywhere, then restore. {unchanged}</source>
        <translation>{target} 正在 NCLM Desktop（本工作站或其他工作站会话）或正在运行的 nclm-desktop 命令中打开。请在所有地方关闭后再恢复。{unchanged}</translation>
    </message>
    <message>
        <source>{problem} {unchanged}</source>
        <translation>{problem}{unchanged}</translation>
    </message>
    <message>
        <source>The backup {backup} does not exist. {unchanged}</source>
        <translation>备份 {backup} 不存在。{unchanged}</translation>
    </message>
    <message>
        <source>The backup and the database are the same file.</source>
        <translation>备份与数据库是同一个文件。</translation>
    </message>
    <message>
        <source>The backup {backup} is damaged or not a database ({problem}). {unchanged}</source>
        <translation>备份 {backup} 已损坏或不是数据库（{problem}）。{unchanged}</translation>
    </message>
    <message>
        <source>The restored file does not match the backup ({found} audit events, expected {expected}). The previous database is kept in {aside}.</source>
        <translation>恢复后的文件与备份不一致（稽查事件 {found} 个，应为 {expected} 个）。原数据库保存在 {aside}。</translation>
    </message>
    <message>
        <source>The restored file does not match the backup ({found} audit events, expected {expected}).</source>
        <translation>恢复后的文件与备份不一致（稽查事件 {found} 个，应为 {expected} 个）。</translation>
    </message>
    <message>
        <source>The backup {backup} cannot be restored: {problem} {unchanged}</source>
        <translation>无法恢复备份 {backup}：{problem}{unchanged}</translation>
    </message>
    <message>
        <source>The audit trail of the backup {backup} is broken ({problem}); choose another backup. {unchanged}</source>
        <translation>备份 {backup} 的稽查轨迹已损坏（{problem}）；请选择其他备份。{unchanged}</translation>
    </message>
    <message>
        <source>The restored database failed its integrity check: {ok}.</source>
        <translation>恢复后的数据库未通过完整性检查：{ok}。</translation>
    </message>
    <message>
        <source>Restore a PostgreSQL database with the server&apos;s own tools.</source>
        <translation>PostgreSQL 数据库请使用服务器自带的工具恢复。</translation>
    </message>
    <message>
        <source>The screening is incomplete. {reason}. Nothing was saved.</source>
        <translation>筛选尚未完成。{reason}。未保存任何内容。</translation>
    </message>
    <message>
        <source>Cannot export to {out}: {problem}.</source>
        <translation>无法导出至 {out}：{problem}。</translation>
    </message>
    <message>
        <source>Unknown format {fmt}: choose one of {formats}.</source>
        <translation>未知格式 {fmt}：请选择以下之一：{formats}。</translation>
    </message>
    <message>
        <source>Unknown form {unknown}: choose among {forms}.</source>
        <translation>未知表单 {unknown}：请从以下选择：{forms}。</translation>
    </message>
    <message>
        <source>An identified export needs a reason (kept in the audit trail).</source>
        <translation>含身份信息的导出需要填写原因（保存在稽查轨迹中）。</translation>
    </message>
    <message>
        <source>A reason is asked only for an identified export (--identified).</source>
        <translation>仅含身份信息的导出（--identified）才需要填写原因。</translation>
    </message>
    <message>
        <source>Cannot export to {out}: it is a file; give a new folder.</source>
        <translation>无法导出至 {out}：这是一个文件；请指定新文件夹。</translation>
    </message>
    <message>
        <source>Cannot export to {out}: the folder is not empty; give a new folder.</source>
        <translation>无法导出至 {out}：文件夹不为空；请指定新文件夹。</translation>
    </message>
    <message>
        <source>Cannot export to {out}: the folder {folder} does not exist.</source>
        <translation>无法导出至 {out}：文件夹 {folder} 不存在。</translation>
    </message>
    <message>
        <source>The export was cancelled; nothing was written.</source>
        <translation>导出已取消；未写入任何内容。</translation>
    </message>
    <message>
        <source>Nothing to export: the chosen forms hold only identifying data (an identified export includes them).</source>
        <translation>没有可导出的内容：所选表单只含身份信息（含身份信息的导出才包括这些数据）。</translation>
    </message>
    <message>
        <source>Unknown form {form}: choose one of {forms}.</source>
        <translation>未知表单 {form}：请选择以下之一：{forms}。</translation>
    </message>
    <message>
        <source>{name}: the template is a .csv or an .xlsx file.</source>
        <translation>{name}：模板须为 .csv 或 .xlsx 文件。</translation>
    </message>
    <message>
        <source>{name}: name the file {form}.csv (the import knows a CSV&apos;s table by its name).</source>
        <translation>{name}：请将文件命名为 {form}.csv（导入根据 CSV 文件名识别数据表）。</translation>
    </message>
    <message>
        <source>{out} already exists; give a new file name.</source>
        <translation>{out} 已存在；请指定新的文件名。</translation>
    </message>
    <message>
        <source>The folder {folder} does not exist.</source>
        <translation>文件夹 {folder} 不存在。</translation>
    </message>
    <message>
        <source>Cannot write {path}: {problem}.</source>
        <translation>无法写入 {path}：{problem}。</translation>
    </message>
    <message>
        <source>{table} {key}: row deleted without an audit event</source>
        <translation>{table} {key}：该行被删除，但没有稽查事件</translation>
    </message>
    <message>
        <source>{table} {key}: row added without an audit event</source>
        <translation>{table} {key}：该行被添加，但没有稽查事件</translation>
    </message>
    <message>
        <source>{table} {key}, column {column}: expected {expected}, found {found}</source>
        <translation>{table} {key}，列 {column}：应为 {expected}，实际为 {found}</translation>
    </message>
    <message>
        <source>{label} {problem}.</source>
        <translation>{label}{problem}。</translation>
    </message>
    <message>
        <source>contains an invalid character (a lone surrogate)</source>
        <translation>含有无效字符（孤立代理项）</translation>
    </message>
    <message>
        <source>contains a text-direction control character (U+{code})</source>
        <translation>含有文字方向控制字符（U+{code}）</translation>
    </message>
    <message>
        <source>contains a control character (U+{code})</source>
        <translation>含有控制字符（U+{code}）</translation>
    </message>
    <message>
        <source>must be at most {limit} characters (got {length})</source>
        <translation>最多 {limit} 个字符（实际 {length} 个）</translation>
    </message>
    <message>
        <source>{problem}.</source>
        <translation>{problem}。</translation>
    </message>
    <message>
        <source>{path} is empty (0 bytes), so it holds no study. If it should, restore it from a backup with `nclm-desktop restore BACKUP --db {path}`; to start a new study, delete the empty file first.</source>
        <translation>{path} 为空（0 字节），不含任何研究数据。如本应有数据，请用 `nclm-desktop restore BACKUP --db {path}` 从备份恢复；如要开始新研究，请先删除此空文件。</translation>
    </message>
    <message>
        <source>The database {path} is damaged ({problem}); nothing was changed. Close NCLM Desktop everywhere and restore it from a backup with `nclm-desktop restore BACKUP --db {path}`.</source>
        <translation>数据库 {path} 已损坏（{problem}），未做任何更改。请在所有电脑上关闭 NCLM Desktop，然后用 `nclm-desktop restore BACKUP --db {path}` 从备份恢复。</translation>
    </message>
    <message>
        <source>{path} cannot be used: {error}.</source>
        <translation>{path} 无法使用：{error}。</translation>
    </message>
    <message>
        <source>{path} is a folder, not a database file.</source>
        <translation>{path} 是文件夹，不是数据库文件。</translation>
    </message>
    <message>
        <source>{path} is not a regular file (a pipe or device?); not opened.</source>
        <translation>{path} 不是普通文件（是管道或设备？），未打开。</translation>
    </message>
</context>
<context>
    <name>Reports</name>
    <message>
        <source>Age, years</source>
        <translation>年龄，岁</translation>
    </message>
    <message>
        <source>Male sex</source>
        <translation>男性</translation>
    </message>
    <message>
        <source>ECOG performance status</source>
        <translation>ECOG 体能状态</translation>
    </message>
    <message>
        <source>Number of liver metastases</source>
        <translation>肝转移灶数目</translation>
    </message>
    <message>
        <source>Largest liver metastasis, mm</source>
        <translation>最大肝转移灶直径，mm</translation>
    </message>
    <message>
        <source>Synchronous liver metastases</source>
        <translation>同时性肝转移</translation>
    </message>
    <message>
        <source>Bone metastases</source>
        <translation>骨转移</translation>
    </message>
    <message>
        <source>Recurrence of the primary tumour</source>
        <translation>原发灶复发</translation>
    </message>
    <message>
        <source>Plasma EBV DNA, log10(copies/mL + 1)</source>
        <translation>血浆 EBV DNA，log10(copies/mL + 1)</translation>
    </message>
    <message>
        <source>Overall survival</source>
        <translation>总生存期</translation>
    </message>
    <message>
        <source>Intrahepatic recurrence-free survival</source>
        <translation>肝内无复发生存期</translation>
    </message>
    <message>
        <source>Recurrence-free probability</source>
        <translation>无复发生存率</translation>
    </message>
    <message>
        <source>Overall survival, propensity-matched cohort</source>
        <translation>总生存期（倾向性评分匹配队列）</translation>
    </message>
    <message>
        <source>Number at risk</source>
        <translation>风险人数</translation>
    </message>
    <message>
        <source>Months from index date</source>
        <translation>自基线日期起的月数</translation>
    </message>
    <message>
        <source>Survival probability</source>
        <translation>生存率</translation>
    </message>
    <message>
        <source>{label} (n = {n}, events = {events})</source>
        <translation>{label}（n = {n}，事件数 = {events}）</translation>
    </message>
    <message>
        <source>Covariate balance (Love plot)</source>
        <translation>协变量均衡性（Love 图）</translation>
    </message>
    <message>
        <source>Before</source>
        <translation>匹配前</translation>
    </message>
    <message>
        <source>After matching</source>
        <translation>匹配后</translation>
    </message>
    <message>
        <source>|Standardised mean difference|</source>
        <translation>|标准化均数差|</translation>
    </message>
    <message>
        <source>both groups need complete covariates</source>
        <translation>两组均需有完整的协变量</translation>
    </message>
    <message>
        <source>Index date: the liver resection (hepatectomy group); the start of systemic treatment for the liver metastases (systemic-only group).</source>
        <translation>基线日期：肝切除手术日（肝切除术组）；肝转移灶系统治疗开始日（单纯系统治疗组）。</translation>
    </message>
    <message>
        <source>90-day morbidity (any complication)</source>
        <translation>90 天并发症发生率（任何并发症）</translation>
    </message>
    <message>
        <source>90-day major morbidity (Clavien-Dindo ≥ IIIa)</source>
        <translation>90 天严重并发症发生率（Clavien-Dindo ≥ IIIa 级）</translation>
    </message>
    <message>
        <source>30-day mortality</source>
        <translation>30 天死亡</translation>
    </message>
    <message>
        <source>90-day mortality</source>
        <translation>90 天死亡</translation>
    </message>
    <message>
        <source>Unplanned reoperation during the index stay</source>
        <translation>首次住院期间非计划再手术</translation>
    </message>
    <message>
        <source>95 % pointwise, Greenwood variance on the log(-log) scale (lifelines)</source>
        <translation>95% 逐点置信区间（Greenwood 方差，log(-log) 变换，lifelines）</translation>
    </message>
    <message>
        <source>two-sided log-rank test (lifelines logrank_test)</source>
        <translation>双侧 Log-rank 检验（lifelines logrank_test）</translation>
    </message>
    <message>
        <source>Cox proportional hazards, Efron ties (lifelines CoxPHFitter); robust (sandwich) errors clustered on matched pairs in the matched cohort</source>
        <translation>Cox 比例风险模型（Efron 法处理结点，lifelines CoxPHFitter；匹配队列中采用按匹配对聚类的稳健（三明治）标准误）</translation>
    </message>
    <message>
        <source>logistic regression (statsmodels Logit), complete cases</source>
        <translation>Logistic 回归（statsmodels Logit，完整病例）</translation>
    </message>
    <message>
        <source>Wilson score and Clopper-Pearson exact 95 % intervals</source>
        <translation>Wilson 评分法及 Clopper-Pearson 精确法 95% 置信区间</translation>
    </message>
    <message>
        <source>needs both groups and at least one event</source>
        <translation>需要两组数据且至少发生一次事件</translation>
    </message>
    <message>
        <source>Unplanned reoperation during the index stay unknown for {n} (no discharge date and the reoperation more than {days} days after the operation): {ids}</source>
        <translation>首次住院期间非计划再手术情况未知 {n} 例（无出院日期且再手术在术后 {days} 天以后）：{ids}</translation>
    </message>
    <message>
        <source>hepatectomy</source>
        <translation>肝切除术</translation>
    </message>
    <message>
        <source>systemic therapy only</source>
        <translation>单纯系统治疗</translation>
    </message>
    <message>
        <source>assistant</source>
        <translation>助手</translation>
    </message>
    <message>
        <source>male</source>
        <translation>男</translation>
    </message>
    <message>
        <source>female</source>
        <translation>女</translation>
    </message>
    <message>
        <source>NCLM not confirmed</source>
        <translation>鼻咽癌肝转移未确诊</translation>
    </message>
    <message>
        <source>ECOG above the limit</source>
        <translation>ECOG 体能状态超过上限</translation>
    </message>
    <message>
        <source>No eligible disease pattern</source>
        <translation>不符合任一疾病类型</translation>
    </message>
    <message>
        <source>Not R0-resectable</source>
        <translation>无法 R0 切除</translation>
    </message>
    <message>
        <source>Liver function or remnant insufficient</source>
        <translation>肝功能或剩余肝体积不足</translation>
    </message>
    <message>
        <source>Surgical contraindication</source>
        <translation>存在手术禁忌</translation>
    </message>
    <message>
        <source>Expected survival under 6 months</source>
        <translation>预计生存期不足 6 个月</translation>
    </message>
    <message>
        <source>No signed consent</source>
        <translation>未签署知情同意书</translation>
    </message>
    <message>
        <source>Age outside the range</source>
        <translation>年龄不在范围内</translation>
    </message>
    <message>
        <source>Metastasis outside liver and bone</source>
        <translation>肝、骨以外的远处转移</translation>
    </message>
    <message>
        <source>Progression after systemic treatment</source>
        <translation>系统治疗后进展</translation>
    </message>
    <message>
        <source>Prior local liver therapy</source>
        <translation>既往肝脏局部治疗</translation>
    </message>
    <message>
        <source>Pregnant or breastfeeding</source>
        <translation>妊娠或哺乳期</translation>
    </message>
    <message>
        <source>Other malignancy or mental illness</source>
        <translation>其他恶性肿瘤或精神疾病</translation>
    </message>
    <message>
        <source>Cannot understand the study</source>
        <translation>无法理解研究内容</translation>
    </message>
    <message>
        <source>eligible</source>
        <translation>符合条件</translation>
    </message>
    <message>
        <source>not eligible</source>
        <translation>不符合条件</translation>
    </message>
    <message>
        <source>incomplete</source>
        <translation>未完成</translation>
    </message>
    <message>
        <source>not enrolled yet</source>
        <translation>尚未入组</translation>
    </message>
    <message>
        <source>screen failure</source>
        <translation>筛选失败</translation>
    </message>
    <message>
        <source>enrolled</source>
        <translation>已入组</translation>
    </message>
    <message>
        <source>valid</source>
        <translation>有效</translation>
    </message>
    <message>
        <source>invalid: data changed after signing</source>
        <translation>无效：签名后数据已更改</translation>
    </message>
    <message>
        <source>invalid: record deleted after signing</source>
        <translation>无效：签名后记录已删除</translation>
    </message>
    <message>
        <source>withdrawn</source>
        <translation>已退出</translation>
    </message>
    <message>
        <source>open</source>
        <translation>未解决</translation>
    </message>
    <message>
        <source>answered</source>
        <translation>已回复</translation>
    </message>
    <message>
        <source>closed</source>
        <translation>已关闭</translation>
    </message>
    <message>
        <source>created</source>
        <translation>新建</translation>
    </message>
    <message>
        <source>changed</source>
        <translation>修改</translation>
    </message>
    <message>
        <source>deleted</source>
        <translation>删除</translation>
    </message>
    <message>
        <source>met</source>
        <translation>符合</translation>
    </message>
    <message>
        <source>not met</source>
        <translation>不符合</translation>
    </message>
    <message>
        <source>not recorded</source>
        <translation>未记录</translation>
    </message>
    <message>
        <source>I have reviewed and approve these data</source>
        <translation>我已审阅并批准这些数据</translation>
    </message>
    <message>
        <source>Author</source>
        <translation>作者</translation>
    </message>
    <message>
        <source>Review</source>
        <translation>审阅</translation>
    </message>
    <message>
        <source>Meaning</source>
        <translation>签名含义</translation>
    </message>
    <message>
        <source>completed</source>
        <translation>已完成研究</translation>
    </message>
    <message>
        <source>deceased</source>
        <translation>已死亡</translation>
    </message>
    <message>
        <source>systemic only</source>
        <translation>单纯系统治疗</translation>
    </message>
    <message>
        <source>NCLM confirmation</source>
        <translation>鼻咽癌肝转移确诊</translation>
    </message>
    <message>
        <source>ECOG</source>
        <translation>ECOG</translation>
    </message>
    <message>
        <source>Disease pattern</source>
        <translation>疾病模式</translation>
    </message>
    <message>
        <source>R0 resectability</source>
        <translation>R0 可切除性</translation>
    </message>
    <message>
        <source>Liver function and remnant</source>
        <translation>肝功能与剩余肝体积</translation>
    </message>
    <message>
        <source>Expected survival</source>
        <translation>预计生存期</translation>
    </message>
    <message>
        <source>Informed consent</source>
        <translation>知情同意</translation>
    </message>
    <message>
        <source>Age</source>
        <translation>年龄</translation>
    </message>
    <message>
        <source>Distant metastasis</source>
        <translation>远处转移</translation>
    </message>
    <message>
        <source>Pregnancy or breastfeeding</source>
        <translation>妊娠或哺乳</translation>
    </message>
    <message>
        <source>Understanding of the study</source>
        <translation>对研究的理解</translation>
    </message>
    <message>
        <source>in window</source>
        <translation>在时间窗内</translation>
    </message>
    <message>
        <source>window opens later</source>
        <translation>时间窗尚未开始</translation>
    </message>
    <message>
        <source>overdue</source>
        <translation>已逾期</translation>
    </message>
    <message>
        <source>Unplanned reoperation during the index stay (unknown for {n}: no discharge date)</source>
        <translation>首次住院期间非计划再手术（{n} 例未知：无出院日期）</translation>
    </message>
    <message>
        <source>Morbidity (any complication within {days} days)</source>
        <translation>并发症发生率（{days} 天内任何并发症）</translation>
    </message>
    <message>
        <source>Major morbidity (Clavien-Dindo IIIa or worse within {days} days)</source>
        <translation>严重并发症发生率（{days} 天内 Clavien-Dindo IIIa 级及以上）</translation>
    </message>
    <message>
        <source>{days}-day mortality</source>
        <translation>{days} 天死亡率</translation>
    </message>
</context>
<context>
    <name>ReportsPage</name>
    <message>
        <source>English</source>
        <translation>英文</translation>
    </message>
    <message>
        <source>All screenings</source>
        <translation>全部筛选</translation>
    </message>
    <message>
        <source>Generate</source>
        <translation>生成</translation>
    </message>
    <message>
        <source>Print…</source>
        <translation>打印……</translation>
    </message>
    <message>
        <source>Save as…</source>
        <translation>另存为……</translation>
    </message>
    <message>
        <source>Report</source>
        <translation>报告</translation>
    </message>
    <message>
        <source>Participant</source>
        <translation>受试者</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>语言</translation>
    </message>
    <message>
        <source>From</source>
        <translation>从</translation>
    </message>
    <message>
        <source>To</source>
        <translation>至</translation>
    </message>
    <message>
        <source>Choose the report and press Generate to preview it.</source>
        <translation>选择报告后点击“生成”即可预览。</translation>
    </message>
    <message>
        <source>Enter the participant&apos;s study ID.</source>
        <translation>请输入受试者的研究编号。</translation>
    </message>
    <message>
        <source>Enter the {label} date.</source>
        <translation>请输入{label}日期。</translation>
    </message>
    <message>
        <source>Generating {title}…</source>
        <translation>正在生成{title}……</translation>
    </message>
    <message>
        <source>{pages} page(s). Print or save it with the buttons below.</source>
        <translation>共 {pages} 页。可用下方按钮打印或保存。</translation>
    </message>
    <message>
        <source>The report was not generated.</source>
        <translation>报告未生成。</translation>
    </message>
    <message>
        <source>The report could not be generated: {error}</source>
        <translation>无法生成报告：{error}</translation>
    </message>
    <message>
        <source>Saved to {path}</source>
        <translation>已保存至 {path}</translation>
    </message>
    <message>
        <source>{pages} page(s) sent to {printer}</source>
        <translation>已将 {pages} 页发送至 {printer}</translation>
    </message>
</context>
<context>
    <name>ResetPasswordDialog</name>
    <message>
        <source>Reset password</source>
        <translation>重置密码</translation>
    </message>
    <message>
        <source>Set a temporary password for {user}. Tell it to them in person; they must choose their own at the next sign-in.</source>
        <translation>为 {user} 设置临时密码。请当面告知；其下次登录时必须设置自己的密码。</translation>
    </message>
    <message>
        <source>Temporary password (10+ characters)</source>
        <translation>临时密码（至少 10 个字符）</translation>
    </message>
    <message>
        <source>Again</source>
        <translation>再次输入</translation>
    </message>
    <message>
        <source>The two passwords differ.</source>
        <translation>两次输入的密码不一致。</translation>
    </message>
</context>
<context>
    <name>ScreeningLogPage</name>
    <message>
        <source>All outcomes</source>
        <translation>全部结局</translation>
    </message>
    <message>
        <source>Filter by screener, study ID, reason …</source>
        <translation>按筛选者、研究编号、原因筛选……</translation>
    </message>
    <message>
        <source>New screening…</source>
        <translation>新建筛选……</translation>
    </message>
    <message>
        <source>Outcome</source>
        <translation>结局</translation>
    </message>
    <message>
        <source>Study flow (each participant&apos;s latest screening)</source>
        <translation>研究流程（每位受试者最近一次筛选）</translation>
    </message>
    <message>
        <source>{shown} of {total}</source>
        <translation>{shown} / {total}</translation>
    </message>
</context>
<context>
    <name>ScreeningWizard</name>
    <message>
        <source>met</source>
        <translation>符合</translation>
    </message>
    <message>
        <source>not met</source>
        <translation>不符合</translation>
    </message>
    <message>
        <source>does not apply</source>
        <translation>不适用</translation>
    </message>
    <message>
        <source>applies</source>
        <translation>适用</translation>
    </message>
    <message>
        <source>not recorded</source>
        <translation>未记录</translation>
    </message>
    <message>
        <source>New screening</source>
        <translation>新建筛选</translation>
    </message>
    <message>
        <source>Close (keep draft)</source>
        <translation>关闭（保留草稿）</translation>
    </message>
    <message>
        <source>Why can&apos;t I continue?</source>
        <translation>为什么无法继续？</translation>
    </message>
</context>
<context>
    <name>SegmentMap</name>
    <message>
        <source>Couinaud segment map</source>
        <translation>Couinaud 肝段示意图</translation>
    </message>
    <message>
        <source>none</source>
        <translation>无</translation>
    </message>
    <message>
        <source>selected</source>
        <translation>已选</translation>
    </message>
    <message>
        <source>not selected</source>
        <translation>未选</translation>
    </message>
    <message>
        <source>Selected segments: {chosen}. Focus on segment {seg} ({state}). Keys 1 to 8 toggle a segment; arrow keys move; Space toggles.</source>
        <translation>已选肝段：{chosen}。当前焦点：肝段 {seg}（{state}）。数字键 1 至 8 切换肝段；方向键移动；空格键切换。</translation>
    </message>
    <message>
        <source>resected</source>
        <translation>已切除</translation>
    </message>
    <message>
        <source>not resected</source>
        <translation>未切除</translation>
    </message>
    <message>
        <source>Segment {n} ({name}): {state}</source>
        <translation>肝段 {n}（{name}）：{state}</translation>
    </message>
</context>
<context>
    <name>SignOff</name>
    <message>
        <source>I have reviewed and approve these data</source>
        <translation>我已审阅并批准这些数据</translation>
    </message>
    <message>
        <source>Author</source>
        <translation>作者</translation>
    </message>
    <message>
        <source>Review</source>
        <translation>审阅</translation>
    </message>
</context>
<context>
    <name>StatusDashboard</name>
    <message>
        <source>Screening</source>
        <translation>筛选</translation>
    </message>
    <message>
        <source>Enrolment</source>
        <translation>入组</translation>
    </message>
    <message>
        <source>Baseline</source>
        <translation>基线</translation>
    </message>
    <message>
        <source>Systemic treatment</source>
        <translation>系统治疗</translation>
    </message>
    <message>
        <source>Operation</source>
        <translation>手术</translation>
    </message>
    <message>
        <source>Complications</source>
        <translation>并发症</translation>
    </message>
    <message>
        <source>Reoperations</source>
        <translation>再次手术</translation>
    </message>
    <message>
        <source>Clinical events</source>
        <translation>临床事件</translation>
    </message>
    <message>
        <source>Empty</source>
        <translation>空</translation>
    </message>
    <message>
        <source>Incomplete</source>
        <translation>未完成</translation>
    </message>
    <message>
        <source>Complete</source>
        <translation>完整</translation>
    </message>
    <message>
        <source>Verified (SDV)</source>
        <translation>源数据已核查</translation>
    </message>
    <message>
        <source>Locked (signed)</source>
        <translation>已锁定（已签名）</translation>
    </message>
    <message>
        <source>Open query</source>
        <translation>未解决质疑</translation>
    </message>
    <message>
        <source>Nothing recorded yet</source>
        <translation>尚无记录</translation>
    </message>
    <message>
        <source>A required field is left empty</source>
        <translation>有必填项未填写</translation>
    </message>
    <message>
        <source>Every required field is recorded</source>
        <translation>必填项均已填写</translation>
    </message>
    <message>
        <source>Every record verified against the source, unchanged since</source>
        <translation>每条记录均已与源数据核对，且此后未改动</translation>
    </message>
    <message>
        <source>The casebook is signed and locked</source>
        <translation>病例报告已签名并锁定</translation>
    </message>
    <message>
        <source>A data query on this form is open</source>
        <translation>此表单有未解决的数据质疑</translation>
    </message>
    <message>
        <source>–</source>
        <translation>–</translation>
    </message>
    <message>
        <source>I</source>
        <translation>缺</translation>
    </message>
    <message>
        <source>C</source>
        <translation>完</translation>
    </message>
    <message>
        <source>V</source>
        <translation>核</translation>
    </message>
    <message>
        <source>L</source>
        <translation>锁</translation>
    </message>
    <message>
        <source>Q</source>
        <translation>疑</translation>
    </message>
    <message>
        <source>Screen.</source>
        <translation>筛选</translation>
    </message>
    <message>
        <source>Enrol.</source>
        <translation>入组</translation>
    </message>
    <message>
        <source>Systemic</source>
        <translation>系统</translation>
    </message>
    <message>
        <source>Oper.</source>
        <translation>手术</translation>
    </message>
    <message>
        <source>Compl.</source>
        <translation>并发症</translation>
    </message>
    <message>
        <source>Reop.</source>
        <translation>再手术</translation>
    </message>
    <message>
        <source>Events</source>
        <translation>事件</translation>
    </message>
    <message>
        <source>planned</source>
        <translation>计划中</translation>
    </message>
    <message>
        <source>done</source>
        <translation>已完成</translation>
    </message>
    <message>
        <source>missed</source>
        <translation>未完成</translation>
    </message>
    <message>
        <source>cancelled</source>
        <translation>已取消</translation>
    </message>
</context>
<context>
    <name>StatusDashboardPage</name>
    <message>
        <source>Filter by study ID …</source>
        <translation>按研究编号筛选 …</translation>
    </message>
    <message>
        <source>All participants</source>
        <translation>全部受试者</translation>
    </message>
    <message>
        <source>With open queries</source>
        <translation>有未解决质疑</translation>
    </message>
    <message>
        <source>With incomplete forms</source>
        <translation>有不完整表单</translation>
    </message>
    <message>
        <source>With verified forms</source>
        <translation>有已核查表单</translation>
    </message>
    <message>
        <source>Locked (signed)</source>
        <translation>已锁定（已签名）</translation>
    </message>
    <message>
        <source>Not locked</source>
        <translation>未锁定</translation>
    </message>
    <message>
        <source>{n} participants</source>
        <translation>{n} 名受试者</translation>
    </message>
</context>
<context>
    <name>SurgicalRecord</name>
    <message>
        <source>90-day morbidity</source>
        <translation>90 天并发症发生</translation>
    </message>
    <message>
        <source>Major morbidity (Clavien-Dindo ≥ IIIa)</source>
        <translation>严重并发症（Clavien-Dindo ≥ IIIa 级）</translation>
    </message>
    <message>
        <source>30-day mortality</source>
        <translation>30 天死亡</translation>
    </message>
    <message>
        <source>90-day mortality</source>
        <translation>90 天死亡</translation>
    </message>
    <message>
        <source>Unplanned reoperation during the index stay</source>
        <translation>首次住院期间非计划再手术</translation>
    </message>
    <message>
        <source>drugs</source>
        <translation>药物治疗</translation>
    </message>
    <message>
        <source>transfusion</source>
        <translation>输血</translation>
    </message>
    <message>
        <source>TPN</source>
        <translation>全胃肠外营养</translation>
    </message>
</context>
<context>
    <name>_Cover</name>
    <message>
        <source>Locked</source>
        <translation>已锁定</translation>
    </message>
</context>
<context>
    <name>lang</name>
    <message>
        <source>{date} (day {n})</source>
        <translation>{date}（术后第 {n} 天）</translation>
    </message>
    <message>
        <source>Follow-up visit schedule</source>
        <translation>随访计划表</translation>
    </message>
    <message>
        <source>Page {n} of {m}</source>
        <translation>第 {n} 页，共 {m} 页</translation>
    </message>
    <message>
        <source>routine only</source>
        <translation>仅常规检查</translation>
    </message>
    <message>
        <source>Grade {g}</source>
        <translation>{g} 级</translation>
    </message>
    <message>
        <source>[hidden]</source>
        <translation>[已隐藏]</translation>
    </message>
</context>
</TS>
