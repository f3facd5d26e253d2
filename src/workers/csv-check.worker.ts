// Runs the CSV spec checks off the main thread: a 10 MB 第6表 takes long enough to freeze
// typing in the message field. Blobs arrive by reference; the bytes are read here.
// Compiled with the WebWorker library (tsconfig.worker.json): postMessage and onmessage are
// this dedicated worker's own globals.
import '../domain/zod-config';
import type { CheckReply, CheckRequest } from './csv-check-protocol';
import { checkFiles, checkSends } from './csv-check-core';

onmessage = (event: MessageEvent<CheckRequest>) => {
  const request = event.data;
  const { id } = request;
  const post = (reply: CheckReply) => postMessage(reply);
  const results =
    request.type === 'sends'
      ? checkSends(request)
      : checkFiles(request, request.progress ? (done, total) => post({ id, type: 'progress', done, total }) : () => undefined).then((one) => [one]);
  results
    .then((done) => post({ id, type: 'done', results: done }))
    .catch((error: unknown) => post({ id, type: 'failed', message: error instanceof Error ? error.message : String(error) }));
};
