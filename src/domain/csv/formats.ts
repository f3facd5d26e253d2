// The 書式 of the record layouts as checks (docs/csv-layouts.md lists which column has which).
// A value in a real file repeats a great deal (the same dates, codes, offices and times on
// thousands of rows), so each format remembers its verdict per distinct value: the pattern
// runs once per value, not once per cell. Patterns are built once, here, never in the loop.
import { hasFullWidthAscii } from '../char-width';
import { isRealMonth } from '../date';

export type FormatSeverity = 'error' | 'warning';

export interface Format {
  id: string;
  /** what the spec asks for, in the words of the messages and the docs */
  expects: string;
  /** null when the value passes, else the message tail (the value is put before it) */
  check: ((value: string) => string | null) | null;
  /** 'warning' where the reading of the layout is uncertain (docs/csv-spec.md "Uncertain cells") */
  severity: FormatSeverity;
  /** the format fixes the width (dates, codes…): no 項目長 check on top */
  fixedWidth: boolean;
  /** how a value is shown in a message */
  shown: 'date' | 'month' | 'text';
}

/** 1900–2099 like the file-name dates: anything else is a typo, not a real plan. */
export function isRealDate(yyyymmdd: string): boolean {
  if (!/^\d{8}$/.test(yyyymmdd) || !isRealMonth(yyyymmdd.slice(0, 6))) return false;
  const year = Number(yyyymmdd.slice(0, 4));
  const month = Number(yyyymmdd.slice(4, 6));
  const day = Number(yyyymmdd.slice(6, 8));
  return day >= 1 && day <= new Date(Date.UTC(year, month, 0)).getUTCDate();
}

const MAX_REMEMBERED = 20_000;

/** A check that remembers its verdict per distinct value. */
function remembering(test: (value: string) => string | null): (value: string) => string | null {
  const seen = new Map<string, string | null>();
  return (value) => {
    const known = seen.get(value);
    if (known !== undefined) return known;
    const verdict = test(value);
    if (seen.size < MAX_REMEMBERED) seen.set(value, verdict);
    return verdict;
  };
}

interface Options {
  severity?: FormatSeverity;
  fixedWidth?: boolean;
  shown?: Format['shown'];
}

/** Full-width digits, letters and signs (typed with the IME on): said after the error, as for file names. */
function withWidthSlip(test: (value: string) => string | null): (value: string) => string | null {
  return (v) => {
    const verdict = test(v);
    return verdict !== null && hasFullWidthAscii(v) ? `${verdict}。全角の英数字・記号は半角で書きます` : verdict;
  };
}

function format(id: string, expects: string, test: ((value: string) => string | null) | null, options: Options = {}): Format {
  return {
    id, expects, check: test && remembering(withWidthSlip(test)), severity: options.severity ?? 'error',
    fixedWidth: options.fixedWidth ?? false, shown: options.shown ?? 'text',
  };
}

const notA = (expects: string) => `は${expects}ではありません`;

function pattern(id: string, re: RegExp, expects: string, options: Options = {}): Format {
  const tail = notA(expects);
  return format(id, expects, (v) => (re.test(v) ? null : tail), options);
}

const LOST_ZEROS = '。先頭の0が消えていないか確認してください(表計算ソフトで開いて保存すると消えます)';

/**
 * A number column of fixed width whose leading zeros a spreadsheet drops (011002 → 11002,
 * 0000012345 → 12345, 0930 → 930): a value of digits only that the zeros would make right says so.
 * `shortest`: fewer digits than that are another slip (a time of 2 digits, a 保険者番号 of 4, is no lost zero).
 */
function zeroPadded(id: string, re: RegExp, expects: string, width: number, shortest: number, options: Options = {}): Format {
  const tail = notA(expects);
  return format(id, expects, (v) => {
    if (re.test(v)) return null;
    const lost = v.length >= shortest && v.length < width && /^\d+$/.test(v) && re.test(v.padStart(width, '0'));
    return lost ? `${tail}${LOST_ZEROS}` : tail;
  }, options);
}

/** A code list: "1:申請中" style labels, shown in full in the message. */
export function codes(id: string, what: string, list: readonly (readonly [string, string])[]): Format {
  const allowed = new Set(list.map(([code]) => code));
  const expects = `${what}(${list.map(([code, label]) => (label ? `${code}:${label}` : code)).join(', ')})`;
  const tail = notA(expects);
  return format(id, expects, (v) => (allowed.has(v) ? null : tail), { fixedWidth: true });
}

const DATE_SHAPE = /^\d{8}$/;
const MONTH_SHAPE = /^\d{6}$/;

/**
 * The two slips behind most refused dates, said after the error: a 和暦 date (R070401, 5070401 as
 * the 国保連 writes it, 令和7年…) where every date of the spec is 西暦, and separators (2025/04/01).
 */
function dateSlip(v: string): string {
  if (/^[MTSHR1-5]\d{2}(0[1-9]|1[0-2])(\d{2})?$/i.test(v) || /明治|大正|昭和|平成|令和/.test(v)) {
    return '。和暦ではなく西暦で書きます';
  }
  if (/^\d{4}[/.\-年]\d{1,2}(月|[/.\-月]\d{1,2}日?)?$/.test(v)) return '。区切りのない数字だけで書きます(例 20250401、202504)';
  return '';
}

/**
 * All zeros where the layout does not allow them. What to write instead depends on the column, not
 * the format (empty where it is optional, a date where it is required): records.ts adds it.
 */
const NO_ZERO = '(0 だけの値はこの項目では使えません)';
export const ZERO_DATE_VERDICT = `は日付ではありません${NO_ZERO}`;
export const ZERO_MONTH_VERDICT = `は年月ではありません${NO_ZERO}`;

function dateTest(zero: boolean) {
  return (v: string): string | null => {
    if (zero && v === '00000000') return null;
    if (!DATE_SHAPE.test(v)) return notA(zero ? '日付(YYYYMMDD)または 00000000' : '日付(YYYYMMDD、8桁)') + dateSlip(v);
    if (v === '00000000') return ZERO_DATE_VERDICT;
    return isRealDate(v) ? null : 'は存在しない日付です(YYYYMMDD)';
  };
}

function monthTest(zero: boolean) {
  return (v: string): string | null => {
    if (zero && v === '000000') return null;
    if (!MONTH_SHAPE.test(v)) return notA(zero ? '年月(YYYYMM)または 000000' : '年月(YYYYMM、6桁)') + dateSlip(v);
    if (v === '000000') return ZERO_MONTH_VERDICT;
    return isRealMonth(v) ? null : 'は存在しない年月です(YYYYMM)';
  };
}

/**
 * The number a 明細判別コード or 課題ＮＯ stands for, as text: 01 and 1 are one number (F.serial and
 * F.issueNo take the zero padding care programs write), so whatever keys on one reads it so.
 */
export const numberText = (value: string): string => value.replace(/^0+(?=\d)/, '');

const HHMM = '([01]\\d|2[0-3])[0-5]\\d|2400';

export const F = {
  /** free text, or no 書式 printed: only the 項目長 (when printed) is looked at */
  text: format('text', 'フリーテキスト', null),
  /** 識別子: 「※使用しない」 */
  unused: format('unused', '使用しない', null),
  /** column 1: checked per file (known, in force, not mixed) */
  version: format('version', 'CSVバージョン(YYYYMM)', null, { fixedWidth: true }),
  // 保険者番号 and 事業所番号 start with the 都道府県 code (01–47): one zero at most is lost
  insurer: zeroPadded('insurer', /^\d{6}$/, '保険者番号(6桁の数字)', 6, 5, { fixedWidth: true }),
  insured: zeroPadded('insured', /^(\d{10}|H\d{9})$/, '被保険者番号(10桁の数字。生活保護単独は H + 9桁)', 10, 4, { fixedWidth: true }),
  date: format('date', '日付(YYYYMMDD)', dateTest(false), { fixedWidth: true, shown: 'date' }),
  dateOrZero: format('dateOrZero', '日付(YYYYMMDD)または 00000000', dateTest(true), { fixedWidth: true, shown: 'date' }),
  month: format('month', '年月(YYYYMM)', monthTest(false), { fixedWidth: true, shown: 'month' }),
  monthOrZero: format('monthOrZero', '年月(YYYYMM)または 000000', monthTest(true), { fixedWidth: true, shown: 'month' }),
  hhmm: zeroPadded('hhmm', new RegExp(`^(${HHMM})$`), '時刻(HHMM)', 4, 3, { fixedWidth: true }),
  hhmmOrNone: zeroPadded('hhmmOrNone', new RegExp(`^(9999|${HHMM})$`), '時刻(HHMM、時間のないサービスは 9999)', 4, 3, { fixedWidth: true }),
  /** 整数: 減算 rows carry negative units */
  integer: pattern('integer', /^-?\d+$/, '整数'),
  count: pattern('count', /^\d+$/, '回数(0以上の整数)'),
  /** 明細判別コード 「1からの連番」, no 項目長 printed: a zero-padded 01 is the number 1 (as 課題ＮＯ 01) */
  serial: pattern('serial', /^0*[1-9]\d*$/, '1からの連番'),
  decimal: pattern('decimal', /^\d{1,2}\.\d{2}$/, '99.99 形式の数(小数点以下2桁)'),
  /** 介護保険事業所番号: 都道府県(2) 区分(1: 0–9 or A) 番号(6) check digit(1) */
  office: zeroPadded('office', /^\d{2}[0-9A]\d{7}$/, '事業所番号(10桁)', 10, 9, { fixedWidth: true }),
  /** 第2表 No.17: its 書式 cell cannot be placed for certain, so a non-number only warns */
  officeUncertain: pattern('officeUncertain', /^\d{2}[0-9A]\d{7}$/, '事業所番号(10桁)', { fixedWidth: true, severity: 'warning' }),
  /** 第7表 No.34 「9999999999を固定でセット」, placed on No.34 with some doubt */
  all9: pattern('all9', /^9{10}$/, '固定値 9999999999', { fixedWidth: true, severity: 'warning' }),
  days31: pattern('days31', /^[01]{31}$/, '31桁の 0/1(日割で算定する日に 1)', { fixedWidth: true }),
  serviceCode: pattern('serviceCode', /^[0-9A-Z]{6}$/, 'サービスコード(6桁の英数字)', { fixedWidth: true }),
  serviceKind: pattern('serviceKind', /^[0-9A-Z]{2}$/, 'サービス種類コード(2桁の英数字)', { fixedWidth: true }),
  postal: pattern('postal', /^\d{3}-\d{4}$/, '郵便番号(XXX-XXXX)', { fixedWidth: true }),
  issueNo: pattern('issueNo', /^(0?[1-9]|[1-9]\d)$/, '1～99の番号', { fixedWidth: true }),
  /** サテライト枝番: only a description is printed (the satellite's own number, or 1, 2, …) */
  satellite: pattern('satellite', /^\d{1,2}$/, 'サテライト枝番(2桁までの数字)', { fixedWidth: true, severity: 'warning' }),
  /** TAISコード / 福祉用具届出コード: only an example is printed (00001－000010) */
  equipmentCode: pattern('equipmentCode', /^\d{5}[-－]\d{6}$/, 'コード(例 00001-000010)', { fixedWidth: true, severity: 'warning' }),
} as const;

// Code lists of the layouts (コード表 (1)–(5) and the lists printed inside single layouts).
export const C = {
  planKind: codes('planKind', '計画書区分', [['11', '初回'], ['12', '紹介'], ['21', '継続'], ['51', '初回＆紹介'],
    ['52', '初回＆継続'], ['53', '紹介＆継続'], ['54', '初回＆紹介＆継続']]),
  certStatus: codes('certStatus', '認定状況区分', [['1', '申請中'], ['2', '認定済']]),
  careLevel: codes('careLevel', '要介護状態区分', [['06', '事業対象者'], ['12', '要支援１'], ['13', '要支援２'],
    ['21', '要介護１'], ['22', '要介護２'], ['23', '要介護３'], ['24', '要介護４'], ['25', '要介護５']]),
  /** the 介護予防 layouts' own list: 01 非該当 instead of 06 */
  careLevelYobo: codes('careLevelYobo', '要介護状態区分', [['01', '非該当'], ['12', '要支援１'], ['13', '要支援２'],
    ['21', '要介護１'], ['22', '要介護２'], ['23', '要介護３'], ['24', '要介護４'], ['25', '要介護５']]),
  supportLevel: codes('supportLevel', '要支援状態区分', [['1', '要支援１'], ['2', '要支援２'], ['3', '地域支援事業']]),
  livingReason: codes('livingReason', '生活援助中心型の算定理由', [['1', '一人暮らし'], ['2', '家族等が障害、疾病等'], ['3', 'その他']]),
  insuranceTarget: codes('insuranceTarget', '保険対象区分', [['Y', '対象'], ['N', '対象外']]),
  sex: codes('sex', '性別', [['1', '男性'], ['2', '女性']]),
  weekday: codes('weekday', '曜日', [['1', '月'], ['2', '火'], ['3', '水'], ['4', '木'], ['5', '金'], ['6', '土'], ['7', '日']]),
  over30: codes('over30', '30日超区分', [['1', '該当'], ['0', '非該当']]),
  flag10: codes('flag10', '区分', [['1', '該当'], ['0', '非該当']]),
  hasOrNot: codes('hasOrNot', '有無', [['1', '有'], ['2', '無']]),
  needOrNot: codes('needOrNot', '要否', [['1', '要'], ['2', '否']]),
  planType: codes('planType', '計画種類', [['1', '介護予防支援'], ['2', '介護予防ケアマネジメント']]),
  entrusted: codes('entrusted', '委託の有無', [['1', '自前'], ['2', '委託']]),
  consultWay: codes('consultWay', '相談方法', [['01', '来所'], ['02', '電話'], ['03', 'その他']]),
  consultCount: codes('consultCount', '相談回数', [['01', '初回'], ['02', '再来']]),
  livingNow: codes('livingNow', '利用者の現況', [['01', '在宅'], ['02', '入院又は入所中']]),
  disabilityIndependence: codes('disabilityIndependence', '障害高齢者の日常生活自立度', [['01', '自立'], ['11', 'J1'],
    ['12', 'J2'], ['21', 'A1'], ['22', 'A2'], ['31', 'B1'], ['32', 'B2'], ['41', 'C1'], ['42', 'C2']]),
  dementiaIndependence: codes('dementiaIndependence', '認知症高齢者の日常生活自立度', [['01', '自立'], ['02', 'Ⅰ'],
    ['03', 'Ⅱａ'], ['04', 'Ⅱｂ'], ['05', 'Ⅲａ'], ['06', 'Ⅲｂ'], ['07', 'Ⅳ'], ['08', 'Ｍ']]),
  checklist: codes('checklist', '基本チェックリスト記入結果', [['1', '事業対象者の該当あり'], ['2', '事業対象者の該当なし']]),
  housing: codes('housing', '居住形態', [['01', '自宅'], ['02', '借家'], ['03', '一戸建て'], ['04', '集合住宅'],
    ['05', '自宅・一戸建て'], ['06', '自宅・集合住宅'], ['07', '借家・一戸建て'], ['08', '借家・集合住宅']]),
  doctorFlag: codes('doctorFlag', '主治医・意見作成者フラグ', [['1', '主治医'], ['2', 'それ以外']]),
  course: codes('course', '経過', [['01', '治療中'], ['02', '経過観察中'], ['03', 'その他']]),
} as const;

/** The value as a person reads it: 20250230 → 2025-02-30, 202513 → 2025-13, else (00000000 too) 「value」. */
export function displayValue(shown: Format['shown'], value: string): string {
  // all zeros is shown as written: 0000-00-00 would be no value the person can find in the file
  const zeros = /^0+$/.test(value);
  if (shown === 'date' && DATE_SHAPE.test(value) && !zeros) return `${value.slice(0, 4)}-${value.slice(4, 6)}-${value.slice(6, 8)}`;
  if (shown === 'month' && MONTH_SHAPE.test(value) && !zeros) return `${value.slice(0, 4)}-${value.slice(4, 6)}`;
  const cut = value.length > 40 ? `${value.slice(0, 40)}…` : value;
  return `「${cut}」`;
}
