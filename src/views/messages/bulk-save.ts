// 未をまとめてダウンロード: every received message still 未, saved at once — into the chosen
// 保存先フォルダ under the files' original names, or as one ZIP with a folder per message named by
// date and sender. Files are fetched without marking them; a message's files are marked 済 only
// once they are written (closed in the folder, or in the finished ZIP handed to the browser), so
// the sender never sees 済 for a file that did not reach the disk. A message the sender withdrew
// meanwhile is left out (and removed from the folder again).
import { ApiFailure, fetchFileUnmarked, listMessages, markWritten } from '../../api/client';
import type { MessageSummary } from '../../domain/contract';
import { MAX_LIST_PAGE_SIZE } from '../../domain/mailbox';
import { saveBytes } from './download';
import { removeFile, writeFile } from './folder';

/** One ZIP stays a size a tablet holds in memory: up to 100 messages (10 MB each at most). */
export const MAX_BULK_MESSAGES = 100;

export interface BulkProgress {
  done: number;
  total: number;
}

export interface BulkResult {
  messages: number;
  files: number;
  /** messages the sender withdrew before they were saved */
  withdrawn: MessageSummary[];
  /** more 未 than one run takes (the newest MAX_BULK_MESSAGES were saved) */
  more: boolean;
  /** the ZIP's name, when saved as one */
  zipName: string | null;
}

/** The received messages still 未, newest first, at most MAX_BULK_MESSAGES. */
export async function unreadMessages(): Promise<{ messages: MessageSummary[]; more: boolean }> {
  const messages: MessageSummary[] = [];
  let cursor: string | null = null;
  for (;;) {
    const page: { messages: MessageSummary[]; next: string | null } = await listMessages({
      box: 'received',
      status: '未',
      limit: MAX_LIST_PAGE_SIZE,
      ...(cursor ? { cursor } : {}),
    });
    messages.push(...page.messages);
    if (messages.length >= MAX_BULK_MESSAGES) return { messages: messages.slice(0, MAX_BULK_MESSAGES), more: messages.length > MAX_BULK_MESSAGES || page.next !== null };
    if (!page.next) return { messages, more: false };
    cursor = page.next;
  }
}

const pad = (n: number) => String(n).padStart(2, '0');

/** What Windows and macOS refuse in a name, and what would make a path of it. */
export const safeName = (name: string) => name.replace(/[\\/:*?"<>|\u0000-\u001f]/g, '_').replace(/^\.+/, '_').trim() || '_';

/** 20250401_090503_3300000001_れんけい居宅介護支援センター (local time, as the clerk reads it). */
export function messageFolderName(message: MessageSummary): string {
  const d = new Date(message.sentAt);
  const stamp = `${d.getFullYear()}${pad(d.getMonth() + 1)}${pad(d.getDate())}_${pad(d.getHours())}${pad(d.getMinutes())}${pad(d.getSeconds())}`;
  return safeName(`${stamp}_${message.sender.number}_${message.sender.name}`).slice(0, 120);
}

export const zipName = (now: Date) =>
  `受信データ_${now.getFullYear()}${pad(now.getMonth() + 1)}${pad(now.getDate())}_${pad(now.getHours())}${pad(now.getMinutes())}.zip`;

const isWithdrawal = (error: unknown) => error instanceof ApiFailure && error.code === 'withdrawn';

async function fetchAll(message: MessageSummary): Promise<{ name: string; id: string; bytes: Uint8Array }[]> {
  const files = [];
  for (const file of message.files) files.push({ name: file.name, id: file.id, bytes: await fetchFileUnmarked(message.id, file.id) });
  return files;
}

/** Writes each message's files into the folder, then marks them; a withdrawn one is removed again. */
export async function saveToFolder(folder: FileSystemDirectoryHandle, messages: MessageSummary[], progress: (p: BulkProgress) => void): Promise<Omit<BulkResult, 'more'>> {
  const result: Omit<BulkResult, 'more'> = { messages: 0, files: 0, withdrawn: [], zipName: null };
  for (const [i, message] of messages.entries()) {
    progress({ done: i, total: messages.length });
    let files;
    try {
      files = await fetchAll(message);
    } catch (error) {
      if (!isWithdrawal(error)) throw error;
      result.withdrawn.push(message);
      continue;
    }
    for (const file of files) await writeFile(folder, safeName(file.name), file.bytes);
    try {
      await markWritten(message.id, files.map((f) => f.id));
    } catch (error) {
      if (!isWithdrawal(error)) throw error;
      for (const file of files) await removeFile(folder, safeName(file.name));
      result.withdrawn.push(message);
      continue;
    }
    result.messages += 1;
    result.files += files.length;
  }
  progress({ done: messages.length, total: messages.length });
  return result;
}

/** One ZIP, a folder per message; marked once the ZIP is whole, then handed to the browser. */
export async function saveAsZip(messages: MessageSummary[], progress: (p: BulkProgress) => void, now = new Date()): Promise<Omit<BulkResult, 'more'>> {
  // fflate only when someone saves a ZIP: it stays out of the first load
  const { zipSync } = await import('fflate');
  const entries = new Map<MessageSummary, { id: string; path: string; bytes: Uint8Array }[]>();
  const withdrawn: MessageSummary[] = [];
  const used = new Set<string>();
  for (const [i, message] of messages.entries()) {
    progress({ done: i, total: messages.length });
    try {
      let folder = messageFolderName(message);
      for (let n = 2; used.has(folder); n++) folder = `${messageFolderName(message)}_${n}`;
      used.add(folder);
      entries.set(message, (await fetchAll(message)).map((f) => ({ id: f.id, path: `${folder}/${safeName(f.name)}`, bytes: f.bytes })));
    } catch (error) {
      if (!isWithdrawal(error)) throw error;
      withdrawn.push(message);
    }
  }
  const build = () => {
    const tree: Record<string, [Uint8Array, { level: 0 | 6; mtime: Date }]> = {};
    for (const files of entries.values()) {
      // CSV shrinks well; PDF and images are compressed already
      for (const f of files) tree[f.path] = [f.bytes, { level: /\.(csv|txt)$/i.test(f.path) ? 6 : 0, mtime: now }];
    }
    return zipSync(tree);
  };
  let zip = build();
  let removed = false;
  for (const [message, files] of [...entries]) {
    try {
      await markWritten(message.id, files.map((f) => f.id));
    } catch (error) {
      if (!isWithdrawal(error)) throw error;
      entries.delete(message);
      withdrawn.push(message);
      removed = true;
    }
  }
  if (removed) zip = build();
  progress({ done: messages.length, total: messages.length });
  const files = [...entries.values()].reduce((n, f) => n + f.length, 0);
  if (entries.size === 0) return { messages: 0, files: 0, withdrawn, zipName: null };
  const name = zipName(now);
  saveBytes(name, zip);
  return { messages: entries.size, files, withdrawn, zipName: name };
}
