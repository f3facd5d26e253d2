// What passes between writer.ts (the event loop) and write-worker.ts (the thread that commits).
import Database from 'better-sqlite3';

export interface WriterSpec {
  dataDir: string;
  /** the module (file URL) whose `builder` export makes the write function from the worker's connection */
  module: string;
  builder: string;
}

export interface BatchJob {
  id: number;
  args: unknown[];
}

/** An error as it crosses the thread: a structured clone would drop its `code` (SQLITE_FULL, …). */
export interface WireError {
  name: string;
  message: string;
  code?: string;
}

export type WireOutcome = { ok: true; value: unknown } | { ok: false; error: WireError };
export type BatchAnswer = { id: number; outcomes: WireOutcome[] } | { id: number; error: WireError };

export function toWire(error: unknown): WireError {
  if (!(error instanceof Error)) return { name: 'Error', message: String(error) };
  const code = (error as { code?: unknown }).code;
  return { name: error.name, message: error.message, ...(typeof code === 'string' ? { code } : {}) };
}

export function fromWire(wire: WireError): Error {
  if (wire.name === 'SqliteError' && wire.code) return new Database.SqliteError(wire.message, wire.code);
  return Object.assign(new Error(wire.message), wire.code ? { code: wire.code } : {});
}
