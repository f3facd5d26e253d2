// 第6表 / 実績 as the month grid of the paper サービス利用票: per person, one row per service
// and time slot, one column per day, 回数 in the cells.
import type { PreviewBody, GridPerson } from '../../domain/csv/preview-model';
import { formatMonthValue } from '../../domain/csv/labels';
import { Omitted } from './Omitted';
import { useScrollCue } from './use-scroll-cue';

type Grid = Extract<PreviewBody, { type: 'grid' }>;
const WEEKDAY_NAMES = ['日', '月', '火', '水', '木', '金', '土'];

export function ServiceMonthGrid({ grid }: { grid: Grid }) {
  if (grid.people.length === 0) return <p class="csv-preview-line">サービスの行がありません</p>;
  return (
    <div class="csv-grid-people">
      {grid.people.map((person) => (
        <PersonGrid key={`${person.insurer}|${person.insured}`} grid={grid} person={person} />
      ))}
      <Omitted count={grid.omittedPeople} unit="人分" />
    </div>
  );
}

function PersonGrid({ grid, person }: { grid: Grid; person: GridPerson }) {
  const days = Array.from({ length: grid.days }, (_, i) => i);
  const who = `被保険者番号 ${person.insured}(保険者番号 ${person.insurer})`;
  const caption = `${person.name ? `${person.name} 様 ` : ''}${who}${grid.month ? ` ${formatMonthValue(grid.month)}` : ''}`;
  const { ref, cue } = useScrollCue<HTMLDivElement>();
  const frame = `csv-scroll-frame${cue.left ? ' csv-more-left' : ''}${cue.right ? ' csv-more-right' : ''}`;
  return (
    <div class="csv-grid-person">
      <h4 class="csv-grid-heading">{caption}</h4>
      <p class="csv-grid-meta">
        {person.planner && <span>プラン担当者 {person.planner}</span>}
        {person.units && <span>単位数 {person.units}</span>}
        <span>合計回数 {person.total}</span>
      </p>
      {(cue.left || cue.right) && <p class="csv-scroll-hint">表は横にスクロールできます(1〜{grid.days}日・合計)</p>}
      <div class={frame}>
        <div class="csv-scroll" ref={ref} role="region" aria-label={`${caption} の予定表`} tabIndex={0}>
          <table class="csv-grid csv-month">
            {/* the visible heading sits outside the scrolling box, so it never scrolls away */}
            <caption class="csv-visually-hidden">{caption}</caption>
            <thead>
              <tr>
                <th scope="col" class="csv-sticky">サービス</th>
                {days.map((d) => (
                  <th scope="col" key={d} class={`csv-day wd-${grid.weekdays[d] ?? 0}`}>
                    {d + 1}
                    <span class="csv-weekday">{WEEKDAY_NAMES[grid.weekdays[d] ?? 0]}</span>
                  </th>
                ))}
                <th scope="col" class="csv-total">合計</th>
              </tr>
            </thead>
            <tbody>
              {person.rows.map((row) => (
                <tr key={`${row.serviceCode}|${row.office}|${row.time}`}>
                  <th scope="row" class="csv-sticky csv-service">
                    <span class="csv-service-code">{row.serviceCode}{row.serviceKind && <span class="csv-service-kind"> {row.serviceKind}</span>}</span>
                    {row.equipment && <span class="csv-service-equipment">{row.equipment}</span>}
                    <span class="csv-service-office">{row.officeName || row.office}</span>
                    {row.time && <span class="csv-service-time">{row.time}</span>}
                  </th>
                  {days.map((d) => (
                    <td key={d} class={`csv-day wd-${grid.weekdays[d] ?? 0}${row.days[d] ? ' csv-on' : ''}`}>
                      {row.days[d] ? row.days[d] : ''}
                    </td>
                  ))}
                  <td class="csv-total">{row.total}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </div>
    </div>
  );
}
