// STUB signatures: the offline helper implements (idb).
import type { Draft, KeptFile } from './types';

export async function saveDraft(_input: { id?: string; destination: string; message: string; files: KeptFile[] }): Promise<Draft> {
  throw new Error('not implemented');
}
export async function getDraft(_id: string): Promise<Draft | undefined> {
  throw new Error('not implemented');
}
export async function listDrafts(): Promise<Draft[]> {
  throw new Error('not implemented');
}
export async function deleteDraft(_id: string): Promise<void> {
  throw new Error('not implemented');
}
