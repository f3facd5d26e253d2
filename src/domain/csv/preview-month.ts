// Previews of the month-bound tables: 第6表 / 実績 as a month grid, 第7表 as its table.
import { serviceKind } from '../service-kinds';
import { daysInMonth, timeRange, weekdayOf } from './labels';
import { inV4Order } from './layouts';
import type { GridPerson, GridRow, PreviewBody } from './preview-model';
import { readServiceEntries, type ServiceEntry } from './service-month';

/** Enough for a tablet; a 10 MB file holds thousands of people. */
export const MAX_GRID_PEOPLE = 100;
export const MAX_TABLE_ROWS = 1000;

/** `names`: 被保険者番号 → 氏名, from the 利用者補足情報 sent with the file (personNamesOf). */
export function serviceMonthGrid(records: string[][], nameMonth: string | null, names: ReadonlyMap<string, string> = new Map()): PreviewBody {
  const entries = readServiceEntries(records);
  const month = entries.find((e) => /^\d{6}$/.test(e.month))?.month ?? nameMonth ?? '';
  const days = daysInMonth(month);
  const weekdays = Array.from({ length: days }, (_, i) => (month ? weekdayOf(month, i + 1) : 0));
  const byPerson = new Map<string, ServiceEntry[]>();
  for (const e of entries) {
    const key = `${e.insurer}|${e.insured}`;
    const list = byPerson.get(key);
    if (list) list.push(e);
    else byPerson.set(key, [e]);
  }
  const people = [...byPerson.values()].slice(0, MAX_GRID_PEOPLE).map((list) => personGrid(list, names));
  return { type: 'grid', month, days, weekdays, people, omittedPeople: Math.max(0, byPerson.size - MAX_GRID_PEOPLE) };
}

function personGrid(entries: ServiceEntry[], names: ReadonlyMap<string, string>): GridPerson {
  const first = entries[0]!;
  const rows = new Map<string, GridRow>();
  for (const e of entries) {
    const key = `${e.serviceCode}|${e.office}|${e.start}|${e.end}`;
    let row = rows.get(key);
    if (!row) {
      row = { serviceCode: e.serviceCode, serviceKind: serviceKind(e.serviceCode.slice(0, 2))?.name ?? '', equipment: e.equipment, officeName: e.officeName, office: e.office,
        time: timeRange(e.start, e.end), days: Array<number>(31).fill(0), total: 0 };
      rows.set(key, row);
    }
    if (e.day >= 1 && e.day <= 31) row.days[e.day - 1] = (row.days[e.day - 1] ?? 0) + e.count;
    row.total += e.count;
  }
  // The paper form lists services by time of day, as care workers read it.
  const sorted = [...rows.values()].sort((a, b) => a.time.localeCompare(b.time) || a.serviceCode.localeCompare(b.serviceCode));
  return {
    insurer: first.insurer, insured: first.insured, name: names.get(first.insured) ?? '', planner: first.planner, units: first.units,
    rows: sorted, total: sorted.reduce((sum, r) => sum + r.total, 0),
  };
}

const SIKYU_COLUMNS: [number, string][] = [
  [2, '被保険者番号'], [5, '事業所名'], [6, '事業所番号'], [8, 'サービスコード'], [12, '単位数'],
  [15, '回数'], [17, '給付管理単位数'], [21, '区分支給限度基準内単位数'], [22, '単価'],
  [23, '費用総額'], [24, '給付率'], [25, '請求額'], [26, '利用者負担(保険対象分)'], [27, '利用者負担(全額負担分)'],
];

export function sikyuTable(records: string[][]): PreviewBody {
  const rows = records.slice(0, MAX_TABLE_ROWS).map((record) => {
    const r = inV4Order('UPSIKYU', record);
    const code = r[8] ?? '';
    const emphasis = code === '999999' ? 'total' as const : /(AAAA|EEEE|ZZZZ)$/.test(code) ? 'subtotal' as const : null;
    const cells = SIKYU_COLUMNS.map(([i]) => r[i] ?? '');
    if (emphasis === 'total') cells[1] = cells[1] || '合計';
    return { cells, emphasis };
  });
  return { type: 'sikyu', headers: SIKYU_COLUMNS.map(([, h]) => h), rows, omittedRows: Math.max(0, records.length - MAX_TABLE_ROWS) };
}

/** 第3表 as a week table, in 曜日 and time order. */
export function weeklyTable(records: string[][]): PreviewBody {
  const rows = records
    .filter((r) => r.length === 13)
    .map((r) => [r[2] ?? '', weekdayLabel(r[6] ?? ''), timeRange(r[7] ?? '', r[8] ?? ''), r[5] ?? '',
      r[9] ?? '', timeRange(r[10] ?? '', r[11] ?? ''), r[12] ?? ''])
    .sort((a, b) => a[0]!.localeCompare(b[0]!) || a[1]!.localeCompare(b[1]!) || a[2]!.localeCompare(b[2]!));
  return {
    type: 'table',
    headers: ['被保険者番号', '曜日', '時間', '介護サービス内容', '主な日常生活上の活動', '活動の時間', '週単位以外のサービス'],
    rows: rows.slice(0, MAX_TABLE_ROWS),
    omittedRows: Math.max(0, rows.length - MAX_TABLE_ROWS),
  };
}

function weekdayLabel(code: string): string {
  const names = ['', '1 月', '2 火', '3 水', '4 木', '5 金', '6 土', '7 日'];
  return names[Number(code)] ?? code;
}
