// Where files arrive: drag and drop, or the file picker (a real input, so keyboards and
// screen readers reach it through its label).
import { useState } from 'preact/hooks';

export const ACCEPT = '.csv,.pdf,.jpeg,.jpg,.png,.gif,.txt';

export function DropZone({ onFiles, disabled }: { onFiles: (files: File[]) => void; disabled?: boolean }) {
  const [over, setOver] = useState(false);

  function onDrop(event: DragEvent) {
    event.preventDefault();
    setOver(false);
    const files = Array.from(event.dataTransfer?.files ?? []);
    if (files.length > 0) onFiles(files);
  }

  return (
    <div
      class={`drop-zone${over ? ' drop-over' : ''}`}
      onDragOver={(event) => {
        event.preventDefault();
        if (event.dataTransfer) event.dataTransfer.dropEffect = 'copy';
        setOver(true);
      }}
      onDragLeave={() => setOver(false)}
      onDrop={onDrop}
    >
      <p>CSVファイル(第1・2・6・7表など)とPDF等をここにドラッグ&ドロップ</p>
      <p class="hint">または</p>
      <input
        id="compose-files"
        class="visually-hidden"
        type="file"
        multiple
        accept={ACCEPT}
        disabled={disabled}
        onChange={(event) => {
          const input = event.currentTarget;
          const files = Array.from(input.files ?? []);
          // reset so the same file can be picked again after removing it
          input.value = '';
          if (files.length > 0) onFiles(files);
        }}
      />
      <label for="compose-files" class="button">ファイルを選択</label>
      <p class="hint">添付できる形式: CSV, PDF, JPEG, PNG, GIF, TXT(1回の送信で合計10MBまで)</p>
    </div>
  );
}
