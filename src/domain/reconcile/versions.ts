// Which 予定 and which 実績 a comparison uses, from everything kept for a 居宅, a provider, a
// person and a month. The 予定: the latest UPPLAN the 居宅 sent to that provider for the person
// and month (a later one replaces the earlier; a later DLTPLAN removes it). The 実績: per
// サービス種類, the latest UPJSK of that provider carrying the kind (a provider sends its 実績 per
// サービス種類, and resends them when correcting; a later DLTJSK removes the kind). "Latest" is
// by 連番, the order the receiver imports in, then by 送信日時 (docs/reconcile.md "Versions").
import { byCode, personKey, serviceKindOf, type PersonId, type UsageFile, type UsageKind, type UsageRow } from './rows';

/** What is kept of a 予定 / 実績 file (or a deletion), besides its people. */
export interface KeptFileMeta {
  kind: UsageKind;
  month: string;
  /** the 居宅 of the exchange: the sender of a 予定, the destination of a 実績 */
  care: string;
  /** the サービス事業所: the destination of a 予定, the sender of a 実績 */
  provider: string;
  fileName: string;
  sequence: string;
  version: string | null;
  /** ISO 8601; null while the send waits in the outbox */
  sentAt: string | null;
  messageId: string | null;
}

export interface KeptPerson extends PersonId {
  /** 利用者氏名 when a 補足 of the same send named the person */
  name: string;
  /** a 予定 keeps only the provider's own rows: the file also lists other providers' services */
  rows: UsageRow[];
  /** DLTJSK: the kinds it deletes */
  deleted: { office: string; kind: string }[];
}

/** One file as the office keeps it: one record per file, read back many at a time (bench/monthly-check.bench.ts). */
export interface KeptUsageFile extends KeptFileMeta {
  people: KeptPerson[];
}

/** One person of one kept file: what the comparison works on. */
export interface KeptUsage extends KeptFileMeta {
  person: PersonId & { name: string };
  rows: UsageRow[];
  deleted: { office: string; kind: string }[];
}

const isPlanSide = (kind: UsageKind) => kind === 'UPPLAN' || kind === 'DLTPLAN';

/** The file as kept. */
export function keptFromFile(
  file: UsageFile,
  meta: { fileName: string; sentAt: string | null; messageId: string | null; names?: ReadonlyMap<string, string> },
): KeptUsageFile {
  const plan = isPlanSide(file.kind);
  const care = plan ? file.sender : file.destination;
  const provider = plan ? file.destination : file.sender;
  return {
    kind: file.kind,
    month: file.month,
    care,
    provider,
    fileName: meta.fileName,
    sequence: file.sequence,
    version: file.version,
    sentAt: meta.sentAt,
    messageId: meta.messageId,
    people: file.people.map((p) => ({
      insurer: p.insurer,
      insured: p.insured,
      name: meta.names?.get(personKey(p)) ?? '',
      rows: file.kind === 'UPPLAN' ? p.rows.filter((r) => r.office === provider) : p.rows,
      deleted: p.deleted,
    })),
  };
}

/** The people of kept files, one each. */
export function peopleOf(files: readonly KeptUsageFile[]): KeptUsage[] {
  return files.flatMap((f) => {
    const meta: KeptFileMeta = {
      kind: f.kind, month: f.month, care: f.care, provider: f.provider, fileName: f.fileName,
      sequence: f.sequence, version: f.version, sentAt: f.sentAt, messageId: f.messageId,
    };
    return f.people.map((p) => ({ ...meta, person: { insurer: p.insurer, insured: p.insured, name: p.name }, rows: p.rows, deleted: p.deleted }));
  });
}

export interface PairKey extends PersonId {
  care: string;
  provider: string;
  month: string;
}

export const pairId = (k: PairKey): string => `${k.care}|${k.provider}|${k.insurer}|${k.insured}|${k.month}`;

export interface Pair {
  key: PairKey;
  /** 利用者氏名 when a kept 補足 named the person */
  name: string;
  /** the 予定 compared; null when none was sent (or it was deleted) */
  plan: KeptUsage | null;
  /** earlier 予定 versions the one used replaced */
  replacedPlans: number;
  /** a DLTPLAN later than every 予定 */
  planDeletedBy: KeptUsage | null;
  /** a 予定 still waiting in the outbox */
  planPending: boolean;
  /** the 実績 files whose rows are compared, oldest first */
  actuals: KeptUsage[];
  actualRows: UsageRow[];
}

/** Later versions sort after earlier ones. */
export function versionOrder(a: KeptUsage, b: KeptUsage): number {
  return byCode(a.sequence, b.sequence) || byCode(a.sentAt ?? '', b.sentAt ?? '');
}

/** Every pair of 居宅, provider, person and month the records mention, with the versions used. */
export function pairsOf(records: readonly KeptUsage[]): Pair[] {
  const grouped = new Map<string, KeptUsage[]>();
  for (const r of records) {
    const id = pairId({ care: r.care, provider: r.provider, insurer: r.person.insurer, insured: r.person.insured, month: r.month });
    const list = grouped.get(id);
    if (list) list.push(r);
    else grouped.set(id, [r]);
  }
  return [...grouped.values()].map(pairOf);
}

function pairOf(records: KeptUsage[]): Pair {
  const first = records[0]!;
  const key: PairKey = { care: first.care, provider: first.provider, insurer: first.person.insurer, insured: first.person.insured, month: first.month };
  const sent = records.filter((r) => r.sentAt !== null).sort(versionOrder);
  const planSide = sent.filter((r) => isPlanSide(r.kind));
  const latest = planSide[planSide.length - 1] ?? null;
  const plan = latest?.kind === 'UPPLAN' ? latest : null;
  const { actuals, rows } = actualsOf(sent.filter((r) => !isPlanSide(r.kind)));
  const name = (plan?.person.name || records.find((r) => r.person.name)?.person.name) ?? '';
  return {
    key,
    name,
    plan,
    replacedPlans: plan ? planSide.filter((r) => r.kind === 'UPPLAN' && r !== plan).length : 0,
    planDeletedBy: latest?.kind === 'DLTPLAN' ? latest : null,
    planPending: records.some((r) => r.sentAt === null && r.kind === 'UPPLAN'),
    actuals,
    actualRows: rows,
  };
}

/** Applies the 実績 files in order, per 事業所 and サービス種類. */
function actualsOf(files: KeptUsage[]): { actuals: KeptUsage[]; rows: UsageRow[] } {
  // the common case: one 実績, nothing to replace
  if (files.length === 1 && files[0]!.kind === 'UPJSK' && files[0]!.rows.length > 0) return { actuals: files, rows: files[0]!.rows };
  const byKind = new Map<string, { from: KeptUsage; rows: UsageRow[] }>();
  for (const file of files) {
    if (file.kind === 'DLTJSK') {
      for (const d of file.deleted) byKind.delete(`${d.office}|${d.kind}`);
      continue;
    }
    const mine = new Map<string, UsageRow[]>();
    for (const r of file.rows) {
      const k = `${r.office}|${serviceKindOf(r.code)}`;
      const list = mine.get(k);
      if (list) list.push(r);
      else mine.set(k, [r]);
    }
    for (const [k, rows] of mine) byKind.set(k, { from: file, rows });
  }
  const used = new Set([...byKind.values()].map((v) => v.from));
  return { actuals: files.filter((f) => used.has(f)), rows: [...byKind.values()].flatMap((v) => v.rows) };
}
