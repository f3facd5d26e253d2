// 添付ファイル(CSV) and 添付ファイル(PDF等) of a message: download buttons and CSV preview.
import { useState } from 'preact/hooks';
import { ApiFailure } from '../../api/client';
import type { MessageSummary, StoredFile } from '../../domain/contract';
import { namesFromHosoku } from '../../domain/csv/preview';
import { CsvPreview } from '../preview/CsvPreview';
import { ErrorList } from '../common/Alert';
import { FileName } from '../common/FileName';
import { formatSize } from '../common/format';
import { saveBytes } from './download';
import type { FileBytes } from './file-bytes';

interface FileRowsProps {
  message: MessageSummary;
  csvFiles: StoredFile[];
  otherFiles: StoredFile[];
  /** true for the receiving office: fetching a file marks it downloaded */
  marksDownload: boolean;
  onDownloaded: () => void;
  /** bytes fetched on this screen, so a preview after a download costs nothing and marks nothing */
  fileBytes: FileBytes;
}

const isHosoku = (file: { name: string }) => /^UPHOSOKU_/i.test(file.name);

export function FileRows({ message, csvFiles, otherFiles, marksDownload, onDownloaded, fileBytes }: FileRowsProps) {
  const [previewing, setPreviewing] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [errors, setErrors] = useState<string[]>([]);

  async function run(task: () => Promise<void>) {
    setBusy(true);
    setErrors([]);
    try {
      await task();
    } catch (error) {
      setErrors([error instanceof ApiFailure ? error.message : 'ファイルを取得できませんでした']);
    } finally {
      setBusy(false);
    }
  }

  const download = (files: StoredFile[]) =>
    run(async () => {
      for (const file of files) saveBytes(file.name, await fileBytes.fetch(message, file));
      if (marksDownload) onDownloaded();
    });

  const togglePreview = (file: StoredFile) =>
    run(async () => {
      if (previewing === file.id) {
        setPreviewing(null);
        return;
      }
      await fileBytes.view(message, file);
      // the people's names are in the send's 利用者補足情報: read it too, unless that would
      // mark it downloaded behind the user's back
      for (const hosoku of csvFiles.filter(isHosoku)) {
        if (hosoku.id !== file.id && !fileBytes.marksOnView(message, hosoku)) await fileBytes.fetch(message, hosoku).catch(() => undefined);
      }
      setPreviewing(file.id);
    });

  const names = namesFromHosoku(csvFiles.flatMap((f) => {
    const bytes = isHosoku(f) ? fileBytes.known(message.id, f.id) : undefined;
    return bytes ? [{ name: f.name, bytes }] : [];
  }));

  function previewLabel(file: StoredFile): string {
    if (previewing === file.id) return 'プレビューを閉じる';
    return fileBytes.marksOnView(message, file) ? 'ダウンロードしてプレビュー' : 'プレビュー';
  }

  function rows(files: StoredFile[], canPreview: boolean) {
    if (files.length === 0) return <p class="empty">なし</p>;
    return (
      <ul class="file-rows">
        {files.map((file) => {
          const bytes = fileBytes.known(message.id, file.id);
          return (
            <li key={file.id}>
              <div class="file-row">
                <FileName name={file.name} />
                <span class="file-meta">{formatSize(file.size)}・{file.category}{file.downloadedAt ? '・ダウンロード済' : ''}</span>
                <span class="file-actions">
                  <button type="button" disabled={busy} aria-label={`${file.name} をダウンロード`} onClick={() => void download([file])}>ダウンロード</button>
                  {canPreview && (
                    <button type="button" disabled={busy} aria-expanded={previewing === file.id} onClick={() => void togglePreview(file)}>
                      {previewLabel(file)}
                    </button>
                  )}
                </span>
              </div>
              {previewing === file.id && bytes && <CsvPreview name={file.name} bytes={bytes} names={names} />}
            </li>
          );
        })}
      </ul>
    );
  }

  return (
    <div class="files">
      <ErrorList errors={errors} />
      <h2>添付ファイル(CSV)</h2>
      {rows(csvFiles, true)}
      <h2>添付ファイル(PDF等)</h2>
      {rows(otherFiles, false)}
      {message.files.length > 1 && (
        <div class="actions">
          <button type="button" disabled={busy} onClick={() => void download(message.files)}>すべてダウンロード</button>
        </div>
      )}
    </div>
  );
}
