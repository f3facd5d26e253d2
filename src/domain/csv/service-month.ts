// The rows of 第6表 (予定) and 実績 as service entries: one service on one day.
import { inV4Order, SM } from './layouts';

export interface ServiceEntry {
  insurer: string;
  insured: string;
  month: string;
  planner: string;
  units: string;
  serviceCode: string;
  equipment: string;
  office: string;
  officeName: string;
  /** day of the month, 0 when サービス利用日 is blank or unreadable */
  day: number;
  start: string;
  end: string;
  /** 回数; a blank counts as 1 (one row = one service on one day) */
  count: number;
  /** 明細判別コード (福祉用具貸与: one item of several with the same code) */
  serial: string;
  /** サテライト枝番, '' when not a satellite */
  satellite: string;
  /** ３０日超区分 1: a 短期入所 day past 30 in a row */
  over30: boolean;
}

const SERVICE_MONTH_COLUMNS = 25;

/** The entries of 第6表 / 実績 records of any CSV version (pre-v4 records are read in v4 order). */
export function readServiceEntries(records: string[][]): ServiceEntry[] {
  const entries: ServiceEntry[] = [];
  for (const record of records) {
    const r = inV4Order('UPPLAN', record);
    if (r.length !== SERVICE_MONTH_COLUMNS) continue;
    const date = r[SM.date] ?? '';
    const count = r[SM.count] ?? '';
    entries.push({
      insurer: r[SM.insurer] ?? '',
      insured: r[SM.insured] ?? '',
      month: r[SM.month] ?? '',
      planner: r[SM.planner] ?? '',
      units: r[SM.units] ?? '',
      serviceCode: r[SM.serviceCode] ?? '',
      equipment: r[SM.equipment] ?? '',
      office: r[SM.office] ?? '',
      officeName: r[SM.officeName] ?? '',
      day: /^\d{8}$/.test(date) ? Number(date.slice(6, 8)) : 0,
      start: r[SM.start] ?? '',
      end: r[SM.end] ?? '',
      count: /^\d+$/.test(count) ? Number(count) : 1,
      serial: r[SM.serial] ?? '',
      satellite: r[SM.satellite] ?? '',
      over30: r[SM.over30] === '1',
    });
  }
  return entries;
}
