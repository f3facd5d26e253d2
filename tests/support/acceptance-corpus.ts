// Files a real care software export would write and the spec allows, built from a third reading
// of the layouts (layouts v4.1 and the v3.2 old-form names), column by column: never from the
// validator's tables nor from spec-table.ts. Each case is a whole send unit (the files that travel
// together), named by the rule, encoded as the spec asks (Shift_JIS as MS932). The spec's 必須
// columns are always filled; the rest vary per case: empty, at their printed length, every code
// of their list. tests/unit/csv-acceptance.test.ts runs them through the checks.
import iconv from 'iconv-lite';

export const KYOTAKU = '3300000001';
export const HOUMON = '3310000017';
/** real office numbers that pass the check digit (README of the spec notes) */
export const REAL_OFFICES = ['1495000315', '0175701069', '3270401916', '0113513220'] as const;

export interface Person { insurer: string; insured: string; kana: string; name: string; sex: '1' | '2'; birth: string }
export const PEOPLE: Person[] = [
  // half-width kana as many care programs write フリガナ; a 29 February birthday
  { insurer: '131016', insured: '0000012345', kana: 'ﾀｶﾊｼ ﾊﾅｺ', name: '髙橋 花子', sex: '2', birth: '19400229' },
  // 生活保護単独: H + 9 digits; a CP932 IBM extension in the name
  { insurer: '272019', insured: 'H123456789', kana: 'ヤマサキ タロウ', name: '山﨑 太郎', sex: '1', birth: '19381130' },
  { insurer: '011002', insured: '0000000001', kana: 'ワタナベ ツル', name: '渡邊 ツル㈱①', sex: '2', birth: '19290101' },
];

export type Version = '201910' | '202003' | '202208' | '202407' | '202504';
export const isV4 = (v: Version) => v === '202407' || v === '202504';

export interface CsvOptions {
  lineEnding?: '\r\n' | '\n';
  /** no line break after the last record */
  noFinalBreak?: boolean;
  /** every value in "…", numbers and codes too (the spec says nothing against it) */
  quoteAll?: boolean;
}

export interface CaseFile { name: string; bytes: Uint8Array; records: string[][] }

const FREE = '朝食後に服薬、見守り。\r\n本人の希望: "自宅で暮らしたい", 家族も同意';

function field(value: string, quoteAll: boolean): string {
  if (quoteAll || /[",\r\n]/.test(value)) return `"${value.replaceAll('"', '""')}"`;
  return value;
}

export function encodeCsv(records: string[][], opts: CsvOptions = {}): Uint8Array {
  const eol = opts.lineEnding ?? '\r\n';
  const text = records.map((r) => r.map((v) => field(v, opts.quoteAll ?? false)).join(',')).join(eol) + (opts.noFinalBreak ? '' : eol);
  return new Uint8Array(iconv.encode(text, 'cp932'));
}

/** Sets columns by the spec's No. (1-based). */
function put(record: string[], values: Record<number, string>): string[] {
  const out = [...record];
  for (const [no, v] of Object.entries(values)) out[Number(no) - 1] = v;
  return out;
}

export interface NameOptions {
  month?: string;
  from?: string;
  to?: string;
  fromKind?: string;
  toKind?: string;
  sequence?: string;
  /** old form (no kind codes): CSVバージョン 201910 / 202003 / 202208 */
  old?: boolean;
  extension?: string;
}

export function nameOf(kind: string, o: NameOptions = {}): string {
  const from = o.from ?? KYOTAKU;
  const to = o.to ?? HOUMON;
  const parts = [kind, ...(o.month ? [o.month] : []), from, ...(o.old ? [] : [o.fromKind ?? '43']), to, ...(o.old ? [] : [o.toKind ?? '11']), o.sequence ?? '20250325103000'];
  return `${parts.join('_')}.${o.extension ?? 'CSV'}`;
}

export function file(name: string, records: string[][], opts: CsvOptions = {}): CaseFile {
  return { name, records, bytes: encodeCsv(records, opts) };
}

// ---- 第1表 (28) ----
export function kyo1(v: Version, p: Person, planDate: string, set: Record<number, string> = {}): string[] {
  return put([
    v, p.insurer, p.insured, planDate, '', '', '', '佐藤 ケアマネ', 'れんけい居宅介護支援センター', '', '', '', KYOTAKU,
    planDate, planDate, '', '', '', '', '', '', '', '', '', '', '', '', '',
  ], set);
}

/** 第1表 with every optional column filled (all at their printed length or typical value). */
export function kyo1Full(v: Version, p: Person, planDate: string, set: Record<number, string> = {}): string[] {
  return kyo1(v, p, planDate, {
    5: '100-0001', 6: '東京都千代田区千代田１－１', 7: 'れんけいハイツ１０１号', 10: '700-0815', 11: '岡山県岡山市北区野田屋町', 12: '２丁目',
    16: '21', 17: '2', 18: '20250301', 19: '20250401', 20: '20260331', 21: '22', 22: FREE, 23: '特になし', 24: '"安心"して在宅生活を続ける',
    25: '1', 26: '', 27: KYOTAKU, 28: '', ...set,
  });
}

// ---- 第2表 (22) ----
export function kyo2(v: Version, p: Person, planDate: string, set: Record<number, string> = {}): string[] {
  return put([
    v, p.insurer, p.insured, planDate, planDate, '1', '自宅で入浴したい', '1', '清潔を保つ', '週2回入浴する', '2025/04～2026/03', '2025/04～2025/09',
    '1', '入浴介助', 'Y', '訪問介護', HOUMON, 'さくら訪問介護ステーション', '週2回', '2025/04～2025/09', KYOTAKU, '',
  ], set);
}

// ---- 第3表 (13, v4 only) ----
export function kyo3(v: Version, p: Person, planDate: string, set: Record<number, string> = {}): string[] {
  return put([v, p.insurer, p.insured, planDate, planDate, '', '', '', '', '', '', '', ''], set);
}

// ---- 利用者補足情報 (63) ----
/** With 第1・2・3表: No.4 = the plan date, No.63 = 000000. With 第6・7表: No.4 = 00000000, No.63 = the month. */
export function hosoku(v: Version, p: Person, planDate: string | null, month: string | null, set: Record<number, string> = {}): string[] {
  const r = Array<string>(63).fill('');
  r[0] = v; r[1] = p.insurer; r[2] = p.insured; r[3] = planDate ?? '00000000';
  r[4] = p.kana; r[5] = p.name; r[6] = p.sex; r[7] = p.birth;
  r[62] = month ?? '000000';
  return put(r, set);
}

/** 補足 with the optional columns filled: address, phone, certification, limit slots 1–9, days, agreement. */
export function hosokuFull(v: Version, p: Person, planDate: string | null, month: string | null, set: Record<number, string> = {}): string[] {
  const slots: Record<number, string> = {};
  const kinds = ['11', '12', '13', '14', '15', '16', '17', '21', '22'];
  kinds.forEach((k, i) => {
    const at = 20 + i * 4;
    slots[at] = k; slots[at + 1] = '1234567'; slots[at + 2] = '0'; slots[at + 3] = '0';
  });
  return hosoku(v, p, planDate, month, {
    9: '100-0001', 10: '東京都千代田区千代田１－１', 11: 'れんけいハイツ１０１号', 12: '0120-1234-56789', 13: '20250301', 14: '20250401',
    15: '20260331', 16: '2', 17: '20250301', 18: '25', 19: '3621700', ...slots, 56: '0', 57: '12345', 58: '12345', 59: '24', 60: KYOTAKU, 61: KYOTAKU,
    ...set,
  });
}

// ---- 第6表 予定 / 実績 (25 in v4, 22 before) ----
export interface UsageLine {
  date: string;
  code: string;
  units?: string;
  start?: string;
  end?: string;
  count?: string;
  provider?: string;
  tais?: string;
  notice?: string;
  item?: string;
  serial?: string;
  days?: string;
  satellite?: string;
  over30?: string;
  shortStayDays?: string;
  updater?: string;
}

export function usage(v: Version, p: Person, month: string, l: UsageLine, updater = KYOTAKU): string[] {
  const head = [v, p.insurer, p.insured, `${month}01`, month, KYOTAKU, '佐藤 ケアマネ', l.units ?? '396', l.shortStayDays ?? '', l.date, l.days ?? '',
    l.start ?? '0900', l.end ?? '1000', l.count ?? '1', l.code];
  const equipment = isV4(v) ? [l.tais ?? '', l.notice ?? '', l.item ?? ''] : [];
  const tail = [l.serial ?? '', l.provider ?? HOUMON, 'さくら訪問介護ステーション', l.satellite ?? '', l.over30 ?? '0', l.updater ?? updater, ''];
  return [...head, ...equipment, ...tail];
}

// ---- 第7表 (37 in v4, 34 before) ----
export interface SikyuLine {
  office: string;
  code: string;
  units: string;
  rate?: string;
  discounted?: string;
  count?: string;
  unitPrice?: string;
  managed?: string;
  tais?: string;
  notice?: string;
  item?: string;
  satellite?: string;
  name?: string;
  money?: Record<number, string>;
  updater?: string;
}

export function sikyu(v: Version, p: Person, month: string, l: SikyuLine): string[] {
  const head = [v, p.insurer, p.insured, `${month}01`, month, l.name ?? 'さくら訪問介護ステーション', l.office, l.satellite ?? '', l.code];
  const equipment = isV4(v) ? [l.tais ?? '', l.notice ?? '', l.item ?? ''] : [];
  // No.13–37 in v4 numbering
  // No.17 サービス単位金額 is 整数; the 単位数単価 (99.99) is No.23
  const rest = [l.units, l.rate ?? '', l.discounted ?? '', l.count ?? '', '', l.managed ?? '', '', '', '', '', l.unitPrice ?? '', ...Array<string>(9).fill(''),
    '0', '9999999999', '', l.updater ?? KYOTAKU, ''];
  const row = [...head, ...equipment, ...rest];
  if (!l.money) return row;
  const shift = isV4(v) ? 0 : 3;
  return put(row, Object.fromEntries(Object.entries(l.money).map(([no, val]) => [Number(no) - shift, val])));
}

/** The grand total row (999999 on office 9999999999). */
export const sikyuTotal = (v: Version, p: Person, month: string, money: Record<number, string> = {}) =>
  sikyu(v, p, month, { office: '9999999999', code: '999999', units: '0', name: '', money });

// ---- deletions ----
export const dlt1 = (v: Version, p: Person, planDate: string) => [v, p.insurer, p.insured, planDate];
export const dltPlan = (v: Version, p: Person, month: string) => [v, p.insurer, p.insured, month];
export const dltJsk = (v: Version, p: Person, month: string, office: string, kind: string) => [v, p.insurer, p.insured, month, office, kind];

// ---- 介護予防 (v4 only) ----
export function kihon(v: Version, p: Person, day: string, set: Record<number, string> = {}): string[] {
  const r = Array<string>(71).fill('');
  r[0] = v; r[1] = p.insurer; r[2] = p.insured; r[3] = day; r[4] = '1'; r[5] = '1';
  r[13] = p.kana; r[14] = p.name; r[15] = p.sex; r[16] = p.birth;
  return put(r, set);
}
export const kihonSub1 = (v: Version, p: Person, day: string, time: string, life: string) => [v, p.insurer, p.insured, day, time, life, ''];
export const kihonSub2 = (v: Version, p: Person, day: string, set: Record<number, string> = {}) =>
  put([v, p.insurer, p.insured, day, 'H12年10月', '高血圧症', '○○医院 山田医師', '1', '03-1234-5678', '01', '降圧剤服用'], set);
export function yobo(v: Version, p: Person, day: string, set: Record<number, string> = {}): string[] {
  const r = Array<string>(57).fill('');
  r[0] = v; r[1] = p.insurer; r[2] = p.insured; r[3] = day; r[4] = '1'; r[5] = '2'; r[7] = p.name;
  return put(r, set);
}
export const yoboSub = (v: Version, p: Person, day: string, set: Record<number, string> = {}) =>
  put([v, p.insurer, p.insured, day, '1', '転倒の不安', '屋内を安全に歩く', '歩けるようになりたい', '屋内歩行自立', '1', '下肢筋力の向上', '毎日散歩', '通所型サービス',
    '1', '通所型サービス（独自）', 'ひまわりデイサービス', '2025/04～2025/09'], set);
export const dltKihon = (v: Version, p: Person, day: string) => [v, p.insurer, p.insured, day];
export const dltYobo = dltKihon;

/** A tiny JPEG (SOI, APP0 JFIF, EOI): what the attachment check reads of an image. */
export function jpeg(): Uint8Array {
  return new Uint8Array([0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10, 0x4a, 0x46, 0x49, 0x46, 0x00, 0x01, 0x01, 0x00, 0x00, 0x01, 0x00, 0x01, 0x00, 0x00, 0xff, 0xd9]);
}
