// The warning for a send made twice, in 新規作成's 送信確認 and 一括送信の確認 alike: the same send
// unit (same destination, the same CSV file names, 連番 included) already sent from this device,
// or still waiting in its outbox. A warning only: a resend after a lost reply or a deleted
// message is legitimate.

export interface EarlierSend {
  destination: string;
  fileNames: readonly string[];
  /** when it was sent (or queued, for the outbox) */
  at: number;
  state: 'sent' | 'queued';
  /** the 一括送信 row it was sent from, if any */
  batchRowId?: string;
}

/** What both confirmations say under the warning. */
export const SAME_SEND_ADVICE = 'もう一度送る場合だけ OK を押してください。';

const unitOf = (names: readonly string[]) => [...new Set(names.filter((n) => /\.csv$/i.test(n)))].sort().join('\n');

/** The latest earlier send of exactly these CSV files to this destination; null when none (or no CSV). */
export function findSameSend(destination: string, fileNames: readonly string[], earlier: readonly EarlierSend[]): EarlierSend | null {
  const unit = unitOf(fileNames);
  if (unit === '') return null;
  let latest: EarlierSend | null = null;
  for (const send of earlier) {
    if (send.destination !== destination || unitOf(send.fileNames) !== unit) continue;
    if (!latest || send.at > latest.at) latest = send;
  }
  return latest;
}

/** 「同じファイルを 11月29日 9:05 に送信済みです」 (the time as the device shows it) */
export function sameSendWarning(send: EarlierSend): string {
  const d = new Date(send.at);
  const when = `${d.getMonth() + 1}月${d.getDate()}日 ${d.getHours()}:${String(d.getMinutes()).padStart(2, '0')}`;
  return send.state === 'sent'
    ? `同じファイルを ${when} に送信済みです`
    : `同じファイルが送信トレイにあります(${when} に送信を受け付け、まだ届いていません)`;
}

/** A 一括送信 row about to go: its id, destination and file names. */
export interface GoingRow {
  id: string;
  destination: string;
  fileNames: readonly string[];
}

/**
 * 一括送信: the rows whose send unit already went (or waits), each with its latest earlier send.
 * A row's own earlier try is not a repeat: a row sent again after 失敗 removes that try first.
 */
export function findSameSends<R extends GoingRow>(rows: readonly R[], earlier: readonly EarlierSend[]): { row: R; send: EarlierSend }[] {
  return rows.flatMap((row) => {
    const send = findSameSend(row.destination, row.fileNames, earlier.filter((e) => e.batchRowId !== row.id));
    return send ? [{ row, send }] : [];
  });
}
