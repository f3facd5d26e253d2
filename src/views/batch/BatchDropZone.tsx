// Where the many CSV files go: dropped anywhere on the zone, or picked with ファイルを選択.
import { FileDrop } from '../common/FileDrop';

export function BatchDropZone({ onFiles, disabled }: { onFiles: (files: File[]) => void; disabled: boolean }) {
  return (
    <FileDrop inputId="batch-files" class="batch-drop" testId="batch-drop-zone" disabled={disabled} onFiles={onFiles}
      note="ファイル名から送信先ごとに分けて一覧にします(最大50事業所)。PDF等は各行の「編集」で追加できます。">
      <p class="drop-lead">送信するCSVファイルをまとめてここにドラッグ&ドロップ</p>
      <p class="hint">または</p>
    </FileDrop>
  );
}
