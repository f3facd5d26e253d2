// When 予定 ⇄ 実績 data is kept (src/db/usage.ts): a send queued from this device (新規作成,
// 一括送信), a file of a message fetched here (download, preview), and, while online, the
// relay's copies of what this office sent and of what it received and has already downloaded
// (so sends made on another device count too). Keeping never stands in the way of the task at
// hand: a failure is logged, not shown.
import { fetchFileBytes } from '../../api/client';
import { keepUsage, keptFiles, nameKeptPeople, type FileBytes } from '../../db/usage';
import type { Owner } from '../../db/schema';
import type { KeptFile } from '../../db/types';
import type { MessageSummary, StoredFile } from '../../domain/contract';
import { parseFileName } from '../../domain/filename';
import type { KindGroup } from '../../domain/mailbox';
import { isUsageKind, readPersonNames } from '../../domain/reconcile';
import { loadAll } from '../messages/list-loader';
import { session, signedInOf } from '../app/session';
import { ownerOf } from '../../db/owner';

/** The person and office now logged in, who own what is kept (src/db/owner.ts); null before the 事業所ユーザログイン. */
export function sessionOwner(): Owner | null {
  return ownerOf({ signedIn: signedInOf(session.peek()) });
}

/** 予定 / 実績 (and their deletions), or a 補足 with a month: what the comparison reads. */
function isKeptKind(name: string, withSupplement: boolean): boolean {
  const parsed = parseFileName(name);
  if (!parsed.ok) return false;
  const { kind, targetMonth } = parsed.value;
  return isUsageKind(kind) || (withSupplement && kind === 'UPHOSOKU' && targetMonth !== '000000');
}

const quietly = (task: Promise<unknown>) => task.catch((error: unknown) => console.error('予定・実績を端末に保存できませんでした', error));

/** A send just queued: its 予定 / 実績 are kept now and confirmed with the send (settleUsage). */
export function keepQueuedSend(outboxId: string, files: readonly KeptFile[]): Promise<void> {
  const owner = sessionOwner();
  const wanted = files.filter((f) => isKeptKind(f.name, true));
  if (!owner || !wanted.some((f) => isKeptKind(f.name, false))) return Promise.resolve();
  return quietly((async () => {
    const bytes = await Promise.all(wanted.map(async (f) => ({ name: f.name, bytes: new Uint8Array(await f.blob.arrayBuffer()) })));
    await keepUsage(bytes, { owner, sentAt: null, messageId: null, outboxId });
  })()).then(() => undefined);
}

/** A file of a message fetched on this device (download or preview). */
export function keepFetchedFile(message: MessageSummary, file: StoredFile, bytes: Uint8Array): Promise<void> {
  const owner = sessionOwner();
  if (!owner || !isKeptKind(file.name, true)) return Promise.resolve();
  const parsed = parseFileName(file.name);
  if (parsed.ok && parsed.value.kind === 'UPHOSOKU') return quietly(nameKeptPeople(owner, message.id, readPersonNames(bytes))).then(() => undefined);
  return quietly(keepUsage([{ name: file.name, bytes }], { owner, sentAt: message.sentAt, messageId: message.id })).then(() => undefined);
}

export interface SyncResult {
  /** files fetched from the relay and kept */
  fetched: number;
  /** 実績 / 予定 received and not yet downloaded: fetching them would mark them 済, so they wait for the user */
  notDownloaded: { message: MessageSummary; file: StoredFile }[];
  /** why the relay could not be asked (offline, server down) */
  error: string | null;
}

/**
 * Fetches from the relay what this office sent, and what it received and has downloaded, that
 * is not kept here yet (one file at a time: a tablet on a weak line). `month`: only that 対象年月.
 */
export async function syncFromRelay(owner: Owner, month: string | null, onProgress: (done: number, total: number) => void): Promise<SyncResult> {
  // the relay's lists narrowed to what the comparison reads (予定, 実績, their deletions, 補足)
  const filter = { kinds: ['plan', 'actual', 'delete', 'hosoku'] as const satisfies readonly KindGroup[], ...(month ? { month } : {}) };
  const [sent, received] = await Promise.all([
    loadAll({ owner, box: 'sent', filter: { ...filter, kinds: [...filter.kinds] } }),
    loadAll({ owner, box: 'received', filter: { ...filter, kinds: [...filter.kinds] } }),
  ]);
  const error = sent.error ?? received.error;
  if (sent.offline || received.offline) return { fetched: 0, notDownloaded: [], error };
  const have = await keptFiles(owner);
  const ofMonth = (file: StoredFile) => {
    const parsed = parseFileName(file.name);
    return parsed.ok && isUsageKind(parsed.value.kind) && (month === null || parsed.value.targetMonth === month);
  };
  const todo: { message: MessageSummary; files: StoredFile[] }[] = [];
  const notDownloaded: SyncResult['notDownloaded'] = [];
  for (const [messages, mine] of [[sent.messages, true], [received.messages, false]] as const) {
    for (const message of messages) {
      const usage = message.files.filter((f) => ofMonth(f) && !have.has(`${message.id}/${f.name}`));
      const ready = mine ? usage : usage.filter((f) => f.downloadedAt !== null);
      if (!mine) for (const f of usage) if (f.downloadedAt === null) notDownloaded.push({ message, file: f });
      if (ready.length === 0) continue;
      // the 補足 of the same send names the people, when it may be fetched without marking it
      const supplement = message.files.filter((f) => isKeptKind(f.name, true) && !isKeptKind(f.name, false) && (mine || f.downloadedAt !== null));
      todo.push({ message, files: [...ready, ...supplement] });
    }
  }
  const total = todo.reduce((n, t) => n + t.files.length, 0);
  let done = 0;
  let fetched = 0;
  onProgress(0, total);
  for (const { message, files } of todo) {
    const bytes: FileBytes[] = [];
    for (const file of files) {
      bytes.push({ name: file.name, bytes: await fetchFileBytes(message.id, file.id) });
      onProgress(++done, total);
    }
    await keepUsage(bytes, { owner, sentAt: message.sentAt, messageId: message.id });
    fetched += files.length;
  }
  return { fetched, notDownloaded, error };
}
