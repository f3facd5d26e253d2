// Spec-valid files of every kind and CSV version, built from the second reading of the layouts
// (spec-table.ts), never from the validator's own tables. Text carries characters only CP932 has
// (髙 FBFC, 﨑 FAB1, ① 8740, ㈱ 878D) and half-width kana; free text carries commas, "" and
// line breaks. Values follow the rules the spec states across fields (docs/csv-spec.md).
import iconv from 'iconv-lite';
import { SPEC_VERSIONS, specKind, type SpecColumn } from './spec-table';

export const CM_OFFICE = '3300000001';
export const PROVIDER_OFFICE = '3310000017';
export const SEQUENCE = '20250325103000';

/** A service month each version is in force for. */
export const MONTH_OF: Record<string, string> = { 201910: '202006', 202003: '202104', 202208: '202312', 202407: '202504' };

export const CP932_TEXTS = ['髙﨑①㈱ 訪問介護', 'ﾀｶﾊｼ ﾊﾅｺ', '朝食後に服薬、見守り。\r\n本人の希望: "自宅で暮らしたい", 家族も同意'];

interface Person { insurer: string; insured: string }
const PEOPLE: Person[] = [{ insurer: '131016', insured: '0000012345' }, { insurer: '272019', insured: 'H123456789' }];

const MONTH_KINDS = new Set(['UPHOSOKU', 'UPPLAN', 'UPJSK', 'UPSIKYU', 'DLTPLAN', 'DLTJSK']);
const PROVIDER_SENDS = new Set(['UPJSK', 'DLTJSK']);

export interface SpecFile {
  name: string;
  bytes: Uint8Array;
  records: string[][];
}

export interface SpecFileOptions {
  /** the 補足's file-name month: '000000' (with 第1・2表) or the service month (default) */
  hosokuMonth?: '000000' | 'month';
}

/** The file name (v4 form with kind codes for 202407, old form before) for a kind and version. */
export function specFileName(kind: string, version: string, month: string): string {
  const provider = PROVIDER_SENDS.has(kind);
  const [from, to] = provider ? [PROVIDER_OFFICE, CM_OFFICE] : [CM_OFFICE, PROVIDER_OFFICE];
  const [fromKind, toKind] = provider ? ['11', '43'] : ['43', '11'];
  const v4 = version === '202407';
  const parts = [kind, ...(MONTH_KINDS.has(kind) ? [month] : []), from, ...(v4 ? [fromKind] : []), to, ...(v4 ? [toKind] : []), SEQUENCE];
  return `${parts.join('_')}.CSV`;
}

/**
 * What real files carry in the free-text and 整数 columns whose printed 項目長 is short (phone
 * numbers, amounts, day counts, numbers): the sample text would run past it, and 項目長 is read
 * as a maximum (docs/csv-spec.md "Column checks").
 */
const SHORT_VALUES: [RegExp, string][] = [
  [/電話番号|Fax番号/, '03-1234-5678'], [/サービス種類コード$/, '11'], [/支給限度基準額|合計単位数|限度超単位数$/, '16765'],
  [/利用日数$/, '3'], [/自室の階数/, '2'], [/入力者コード/, 'A001'], [/該当数/, '3'], [/ＮＯ$/, '1'],
];

function shortValue(column: SpecColumn): string | undefined {
  if (column.token !== 'text' && column.token !== 'int') return undefined;
  return SHORT_VALUES.find(([name]) => name.test(column.name))?.[1];
}

function valueOf(column: SpecColumn, row: number, ctx: { version: string; month: string; kind: string; sender: string }): string {
  const { token } = column;
  if (token.startsWith('code:')) return token.slice(5).split(',')[0]!;
  const short = shortValue(column);
  if (short !== undefined) return short;
  switch (token) {
    case 'ver': return ctx.version;
    case 'date': return `${ctx.month}${String(1 + (row % 28)).padStart(2, '0')}`;
    case 'date0': return `${ctx.month}01`;
    case 'month': return ctx.month;
    case 'month0': return ctx.month;
    case 'hhmm': return '0930';
    case 'hhmm9': return column.name.includes('終了') ? '1030' : '0930';
    case 'int': return row % 2 === 0 ? '120' : '-30';
    case 'count': return '1';
    case 'dec': return '11.40';
    case 'office': case 'office?':
      if (column.name === '更新業者コード') return ctx.sender;
      return /プラン担当|介護支援事業者|同意書受付/.test(column.name) ? CM_OFFICE : PROVIDER_OFFICE;
    case 'all9?': return '9999999999';
    case 'days31': return '1'.repeat(20) + '0'.repeat(11);
    case 'scode': return '111211';
    case 'skind': return '11';
    case 'postal': return '100-0001';
    case 'no99': return String(1 + (row % 3));
    case 'text': return CP932_TEXTS[(row + column.no) % CP932_TEXTS.length]!;
    default: return ''; // serial, sat, tais, unused: empty unless a rule fills them
  }
}

/** Records of one person, with the rows the kind's rules call for (第7表 totals, 福祉用具 codes…). */
function personRecords(kind: string, columns: SpecColumn[], base: (row: number) => string[], p: Person, opts: SpecFileOptions): string[][] {
  const at = (name: string) => columns.findIndex((c) => c.name === name);
  const set = (r: string[], name: string, value: string) => {
    const i = at(name);
    if (i >= 0) r[i] = value;
    return r;
  };
  const keyed = (row: number) => set(set(base(row), '保険者番号', p.insurer), '被保険者番号', p.insured);
  const v4 = columns.some((c) => c.name === 'TAISコード');
  switch (kind) {
    case 'UPPLAN': case 'UPJSK': {
      const rental = set(set(keyed(2), 'サービスコード', '171001'), '明細判別コード', '1');
      if (v4) set(rental, 'TAISコード', '00001-000010');
      set(rental, 'サービス開始時刻', '9999');
      set(rental, 'サービス終了時刻', '9999');
      return [keyed(0), keyed(1), rental];
    }
    case 'UPSIKYU': {
      const detail = (row: number, code: string) => set(keyed(row), 'サービスコード', code);
      const rental = detail(2, '171001');
      if (v4) set(rental, 'TAISコード', '00001-000010');
      const summary = (code: string, office?: string) => {
        const r = set(set(set(detail(3, code), '単位数', '0'), '割引後率', ''), '割引後単位数', '');
        set(r, '回数／日数', '');
        return office ? set(r, 'サービス事業所コード', office) : r;
      };
      return [detail(0, '111211'), detail(1, '112111'), summary('11AAAA'), rental, summary('999999', '9999999999')];
    }
    case 'UPHOSOKU': {
      const r = keyed(0);
      const withPlan = opts.hosokuMonth === '000000';
      set(r, '居宅サービス計画作成（変更）日', withPlan ? r[at('居宅サービス計画作成（変更）日')]! : '00000000');
      set(r, '対象年月', withPlan ? '000000' : r[at('対象年月')]!);
      // slot 1 filled, the other eight empty (slots are filled from the first, layout note S1)
      columns.forEach((c, i) => { if (/^[２-９]/.test(c.name)) r[i] = ''; });
      set(r, '１サービス種類コード', '11');
      set(r, '１支給限度基準額', '16765');
      set(r, '１合計単位数', '4020');
      set(r, '１限度超単位数', '0');
      return [r];
    }
    case 'UPKIHON':
      return [set(keyed(0), '家族構成 画像ファイル名', 'UPKIHON_IMAGE_3300000001_43_3310000017_11_20250325103000_0001.jpg')];
    case 'UPKIHON_SUB1': case 'UPKIHON_SUB2': case 'UPYOBO_SUB':
      // several 別表 rows per parent row, repeating the parent's keys (date of row 0)
      return [keyed(0), keyed(0)].map((r) => set(r, columns[3]!.name, `${r[3]!.slice(0, 6)}01`));
    default:
      return [keyed(0)];
  }
}

/** A spec-valid file of `kind` in CSV `version` (throws for a kind the version does not have). */
export function makeSpecFile(kind: string, version: string, opts: SpecFileOptions = {}): SpecFile {
  const era = SPEC_VERSIONS.find((v) => v.version === version)!.era;
  const table = specKind(kind, era);
  if (table.v4Only && era !== 'v4') throw new Error(`${kind} does not exist in ${version}`);
  const month = MONTH_OF[version]!;
  const sender = PROVIDER_SENDS.has(kind) ? PROVIDER_OFFICE : CM_OFFICE;
  const ctx = { version, month, kind, sender };
  const base = (row: number) => table.columns.map((c) => valueOf(c, row, ctx));
  let records = PEOPLE.flatMap((p) => personRecords(kind, table.columns, base, p, opts));
  // the key date of the 介護予防 別表 repeats the parent's, which the date of row 0 gives
  if (kind === 'UPKIHON' || kind === 'UPYOBO' || kind === 'DLTKIHON' || kind === 'DLTYOBO') {
    records = records.map((r) => { const x = [...r]; x[3] = `${month}01`; return x; });
  }
  const nameMonth = kind === 'UPHOSOKU' && opts.hosokuMonth === '000000' ? '000000' : month;
  return { name: specFileName(kind, version, nameMonth), bytes: encode(records), records };
}

export function field(value: string): string {
  return /[",\r\n]|[^\x20-\x7e]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

export function encode(records: string[][], lineEnd = '\r\n'): Uint8Array {
  return new Uint8Array(iconv.encode(records.map((r) => r.map(field).join(',')).join(lineEnd) + lineEnd, 'cp932'));
}

/** The kinds and versions a spec-valid file exists for. */
export function kindVersions(): [string, string][] {
  return Object.keys(MONTH_OF).flatMap((version) => {
    const era = SPEC_VERSIONS.find((v) => v.version === version)!.era;
    return specKindsOf(era).map((kind): [string, string] => [kind, version]);
  });
}

function specKindsOf(era: 'pre-v4' | 'v4'): string[] {
  return ['UPHOSOKU', 'UP1KYO', 'UP2KYO', 'UP3KYO', 'UPPLAN', 'UPJSK', 'UPSIKYU', 'DLT1KYO', 'DLTPLAN', 'DLTJSK',
    'UPKIHON', 'UPKIHON_SUB1', 'UPKIHON_SUB2', 'DLTKIHON', 'UPYOBO', 'UPYOBO_SUB', 'DLTYOBO']
    .filter((kind) => era === 'v4' || !specKind(kind).v4Only);
}
