// 予定 ⇄ 実績 data kept on this device: every 予定 sent and every 実績 downloaded or previewed
// (and, for a provider, the reverse), one record per file holding its people and their parsed
// rows, so the comparison works offline and after the relay has deleted its copies. Each record
// belongs to the person and office that kept it and is read only by them; records go 12 months
// after their 対象年月 (KEEP_MONTHS) or when the user deletes them (docs/reconcile.md).
import { keptFromFile, readPersonNames, readUsageFile, type KeptUsageFile } from '../domain/reconcile';
import { parseFileName } from '../domain/filename';
import { openRenkeiDb } from './db';
import { isOwnedBy } from './owner';
import type { Owner, UsageRecord } from './schema';

/** A record is kept this many months after its 対象年月 (2025年4月分: until the end of 2026年4月). */
export const KEEP_MONTHS = 12;

export interface KeepMeta {
  owner: Owner;
  /** ISO 8601; null for a send still in the outbox */
  sentAt: string | null;
  messageId: string | null;
  /** a send from this device: confirmed later through its outbox item */
  outboxId?: string;
}

export interface FileBytes {
  name: string;
  bytes: Uint8Array;
}

const ownerRange = (owner: Owner, month?: string) =>
  month === undefined
    ? IDBKeyRange.bound([owner.userId, owner.office, ''], [owner.userId, owner.office, '\uffff'])
    : IDBKeyRange.only([owner.userId, owner.office, month]);


/** The 予定 / 実績 files among `files`, their people named from a 補足 of the same send when there is one. */
export function usageOf(files: readonly FileBytes[], meta: Omit<KeepMeta, 'owner' | 'outboxId'>): KeptUsageFile[] {
  const names = new Map<string, string>();
  for (const f of files) {
    const parsed = parseFileName(f.name);
    if (parsed.ok && parsed.value.kind === 'UPHOSOKU') for (const [k, v] of readPersonNames(f.bytes)) names.set(k, v);
  }
  return files.flatMap((f) => {
    const usage = readUsageFile(f.name, f.bytes);
    return usage ? [keptFromFile(usage, { fileName: f.name, sentAt: meta.sentAt, messageId: meta.messageId, names })] : [];
  });
}

/**
 * Keeps the 予定 / 実績 among the files, replacing what this owner kept earlier of the same files
 * of the same message (or outbox item). Returns how many files were kept.
 */
export async function keepUsage(files: readonly FileBytes[], meta: KeepMeta, now = Date.now()): Promise<number> {
  const kept = usageOf(files, meta);
  if (kept.length === 0) return 0;
  const tx = (await openRenkeiDb()).transaction(['usage', 'sent'], 'readwrite');
  const store = tx.objectStore('usage');
  // confirmed before these records were written: take the confirmation now (settleUsage in usage-settle.ts missed them)
  const confirmed = meta.outboxId !== undefined ? (await tx.objectStore('sent').get(meta.outboxId))?.result : undefined;
  const names = new Set(kept.map((k) => k.fileName));
  const earlier = meta.messageId !== null
    ? await store.index('byMessage').getAll(meta.messageId)
    : meta.outboxId !== undefined ? await store.index('byOutbox').getAll(meta.outboxId) : [];
  for (const r of earlier) if (isOwnedBy(r, meta.owner) && names.has(r.fileName)) await store.delete(r.id);
  const source = meta.messageId ?? `outbox:${meta.outboxId ?? ''}`;
  for (const k of kept) {
    const record: UsageRecord = {
      ...k,
      ...(confirmed ? { sentAt: confirmed.sentAt, messageId: confirmed.id } : {}),
      id: [meta.owner.userId, meta.owner.office, source, k.fileName].join('|'),
      owner: meta.owner,
      ...(meta.outboxId !== undefined ? { outboxId: meta.outboxId } : {}),
      keptAt: now,
    };
    await store.put(record);
  }
  await tx.done;
  return kept.length;
}

/** Names from a 補足 fetched after the 予定 / 実績 of its message: given to the people kept without one. */
export async function nameKeptPeople(owner: Owner, messageId: string, names: ReadonlyMap<string, string>): Promise<void> {
  if (names.size === 0) return;
  const tx = (await openRenkeiDb()).transaction('usage', 'readwrite');
  for (const r of await tx.store.index('byMessage').getAll(messageId)) {
    if (!isOwnedBy(r, owner) || r.people.every((p) => p.name || !names.has(`${p.insurer}|${p.insured}`))) continue;
    await tx.store.put({ ...r, people: r.people.map((p) => (p.name ? p : { ...p, name: names.get(`${p.insurer}|${p.insured}`) ?? '' })) });
  }
  await tx.done;
}

/**
 * The owner's records (of one 対象年月, or all). A record of a send no longer in the outbox is
 * confirmed from the outbox's confirmations, or dropped when the send was removed unsent.
 */
export async function listUsage(owner: Owner, month?: string): Promise<UsageRecord[]> {
  const db = await openRenkeiDb();
  const records = await db.getAllFromIndex('usage', 'byOwnerMonth', ownerRange(owner, month));
  const waiting = records.filter((r) => r.sentAt === null && r.outboxId !== undefined);
  if (waiting.length === 0) return records;
  const tx = db.transaction(['usage', 'outbox', 'sent'], 'readwrite');
  const result: UsageRecord[] = records.filter((r) => !waiting.includes(r));
  for (const r of waiting) {
    const sent = (await tx.objectStore('sent').get(r.outboxId!))?.result;
    if (sent) {
      const settled = { ...r, sentAt: sent.sentAt, messageId: sent.id };
      await tx.objectStore('usage').put(settled);
      result.push(settled);
    } else if (await tx.objectStore('outbox').get(r.outboxId!)) result.push(r);
    else await tx.objectStore('usage').delete(r.id);
  }
  await tx.done;
  return result;
}

/** `${messageId}/${fileName}` of every file the owner keeps: what need not be fetched again. */
export async function keptFiles(owner: Owner): Promise<Set<string>> {
  const records = await (await openRenkeiDb()).getAllFromIndex('usage', 'byOwnerMonth', ownerRange(owner));
  return new Set(records.flatMap((r) => (r.messageId !== null ? [`${r.messageId}/${r.fileName}`] : [])));
}

export interface UsageSummary {
  people: number;
  files: number;
  /** 対象年月 kept, oldest first */
  months: string[];
}

export async function usageSummary(owner: Owner): Promise<UsageSummary> {
  const records = await (await openRenkeiDb()).getAllFromIndex('usage', 'byOwnerMonth', ownerRange(owner));
  return {
    people: new Set(records.flatMap((r) => r.people.map((p) => `${p.insurer}|${p.insured}`))).size,
    files: records.length,
    months: [...new Set(records.map((r) => r.month))].sort(),
  };
}

/** Deletes the owner's records (of one 対象年月, or all). Returns how many went. */
export async function deleteUsage(owner: Owner, month?: string): Promise<number> {
  const tx = (await openRenkeiDb()).transaction('usage', 'readwrite');
  const keys = await tx.store.index('byOwnerMonth').getAllKeys(ownerRange(owner, month));
  for (const key of keys) await tx.store.delete(key);
  await tx.done;
  return keys.length;
}

/** The oldest 対象年月 still kept on `today`. */
export function oldestKeptMonth(today: Date): string {
  const d = new Date(today.getFullYear(), today.getMonth() - KEEP_MONTHS, 1);
  return `${d.getFullYear()}${String(d.getMonth() + 1).padStart(2, '0')}`;
}

/** Deletes every owner's records past KEEP_MONTHS: nobody's data outstays its use on a shared device. */
export async function pruneUsage(today: Date): Promise<number> {
  const oldest = oldestKeptMonth(today);
  const tx = (await openRenkeiDb()).transaction('usage', 'readwrite');
  let removed = 0;
  for (let cursor = await tx.store.openCursor(); cursor; cursor = await cursor.continue()) {
    if (cursor.value.month < oldest) {
      await cursor.delete();
      removed += 1;
    }
  }
  await tx.done;
  return removed;
}
