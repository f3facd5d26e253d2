// 保存先フォルダ through the File System Access API (Chromium): the care software's import folder,
// chosen once; its handle is kept in IndexedDB for the person and office, and after a restart the
// browser asks again for permission, which needs one tap (a user gesture).

/** What Chromium adds to directory handles and window (not yet in TypeScript's DOM library). */
interface PermissionedHandle {
  queryPermission(descriptor: { mode: 'readwrite' }): Promise<PermissionState>;
  requestPermission(descriptor: { mode: 'readwrite' }): Promise<PermissionState>;
}
type Picker = (options: { id?: string; mode: 'readwrite' }) => Promise<FileSystemDirectoryHandle>;

export function folderSupported(): boolean {
  return typeof (window as unknown as { showDirectoryPicker?: Picker }).showDirectoryPicker === 'function';
}

/** null when the person closed the picker. */
export async function pickFolder(): Promise<FileSystemDirectoryHandle | null> {
  try {
    return await (window as unknown as { showDirectoryPicker: Picker }).showDirectoryPicker({ id: 'renkei-import', mode: 'readwrite' });
  } catch (error) {
    if (error instanceof DOMException && error.name === 'AbortError') return null;
    throw error;
  }
}

/** 'granted', or 'prompt' (ask with requestFolderPermission from a tap), or 'denied'. */
export async function folderPermission(handle: FileSystemDirectoryHandle): Promise<PermissionState> {
  const withPermission = handle as unknown as Partial<PermissionedHandle>;
  if (!withPermission.queryPermission) return 'granted';
  return withPermission.queryPermission({ mode: 'readwrite' });
}

export async function requestFolderPermission(handle: FileSystemDirectoryHandle): Promise<PermissionState> {
  const withPermission = handle as unknown as Partial<PermissionedHandle>;
  if (!withPermission.requestPermission) return 'granted';
  return withPermission.requestPermission({ mode: 'readwrite' });
}

/** Writes the file whole (the browser swaps it in on close) under its original name. */
export async function writeFile(folder: FileSystemDirectoryHandle, name: string, bytes: Uint8Array): Promise<void> {
  const file = await folder.getFileHandle(name, { create: true });
  const writable = await file.createWritable();
  try {
    await writable.write(bytes as Uint8Array<ArrayBuffer>);
    await writable.close();
  } catch (error) {
    await writable.abort().catch(() => undefined);
    throw error;
  }
}

export async function removeFile(folder: FileSystemDirectoryHandle, name: string): Promise<void> {
  await folder.removeEntry(name).catch(() => undefined);
}
