// The CSV spec module: checks, previews and diffs of the standard spec's files.
export type { CsvProblem, CsvReport, CsvSeverity } from './types';
export { hasErrors, isListed, problemCount } from './types';
export { validateCsv, checkCsv } from './validate';
export { validateSendCsvs, type SendCsvReport } from './send';
export { decodeCp932, readCp932, UNDECODABLE_MESSAGE } from './decode';
export { parseCsvText } from './parse';
export { LAYOUT_DEFS, layoutFor } from './layouts';
export { CSV_VERSIONS, VERSION_TABLE, versionForMonth } from './versions';
export { buildPreview, type CsvPreviewModel } from './preview';
export { diffServiceMonth, diffServiceMonthLines, personMonthKey, personMonthKeys, type DiffLine } from './diff';
export { assignEarlier, earlierPlanFiles, planFilesOf, type PlanFile, type PlanKind } from './plan-history';
