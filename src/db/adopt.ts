// What an office login takes over from a database kept before ownership (versions 2 and 3, which
// upgrades.ts step 3 → 4 left with owner.userId ''): loaded by ./sign-in.ts only when such records
// exist, so the first screen does not download these rules.
//
// A record goes to the office that made it, where anything says which: an outbox item's `sender`,
// a confirmation's sending office, and a 一括送信 row's send (version 3 rows kept no office, so
// the row takes the office of the send queued or confirmed for it) or, with no such send, the
// 送信元 its CSV files' names all give. What names no office goes to the first office login,
// except a send: one queued without a known sending office is never sent as this office; it is
// held back for the user to check.
import { parseFileName } from '../domain/filename';
import type { OutboxItem, SentRecord } from '../outbox/types';
import { openRenkeiDb } from './db';
import { unowned, UNOWNED_USER, type Owner } from './owner';
import type { CarriedOver } from './sign-in';
import type { BatchRecord } from './schema';

export async function adoptUnowned(owner: Owner): Promise<CarriedOver> {
  const tx = (await openRenkeiDb()).transaction(['drafts', 'outbox', 'sent', 'batch'], 'readwrite');
  const taken: CarriedOver = { sends: 0, heldBack: 0 };
  const items = await tx.objectStore('outbox').index('owner').getAll(unowned());
  const sent = await tx.objectStore('sent').index('owner').getAll(unowned());
  // before any of them changes: a row's office is its send's, whoever adopts the send
  const batch = (await tx.objectStore('batch').index('owner').getAll(unowned())).map((row) => withSendOffice(row, items, sent));
  const othersRows = new Set(batch.filter((row) => row.owner.office !== '' && row.owner.office !== owner.office).map((row) => row.id));

  for (const item of items) {
    if (item.sender === undefined) {
      // the row waits for another office (its files name it): its held-back send waits with it, unowned
      // (so nobody sends it), and is told to that office's login
      if (item.batchRowId !== undefined && othersRows.has(item.batchRowId)) continue;
      // queued before any office login: sending it under this one could send it as the wrong office
      await tx.objectStore('outbox').delete(item.id);
      // a 一括送信 row keeps its files and reads as interrupted; anything else becomes a draft
      if (item.batchRowId === undefined) {
        await tx.objectStore('drafts').put({ id: item.draftId ?? item.id, owner, destination: item.destination, message: item.message, files: item.files, savedAt: item.createdAt });
      }
      taken.heldBack += 1;
    } else if (item.sender === owner.office) {
      await tx.objectStore('outbox').put({ ...item, owner });
      taken.sends += 1;
    }
  }
  for (const row of batch) {
    // another office's row waits for it, remembering whose it is for every later login
    if (othersRows.has(row.id)) await tx.objectStore('batch').put(row);
    else await tx.objectStore('batch').put({ ...row, owner });
  }
  const stores = [tx.objectStore('drafts'), tx.objectStore('sent')] as const;
  for (const store of stores) {
    for (const record of await store.index('owner').getAll(unowned())) {
      if (record.owner.office !== '' && record.owner.office !== owner.office) continue;
      // each store's own record type; the owner is all that changes
      await (store as unknown as { put(value: unknown): Promise<unknown> }).put({ ...record, owner });
    }
  }
  await tx.done;
  return taken;
}

/**
 * A row without an office (version 3 kept none) with the office of its send: an item queued for
 * it (by batchRowId, or the row's outboxId) that names its sender, else a confirmation of it, else
 * the 送信元 of its files' names. A row none of these name keeps '' (the first office login takes
 * it; the row's checks refuse files whose 送信元 is not that office).
 */
function withSendOffice(row: BatchRecord, items: readonly OutboxItem[], sent: readonly SentRecord[]): BatchRecord {
  if (row.owner.office !== '') return row;
  const isRowsSend = (send: { id: string; batchRowId?: string }) => send.batchRowId === row.id || send.id === row.outboxId;
  const office =
    items.find((item) => isRowsSend(item) && item.sender !== undefined)?.sender ?? sent.find(isRowsSend)?.result.sender.number ?? filesOffice(row);
  return office ? { ...row, owner: { userId: UNOWNED_USER, office } } : row;
}

/**
 * The 送信元 every CSV (and 家族構成画像) name of the row gives, when they all parse and agree;
 * PDF等 name no office and say nothing. One name that does not parse leaves its 送信元 unknown, so
 * the row's office is too (undefined).
 */
function filesOffice(row: BatchRecord): string | undefined {
  const senders = new Set<string>();
  for (const file of row.files) {
    if (!namesSender(file.name)) continue;
    const parsed = parseFileName(file.name);
    if (!parsed.ok) return undefined;
    senders.add(parsed.value.sender);
  }
  return senders.size === 1 ? [...senders][0] : undefined;
}

/**
 * The files routed by their names, as isRoutedName (src/domain/attachments.ts) tells them: said
 * again here because that module would bring the contract's zod schemas into this download.
 */
const namesSender = (name: string) => /\.csv$/i.test(name) || /^UPKIHON_IMAGE_/i.test(name);
