// 送受信記録: what an office sent to and received from whom, when, and when it was downloaded,
// one line per file, for a month in Japan time (運営指導 asks by month). Months and times here; the
// CSV in records-csv.ts (the relay's: the page shows the records and fetches the CSV from it).

const JST_OFFSET_MS = 9 * 3_600_000;

/** The month YYYYMM as instants: from its first moment in Japan to the next month's. */
export function monthRange(month: string): { from: string; to: string } {
  const year = Number(month.slice(0, 4));
  const index = Number(month.slice(4, 6)) - 1;
  return {
    from: new Date(Date.UTC(year, index, 1) - JST_OFFSET_MS).toISOString(),
    to: new Date(Date.UTC(year, index + 1, 1) - JST_OFFSET_MS).toISOString(),
  };
}

/** The month (YYYYMM, Japan time) an instant falls in. */
export function monthOf(instant: Date): string {
  const jst = new Date(instant.getTime() + JST_OFFSET_MS);
  return `${jst.getUTCFullYear()}${String(jst.getUTCMonth() + 1).padStart(2, '0')}`;
}

const pad = (n: number) => String(n).padStart(2, '0');

/** 2025/04/01 09:05:03 in Japan time, whatever the zone of the machine printing it. */
export function jstDateTime(iso: string | null): string {
  if (!iso) return '';
  const d = new Date(Date.parse(iso) + JST_OFFSET_MS);
  return `${d.getUTCFullYear()}/${pad(d.getUTCMonth() + 1)}/${pad(d.getUTCDate())} ${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())}`;
}

export const recordsFileName = (office: string, month: string) => `送受信記録_${office}_${month}.csv`;
