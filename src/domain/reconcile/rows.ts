// 予定 (UPPLAN) and 実績 (UPJSK) files, and their deletions, as the comparison reads them: per
// person, the service rows it needs. Read with the validator's own reader and layouts (csv/):
// pre-v4 (22 columns) and v4 (25) records come out alike (inV4Order).
import { readCp932 } from '../csv/decode';
import { numberText } from '../csv/formats';
import { parseCsvText } from '../csv/parse';
import { readServiceEntries, type ServiceEntry } from '../csv/service-month';
import { parseFileName } from '../filename';

export type UsageKind = 'UPPLAN' | 'UPJSK' | 'DLTPLAN' | 'DLTJSK';

const USAGE_KINDS: ReadonlySet<string> = new Set<UsageKind>(['UPPLAN', 'UPJSK', 'DLTPLAN', 'DLTJSK']);
export const isUsageKind = (kind: string): kind is UsageKind => USAGE_KINDS.has(kind);

/** One service on one day (or, with day 0, in the month), as 第6表 / 実績 carry it. */
export interface UsageRow {
  /** day of the month; 0 when the row carries no サービス利用日 */
  day: number;
  /** HHMM, or 9999 for a service without a time */
  start: string;
  end: string;
  count: number;
  code: string;
  office: string;
  satellite: string;
  /** 明細判別コード: one item of several 福祉用具 with the same code; 01 read as 1 (numberText) */
  serial: string;
  /** 単位数 (No.8) where the row carries one */
  units: number | null;
  /** ３０日超区分 1 */
  over30: boolean;
}

export interface PersonId {
  insurer: string;
  insured: string;
}

/** Who a record is about: 保険者番号 + 被保険者番号. */
export const personKey = (p: PersonId): string => `${p.insurer}|${p.insured}`;

export interface UsagePerson extends PersonId {
  rows: UsageRow[];
  /** DLTJSK: the サービス種類 deleted, per サービス事業者コード */
  deleted: { office: string; kind: string }[];
}

export interface UsageFile {
  kind: UsageKind;
  /** 対象年月 YYYYMM (the name's; every record of a sendable file has it) */
  month: string;
  sender: string;
  destination: string;
  /** 連番 YYYYMMDDhhmmss */
  sequence: string;
  /** CSVバージョン of the first record */
  version: string | null;
  people: UsagePerson[];
}

/** The file read for the comparison, or null when it is not a 予定 / 実績 (or their deletion) by its name. */
export function readUsageFile(name: string, bytes: Uint8Array): UsageFile | null {
  const parsed = parseFileName(name);
  if (!parsed.ok || !isUsageKind(parsed.value.kind) || !parsed.value.targetMonth) return null;
  const { kind, targetMonth: month, sender, destination, sequence } = parsed.value;
  const records = parseCsvText(readCp932(bytes).text).records;
  const version = records[0]?.[0] ?? null;
  const people = new Map<string, UsagePerson>();
  const personOf = (insurer: string, insured: string): UsagePerson => {
    const key = personKey({ insurer, insured });
    let person = people.get(key);
    if (!person) {
      person = { insurer, insured, rows: [], deleted: [] };
      people.set(key, person);
    }
    return person;
  };
  if (kind === 'UPPLAN' || kind === 'UPJSK') {
    // a record of another month would have been refused by the checks; it is not this file's
    for (const entry of readServiceEntries(records)) if (entry.month === month) personOf(entry.insurer, entry.insured).rows.push(usageRow(entry));
  } else {
    for (const r of records) {
      if (r.length < 4 || r[3] !== month) continue;
      const person = personOf(r[1] ?? '', r[2] ?? '');
      if (kind === 'DLTJSK' && r.length >= 6) person.deleted.push({ office: r[4] ?? '', kind: r[5] ?? '' });
    }
  }
  return { kind, month, sender, destination, sequence, version, people: [...people.values()] };
}

function usageRow(e: ServiceEntry): UsageRow {
  return {
    day: e.day,
    start: e.start,
    end: e.end,
    count: e.count,
    code: e.serviceCode,
    office: e.office,
    satellite: e.satellite,
    // one care program pads it (01), another does not (1): the same item on both sides
    serial: numberText(e.serial),
    units: /^-?\d+$/.test(e.units) ? Number(e.units) : null,
    over30: e.over30,
  };
}

/** 利用者氏名 (No.6) of the people of a 補足 (UPHOSOKU), by personKey: 予定 and 実績 carry no names. */
export function readPersonNames(bytes: Uint8Array): Map<string, string> {
  const names = new Map<string, string>();
  for (const r of parseCsvText(readCp932(bytes).text).records) {
    const name = (r[5] ?? '').trim();
    if (r.length >= 6 && name) names.set(personKey({ insurer: r[1] ?? '', insured: r[2] ?? '' }), name);
  }
  return names;
}

/** サービス種類コード: the first two characters of a サービスコード. */
export const serviceKindOf = (code: string): string => code.slice(0, 2);

/** Order of codes, numbers and times written in ASCII: by code unit (localeCompare's collation costs far more). */
export const byCode = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);
