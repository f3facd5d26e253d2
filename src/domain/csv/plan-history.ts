// "What changed" for a received 第6表 予定 / 実績: which earlier received files of the same
// sender describe the same people and month, and which earlier file each person is compared to.
import type { MessageSummary, StoredFile } from '../contract';
import { parseFileName, type FileKind } from '../filename';

export type PlanKind = Extract<FileKind, 'UPPLAN' | 'UPJSK'>;

export interface PlanFile {
  message: MessageSummary;
  file: StoredFile;
  kind: PlanKind;
  /** 対象年月 from the file name (YYYYMM) */
  month: string;
}

const isPlanKind = (kind: FileKind): kind is PlanKind => kind === 'UPPLAN' || kind === 'UPJSK';

/** The 予定 / 実績 files of a message, read from their names. */
export function planFilesOf(message: MessageSummary): PlanFile[] {
  return message.files.flatMap((file) => {
    const parsed = parseFileName(file.name);
    if (!parsed.ok || !isPlanKind(parsed.value.kind) || !parsed.value.targetMonth) return [];
    return [{ message, file, kind: parsed.value.kind, month: parsed.value.targetMonth }];
  });
}

const sentTime = (m: MessageSummary) => Date.parse(m.sentAt);

/**
 * Files of the same kind and month received earlier from the same sender office, newest
 * first. The names tell only kind and month; who is in a file needs its bytes.
 */
export function earlierPlanFiles(current: PlanFile, received: readonly MessageSummary[], limit = 5): PlanFile[] {
  const at = sentTime(current.message);
  return received
    .filter((m) => m.id !== current.message.id && m.sender.number === current.message.sender.number && sentTime(m) < at)
    .sort((a, b) => sentTime(b) - sentTime(a))
    .flatMap(planFilesOf)
    .filter((p) => p.kind === current.kind && p.month === current.month)
    .slice(0, limit);
}

/**
 * For each person and month of the new file (keys as in personMonthKey), the newest earlier
 * file that covered them. `earlier` is newest first; files left with nobody are dropped.
 */
export function assignEarlier<T>(newKeys: ReadonlySet<string>, earlier: readonly { source: T; keys: ReadonlySet<string> }[]): { source: T; keys: Set<string> }[] {
  const left = new Set(newKeys);
  const result: { source: T; keys: Set<string> }[] = [];
  for (const { source, keys } of earlier) {
    const mine = new Set([...left].filter((k) => keys.has(k)));
    if (mine.size === 0) continue;
    for (const k of mine) left.delete(k);
    result.push({ source, keys: mine });
  }
  return result;
}
