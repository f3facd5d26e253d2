// 第1表 and 利用者補足情報 as labelled sections; 第2表 as 課題 → 目標 → サービス.
import type { Field, Issue, Section } from '../../domain/csv/preview-model';

export function SectionsView({ people }: { people: { heading: string; sections: Section[] }[] }) {
  return (
    <div class="csv-plan">
      {people.map((person, p) => (
        <article class="csv-plan-person" key={p}>
          <h4>{person.heading}</h4>
          {person.sections.map((s) => (
            <section class="csv-plan-section" key={s.label}>
              <h5>{s.label}</h5>
              {s.fields && <FieldList fields={s.fields} />}
              {s.text !== undefined && <p class="csv-plan-text">{s.text || '(記載なし)'}</p>}
            </section>
          ))}
        </article>
      ))}
    </div>
  );
}

function FieldList({ fields }: { fields: Field[] }) {
  return (
    <dl class="csv-fields">
      {fields.map((f) => (
        <div class="csv-field" key={f.label}>
          <dt>{f.label}</dt>
          <dd>{f.value}</dd>
        </div>
      ))}
    </dl>
  );
}

export function IssuesView({ people }: { people: { heading: string; created: string; issues: Issue[] }[] }) {
  return (
    <div class="csv-plan">
      {people.map((person, p) => (
        <article class="csv-plan-person" key={p}>
          <h4>{person.heading}</h4>
          {person.created && <p class="csv-preview-file">計画作成(変更)日 {person.created}</p>}
          {person.issues.map((issue) => (
            <section class="csv-plan-section" key={issue.no}>
              <h5>課題{issue.no && ` ${issue.no}`}: 生活全般の解決すべき課題</h5>
              <p class="csv-plan-text">{issue.issue || '(記載なし)'}</p>
              {issue.goals.map((goal, g) => (
                <div class="csv-goal" key={g}>
                  <FieldList fields={[
                    { label: '長期目標', value: goal.longTerm }, { label: '(期間)', value: goal.longPeriod },
                    { label: '短期目標', value: goal.shortTerm }, { label: '(期間)', value: goal.shortPeriod },
                  ].filter((f) => f.value !== '')} />
                  {goal.services.map((service, s) => (
                    <div class="csv-service-box" key={s}>
                      <FieldList fields={service} />
                    </div>
                  ))}
                </div>
              ))}
            </section>
          ))}
        </article>
      ))}
    </div>
  );
}
