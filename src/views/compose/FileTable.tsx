// The files of the send being prepared: each with its check result, a プレビュー for CSVs and
// a remove button.
import { Fragment } from 'preact';
import { useState } from 'preact/hooks';
import { FileName } from '../common/FileName';
import { formatSize } from '../common/format';
import { namesFromHosoku } from '../../domain/csv/preview';
import { problemCount } from '../../domain/csv/types';
import { kindLabelOf, NONSTANDARD_NAME, NOT_ATTACHABLE, sendProblemCounts, type SendCheck } from '../../domain/attachments';
import { CsvPreview } from '../preview/CsvPreview';
import type { CsvCheckState } from './csv-checks';
import { isCsv, type PickedFile } from './picked-files';

interface FileTableProps {
  files: PickedFile[];
  checks: CsvCheckState;
  /** the name, unit and attachment checks of the send (the list below the table) */
  sendCheck: Pick<SendCheck, 'problems'>;
  onRemove: (name: string) => void;
}

export function FileTable({ files, checks, sendCheck, onRemove }: FileTableProps) {
  const [open, setOpen] = useState<{ file: PickedFile; bytes: Uint8Array | null; names?: ReadonlyMap<string, string>; error: string | null } | null>(null);
  if (files.length === 0) return <p class="empty">添付ファイルはまだありません</p>;
  // a removed or replaced file closes its preview
  const shown = open && files.includes(open.file) ? open : null;

  async function toggle(file: PickedFile) {
    if (shown?.file === file) return setOpen(null);
    setOpen({ file, bytes: null, error: null });
    try {
      const bytes = new Uint8Array(await file.blob.arrayBuffer());
      // the people's names of 第6表 / 実績 are in the 利用者補足情報 of the same send
      const hosoku = await Promise.all(files.filter((f) => /^UPHOSOKU_/i.test(f.name)).map(async (f) => ({ name: f.name, bytes: new Uint8Array(await f.blob.arrayBuffer()) })));
      const names = namesFromHosoku(hosoku);
      setOpen((now) => (now?.file === file ? { file, bytes, names, error: null } : now));
    } catch {
      setOpen((now) => (now?.file === file ? { file, bytes: null, error: 'ファイルを読み取れませんでした' } : now));
    }
  }

  return (
    <div class="table-scroll">
      <table class="files-table stack-on-phone">
        <caption class="visually-hidden">添付ファイル</caption>
        <thead>
          <tr>
            <th scope="col">ファイル名</th>
            <th scope="col">サイズ</th>
            <th scope="col">種別</th>
            <th scope="col">検査結果</th>
            <th scope="col"><span class="visually-hidden">操作</span></th>
          </tr>
        </thead>
        <tbody>
          {files.map((file) => {
            const previewing = shown?.file === file;
            const result = fileResult(file, checks, sendCheck);
            const kind = kindLabelOf(file.name);
            return (
              <Fragment key={file.name}>
                <tr>
                  <td><FileName name={file.name} /></td>
                  <td class="nowrap inline-on-phone">{formatSize(file.size)}</td>
                  <td class={`nowrap inline-on-phone${kind === NONSTANDARD_NAME || kind === NOT_ATTACHABLE ? ' check-error' : ''}`}>{kind}</td>
                  <td class={`nowrap inline-on-phone check-${result.tone}`}>{result.label}</td>
                  <td class="row-actions">
                    {isCsv(file) && (
                      <button type="button" class="small" aria-label={`${file.name} をプレビュー`} aria-expanded={previewing} onClick={() => void toggle(file)}>
                        {previewing ? 'プレビューを閉じる' : 'プレビュー'}
                      </button>
                    )}
                    <button type="button" class="small" aria-label={`${file.name} を削除`} onClick={() => onRemove(file.name)}>削除</button>
                  </td>
                </tr>
                {previewing && (
                  <tr class="files-preview-row">
                    <td colSpan={5}>
                      {/* as wide as the table, never wider: the month grid scrolls inside it */}
                      <div class="preview-fit">
                        {shown.bytes ? <CsvPreview name={file.name} bytes={shown.bytes} {...(shown.names ? { names: shown.names } : {})} /> : <p role="status">{shown.error ?? '読み込み中…'}</p>}
                      </div>
                    </td>
                  </tr>
                )}
              </Fragment>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}

/**
 * A file's 検査結果: every problem the lists below say about it (its name, its send unit, the
 * attachment rules and, for a CSV, its content and the checks across files), red for 誤り,
 * amber for 確認.
 */
function fileResult(file: PickedFile, checks: CsvCheckState, sendCheck: Pick<SendCheck, 'problems'>): { label: string; tone: 'error' | 'warning' | 'plain' } {
  let { errors, warnings } = sendProblemCounts(sendCheck, file.name);
  if (isCsv(file)) {
    if (checks.status === 'checking') return { label: '検査中…', tone: 'plain' };
    if (checks.status === 'failed') return { label: '検査できません', tone: 'error' };
    // a file that is not text gets the same sentence from both checks: the list shows it once
    const said = new Set(sendCheck.problems.map((p) => p.message));
    const content = checks.status === 'done' ? (checks.byFile.get(file.name) ?? []).filter((p) => !said.has(p.message)) : [];
    errors += problemCount(content, 'error');
    warnings += problemCount(content, 'warning');
  }
  if (errors > 0) return { label: `誤り ${errors}件`, tone: 'error' };
  if (warnings > 0) return { label: `確認 ${warnings}件`, tone: 'warning' };
  return { label: 'OK', tone: 'plain' };
}
