// The bytes of a message's files, fetched once per screen and shared by the download buttons,
// the previews and 前回からの変更. For the receiving office the relay marks a file downloaded
// the first time it is fetched, so a first fetch made to look at a file also saves it: what
// the sender sees as 済 is then really on the receiver's device. A 予定 / 実績 fetched here is
// also kept for 予定 ⇄ 実績.
import { useState } from 'preact/hooks';
import { fetchFileBytes } from '../../api/client';
import type { MessageSummary, StoredFile } from '../../domain/contract';
import { keepFetchedFile } from '../reconcile/keep';
import { saveBytes } from './download';

export interface FileBytes {
  known: (messageId: string, fileId: string) => Uint8Array | undefined;
  /** the bytes, fetched if needed; never saves, so use it for downloads and for files already downloaded */
  fetch: (message: MessageSummary, file: StoredFile) => Promise<Uint8Array>;
  /** the bytes to look at; a first fetch that marks the file downloaded also saves it */
  view: (message: MessageSummary, file: StoredFile) => Promise<Uint8Array>;
  /** true when looking at the file would mark it downloaded now */
  marksOnView: (message: MessageSummary, file: StoredFile) => boolean;
}

const keyOf = (messageId: string, fileId: string) => `${messageId}/${fileId}`;

/** `isReceiver`: fetching marks files downloaded; `onMarked` runs after a fetch that did. */
export function useFileBytes(isReceiver: boolean, onMarked: () => void): FileBytes {
  const [bytes, setBytes] = useState<ReadonlyMap<string, Uint8Array>>(new Map());

  const known = (messageId: string, fileId: string) => bytes.get(keyOf(messageId, fileId));

  async function fetch(message: MessageSummary, file: StoredFile): Promise<Uint8Array> {
    const key = keyOf(message.id, file.id);
    const had = bytes.get(key);
    if (had) return had;
    const fetched = await fetchFileBytes(message.id, file.id);
    setBytes((current) => new Map(current).set(key, fetched));
    // 予定 ⇄ 実績 keeps what this office looked at (src/views/reconcile/keep.ts)
    await keepFetchedFile(message, file, fetched);
    return fetched;
  }

  const marksOnView = (message: MessageSummary, file: StoredFile) =>
    isReceiver && !file.downloadedAt && !bytes.has(keyOf(message.id, file.id));

  async function view(message: MessageSummary, file: StoredFile): Promise<Uint8Array> {
    const marks = marksOnView(message, file);
    const fetched = await fetch(message, file);
    if (marks) {
      saveBytes(file.name, fetched);
      onMarked();
    }
    return fetched;
  }

  return { known, fetch, view, marksOnView };
}
