// 「検査中…」 while the CSV checks of large files run (small files finish before it could be read).
import { formatSize } from '../common/format';
import { SHOW_PROGRESS_FROM_BYTES, type CsvCheckState } from './csv-checks';

export function CsvCheckProgress({ state }: { state: CsvCheckState }) {
  if (state.status !== 'checking' || state.bytes < SHOW_PROGRESS_FROM_BYTES) return null;
  return (
    <p class="csv-checking" role="status">
      {/* indeterminate: one large file has no steps to count */}
      <progress aria-label="CSVの検査" />
      <span>検査中…({state.done} / {state.total} ファイル、{formatSize(state.bytes)})</span>
    </p>
  );
}
