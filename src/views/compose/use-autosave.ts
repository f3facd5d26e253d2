// Keeps what a compose screen holds in IndexedDB on every change (src/db/autosave.ts), so leaving
// the screen, a reload or an update loses nothing. 一時保存 stays the explicit act: the autosave is
// only the safety net, dropped once the work is sent, saved as a draft or thrown away.
import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import type { AutosaveKey } from '../../db/autosave';
import { holdUnsavedWork } from '../app/unsaved';
import { AutosaveWriter, type AutosaveStatus } from './autosave-writer';
import type { ComposeWork } from './compose-source';
import { toKept, type PickedFile } from './picked-files';

export interface Autosave {
  status: AutosaveStatus;
  /** The work is now saved some other way (sent, 一時保存, 更新) under `saved`: drop the autosaves of these keys. */
  settle(keys: AutosaveKey[], saved: ComposeWork): Promise<void>;
  /** Drops the autosave (破棄): resolves once it is gone. */
  discard(key: AutosaveKey): Promise<void>;
}

function sameWork(a: ComposeWork, b: ComposeWork): boolean {
  return a.destination === b.destination && a.message === b.message &&
    a.files.length === b.files.length && a.files.every((f, i) => f.name === b.files[i]?.name && f.blob === b.files[i]?.blob);
}

/** `key` null: no one to own the autosave (no office logged in), so nothing is kept. */
export function useAutosave(key: AutosaveKey | null, work: ComposeWork, saved: ComposeWork, restored: boolean): Autosave {
  const [status, setStatus] = useState<AutosaveStatus>({ state: 'idle' });
  const writer = useMemo(() => new AutosaveWriter(setStatus), []);
  const baseline = useRef(saved);
  const keptFiles = useRef<{ picked: PickedFile[]; kept: ReturnType<typeof toKept> } | null>(null);
  // whether this key may hold an autosave that must be cleared when the work goes back to baseline
  const stored = useRef(restored);
  // the work as the screen opened with it: nothing to write until it changes. (Not "skip the
  // first effect": a change made before the first effect runs would be skipped with it.)
  const opened = useRef<ComposeWork | null>(work);

  useEffect(() => holdUnsavedWork(() => writer.settled()), [writer]);

  // the same KeptFile array for the same picked files: the writer skips rewriting unchanged files
  if (keptFiles.current?.picked !== work.files) keptFiles.current = { picked: work.files, kept: toKept(work.files) };
  const files = keptFiles.current.kept;
  // the restored files are in the store already: written again only once they change
  const told = useRef(false);
  if (!told.current && key && restored) writer.knownFiles(key, files);
  told.current = true;

  const keyId = key ? `${key.owner.userId}|${key.owner.office}|${key.source}` : '';
  useEffect(() => {
    if (!key) return;
    if (opened.current && sameWork(work, opened.current)) return;
    opened.current = null;
    if (sameWork(work, baseline.current)) {
      if (stored.current) void writer.clear([key]).catch(() => undefined);
      stored.current = false;
      return;
    }
    writer.save(key, { destination: work.destination, message: work.message, files });
    stored.current = true;
  }, [keyId, work.files, work.destination, work.message]);

  return {
    status,
    async settle(keys, nowSaved) {
      baseline.current = nowSaved;
      stored.current = false;
      await writer.clear(keys);
    },
    async discard(discarded) {
      stored.current = false;
      await writer.clear([discarded]);
    },
  };
}
