// Spec-valid CP932 files of every kind and CSV version, for unit, e2e and bench use.
// Names carry 髙 and 﨑 (CP932 extensions); free text carries commas, "" quotes and newlines.
import iconv from 'iconv-lite';
import type { FileKind } from '../../src/domain/filename';

export const VERSIONS = ['201910', '202003', '202208', '202407'] as const;
export type CsvVersion = (typeof VERSIONS)[number];

/** Kinds with a record layout, and the versions each exists in (第3表 from v4 only). */
export const LAID_OUT_KINDS = [
  'UP1KYO', 'UP2KYO', 'UP3KYO', 'UPHOSOKU', 'UPPLAN', 'UPJSK', 'UPSIKYU', 'DLT1KYO', 'DLTPLAN', 'DLTJSK',
] as const satisfies readonly FileKind[];
export type LaidOutKind = (typeof LAID_OUT_KINDS)[number];
export const versionsOf = (kind: LaidOutKind): readonly CsvVersion[] => (kind === 'UP3KYO' ? ['202407'] : VERSIONS);

/** Demo offices (server/demo.ts); both pass the check digit. */
export const CARE_OFFICE = '3300000001';
export const HOME_HELP_OFFICE = '3310000017';
export const SEQUENCE = '20250325103000';
export const MONTH = '202504';

/** A service month each CSV version is in force for, so a file of that version is wholly valid. */
export const MONTH_OF_VERSION: Record<CsvVersion, string> = { '201910': '202006', '202003': '202104', '202208': '202312', '202407': MONTH };

function monthOf(kind: LaidOutKind, opts: GenOptions): string {
  return opts.month ?? (kind === 'UPHOSOKU' ? '000000' : MONTH_OF_VERSION[opts.version ?? '202407']);
}

export interface Person {
  insurer: string;
  insured: string;
  kana: string;
  name: string;
  birth: string;
}

export const PEOPLE: Person[] = [
  { insurer: '131016', insured: '0000012345', kana: 'タカハシ ハナコ', name: '髙橋 花子', birth: '19400203' },
  { insurer: '131016', insured: '0000067890', kana: 'ヤマサキ タロウ', name: '山﨑 太郎', birth: '19381130' },
  { insurer: '272019', insured: 'H123456789', kana: 'サトウ イチロウ', name: '佐藤, "一郎"', birth: '19450615' },
];

export const TRICKY_TEXT = '朝食後に服薬、見守り。\r\n本人の希望: "自宅で暮らしたい", 家族も同意';

export interface NameParts {
  kind: FileKind;
  /** YYYYMM, or 000000 for a 補足 that goes with 第1/2表; only for month-bound kinds */
  month?: string;
  sender?: string;
  destination?: string;
  sequence?: string;
  /** v4 names: 2-digit service kinds after each office number */
  serviceKinds?: [string, string];
  extension?: string;
}

const MONTH_KINDS = new Set<FileKind>(['UPHOSOKU', 'UPPLAN', 'UPSIKYU', 'UPJSK', 'DLTPLAN', 'DLTJSK']);

export function fileName(p: NameParts): string {
  const sender = p.sender ?? CARE_OFFICE;
  const destination = p.destination ?? HOME_HELP_OFFICE;
  const parts: string[] = [p.kind];
  if (MONTH_KINDS.has(p.kind)) parts.push(p.month ?? MONTH);
  parts.push(sender);
  if (p.serviceKinds) parts.push(p.serviceKinds[0]);
  parts.push(destination);
  if (p.serviceKinds) parts.push(p.serviceKinds[1]);
  parts.push(p.sequence ?? SEQUENCE);
  return `${parts.join('_')}.${p.extension ?? 'CSV'}`;
}

export interface GenOptions {
  version?: CsvVersion;
  month?: string;
  sender?: string;
  destination?: string;
  people?: Person[];
}

function daysIn(month: string): number {
  return new Date(Date.UTC(Number(month.slice(0, 4)), Number(month.slice(4, 6)), 0)).getUTCDate();
}

const pad = (n: number) => String(n).padStart(2, '0');

/** The 日割対象日 flags: 1 on every service day. */
function dayFlags(month: string, days: number[]): string {
  return Array.from({ length: 31 }, (_, i) => (i < daysIn(month) && days.includes(i + 1) ? '1' : '0')).join('');
}

interface Ctx { v: string; m: string; s: string; d: string }

function plan1(c: Ctx, p: Person): string[][] {
  return [[c.v, p.insurer, p.insured, '20250320', '100-0001', '東京都千代田区千代田1-1', '﨑ハイツ101号',
    'ケアマネ 髙木', 'れんけい居宅介護支援センター', '100-0002', '東京都千代田区2-2', '', c.s, '20250320',
    '20230401', '21', '2', '20250301', '20250401', '20260331', '22', TRICKY_TEXT, '特になし',
    '住み慣れた自宅で、安心して暮らせるよう支援します。\r\n緊急時: 長男 090-0000-0000', '1', '', '', '']];
}

function plan2(c: Ctx, p: Person): string[][] {
  const row = (no: string, issue: string, service: string, kind: string) =>
    [c.v, p.insurer, p.insured, '20250320', '20250320', no, issue, no, '自宅で入浴できる', '週2回、介助で入浴する',
      '2025/04～2026/03', '2025/04～2025/09', no, service, 'Y', kind, c.d, 'さくら訪問介護ステーション', '週2回',
      '2025/04/01～2025/09/30', '', ''];
  return [row('1', '一人で入浴するのが不安', '入浴介助, 見守り', '訪問介護'), row('2', '"転倒"が心配', '歩行訓練\r\n(屋内)', '通所介護')];
}

function plan3(c: Ctx, p: Person): string[][] {
  return [1, 4].map((weekday) => [c.v, p.insurer, p.insured, '20250320', '20250320', '訪問介護(身体介護)',
    String(weekday), '0900', '1000', '起床、朝食', '0700', '0800', '福祉用具貸与(車いす)']);
}

function hosoku(c: Ctx, p: Person, withPlan: boolean): string[][] {
  const limits = Array.from({ length: 9 }, (_, i) => (i === 0 ? ['11', '16765', '4020', '0'] : ['', '', '', ''])).flat();
  return [[c.v, p.insurer, p.insured, withPlan ? '20250320' : '00000000', p.kana, p.name, '2', p.birth, '100-0001',
    '東京都千代田区千代田1-1', '﨑ハイツ101号', '03-0000-0000', '20250301', '20250401', '20260331', '2', '20250301',
    '22', '16765', ...limits, '0', '0', '0', '21', c.s, c.s, '', withPlan ? '000000' : c.m]];
}

/** Service days of the month: every third day from the 1st (a real date in every month). */
function serviceDays(month: string): number[] {
  return Array.from({ length: daysIn(month) }, (_, i) => i + 1).filter((d) => d % 3 === 1);
}

const SERVICES = [
  { code: '111211', start: '0900', end: '1000', count: '1' },
  { code: '112111', start: '1800', end: '1830', count: '1' },
];

function serviceMonth(c: Ctx, p: Person): string[][] {
  const days = serviceDays(c.m);
  return SERVICES.flatMap((s) => days.map((day) => [c.v, p.insurer, p.insured, '20250320', c.m, c.s, 'ケアマネ 髙木',
    '16765', '0', `${c.m}${pad(day)}`, dayFlags(c.m, days), s.start, s.end, s.count, s.code, '', '', '', '',
    c.d, 'さくら訪問介護ステーション(﨑)', '', '0', '', '']));
}

function sikyu(c: Ctx, p: Person): string[][] {
  // subtotal (11AAAA) and grand total (999999) rows: 単位数 0, 割引後 blank (layout notes)
  const base = (office: string, name: string, code: string, units: string, count: string, managed: string) =>
    [c.v, p.insurer, p.insured, '20250320', c.m, name, office, '', code, '', '', '', units, '', '', count, '', managed,
      '0', managed, '0', managed, '11.40', '45828', '90', '41245', '4583', '0', '0', '0', '0', '0', '0', '9999999999', '', c.s, ''];
  const count = String(serviceDays(c.m).length);
  return [
    base(c.d, 'さくら訪問介護ステーション', '111211', '2540', count, '2540'),
    base(c.d, 'さくら訪問介護ステーション', '112111', '1480', count, '1480'),
    base(c.d, 'さくら訪問介護ステーション', '11AAAA', '0', '', '4020'),
    base('9999999999', '合計', '999999', '0', '', '4020'),
  ];
}

/** Columns v4 added (TAISコード, 福祉用具届出コード, 用具名称): [0-based position, count]. */
const V4_COLUMNS: Partial<Record<LaidOutKind, [number, number]>> = { UPPLAN: [15, 3], UPJSK: [15, 3], UPSIKYU: [9, 3] };

/** Records in the layout of the version: pre-v4 files lack the columns v4 added. */
function records(kind: LaidOutKind, c: Ctx, people: Person[]): string[][] {
  const rows = v4Records(kind, c, people);
  const added = V4_COLUMNS[kind];
  if (!added || c.v === '202407') return rows;
  return rows.map((r) => [...r.slice(0, added[0]), ...r.slice(added[0] + added[1])]);
}

function v4Records(kind: LaidOutKind, c: Ctx, people: Person[]): string[][] {
  return people.flatMap((p): string[][] => {
    switch (kind) {
      case 'UP1KYO': return plan1(c, p);
      case 'UP2KYO': return plan2(c, p);
      case 'UP3KYO': return plan3(c, p);
      case 'UPHOSOKU': return hosoku(c, p, c.m === '000000');
      case 'UPPLAN': case 'UPJSK': return serviceMonth(c, p);
      case 'UPSIKYU': return sikyu(c, p);
      case 'DLT1KYO': return [[c.v, p.insurer, p.insured, '20250320']];
      case 'DLTPLAN': return [[c.v, p.insurer, p.insured, c.m]];
      case 'DLTJSK': return [[c.v, p.insurer, p.insured, c.m, c.d, '11']];
    }
  });
}

/** Quotes a field when it needs it (or is free text, as care software writes it). */
export function csvField(value: string): string {
  return /[",\r\n]|[^\x20-\x7e]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

export function csvText(rows: string[][], lineEnding = '\r\n'): string {
  return rows.map((r) => r.map(csvField).join(',')).join(lineEnding) + lineEnding;
}

export function encodeCp932(text: string): Uint8Array {
  return new Uint8Array(iconv.encode(text, 'cp932'));
}

export function makeRecords(kind: LaidOutKind, opts: GenOptions = {}): string[][] {
  const m = monthOf(kind, opts);
  const ctx: Ctx = { v: opts.version ?? '202407', m, s: opts.sender ?? CARE_OFFICE, d: opts.destination ?? HOME_HELP_OFFICE };
  return records(kind, ctx, opts.people ?? PEOPLE);
}

export interface GeneratedFile { name: string; bytes: Uint8Array }

/** A valid file of one kind; rows may be edited before encoding with `fromRecords`. */
export function makeCsvFile(kind: LaidOutKind, opts: GenOptions & { sequence?: string } = {}): GeneratedFile {
  return fromRecords(kind, makeRecords(kind, opts), opts);
}

export function fromRecords(kind: LaidOutKind, rows: string[][], opts: GenOptions & { sequence?: string } = {}): GeneratedFile {
  const month = monthOf(kind, opts);
  const name = fileName({ kind, month, sender: opts.sender, destination: opts.destination, sequence: opts.sequence });
  return { name, bytes: encodeCp932(csvText(rows)) };
}

/** Send unit 2 (第6表 + 第7表 + 補足 of one month), all with one 連番. */
export function makePlanUnit(opts: GenOptions & { sequence?: string } = {}): GeneratedFile[] {
  const month = opts.month ?? MONTH;
  return (['UPPLAN', 'UPSIKYU', 'UPHOSOKU'] as const).map((k) => makeCsvFile(k, { ...opts, month }));
}

/** Send unit 1 (第1表 + 第2表 + 補足 000000, and 第3表 from v4 on, where the spec has it). */
export function makeCarePlanUnit(opts: GenOptions & { sequence?: string } = {}): GeneratedFile[] {
  const kinds = versionsOf('UP3KYO').includes(opts.version ?? '202407')
    ? (['UP1KYO', 'UP2KYO', 'UP3KYO', 'UPHOSOKU'] as const) : (['UP1KYO', 'UP2KYO', 'UPHOSOKU'] as const);
  return kinds.map((k) => makeCsvFile(k, { ...opts, month: k === 'UPHOSOKU' ? '000000' : undefined }));
}

/** A 第6表 of about `targetBytes` (default 10 MB): many people, two services, a third of the days. */
export function makeLargeUpplan(targetBytes = 10 * 1024 * 1024, opts: GenOptions = {}): GeneratedFile {
  const one = makeRecords('UPPLAN', { ...opts, people: [PEOPLE[0]!] });
  const sample = encodeCp932(csvText(one)).length;
  const count = Math.max(1, Math.ceil(targetBytes / sample));
  const people = Array.from({ length: count }, (_, i): Person => {
    const base = PEOPLE[i % PEOPLE.length]!;
    return { ...base, insured: String(1_000_000 + i).padStart(10, '0') };
  });
  return makeCsvFile('UPPLAN', { ...opts, people });
}
