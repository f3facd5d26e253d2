// How codes and dates of the records read to a person.

export const CARE_LEVELS: Record<string, string> = {
  '06': '事業対象者', '12': '要支援1', '13': '要支援2',
  '21': '要介護1', '22': '要介護2', '23': '要介護3', '24': '要介護4', '25': '要介護5',
};
export const CERT_STATUS: Record<string, string> = { '1': '申請中', '2': '認定済' };
// コード表 (1) of the layout.
export const PLAN_KINDS: Record<string, string> = {
  '11': '初回', '12': '紹介', '21': '継続', '51': '初回＆紹介', '52': '初回＆継続', '53': '紹介＆継続', '54': '初回＆紹介＆継続',
};
export const LIVING_REASONS: Record<string, string> = {
  '1': '一人暮らし', '2': '家族等が障害、疾病等', '3': 'その他',
};
export const SEXES: Record<string, string> = { '1': '男', '2': '女' };
export const WEEKDAYS = ['', '月', '火', '水', '木', '金', '土', '日'];

/** "22" → "要介護2 (22)"; an unknown code is shown as is. */
export function labelled(map: Record<string, string>, code: string): string {
  const label = map[code];
  return label ? `${label} (${code})` : code;
}

/** 20250320 → 2025/03/20; 00000000 and blanks → ''. */
export function formatDate(value: string): string {
  if (!/^\d{8}$/.test(value) || value === '00000000') return value === '00000000' ? '' : value;
  return `${value.slice(0, 4)}/${value.slice(4, 6)}/${value.slice(6, 8)}`;
}

/** 202504 → 2025年04月; 000000 → ''. */
export function formatMonthValue(value: string): string {
  if (!/^\d{6}$/.test(value) || value === '000000') return value === '000000' ? '' : value;
  return `${value.slice(0, 4)}年${value.slice(4, 6)}月`;
}

/** 0930 → 09:30; 9999 (none) and blanks → ''. */
export function formatTime(value: string): string {
  if (!/^\d{4}$/.test(value) || value === '9999') return '';
  return `${value.slice(0, 2)}:${value.slice(2)}`;
}

export function timeRange(start: string, end: string): string {
  const s = formatTime(start);
  const e = formatTime(end);
  return s || e ? `${s}–${e}` : '';
}

export function daysInMonth(yyyymm: string): number {
  if (!/^\d{6}$/.test(yyyymm)) return 31;
  const days = new Date(Date.UTC(Number(yyyymm.slice(0, 4)), Number(yyyymm.slice(4, 6)), 0)).getUTCDate();
  return Number.isNaN(days) ? 31 : days;
}

/** 0 = 日 … 6 = 土 for a day of YYYYMM. */
export function weekdayOf(yyyymm: string, day: number): number {
  return new Date(Date.UTC(Number(yyyymm.slice(0, 4)), Number(yyyymm.slice(4, 6)) - 1, day)).getUTCDay();
}
