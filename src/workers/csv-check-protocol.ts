// Messages between the page and the CSV check worker (csv-check.worker.ts).
import type { CsvProblem } from '../domain/csv/types';

/** The files of one send, or of a file set checked file by file. */
export interface FilesRequest {
  id: number;
  type: 'files';
  files: { name: string; blob: Blob }[];
  /** true: one send (validateSendCsvs, with checks across files); false: each file alone (validateCsv) */
  asOneSend: boolean;
  /** true: a progress message after each file read (for a long check someone is watching) */
  progress: boolean;
}

/**
 * Many sends checked one by one (一括送信's rows), their files' bytes in one Blob in order: one read
 * for them all, where a read per file costs more than the checks of a small CSV.
 */
export interface SendsRequest {
  id: number;
  type: 'sends';
  blob: Blob;
  /** each send's files, in the Blob's order */
  sends: { name: string; size: number }[][];
}

export type CheckRequest = FilesRequest | SendsRequest;

export interface FileProblems {
  name: string;
  problems: CsvProblem[];
  /** the file's first bytes (MAGIC_HEAD_BYTES), for the attachment rules: read once, here */
  head: Uint8Array;
}

export interface CheckResult {
  files: FileProblems[];
  crossProblems: CsvProblem[];
}

export type CheckReply =
  | { id: number; type: 'progress'; done: number; total: number }
  /** one result per send asked (a FilesRequest is one) */
  | { id: number; type: 'done'; results: CheckResult[] }
  | { id: number; type: 'failed'; message: string };
