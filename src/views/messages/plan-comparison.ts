// Builds 前回からの変更 for a received message: each 予定 / 実績 file beside the newest earlier
// file (same sender, kind and month) that covered each of its people.
import { assignEarlier, earlierPlanFiles, personMonthKeys, planFilesOf, type PlanFile } from '../../domain/csv';
import type { MessageSummary } from '../../domain/contract';
import type { FileBytes } from './file-bytes';

export interface ComparedPair {
  earlier: PlanFile;
  oldBytes: Uint8Array;
  /** the people and months compared (personMonthKey) */
  keys: ReadonlySet<string>;
}

export interface Comparison {
  plan: PlanFile;
  newBytes: Uint8Array;
  pairs: ComparedPair[];
  /** people and months of the new file that no earlier file covered */
  firstTime: number;
}

export interface Candidates {
  /** files to compare, each with the earlier files the receiver has downloaded (newest first) */
  comparable: { plan: PlanFile; earlier: PlanFile[] }[];
  /** earlier files of the same kind and month the receiver has never downloaded */
  notDownloaded: PlanFile[];
}

/**
 * Only earlier files this office has already downloaded take part: fetching them again marks
 * nothing, and they are the versions the office has imported, so "what changed" is measured
 * from what it already knows.
 */
export function candidatesOf(message: MessageSummary, received: readonly MessageSummary[]): Candidates {
  const comparable: Candidates['comparable'] = [];
  const notDownloaded: PlanFile[] = [];
  for (const plan of planFilesOf(message)) {
    const earlier = earlierPlanFiles(plan, received);
    const downloaded = earlier.filter((e) => e.file.downloadedAt !== null);
    notDownloaded.push(...earlier.filter((e) => e.file.downloadedAt === null));
    if (downloaded.length > 0) comparable.push({ plan, earlier: downloaded });
  }
  return { comparable, notDownloaded };
}

/** Fetches what is needed (one file at a time: a tablet on a weak line) and pairs the people. */
export async function compare(message: MessageSummary, candidates: Candidates['comparable'], fileBytes: FileBytes): Promise<Comparison[]> {
  const comparisons: Comparison[] = [];
  for (const { plan, earlier } of candidates) {
    const newBytes = await fileBytes.view(message, plan.file);
    const newKeys = personMonthKeys(newBytes);
    const sources: { source: { earlier: PlanFile; oldBytes: Uint8Array }; keys: Set<string> }[] = [];
    for (const e of earlier) {
      const oldBytes = await fileBytes.fetch(e.message, e.file);
      sources.push({ source: { earlier: e, oldBytes }, keys: personMonthKeys(oldBytes) });
    }
    const pairs = assignEarlier(newKeys, sources).map(({ source, keys }) => ({ ...source, keys }));
    const covered = pairs.reduce((n, p) => n + p.keys.size, 0);
    comparisons.push({ plan, newBytes, pairs, firstTime: newKeys.size - covered });
  }
  return comparisons;
}
