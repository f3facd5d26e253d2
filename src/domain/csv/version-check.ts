// Column 1 of every record: the CSVバージョン. It picks the layout (pre-v4 or v4 tables), must
// be one value per file, and should be the version in force for the file's service month.
import { FILE_KINDS, type FileKind, type ParsedFileName } from '../filename';
import { compiledLayout, type CompiledLayout } from './compile';
import { eraWithColumnCount } from './layouts';
import type { ProblemList } from './problems';
import { CSV_VERSIONS, SUPERSEDED_V4_VALUE, versionInfo, versionNotInForce, VERSION_TABLE } from './versions';

const FIRST = { column: 1, item: 'CSVバージョン' } as const;

export interface VersionResult {
  version: string | null;
  /** the layout the records are checked against, null when there is none to use */
  layout: CompiledLayout | null;
}

export function checkVersions(
  records: string[][], kind: FileKind | null, name: ParsedFileName | null, problems: ProblemList,
): VersionResult {
  const version = records[0]?.[0] ?? null;
  if (version === null) return { version, layout: null };
  for (let i = 1; i < records.length; i++) {
    const other = records[i]![0];
    if (other !== version && !(records[i]!.length === 1 && records[i]![0]!.trim() === '')) {
      problems.error(`CSVバージョンが混在しています(1行目は ${version}、${i + 1}行目は ${other ?? ''}。1ファイルに混在させることはできません)`,
        { row: i + 1, ...FIRST });
      break;
    }
  }
  const info = versionInfo(version);
  if (!info) {
    const hint = version === '202404' ? '。202404 は仕様書の記載例にだけある値で、CSVバージョン履歴にはありません' : '';
    problems.error(`「${version}」は対応していないCSVバージョンです(${CSV_VERSIONS.join(', ')}${hint})`, { row: 1, ...FIRST });
    // go on with the layout the columns match, so the rest of the file is still looked at
    const era = kind ? eraWithColumnCount(kind, records[0]!.length) : null;
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
