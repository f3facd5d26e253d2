// The signed-in owner's earlier sends, for the 同じファイル warning of 送信確認 and 一括送信の確認:
// this device's confirmed ones (kept for a while after the relay answered), those still in the
// outbox, and the office's 送信一覧 as last seen from the relay (sends made by colleagues or from
// another device, once the list has been opened here; a withdrawn send no longer counts).
import { keptMessages } from '../../db/cache';
import { currentOwner, listOwned } from '../../db/owner';
import type { EarlierSend } from '../../domain/same-send';

export async function earlierSends(): Promise<EarlierSend[]> {
  const owner = await currentOwner();
  const [sent, queued, listed] = await Promise.all([
    listOwned('sent', () => 0),
    listOwned('outbox', () => 0),
    owner ? keptMessages(owner, 'sent').then((kept) => kept.messages) : [],
  ]);
  // a send this device confirmed is told by its own record (which knows its 一括送信 row)
  const confirmed = new Set(sent.map((r) => r.result.id));
  return [
    ...sent.map((r): EarlierSend => ({
      destination: r.result.destination.number,
      fileNames: r.result.files.map((f) => f.name),
      at: new Date(r.result.sentAt).getTime(),
      state: 'sent',
      ...(r.batchRowId !== undefined ? { batchRowId: r.batchRowId } : {}),
    })),
    ...queued.map((item): EarlierSend => ({
      destination: item.destination,
      fileNames: item.files.map((f) => f.name),
      at: item.createdAt,
      state: 'queued',
      ...(item.batchRowId !== undefined ? { batchRowId: item.batchRowId } : {}),
    })),
    ...listed.filter((m) => m.withdrawnAt === null && !confirmed.has(m.id)).map((m): EarlierSend => ({
      destination: m.destination.number,
      fileNames: m.files.map((f) => f.name),
      at: new Date(m.sentAt).getTime(),
      state: 'sent',
    })),
  ];
}
