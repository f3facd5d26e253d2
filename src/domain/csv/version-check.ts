// Column 1 of every record: the CSVバージョン. It picks the layout (pre-v4 or v4 tables), must
// be one value per file, and should be the version in force for the file's service month.
import { FILE_KINDS, type FileKind, type ParsedFileName } from '../filename';
import { compiledLayout, type CompiledLayout } from './compile';
import { eraWithColumnCount } from './layouts';
import type { ProblemList } from './problems';
import { CSV_VERSIONS, SUPERSEDED_V4_VALUE, versionInfo, versionNotInForce, VERSION_TABLE } from './versions';

const FIRST = { column: 1, item: 'CSVバージョン' } as const;

export interface VersionResult {
  version: string;
  /** the layout the records are checked against, null when there is none to use */
  layout: CompiledLayout | null;
}

/**
 * One CSVバージョン per file: said once, at the first record that differs. The record loop asks
 * this of each record it reads anyway (one pass over a large file); files without a layout
 * are walked here.
 */
export function versionMixer(version: string, problems: ProblemList): (record: string[], row: number) => void {
  // a heading row is said once as such (checkVersions), not again as a mix on the next row
  let said = isHeading(version);
  return (record, row) => {
    const other = record[0]!;
    if (said || other === version || (record.length === 1 && other.trim() === '')) return;
    said = true;
    problems.error(`CSVバージョンが混在しています(1行目は ${version}、${row}行目は ${other}。1ファイルに混在させることはできません)`,
      { row, ...FIRST });
  };
}

/**
 * A first value that is a 項目名, not a damaged version: no digit, and a word (「CSVバージョン」,
 * 「項目名」…). It is the heading row a spreadsheet adds, which the layouts never have.
 */
function isHeading(value: string): boolean {
  return !/\d/.test(value) && /バージョン|ﾊﾞｰｼﾞｮﾝ|version|[\u3040-\u30ff\u4e00-\u9fff\uff66-\uff9f]/i.test(value);
}

/** The version of the first record, and the layout it calls for. */
export function checkVersions(
  first: string[], kind: FileKind | null, name: ParsedFileName | null, problems: ProblemList,
): VersionResult {
  const version = first[0]!;
  const info = versionInfo(version);
  if (!info && isHeading(version)) {
    problems.error(`1行目は項目名の見出し行のようです(1列目が「${version.slice(0, 20)}」)。連携ファイルに見出し行は付けません。` +
      '見出し行を取り除き、1行目からデータを書いてください', { row: 1, ...FIRST });
    return { version, layout: null };
  }
  if (!info) {
    const hint = version === '202404' ? '。202404 は仕様書の記載例にだけある値で、CSVバージョン履歴にはありません' : '';
    problems.error(`「${version}」は対応していないCSVバージョンです(${CSV_VERSIONS.join(', ')}${hint})`, { row: 1, ...FIRST });
    // go on with the layout the columns match, so the rest of the file is still looked at
    const era = kind ? eraWithColumnCount(kind, first.length) : null;
    return { version, layout: kind && era ? compiledLayout(kind, era) : null };
  }
  if (version === SUPERSEDED_V4_VALUE) {
    problems.warning(`CSVバージョン ${version} はv4.0の値で、v4.1で 202407 に変わりました(同じ形式として読みます。送信はできます)`,
      { row: 1, ...FIRST });
  }
  if (!kind) return { version, layout: null };
  const layout = compiledLayout(kind, info.era);
  if (!layout) {
    const since = VERSION_TABLE.find((v) => v.era === 'v4')!.value;
    problems.error(`${FILE_KINDS[kind].label}(${kind})はCSVバージョン ${since} からのファイルです(${version} にはありません)`,
      { row: 1, ...FIRST });
    return { version, layout: null };
  }
  const month = name?.targetMonth;
  if (month && month !== '000000') {
    const note = versionNotInForce(version, month);
    if (note) problems.warning(`${note}。受信側の確認が必要です(送信はできます)`, { row: 1, ...FIRST });
  }
  return { version, layout };
}
