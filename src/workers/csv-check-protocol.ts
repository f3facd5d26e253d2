// Messages between the page and the CSV check worker (csv-check.worker.ts).
import type { CsvProblem } from '../domain/csv/types';

export interface CheckRequest {
  id: number;
  files: { name: string; blob: Blob }[];
  /** true: one send (validateSendCsvs, with checks across files); false: each file alone (validateCsv) */
  asOneSend: boolean;
}

export interface FileProblems {
  name: string;
  problems: CsvProblem[];
  /** the file's first bytes (MAGIC_HEAD_BYTES), for the attachment rules: read once, here */
  head: Uint8Array;
}

export type CheckReply =
  | { id: number; type: 'progress'; done: number; total: number }
  | { id: number; type: 'done'; files: FileProblems[]; crossProblems: CsvProblem[] }
  | { id: number; type: 'failed'; message: string };
