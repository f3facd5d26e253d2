// Writes a compose screen's autosave in order, one write at a time: a burst of keystrokes becomes
// one write of the latest text (a save waiting to start is replaced by a newer one), while a
// clear is never skipped, so a save can never land after the clear that follows it.
import { clearAutosave, writeAutosave, type AutosaveKey } from '../../db/autosave';
import type { KeptFile } from '../../db/types';

export interface WorkState {
  destination: string;
  message: string;
  /** the files as picked; a new array means the file set changed */
  files: readonly KeptFile[];
}

type Job = { kind: 'save'; key: AutosaveKey; work: WorkState } | { kind: 'clear'; keys: AutosaveKey[] };

export type AutosaveStatus = { state: 'idle' } | { state: 'saving' } | { state: 'saved'; at: number } | { state: 'failed' };

export class AutosaveWriter {
  private queue: Job[] = [];
  /** set and cleared in the same turn as the queue is found empty (see drain) */
  private draining = false;
  private idle: Promise<void> = Promise.resolve();
  /** the files array last written per key: typing alone does not write the files again */
  private writtenFiles = new Map<string, readonly KeptFile[]>();
  private lastError: unknown = null;

  constructor(private readonly onStatus: (status: AutosaveStatus) => void = () => undefined, private readonly now: () => number = Date.now) {}

  /** The files restored from this key's autosave are already stored: the next save writes the text only. */
  knownFiles(key: AutosaveKey, files: readonly KeptFile[]): void {
    this.writtenFiles.set(keyId(key), files);
  }

  save(key: AutosaveKey, work: WorkState): void {
    const last = this.queue.at(-1);
    if (last?.kind === 'save') this.queue[this.queue.length - 1] = { kind: 'save', key, work };
    else this.queue.push({ kind: 'save', key, work });
    this.start();
  }

  clear(keys: AutosaveKey[]): Promise<void> {
    this.queue.push({ kind: 'clear', keys });
    this.start();
    return this.settled();
  }

  /** Resolves once every queued write is done; rejects when the last one failed. */
  async settled(): Promise<void> {
    while (this.draining) await this.idle;
    if (this.lastError) throw this.lastError;
  }

  private start(): void {
    if (this.draining) return;
    this.draining = true;
    this.idle = this.drain();
  }

  /**
   * Runs the queue until it is empty. `draining` is cleared in the very turn the queue is found
   * empty: a job queued by a microtask after that (a screen's effect flushed by the re-render the
   * last status caused) starts a new drain instead of waiting for one that has ended.
   */
  private async drain(): Promise<void> {
    try {
      for (let job = this.queue.shift(); job; job = this.queue.shift()) {
        this.onStatus({ state: 'saving' });
        try {
          await this.run(job);
          this.lastError = null;
          this.onStatus(job.kind === 'save' ? { state: 'saved', at: this.now() } : { state: 'idle' });
        } catch (error) {
          console.error('自動保存できませんでした', error);
          this.lastError = error;
          this.onStatus({ state: 'failed' });
        }
      }
    } finally {
      this.draining = false;
    }
  }

  private async run(job: Job): Promise<void> {
    if (job.kind === 'clear') {
      await clearAutosave(job.keys);
      for (const key of job.keys) this.writtenFiles.delete(keyId(key));
      return;
    }
    const id = keyId(job.key);
    const filesChanged = this.writtenFiles.get(id) !== job.work.files;
    await writeAutosave(job.key, { destination: job.work.destination, message: job.work.message, ...(filesChanged ? { files: job.work.files } : {}) }, this.now);
    this.writtenFiles.set(id, job.work.files);
  }
}

function keyId(key: AutosaveKey): string {
  return `${key.owner.userId}|${key.owner.office}|${key.source}`;
}
