// 第7表 サービス利用票別表: subtotal rows (種別 + AAAA/EEEE/ZZZZ) and the grand total (999999) stand out.
import type { PreviewBody } from '../../domain/csv/preview-model';
import { Omitted } from './Omitted';

type Sikyu = Extract<PreviewBody, { type: 'sikyu' }>;

export function SikyuTable({ table }: { table: Sikyu }) {
  return (
    <>
      <div class="csv-scroll" role="region" aria-label="第7表" tabIndex={0}>
        <table class="csv-table">
          <thead>
            <tr>
              {table.headers.map((h, i) => (
                <th scope="col" key={h} class={i === 0 ? 'csv-sticky' : undefined}>{h}</th>
              ))}
            </tr>
          </thead>
          <tbody>
            {table.rows.map((row, r) => (
              <tr key={r} class={row.emphasis ? `csv-row-${row.emphasis}` : undefined}>
                {row.cells.map((cell, i) =>
                  i === 0 ? <th scope="row" key={i} class="csv-sticky">{cell}</th> : <td key={i}>{cell}</td>,
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
