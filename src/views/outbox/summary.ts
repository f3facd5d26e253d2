// What a 送信トレイ row says of a send besides its files, from what the device holds (offline too).
import { firstLine } from '../common/format';

/** The message's first line (what the sender wrote it about, as 下書き一覧 shows it) and how many files go with it. */
export function outboxSummary(message: string, fileCount: number): { firstLine: string; files: string } {
  return { firstLine: firstLine(message), files: `ファイル ${fileCount}件` };
}
