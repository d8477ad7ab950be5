<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN" sourcelanguage="en">
<context>
    <name></name>
    <message>
        <source>User name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Role</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Active</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Locked</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Last sign-in (UTC)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Time (local)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Local time, with its offset from UTC</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>User</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Action</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Record</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Study ID</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Field</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Change</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Old value → new value</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reason</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>yes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Phone</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Visit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>State</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Booked</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Window from</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Window to</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Days overdue</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Done on</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Filter by study ID, name, phone, visit …</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Today</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Month</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export .ics…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The visits of the shown month or worklist as an iCalendar file (study ID and visit code only).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{title} ({n})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open visits booked from {start} to {end}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{date}: {n} visit(s)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Patient CCI</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Comprehensive Complication Index (Slankamenac 2013), 0–100.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>none</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This complication: grade {grade}
Without it: {before:.1f}
Other complications: {grades}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Edit complication — {sid}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add complication — {sid}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save and add another</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{name} on {date}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Complication</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Category *</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>— choose</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>describe (category other)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Description</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Onset date *</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Postoperative day:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Treatment needed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tick the most intensive treatment the complication needed; it proposes the grade.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Drugs beyond antiemetics, antipyretics, analgesics, diuretics, electrolytes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Blood transfusion</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Total parenteral nutrition</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Intermediate or intensive care (life-threatening)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Single organ dysfunction</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Multiple organ dysfunction</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The patient died of this complication</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Drugs</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Intervention</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Intensive care</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Organ failure</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Death</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>e.g. piperacillin-tazobactam 7 days</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Treatment given</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Clavien-Dindo grade</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The grade proposed from the treatment is marked; another grade needs a reason.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Grade {g}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reason for choosing another grade than proposed:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Suffix d (next page): the complication is still present at discharge.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ISGLS grade</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Outcome</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Still present at discharge (suffix d)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>At discharge</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Resolved on</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Date of death *</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cause of death</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>proposed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Proposed Clavien-Dindo grade: {g}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Proposed grade: choose single or multiple organ dysfunction.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This category has no ISGLS grade.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{label} — {source}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Definition</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Onset</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>postoperative day {d}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Clavien-Dindo</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ISGLS</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Grade V records the death of {sid} on {date}: the participant becomes deceased and later follow-up visits are cancelled. Save?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the complication record</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The year must be between {lo} and {hi}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>There is no month {month}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{year}-{month:02d} has no day {day}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not a date: type YYYY-MM-DD, DD.MM.YYYY, YYYY/MM/DD or YYYYMMDD.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>YYYY-MM-DD</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>YYYY-MM-DD, DD.MM.YYYY, YYYY/MM/DD or YYYYMMDD; Alt+Down: calendar</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pick from a calendar</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>NCLM Desktop</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Please confirm</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reason for change</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Why is {what} being changed? The reason is kept in the audit trail.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Password</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Visit {code}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Operation (anchor)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Index date (anchor)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Date</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Day</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>What</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Details</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{event} on {date}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>censored on {date}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{name}: {months:.1f} months ({days} days), {outcome}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Record event…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>An event learnt outside a visit: phone contact, death, withdrawal …</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export schedule (.ics)…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No follow-up yet: the schedule starts from the operation (hepatectomy) or the index date (systemic only).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Operation date</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Index date</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;b&gt;{study_id}&lt;/b&gt; · {anchor} {date} · status {status}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Overall survival</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>death</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Intrahepatic RFS</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>event</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{n} event(s) recorded.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Keep this value</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{label} (see the message)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{label} is required.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Edit…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Error</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Still needed before Next:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a whole number</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a number</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{label} must be {kind}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Participants</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Screening</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Calendar</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Outcomes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reports</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Audit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Administration</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No segment selected yet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>major resection</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>minor resection</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{n} segment(s)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Edit operation — {study_id}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Record operation — {study_id}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enrolled {date}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Operation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Operation date *</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Surgeons</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>investigator</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>surgeon</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Surgeons * (Space ticks)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Approach *</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Resected segments</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Click the resected Couinaud segments, or press 1 to 8 (arrows move, Space toggles). Anterior view: the patient&apos;s right is on the left.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Anatomical resection (along segment boundaries)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>During the operation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Duration (min)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>minutes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Blood loss (mL)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>mL</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Transfusion (units)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>units of red cells</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pringle manoeuvres (count)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>count</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pringle total time (min)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Specimen and pathology</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Lesions resected</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Largest lesion (mm)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>mm</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Resection margin (mm)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>R status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>— not recorded</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pathology confirms NPC metastasis</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Perioperative radiotherapy of the primary</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Perioperative chemotherapy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Discharge</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Discharge date</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Length of stay:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Notes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The discharge date is before the operation date ({date}).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{n} days</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Segments</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Blood loss</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{v} mL</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Margin · R status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Length of stay</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the operation record</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>An unsaved operation entry from {when} was kept. Restore it?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Restore draft</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the identity</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Hospital record number</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sex</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Male</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Female</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Birth date</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Address</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the baseline data</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>NPC diagnosis date</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>WHO histology</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>T stage (AJCC 8th)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>N stage (AJCC 8th)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Plasma EBV DNA</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>EBV DNA date</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Number of liver metastases</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Largest liver metastasis</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Segments involved</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Timing</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Interval from NPC diagnosis</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>months</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Bone metastases</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Yes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Primary recurrence</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Line</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Regimen</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Start</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>End</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Best response</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Liver</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Systemic treatment lines</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the enrolment dates</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Consent date</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enrolment date</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Systemic-only cohort: start of systemic treatment for the liver metastases; moving it moves the planned visits.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Hepatectomy cohort: the index date is the operation date, set by the operation record.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Saved. Visits planned {added}, moved {moved}, cancelled {cancelled}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No screening recorded.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{verdict} — screened on {date} by {who}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> — disease pattern {n}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Criterion</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Result</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no study ID</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>HRN {number}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>identity hidden, born {year}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>identity hidden</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no study ID (#{id})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Chinese names are also found by pinyin or initials</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Record no.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cohort</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Born</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enrolled</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Next visit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The earliest open visit (may be overdue)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Missing</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Required screening, baseline and operation fields left empty</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Last change</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Edit reoperation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add reoperation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>not yet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Operation {date} · discharged {discharged}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Date *</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Planned? *</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Planned (e.g. second stage)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unplanned</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reason *</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>During the index stay:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unknown (no discharge date)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the reoperation record</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Operative report</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Complications and morbidity (M&amp;M)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Visit schedule for the patient</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Coordinator worklist</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Screening log</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save report</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>PDF files (*.pdf)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The printer could not be started.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Visit schedule</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The follow-up visits of {study_id} are planned. Print the schedule for the patient?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Print in English</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not now</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Visit schedule — {study_id}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Screener</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Age</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reasons</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Screened {s}; not eligible {ne} ({reasons}); eligible {e}; enrolled {en}: hepatectomy {h}, systemic only {sy}; awaiting enrolment {a}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The reasons add up to {r} for {n} people: one person can have several.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Screened</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Eligible</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Hepatectomy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Systemic only</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Awaiting enrolment</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not eligible  n = {n}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>… and other reasons</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>One person can have several reasons ({r} in all).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Patient</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Who is being screened. Fields marked * are required.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Screening date</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>birth date</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Disease status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nasopharyngeal carcinoma and its metastases at screening.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>NCLM confirmed (biopsy, or imaging + history)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>T</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>N</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>AJCC 8th stage at diagnosis</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Metastatic sites</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Primary tumour recurrence</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Liver oligometastasis</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Response outside the liver after systemic treatment</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Progression (PD) after systemic treatment of primary / bone</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Liver function</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enter the values in the unit the laboratory reported; they are converted once.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Total bilirubin</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Albumin</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>INR</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ascites</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Hepatic encephalopathy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Child-Pugh</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ALBI</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>enter all five items</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{points} points, class {grade}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>enter bilirubin and albumin</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{score}, grade {grade}  (bilirubin {bili} µmol/L, albumin {alb} g/L)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Surgical assessment</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The surgeon&apos;s assessment of resectability.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ECOG performance status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Liver lesions R0-resectable</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Future liver remnant</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Contraindication to surgery</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Expected survival 6 months or more</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Other criteria</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The remaining inclusion and exclusion criteria.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Prior local liver therapy (TACE, RFA …)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pregnant or breastfeeding</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>History of another malignancy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Severe mental illness</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Patient or family understands the study</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Informed consent signed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{label} must be between {lo} and {hi} {unit}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{label} cannot be in the future (today is {today}).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{label} cannot be before the {other} ({limit}).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Verdict</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Each criterion of the protocol, as recorded on the previous pages.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot evaluate: {error}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Go back and correct the value.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Next: choose the cohort and record the consent.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Finish saves this screening as a screen failure with the failed criteria as its reasons.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Go back and record the missing items. Closing the wizard keeps a draft.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Inclusion</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Exclusion</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enrolment</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The study ID is assigned when you finish.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>screening date</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>consent date</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Index date (start of systemic treatment for the liver metastases)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Hepatectomy cohort: the index date is the operation date, recorded with the operation. Systemic-only cohort: the start of systemic treatment for the liver metastases; the follow-up visits are planned from it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add each line with its regimen, dates and best RECIST response.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>e.g. GP (gemcitabine + cisplatin)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>start</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Treats the liver metastases</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add line</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove selected</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Systemic-only cohort: enter at least one line; tick the one that treats the liver metastases (it starts on the index date {date}).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Prior systemic treatment lines (optional), with their best RECIST response.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enter the regimen.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The systemic-only cohort needs at least one treatment line: fill it in and click Add line.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Baseline disease</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Needed by the outcome analysis for both cohorts.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Still needed: {fields}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>not enrolled</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Hospital record number {hrn} is already in the study ({label}, {status}). Their record opens instead of a new screening.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Saved as a screen failure.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enrolled as {study_id}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>You have an unfinished screening from {when}. Resume it?

No discards it and starts a new screening.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Resume screening</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Please type {kind}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>POD</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Treatment</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Resolved</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Planned?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>During index stay</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Record operation…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Edit operation…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Complications</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add complication…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Edit complication…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reoperations</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add reoperation…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Edit reoperation…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Perioperative outcomes (computed)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Surgery — {sid}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Systemic-only participant: no operation is recorded in this study.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This record is locked (signed); an investigator must unlock it to edit.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Read-only: your role may view but not change surgical data.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Record another operation…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No operation recorded yet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{n} × · {m} min</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Approach</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Resection</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Extent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>major</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>minor</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>anatomical</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>non-anatomical</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Duration</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>min</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Transfusion</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>units</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pringle</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Largest lesion</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Margin</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>NPC metastasis confirmed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Periop. radiotherapy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Periop. chemotherapy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Comprehensive Complication Index: {cci:.1f}  ({n} complication(s))</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>planned</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unplanned</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ICU ({kind} organ)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>intervention under GA</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>intervention without GA</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>none beyond grade I</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>died {d}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Outcomes cannot be computed: {why}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Computed from the dates above by the protocol rules: morbidity within 90 days of the operation; mortality within 30 / 90 days; grade * = chosen against the proposal, with a reason.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Select a complication in the table first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Select a reoperation in the table first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export calendar</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>iCalendar files (*.ics)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{n} visits exported to {path}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Record visit…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reschedule…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Mark missed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Un-mark missed…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Correct visit…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{study_id} {code} recorded.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{study_id} {code} rescheduled.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Flagged as a protocol deviation.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Mark {study_id} {code} as missed?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{study_id} {code} marked missed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the missed status of {code}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{study_id} {code} is open again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enter the date.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Findings (each ticked row is recorded as a clinical event)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>confirmed by {how}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Correct visit {study_id} {code}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Record visit {study_id} {code}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;b&gt;{study_id} · {code}&lt;/b&gt; (month {month})&lt;br&gt;Window {start} to {end}; booked {booked}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Assessments done</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{label} (not scheduled)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>— not assessed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>0 if undetectable; empty if not done</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Visit date</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ECOG</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>EBV DNA (copies/mL)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Liver imaging</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New findings (events already recorded stay as they are)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save correction</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save visit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>In the future: today is {today}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Outside the window: will be recorded as a protocol deviation.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>EBV DNA must be a number of copies/mL.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>visit {code}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{problem} Record it anyway as a protocol deviation?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Record events for {study_id}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Events (tick each one to record)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save events</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reschedule {study_id} {code}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Window {start} to {end} (target {target}).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>required outside the window</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New date</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reschedule</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Outside the window: a protocol deviation; give the reason.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{day} is a weekend day.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>AdminPage</name>
    <message>
        <source>Activate / deactivate selected</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unlock selected</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reset password…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add user</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New user</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>User name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Full name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Role</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Password (10+ characters)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Password again</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> min</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Back up now</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Workstation and data</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Lock after idle</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Restore from a backup…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Contact numbers printed on patient schedules</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save numbers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The two passwords differ.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>User {name} added.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the account of {u}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{u} can sign in again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Password of {u} reset; they choose a new one at the next sign-in.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Saved.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Backing up…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Backup written and checked: {p}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Backup failed: {e}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose the backup to restore</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Backups (*.db)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Replace the study database by the backup
{b}?

Everything entered after that backup was made will no longer be in the study. Close NCLM Desktop on every other session first. The current database is kept aside, dated, next to it. After restoring, NCLM Desktop closes; start it again and sign in.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Restore from a backup</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Checking the backup and restoring…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Restored.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The database was restored from {b}.
The replaced database is kept in {a}.

NCLM Desktop will now close; start it again and sign in.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Restore failed: {e}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Audit</name>
    <message>
        <source>Participant</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Identity</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Screening</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Baseline disease</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Systemic treatment</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Operation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Surgeon of operation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Complication</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reoperation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Visit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Clinical event</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Signature</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>User account</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Setting</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>added</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>changed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>deleted</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>signed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>signature revoked</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>signed in</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>sign-in failed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>signed out</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>exported</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>backup</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>locked</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unlocked</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Clavien-Dindo grade</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Hospital record number</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Index date</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Suffix d (disability at discharge)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Expected survival ≥ 6 months</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>AuditPage</name>
    <message>
        <source>From</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Apply</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Verify audit trail</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The hash chain, its anchors, and every table compared with the trail</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Participant</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>User</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>to</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{n} events shown (newest first, at most 5,000).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Verifying the audit trail…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Audit trail intact: {n} events; {a} anchor(s) matched; {t} audited tables agree with the trail.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>broken at event {id}: {problem}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{n} difference(s) with the tables, first: {d}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>AUDIT TRAIL NOT INTACT: {p}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not verify: {e}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ChangePasswordDialog</name>
    <message>
        <source>An administrator has reset your password. Choose a new password before you continue.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Change the password of {user}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>NCLM Desktop — change password</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Current password</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New password (10+ characters)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New password again</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The two new passwords differ.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>DataDictionary</name>
    <message>
        <source>Yes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>FirstRunDialog</name>
    <message>
        <source>NCLM Desktop — first start</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This database has no users yet. Create the administrator account; the administrator then adds investigators, surgeons, coordinators and monitors.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>User name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Full name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Password (10+ characters)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Password again</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The two passwords differ.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Followup</name>
    <message>
        <source>planned</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>due now</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>overdue</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>done</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>missed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cancelled</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Intrahepatic recurrence</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Extrahepatic recurrence</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Local/regional recurrence</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Death</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Last contact alive</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Withdrawal</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Lost to follow-up</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No recurrence</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Indeterminate</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not done</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>imaging</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>pathology</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>clinical</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>IdleLock</name>
    <message>
        <source>Wrong password.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>LockDialog</name>
    <message>
        <source>NCLM Desktop — locked</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Locked after inactivity. {name} ({user}): enter your password to continue, or switch user.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unlock</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Switch user</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>LoginDialog</name>
    <message>
        <source>NCLM Desktop — sign in</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sign in to the NCLM study database:
{db}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>User name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Password</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose a new password to continue.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>NCLM Desktop — {db}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{name} ({user}) — {role}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Database: {db}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Lock now</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Switch user</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Find</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>About NCLM Desktop</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sign out</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>End your session; the sign-in window comes back</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>End your session and let another user sign in</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Session</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Session</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Signed in: {user}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Account</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Change password…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Password changed.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>OutcomesPage</name>
    <message>
        <source>Run analysis</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Print report…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save report as PDF…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Computing the analysis…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Analysis of {h} hepatectomy and {s} systemic-only participants.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The analysis failed: {e}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Laying out the outcomes report…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Outcomes report: {pages} page(s).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The report could not be laid out: {e}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot write {path}: {error}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Saved to {path}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{pages} page(s) sent to {printer}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ParticipantDetail</name>
    <message>
        <source>Identity</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enrolment</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Screening</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Baseline</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Close</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Print visit schedule…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The patient&apos;s follow-up visits, in English or Chinese, to print or save</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>hepatectomy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>systemic only</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>born {date}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>consent {date}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>enrolled {date}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>index date {date}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Participant {who}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ParticipantTabs</name>
    <message>
        <source>Surgery</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Follow-up</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ParticipantsPage</name>
    <message>
        <source>Filter by study ID, name or pinyin, record number, status … (Ctrl+F)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New screening…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{shown} of {total}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>PlaceholderPage</name>
    <message>
        <source>{title}

This screen is not available in this version yet.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ReportsPage</name>
    <message>
        <source>English</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>All screenings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Generate</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Print…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save as…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Report</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Participant</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Language</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>From</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>To</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose the report and press Generate to preview it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enter the participant&apos;s study ID.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enter the {label} date.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Generating {title}…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{pages} page(s). Print or save it with the buttons below.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The report was not generated.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The report could not be generated: {error}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Saved to {path}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{pages} page(s) sent to {printer}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ResetPasswordDialog</name>
    <message>
        <source>Reset password</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Set a temporary password for {user}. Tell it to them in person; they must choose their own at the next sign-in.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Temporary password (10+ characters)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Again</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The two passwords differ.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ScreeningLogPage</name>
    <message>
        <source>All outcomes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Filter by screener, study ID, reason …</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New screening…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Outcome</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Study flow (each participant&apos;s latest screening)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{shown} of {total}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ScreeningWizard</name>
    <message>
        <source>met</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>not met</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>does not apply</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>applies</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>not recorded</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New screening</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Close (keep draft)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Why can&apos;t I continue?</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SegmentMap</name>
    <message>
        <source>Couinaud segment map</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>none</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>selected</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>not selected</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Selected segments: {chosen}. Focus on segment {seg} ({state}). Keys 1 to 8 toggle a segment; arrow keys move; Space toggles.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>resected</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>not resected</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Segment {n} ({name}): {state}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>_Cover</name>
    <message>
        <source>Locked</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>parent</name>
    <message>
        <source>Built on {date}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Running from source (not a packaged build).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;b&gt;NCLM Desktop&lt;/b&gt; {version}&lt;br&gt;{when}&lt;br&gt;&lt;br&gt;Case management for the NCLM hepatectomy study. Works offline; the study database stays on this computer or your site&apos;s server.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>About NCLM Desktop</source>
        <translation type="unfinished"></translation>
    </message>
</context>
</TS>
