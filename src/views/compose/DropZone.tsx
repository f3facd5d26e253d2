// Where the files of one send arrive: CSVs and PDF等, dropped or picked.
import { FileDrop } from '../common/FileDrop';

export const ACCEPT = '.csv,.pdf,.jpeg,.jpg,.png,.gif,.txt';

export function DropZone({ onFiles, disabled }: { onFiles: (files: File[]) => void; disabled?: boolean }) {
  return (
    <FileDrop
      inputId="compose-files"
      accept={ACCEPT}
      disabled={disabled}
      onFiles={onFiles}
      note="添付できる形式: CSV, PDF, JPEG, PNG, GIF, TXT(1回の送信で合計10MBまで)"
    >
      <p class="drop-lead">CSVファイル(第1・2・6・7表など)とPDF等をここにドラッグ&ドロップ</p>
      <p class="hint">または</p>
    </FileDrop>
  );
}
