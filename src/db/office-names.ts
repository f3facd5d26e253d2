// The office names this device keeps for one owner, for lists opened offline: the kept 送信一覧 /
// 受信一覧 (src/db/cache.ts), the confirmations of this device's sends, and the 一括送信 rows the
// directory named. A draft's destination is often in none of the kept lists (送信一覧 never
// opened here) while a send to it, or a 一括送信 row, still knows its name.
import { keptOfficeNames } from './cache';
import { listOwned, type Owner } from './owner';

export async function officeNamesKept(owner: Owner, now = Date.now()): Promise<Map<string, string>> {
  const [lists, sent, batch] = await Promise.all([
    keptOfficeNames(owner, now),
    listOwned('sent', (a, b) => a.confirmedAt - b.confirmedAt, owner),
    listOwned('batch', (a, b) => a.addedAt - b.addedAt, owner),
  ]);
  const names = new Map<string, string>();
  // the least certain first, each later source winning: rows, then this device's sends (oldest
  // first), then the relay's lists
  for (const row of batch) {
    if (row.destination && row.officeName) names.set(row.destination, row.officeName);
  }
  for (const record of sent) {
    const { number, name } = record.result.destination;
    if (name) names.set(number, name);
  }
  for (const [number, name] of lists) names.set(number, name);
  return names;
}
