// <PlanDiff oldBytes newBytes />: what changed between two 第6表 / 実績 files of one month.
import { useMemo } from 'preact/hooks';
import { diffServiceMonthLines } from '../../domain/csv/diff';
import './preview.css';

export interface PlanDiffProps {
  oldBytes: Uint8Array;
  newBytes: Uint8Array;
  /** compare only these people and months (personMonthKey); all when absent */
  only?: ReadonlySet<string>;
  heading?: string;
  /** a second, smaller line under the heading (which files were compared) */
  caption?: string;
}

export function PlanDiff({ oldBytes, newBytes, only, heading = '前回からの変更', caption }: PlanDiffProps) {
  const lines = useMemo(() => diffServiceMonthLines(oldBytes, newBytes, only), [oldBytes, newBytes, only]);
  return (
    <section class="csv-diff" aria-label={caption ? `${heading} ${caption}` : heading}>
      <h3 class="csv-preview-title">{heading}</h3>
      {caption && <p class="csv-diff-caption">{caption}</p>}
      {lines.length === 0 ? (
        <p class="csv-preview-line">変更はありません</p>
      ) : (
        <ul>
          {lines.map((line, i) => (
            <li key={i} class={`csv-diff-${line.kind}`}>{line.text}</li>
          ))}
        </ul>
      )}
    </section>
  );
}
