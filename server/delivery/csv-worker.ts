// One worker of the relay's CSV check pool (csv-pool.ts): the same csvContentRefusal as inline,
// answered by job id.
import { parentPort } from 'node:worker_threads';
import { csvContentRefusal } from './csv-checks';
import type { CsvJob, CsvVerdict } from './csv-pool';

parentPort!.on('message', (job: CsvJob) => {
  let verdict: CsvVerdict;
  try {
    verdict = { id: job.id, refusal: csvContentRefusal(job.files) };
  } catch {
    verdict = { id: job.id, failed: true };
  }
  parentPort!.postMessage(verdict);
});
