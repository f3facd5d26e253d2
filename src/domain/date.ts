// Calendar checks for the 14-digit 連番 and the 6-digit 対象年月 in file names.
// Years are limited to 1900–2099: the names come from care software, and a year outside
// that range is a typo, not a real file.

const MIN_YEAR = 1900;
const MAX_YEAR = 2099;

function daysInMonth(year: number, month: number): number {
  // Day 0 of the next month is the last day of this one (UTC avoids DST surprises).
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** YYYYMM with a real month (01–12). */
export function isRealMonth(yyyymm: string): boolean {
  if (!/^\d{6}$/.test(yyyymm)) return false;
  const year = Number(yyyymm.slice(0, 4));
  const month = Number(yyyymm.slice(4, 6));
  return year >= MIN_YEAR && year <= MAX_YEAR && month >= 1 && month <= 12;
}

/** YYYYMMDDhhmmss that names an existing moment: 20230230… and 24:00:00 are refused. */
export function isRealDateTime(stamp: string): boolean {
  if (!/^\d{14}$/.test(stamp)) return false;
  if (!isRealMonth(stamp.slice(0, 6))) return false;
  const year = Number(stamp.slice(0, 4));
  const month = Number(stamp.slice(4, 6));
  const day = Number(stamp.slice(6, 8));
  const hour = Number(stamp.slice(8, 10));
  const minute = Number(stamp.slice(10, 12));
  const second = Number(stamp.slice(12, 14));
  return (
    day >= 1 && day <= daysInMonth(year, month) &&
    hour <= 23 && minute <= 59 && second <= 59
  );
}

/** 20230223123458 → 2023/02/23 12:34:58 (the manual's ファイル出力日時). */
export function formatSequence(stamp: string): string {
  return `${stamp.slice(0, 4)}/${stamp.slice(4, 6)}/${stamp.slice(6, 8)} ` +
    `${stamp.slice(8, 10)}:${stamp.slice(10, 12)}:${stamp.slice(12, 14)}`;
}

/** 202302 → 2023年02月 */
export function formatMonth(yyyymm: string): string {
  return `${yyyymm.slice(0, 4)}年${yyyymm.slice(4, 6)}月`;
}
