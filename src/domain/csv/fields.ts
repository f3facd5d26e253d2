// Field checks of the record layouts, as zod schemas. A field value in a real file repeats a
// great deal (the same dates, codes, offices and times on thousands of rows), so each type
// remembers its verdict per distinct value: zod runs once per value, not once per cell.
import { z } from 'zod';
import { isRealMonth } from '../date';

export type FieldType =
  | 'text' | 'insurer' | 'insured' | 'date' | 'dateOrZero' | 'month' | 'monthOrZero'
  | 'planKind' | 'certStatus' | 'careLevel' | 'livingReason' | 'issueNo' | 'yn' | 'weekday'
  | 'time' | 'days31' | 'serviceCode' | 'office' | 'count';

/** 1900–2099 like the file-name dates: anything else is a typo, not a real plan. */
export function isRealDate(yyyymmdd: string): boolean {
  if (!/^\d{8}$/.test(yyyymmdd) || !isRealMonth(yyyymmdd.slice(0, 6))) return false;
  const year = Number(yyyymmdd.slice(0, 4));
  const month = Number(yyyymmdd.slice(4, 6));
  const day = Number(yyyymmdd.slice(6, 8));
  return day >= 1 && day <= new Date(Date.UTC(year, month, 0)).getUTCDate();
}

const oneOf = (values: readonly string[], what: string) =>
  z.string().refine((v) => values.includes(v), `は${what}ではありません(${values.join(', ')})`);

const pattern = (re: RegExp, what: string) => z.string().regex(re, `は${what}ではありません`);

const date = z
  .string()
  .regex(/^\d{8}$/, 'は日付(YYYYMMDD、8桁)ではありません')
  .refine(isRealDate, 'は存在しない日付です');

const month = z
  .string()
  .regex(/^\d{6}$/, 'は年月(YYYYMM、6桁)ではありません')
  .refine(isRealMonth, 'は存在しない年月です');

// Messages are the tail of a sentence: validate.ts puts the readable value before them.
const SCHEMAS: Record<Exclude<FieldType, 'text'>, z.ZodType<string>> = {
  insurer: pattern(/^\d{6}$/, '保険者番号(6桁の数字)'),
  insured: pattern(/^(\d{10}|H\d{9})$/, '被保険者番号(10桁。生活保護単独は H + 9桁)'),
  date,
  dateOrZero: date,
  month,
  monthOrZero: month,
  planKind: oneOf(['11', '12', '21', '51', '52', '53', '54'], '計画書区分'),
  certStatus: oneOf(['1', '2'], '認定状況区分(1 申請中, 2 認定済)'),
  careLevel: oneOf(['06', '12', '13', '21', '22', '23', '24', '25'], '要介護状態区分'),
  livingReason: oneOf(['1', '2', '3'], '生活援助中心型算定理由'),
  issueNo: pattern(/^(0?[1-9]|[1-9]\d)$/, '1〜99の番号'),
  yn: oneOf(['Y', 'N'], '保険対象区分'),
  weekday: oneOf(['1', '2', '3', '4', '5', '6', '7'], '曜日(1 月 … 7 日)'),
  time: pattern(/^(9999|([01]\d|2[0-3])[0-5]\d|2400)$/, '時刻(HHMM、なしは9999)'),
  days31: pattern(/^[01]{31}$/, '31桁の0/1'),
  serviceCode: pattern(/^[0-9A-Z]{6}$/, 'サービスコード(6桁の英数字)'),
  office: pattern(/^\d{2}[0-9A]\d{7}$/, '事業所番号(10桁)'),
  count: pattern(/^\d{1,9}$/, '0以上の整数'),
};

const MAX_REMEMBERED = 20_000;
const checkers = new Map<FieldType, (value: string) => string | null>();

/** The check of one field type: null when the value passes, else the tail of the message. */
export function fieldChecker(type: FieldType): (value: string) => string | null {
  const known = checkers.get(type);
  if (known) return known;
  const checker = type === 'text' ? () => null : rememberingChecker(type);
  checkers.set(type, checker);
  return checker;
}

export function checkField(type: FieldType, value: string): string | null {
  return fieldChecker(type)(value);
}

function rememberingChecker(type: Exclude<FieldType, 'text'>): (value: string) => string | null {
  const seen = new Map<string, string | null>();
  const schema = SCHEMAS[type];
  // 補足 beside 第1/2表 carries 00000000 / 000000 where no date or month applies.
  const zero = type === 'dateOrZero' ? '00000000' : type === 'monthOrZero' ? '000000' : null;
  return (value) => {
    const known = seen.get(value);
    if (known !== undefined) return known;
    if (value === zero) return null;
    const result = schema.safeParse(value);
    const verdict = result.success ? null : (result.error.issues[0]?.message ?? 'は正しくありません');
    if (seen.size < MAX_REMEMBERED) seen.set(value, verdict);
    return verdict;
  };
}

/** The value as a person reads it: 20250230 → 2025-02-30, 0930 → 09:30. */
export function displayValue(type: FieldType, value: string): string {
  if ((type === 'date' || type === 'dateOrZero') && /^\d{8}$/.test(value)) {
    return `${value.slice(0, 4)}-${value.slice(4, 6)}-${value.slice(6, 8)}`;
  }
  if ((type === 'month' || type === 'monthOrZero') && /^\d{6}$/.test(value)) {
    return `${value.slice(0, 4)}-${value.slice(4, 6)}`;
  }
  const shown = value.length > 40 ? `${value.slice(0, 40)}…` : value;
  return `「${shown}」`;
}
