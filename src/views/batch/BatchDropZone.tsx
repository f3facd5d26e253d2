// Where the many CSV files go: dropped anywhere on the zone, or picked with ファイルを選択.
import { useState } from 'preact/hooks';

export function BatchDropZone({ onFiles, disabled }: { onFiles: (files: File[]) => void; disabled: boolean }) {
  const [over, setOver] = useState(false);

  function onDrop(event: DragEvent) {
    event.preventDefault();
    setOver(false);
    const files = Array.from(event.dataTransfer?.files ?? []);
    if (files.length > 0 && !disabled) onFiles(files);
  }

  function onChange(event: Event) {
    const input = event.currentTarget as HTMLInputElement;
    const files = Array.from(input.files ?? []);
    // cleared so that picking the same files again still counts as a change
    input.value = '';
    if (files.length > 0) onFiles(files);
  }

  return (
    <div
      class={over ? 'drop-zone batch-drop drop-zone-over' : 'drop-zone batch-drop'}
      data-testid="batch-drop-zone"
      onDragOver={(event) => {
        event.preventDefault();
        setOver(true);
      }}
      onDragLeave={() => setOver(false)}
      onDrop={onDrop}
    >
      <p>送信するCSVファイルをまとめてここにドラッグ&ドロップしてください。ファイル名から送信先ごとに分けて一覧にします(最大50事業所)。</p>
      <label class="button file-button">
        ファイルを選択
        <input type="file" multiple class="visually-hidden" disabled={disabled} onChange={onChange} />
      </label>
    </div>
  );
}
