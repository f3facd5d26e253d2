// 予定 ⇄ 実績: reading the files, choosing the versions, matching, the monthly check, exports.
export { isUsageKind, personKey, readPersonNames, readUsageFile, serviceKindOf, type PersonId, type UsageFile, type UsageKind, type UsagePerson, type UsageRow } from './rows';
export { comparePerson, type Change, type CompareLine, type LineStatus, type PersonComparison, type ServiceTotal, type Totals } from './match';
export { keptFromFile, pairId, pairsOf, peopleOf, versionOrder, type KeptUsageFile, type KeptFileMeta, type KeptPerson, type KeptUsage, type Pair, type PairKey } from './versions';
export { checkRowOf, countStatuses, deadlineOf, defaultCheckMonth, monthlyCheck, statusLabel, type CheckRow, type CheckStatus, type Deadline, type MonthlyCheck, type Role, type StatusCounts } from './monthly';
export { comparisonCsv, monthlyCsv } from './export';
export { changeTexts, dateLabel, dayText, LINE_LABELS, monthLabel, rowText, sequenceText, timeText } from './text';
