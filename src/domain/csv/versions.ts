// CSVバージョン values and the サービス提供年月 each applies from (docs/csv-spec.md "Versions").
// 202504 is the value v4.0 introduced; v4.1 renamed it 202407 with the same start month and the
// same layout. The sources do not say whether a receiver must refuse it, so it is read as v4
// with a warning.
import { formatMonth } from '../date';

export type LayoutEra = 'pre-v4' | 'v4';

export interface CsvVersion {
  value: string;
  /** the first サービス提供年月 (YYYYMM) the version applies to */
  from: string;
  era: LayoutEra;
  /** the document 版 that introduced it */
  edition: string;
}

export const VERSION_TABLE: readonly CsvVersion[] = [
  { value: '201910', from: '202003', era: 'pre-v4', edition: '初版' },
  { value: '202003', from: '202010', era: 'pre-v4', edition: '第2版' },
  { value: '202208', from: '202301', era: 'pre-v4', edition: '第3版(3.1・3.2も同じ値)' },
  { value: '202407', from: '202504', era: 'v4', edition: '第4.1版' },
];

/** The v4.0 value, superseded by 202407 before it came into force. */
export const SUPERSEDED_V4_VALUE = '202504';

export const CSV_VERSIONS = VERSION_TABLE.map((v) => v.value);

export function versionInfo(value: string): CsvVersion | undefined {
  if (value === SUPERSEDED_V4_VALUE) return { value, from: '202504', era: 'v4', edition: '第4.0版' };
  return VERSION_TABLE.find((v) => v.value === value);
}

/** The version a service month calls for: the newest one whose start is not after it. */
export function versionForMonth(yyyymm: string): CsvVersion {
  let found = VERSION_TABLE[0]!;
  for (const v of VERSION_TABLE) if (v.from <= yyyymm) found = v;
  return found;
}

/** null when `value` is the version in force for the month, else the sentence that says which is. */
export function versionNotInForce(value: string, yyyymm: string): string | null {
  const used = versionInfo(value);
  const wanted = versionForMonth(yyyymm);
  if (!used || (used.era === wanted.era && (used.value === wanted.value || value === SUPERSEDED_V4_VALUE))) return null;
  return `対象年月 ${formatMonth(yyyymm)} に適用されるCSVバージョンは ${wanted.value} です` +
    `(${value} は ${formatMonth(used.from)} のサービス提供分から適用)`;
}
