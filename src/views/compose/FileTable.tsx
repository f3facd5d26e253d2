// The files of the send being prepared, each with a remove button.
import { formatSize } from '../common/format';
import type { PickedFile } from './picked-files';

export function FileTable({ files, onRemove }: { files: PickedFile[]; onRemove: (name: string) => void }) {
  if (files.length === 0) return <p class="empty">添付ファイルはまだありません</p>;
  return (
    <div class="table-scroll">
      <table class="files-table">
        <caption class="visually-hidden">添付ファイル</caption>
        <thead>
          <tr>
            <th scope="col">ファイル名</th>
            <th scope="col">サイズ</th>
            <th scope="col">種別</th>
            <th scope="col"><span class="visually-hidden">操作</span></th>
          </tr>
        </thead>
        <tbody>
          {files.map((file) => (
            <tr key={file.name}>
              <td class="file-name">{file.name}</td>
              <td class="nowrap">{formatSize(file.size)}</td>
              <td>{file.category}</td>
              <td>
                <button type="button" class="small" aria-label={`${file.name} を削除`} onClick={() => onRemove(file.name)}>削除</button>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
