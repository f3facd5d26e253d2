// A file without a known layout (or 第3表's week table): the records as they are.
import type { PreviewBody } from '../../domain/csv/preview-model';
import { Omitted } from './Omitted';

type Table = Extract<PreviewBody, { type: 'table' }>;

export function RawTable({ table }: { table: Table }) {
  const width = Math.max(0, ...table.rows.map((r) => r.length));
  const headers = table.headers ?? Array.from({ length: width }, (_, i) => `${i + 1}`);
  return (
    <>
      <div class="csv-scroll" role="region" aria-label="ファイルの内容" tabIndex={0}>
        <table class="csv-table">
          <thead>
            <tr>
              {table.headers === null && <th scope="col" class="csv-sticky">行</th>}
              {headers.map((h, i) => (
                <th scope="col" key={i} class={table.headers !== null && i === 0 ? 'csv-sticky' : undefined}>{h}</th>
              ))}
            </tr>
          </thead>
          <tbody>
            {table.rows.map((row, r) => (
              <tr key={r}>
                {table.headers === null && <th scope="row" class="csv-sticky">{r + 1}</th>}
                {row.map((cell, i) =>
                  table.headers !== null && i === 0
                    ? <th scope="row" key={i} class="csv-sticky">{cell}</th>
                    : <td key={i} class="csv-cell-text">{cell}</td>,
                )}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <Omitted count={table.omittedRows} unit="行" />
    </>
  );
}
