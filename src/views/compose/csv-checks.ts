// The spec checks of the CSVs being composed: run once per change of the file set, in the
// CSV check worker, so typing the message never waits for them.
import { useEffect, useMemo, useState } from 'preact/hooks';
import { problemCount, type CsvProblem } from '../../domain/csv/types';
import { checkCsvBlobs, problemsByFile } from '../../workers/csv-check';
import { isCsv, type PickedFile } from './picked-files';

/** Below this the check is over before a progress line could be read; it would only flicker. */
export const SHOW_PROGRESS_FROM_BYTES = 1024 * 1024;

export type CsvCheckState =
  | { status: 'none' }
  | { status: 'checking'; done: number; total: number; bytes: number }
  | { status: 'done'; problems: CsvProblem[]; errorCount: number; byFile: ReadonlyMap<string, CsvProblem[]> }
  | { status: 'failed'; message: string };

export interface CsvChecks {
  state: CsvCheckState;
  /** the result for the files of this render, once their check is over */
  settled: () => Promise<CsvCheckState>;
}

/** One check of one file set; the screen re-renders as it moves. */
interface CheckRun {
  state: CsvCheckState;
  settled: Promise<CsvCheckState>;
  onChange: (() => void) | null;
}

// identities of the Blobs picked: a file picked again under the same name is a new check
const blobIds = new WeakMap<Blob, number>();
let lastBlobId = 0;
const idOf = (blob: Blob) => blobIds.get(blob) ?? (blobIds.set(blob, ++lastBlobId), lastBlobId);

function startRun(csvFiles: PickedFile[]): CheckRun {
  if (csvFiles.length === 0) {
    const none: CsvCheckState = { status: 'none' };
    return { state: none, settled: Promise.resolve(none), onChange: null };
  }
  const bytes = csvFiles.reduce((sum, f) => sum + f.size, 0);
  const run: CheckRun = { state: { status: 'checking', done: 0, total: csvFiles.length, bytes }, settled: Promise.resolve({ status: 'none' }), onChange: null };
  const move = (state: CsvCheckState) => {
    run.state = state;
    run.onChange?.();
    return state;
  };
  run.settled = checkCsvBlobs(csvFiles, {
    asOneSend: true,
    onProgress: (done, total) => move({ status: 'checking', done, total, bytes }),
  }).then(
    (result) => {
      const problems = [...result.files.flatMap((f) => f.problems), ...result.crossProblems];
      // a file's 検査結果 counts what the list below says about it, the checks across files included
      const byFile = problemsByFile(result);
      return move({ status: 'done', problems, errorCount: problemCount(problems, 'error'), byFile });
    },
    (error: unknown) => {
      console.error(error);
      return move({ status: 'failed', message: 'CSVファイルを読み取れませんでした。ファイルを選び直してください' });
    },
  );
  return run;
}

export function useCsvChecks(files: PickedFile[]): CsvChecks {
  const csvFiles = files.filter(isCsv);
  const key = csvFiles.map((f) => `${f.name}#${idOf(f.blob)}`).join('|');
  // started while rendering, so 送信 pressed right after a drop already waits for this check
  const run = useMemo(() => startRun(csvFiles), [key]);
  const [, rerender] = useState(0);
  useEffect(() => {
    run.onChange = () => rerender((n) => n + 1);
    // it may have moved between the render and this effect
    rerender((n) => n + 1);
    return () => {
      run.onChange = null;
    };
  }, [run]);
  return { state: run.state, settled: () => run.settled };
}

/** Why the CSV checks keep 送信 from going ahead; null when they do not. */
export function csvSendBlock(state: CsvCheckState): string | null {
  switch (state.status) {
    case 'checking': return 'CSVファイルを検査中です。検査が終わると送信できます';
    case 'failed': return state.message;
    // no count here: the box above counts them, and a mistake across files is listed apart from it
    case 'done': return state.errorCount > 0 ? '上のCSVの誤りを直すまで送信できません' : null;
    default: return null;
  }
}
