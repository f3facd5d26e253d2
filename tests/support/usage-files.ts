// 予定 (UPPLAN) and 実績 (UPJSK) files with chosen services, for the 予定 ⇄ 実績 tests and the
// 月次チェック bench: each row starts from csvgen's spec-valid 第6表 row (CP932, 髙 and 﨑 in the
// names), and the versions without v4's three columns drop them as csvgen does.
import { CARE_OFFICE, HOME_HELP_OFFICE, MONTH, PEOPLE, fromRecords, makeRecords, type CsvVersion, type GeneratedFile, type Person } from './csvgen';

/** One service on one day; `day: null` writes no サービス利用日 (a 月額 row as some software writes it). */
export interface Visit {
  day: number | null;
  code?: string;
  start?: string;
  end?: string;
  count?: number;
  units?: number | null;
  office?: string;
  over30?: boolean;
  /** 明細判別コード (福祉用具貸与); the base row's when not given */
  serial?: string;
}

export interface PersonVisits {
  person: Person;
  visits: Visit[];
}

export interface UsageOptions {
  month?: string;
  version?: CsvVersion;
  /** 連番 */
  sequence?: string;
}

const pad = (n: number) => String(n).padStart(2, '0');

// v4 columns (0-based): 7 単位数, 9 サービス利用日, 10 日割対象日, 11 開始, 12 終了, 13 回数, 14 コード, 18 明細判別コード,
// 19 事業者, 22 ３０日超区分
function row(base: string[], month: string, v: Visit, provider: string): string[] {
  const r = [...base];
  r[7] = v.units === null ? '' : String(v.units ?? 250);
  r[9] = v.day === null ? '' : `${month}${pad(v.day)}`;
  r[10] = '';
  r[11] = v.start ?? '0900';
  r[12] = v.end ?? '1000';
  r[13] = String(v.count ?? 1);
  r[14] = v.code ?? '111211';
  if (v.serial !== undefined) r[18] = v.serial;
  r[19] = v.office ?? provider;
  r[22] = v.over30 ? '1' : '0';
  return r;
}

function records(people: PersonVisits[], month: string, version: CsvVersion, provider: string): string[][] {
  return people.flatMap(({ person, visits }) => {
    const base = makeRecords('UPPLAN', { month, version: '202407', people: [person] })[0]!;
    base[0] = version;
    return visits.map((v) => row(base, month, v, provider));
  }).map((r) => (version === '202407' ? r : [...r.slice(0, 15), ...r.slice(18)]));
}

type Sides = UsageOptions & { care?: string; provider?: string };

function usageFile(kind: 'UPPLAN' | 'UPJSK', people: PersonVisits[], opts: Sides): GeneratedFile {
  const month = opts.month ?? MONTH;
  const care = opts.care ?? CARE_OFFICE;
  const provider = opts.provider ?? HOME_HELP_OFFICE;
  const [sender, destination] = kind === 'UPPLAN' ? [care, provider] : [provider, care];
  return fromRecords(kind, records(people, month, opts.version ?? '202407', provider),
    { month, sender, destination, ...(opts.sequence ? { sequence: opts.sequence } : {}) });
}

/** 第6表 予定 from the 居宅 to the provider: rows name the provider unless a visit says otherwise. */
export const planFile = (people: PersonVisits[], opts: Sides = {}): GeneratedFile => usageFile('UPPLAN', people, opts);

/** 実績 from the provider back to the 居宅. */
export const actualFile = (people: PersonVisits[], opts: Sides = {}): GeneratedFile => usageFile('UPJSK', people, opts);

/** A plausible month for one person: 身体介護 on Mondays and Thursdays 09:00–10:00, 生活援助 on Wednesdays 14:00–14:45. */
export function weeklyVisits(month: string = MONTH): Visit[] {
  const days = new Date(Date.UTC(Number(month.slice(0, 4)), Number(month.slice(4, 6)), 0)).getUTCDate();
  const visits: Visit[] = [];
  for (let day = 1; day <= days; day++) {
    const weekday = new Date(Date.UTC(Number(month.slice(0, 4)), Number(month.slice(4, 6)) - 1, day)).getUTCDay();
    if (weekday === 1 || weekday === 4) visits.push({ day, code: '111211', start: '0900', end: '1000', units: 387 });
    if (weekday === 3) visits.push({ day, code: '112111', start: '1400', end: '1445', units: 220 });
  }
  return visits;
}

/** People numbered from `from` (被保険者番号 0000100000 + i), named after csvgen's. */
export function numberedPeople(count: number, from = 0): Person[] {
  return Array.from({ length: count }, (_, i) => {
    const base = PEOPLE[(from + i) % PEOPLE.length]!;
    return { ...base, insurer: '131016', insured: String(100_000 + from + i).padStart(10, '0') };
  });
}
