// A thread of the relay's file writers (file-writer.ts): writes each batch of sends' files and moves
// them into place with synchronous fs calls, and answers each send's outcome.
import { parentPort } from 'node:worker_threads';
import { placeBatch, type FileWriteError, type FileWriteJob } from './file-writes';

export interface FileWriteBatch {
  id: number;
  jobs: FileWriteJob[];
}

export interface FileWriteAnswer {
  id: number;
  errors: (FileWriteError | null)[];
}

parentPort!.on('message', (batch: FileWriteBatch) => {
  const answer: FileWriteAnswer = { id: batch.id, errors: placeBatch(batch.jobs) };
  parentPort!.postMessage(answer);
});
