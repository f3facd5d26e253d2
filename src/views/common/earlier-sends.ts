// This device's earlier sends of the signed-in owner, for the 同じファイル warning of 送信確認 and
// 一括送信の確認: the confirmed ones (kept for a while after the relay answered) and those still
// in the outbox.
import { listOwned } from '../../db/owner';
import type { EarlierSend } from '../../domain/same-send';

export async function earlierSends(): Promise<EarlierSend[]> {
  const [sent, queued] = await Promise.all([listOwned('sent', () => 0), listOwned('outbox', () => 0)]);
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
  ];
}
