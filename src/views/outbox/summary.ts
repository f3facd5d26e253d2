// What a 送信トレイ row says of a send besides its files, from what the device holds (offline too).

/** The message's first line (what the sender wrote it about) and how many files go with it. */
export function outboxSummary(message: string, fileCount: number): { firstLine: string; files: string } {
  const firstLine = message.split(/\r?\n/).find((line) => line.trim() !== '')?.trim() ?? '';
  return { firstLine, files: `ファイル ${fileCount}件` };
}
