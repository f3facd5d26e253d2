// <CsvPreview name bytes />: a CSV file of the standard spec as a person reads it.
import { useMemo } from 'preact/hooks';
import { buildPreview } from '../../domain/csv/preview';
import type { PreviewBody } from '../../domain/csv/preview-model';
import { IssuesView, SectionsView } from './PlanSections';
import { RawTable } from './RawTable';
import { ServiceMonthGrid } from './ServiceMonthGrid';
import { SikyuTable } from './SikyuTable';
import './preview.css';

export interface CsvPreviewProps {
  name: string;
  bytes: Uint8Array;
  /** 被保険者番号 → 氏名 from the 利用者補足情報 sent with it (namesFromHosoku) */
  names?: ReadonlyMap<string, string>;
}

export function CsvPreview({ name, bytes, names }: CsvPreviewProps) {
  const model = useMemo(() => buildPreview(name, bytes, names), [name, bytes, names]);
  return (
    <section class="csv-preview" aria-label={`プレビュー: ${name}`}>
      <h3 class="csv-preview-title">{model.title}</h3>
      {model.title !== name && <p class="csv-preview-file">{name}</p>}
      {model.notes.map((note) => (
        <p class="csv-preview-note" key={note}>{note}</p>
      ))}
      <PreviewBodyView body={model.body} />
    </section>
  );
}

function PreviewBodyView({ body }: { body: PreviewBody }) {
  switch (body.type) {
    case 'grid': return <ServiceMonthGrid grid={body} />;
    case 'sikyu': return <SikyuTable table={body} />;
    case 'sections': return <SectionsView people={body.people} />;
    case 'issues': return <IssuesView people={body.people} />;
    case 'table': return <RawTable table={body} />;
    case 'line': return <p class="csv-preview-line">{body.text}</p>;
  }
}
