// Preview models of a CSV file: what the person sending or receiving it reads on screen.
// Always built from a lenient decode, so even a file with errors can be looked at.
import { FILE_KINDS, parseFileName, type FileKind } from '../filename';
import { isUtf8Text, readCp932 } from './decode';
import { formatDate, formatMonthValue } from './labels';
import { parseCsvText } from './parse';
import type { CsvPreviewModel, PreviewBody } from './preview-model';
import { MAX_TABLE_ROWS, serviceMonthGrid, sikyuTable, weeklyTable } from './preview-month';
import { hosokuSections, personNamesOf, plan1Sections, plan2Issues } from './preview-plan';

export type { CsvPreviewModel, PreviewBody } from './preview-model';

/** Shown instead of the content: UTF-8 Japanese read as CP932 is mojibake that looks like data. */
export const UTF8_PREVIEW_NOTE =
  'このファイルはUTF-8のため正しく表示できません。連携ファイルの文字コードはShift_JIS(CP932)です。介護ソフトから出力し直してください。';

/** `names`: 被保険者番号 → 氏名 from the send's 利用者補足情報 (namesFromHosoku), for 第6表 and 実績. */
export function buildPreview(name: string, bytes: Uint8Array, names?: ReadonlyMap<string, string>): CsvPreviewModel {
  const parsedName = parseFileName(name);
  const kind = parsedName.ok ? parsedName.value.kind : null;
  const month = parsedName.ok ? parsedName.value.targetMonth : null;
  const title = kind ? [FILE_KINDS[kind].label, month ? formatMonthValue(month) : ''].filter(Boolean).join(' ') : name;
  if (isUtf8Text(bytes)) return { title, notes: [], body: { type: 'line', text: UTF8_PREVIEW_NOTE } };
  const notes: string[] = [];
  const { text, faults } = readCp932(bytes);
  if (faults.length > 0) notes.push('Shift_JIS(CP932)として読めない文字があります(� で表示しています)');
  const { records } = parseCsvText(text);
  if (records.length === 0) return { title, notes, body: { type: 'line', text: '(空のファイルです)' } };
  return { title, notes, body: bodyOf(kind, records, month, names) };
}

function bodyOf(kind: FileKind | null, records: string[][], month: string | null, names?: ReadonlyMap<string, string>): PreviewBody {
  switch (kind) {
    case 'UPPLAN': case 'UPJSK': return serviceMonthGrid(records, month, names);
    case 'UPSIKYU': return sikyuTable(records);
    case 'UP1KYO': return plan1Sections(records);
    case 'UP2KYO': return plan2Issues(records);
    case 'UP3KYO': return weeklyTable(records);
    case 'UPHOSOKU': return hosokuSections(records);
    case 'DLT1KYO': case 'DLTPLAN': case 'DLTJSK': return { type: 'line', text: deletionLine(kind, records) };
    default: return rawTable(records);
  }
}

/** 被保険者番号 → 氏名 read from 利用者補足情報 files (others are skipped); empty when none can be read. */
export function namesFromHosoku(files: readonly { name: string; bytes: Uint8Array }[]): Map<string, string> {
  const names = new Map<string, string>();
  for (const file of files) {
    const parsed = parseFileName(file.name);
    if (!parsed.ok || parsed.value.kind !== 'UPHOSOKU' || isUtf8Text(file.bytes)) continue;
    for (const [insured, name] of personNamesOf(parseCsvText(readCp932(file.bytes).text).records)) names.set(insured, name);
  }
  return names;
}

function deletionLine(kind: 'DLT1KYO' | 'DLTPLAN' | 'DLTJSK', records: string[][]): string {
  const people = records.map((r) => {
    const who = `被保険者番号 ${r[2] ?? ''}`;
    if (kind === 'DLT1KYO') return `${who}(計画作成日 ${formatDate(r[3] ?? '')})`;
    if (kind === 'DLTPLAN') return `${who}(${formatMonthValue(r[3] ?? '')})`;
    return `${who}(${formatMonthValue(r[3] ?? '')} 事業所 ${r[4] ?? ''} サービス種類 ${r[5] ?? ''})`;
  });
  const what = { DLT1KYO: '第1表(第2表・第3表も)', DLTPLAN: '予定(第6表・第7表)', DLTJSK: '実績' }[kind];
  const shown = people.length > 10 ? `${people.slice(0, 10).join('、')} ほか${people.length - 10}件` : people.join('、');
  return `${what}を削除します: ${shown}`;
}

function rawTable(records: string[][]): PreviewBody {
  return {
    type: 'table',
    headers: null,
    rows: records.slice(0, MAX_TABLE_ROWS),
    omittedRows: Math.max(0, records.length - MAX_TABLE_ROWS),
  };
}
