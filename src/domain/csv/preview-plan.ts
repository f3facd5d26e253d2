// Previews of the plan tables as the plan's text: 第1表, 第2表, 利用者補足情報.
import { numberText } from './formats';
import {
  CARE_LEVELS, CERT_STATUS, LIVING_REASONS, PLAN_KINDS, SEXES, formatDate, formatMonthValue, labelled,
} from './labels';
import type { Field, Goal, Issue, PreviewBody, Section } from './preview-model';

const MAX_PEOPLE = 100;

const at = (r: string[], i: number) => r[i] ?? '';
const join = (...parts: string[]) => parts.filter(Boolean).join(' ');
const fields = (...pairs: [string, string][]): Field[] =>
  pairs.filter(([, v]) => v !== '').map(([label, value]) => ({ label, value }));
const period = (from: string, to: string) => (from || to ? `${formatDate(from)} 〜 ${formatDate(to)}` : '');
const personHeading = (r: string[]) => `被保険者番号 ${at(r, 2)}(保険者番号 ${at(r, 1)})`;

export function plan1Sections(records: string[][]): PreviewBody {
  const people = records.filter((r) => r.length === 28).slice(0, MAX_PEOPLE).map((r) => {
    const sections: Section[] = [
      { label: '利用者', fields: fields(
        ['保険者番号', at(r, 1)], ['被保険者番号', at(r, 2)], ['郵便番号', at(r, 4)], ['住所', join(at(r, 5), at(r, 6))],
        ['認定状況', labelled(CERT_STATUS, at(r, 16))], ['認定日', formatDate(at(r, 17))],
        ['認定の有効期間', period(at(r, 18), at(r, 19))], ['要介護状態区分', labelled(CARE_LEVELS, at(r, 20))],
      ) },
      { label: '計画作成', fields: fields(
        ['計画書区分', labelled(PLAN_KINDS, at(r, 15))], ['作成年月日', formatDate(at(r, 3))],
        ['計画作成(変更)日', formatDate(at(r, 13))], ['初回作成日', formatDate(at(r, 14))],
        ['計画作成者', at(r, 7)], ['居宅介護支援事業者', join(at(r, 8), at(r, 12))],
        ['事業者の所在地', join(at(r, 9), at(r, 10), at(r, 11))],
      ) },
      { label: '課題分析の結果', text: at(r, 21) },
      { label: '介護認定審査会の意見及びサービスの種類の指定', text: at(r, 22) },
      { label: '総合的な援助の方針', text: at(r, 23) },
      { label: '生活援助中心型の算定理由', text: join(labelled(LIVING_REASONS, at(r, 24)), at(r, 25)) },
    ];
    return { heading: personHeading(r), sections };
  });
  return { type: 'sections', people };
}

export function plan2Issues(records: string[][]): PreviewBody {
  const byPerson = new Map<string, string[][]>();
  for (const r of records.filter((x) => x.length === 22)) {
    const key = `${at(r, 1)}|${at(r, 2)}`;
    const list = byPerson.get(key);
    if (list) list.push(r);
    else byPerson.set(key, [r]);
  }
  const people = [...byPerson.values()].slice(0, MAX_PEOPLE).map((rows) => ({
    heading: personHeading(rows[0]!),
    created: formatDate(at(rows[0]!, 4) || at(rows[0]!, 3)),
    issues: issuesOf(rows),
  }));
  return { type: 'issues', people };
}

/** Rows share 課題 and 目標 by number; care software often leaves repeats blank, so carry them. */
function issuesOf(rows: string[][]): Issue[] {
  const issues = new Map<string, Issue>();
  const goals = new Map<string, Goal>();
  let issueNo = '';
  let goalNo = '';
  for (const r of rows) {
    // 01 and 1 are one 課題 (a program pads its numbers, a hand edit or another program may not)
    issueNo = numberText(at(r, 5)) || issueNo;
    goalNo = numberText(at(r, 7)) || goalNo;
    let issue = issues.get(issueNo);
    if (!issue) issues.set(issueNo, (issue = { no: issueNo, issue: at(r, 6), goals: [] }));
    const goalKey = `${issueNo}|${goalNo}`;
    let goal = goals.get(goalKey);
    if (!goal) {
      goal = { longTerm: at(r, 8), longPeriod: at(r, 10), shortTerm: at(r, 9), shortPeriod: at(r, 11), services: [] };
      goals.set(goalKey, goal);
      issue.goals.push(goal);
    }
    if (at(r, 13)) {
      goal.services.push(fields(
        ['サービス内容', at(r, 13)], ['保険給付の対象', at(r, 14) === 'Y' ? '対象' : at(r, 14) === 'N' ? '対象外' : at(r, 14)],
        ['サービス種別', at(r, 15)], ['事業所', join(at(r, 17), at(r, 16))], ['頻度', at(r, 18)], ['期間', at(r, 19)],
      ));
    }
  }
  return [...issues.values()];
}

export function hosokuSections(records: string[][]): PreviewBody {
  const people = records.filter((r) => r.length === 63).slice(0, MAX_PEOPLE).map((r) => {
    const limits: Field[] = [];
    for (let i = 0; i < 9; i++) {
      const base = 19 + i * 4;
      if (!at(r, base)) continue;
      limits.push({ label: `サービス種類 ${at(r, base)}`,
        value: `支給限度額 ${at(r, base + 1)} / 合計 ${at(r, base + 2)} / 限度超 ${at(r, base + 3)}` });
    }
    const sections: Section[] = [
      { label: '利用者', fields: fields(
        ['氏名', at(r, 5)], ['フリガナ', at(r, 4)], ['性別', labelled(SEXES, at(r, 6))],
        ['生年月日', formatDate(at(r, 7))], ['郵便番号', at(r, 8)], ['住所', join(at(r, 9), at(r, 10))],
        ['電話番号', at(r, 11)], ['保険者番号', at(r, 1)], ['被保険者番号', at(r, 2)],
      ) },
      { label: '認定', fields: fields(
        ['認定日', formatDate(at(r, 12))], ['限度額適用期間', period(at(r, 13), at(r, 14))],
        ['認定状況', labelled(CERT_STATUS, at(r, 15))], ['要介護状態変更日', formatDate(at(r, 16))],
        ['要介護状態区分', labelled(CARE_LEVELS, at(r, 17))], ['区分支給限度基準額', at(r, 18)],
        ['前回の要介護状態区分', labelled(CARE_LEVELS, at(r, 57))],
      ) },
      { label: '計画', fields: fields(
        ['計画作成(変更)日', formatDate(at(r, 3))], ['対象年月', formatMonthValue(at(r, 62))],
        ['合計限度超単位数', at(r, 55)], ['短期入所利用日数', at(r, 56)],
      ) },
    ];
    if (limits.length) sections.push({ label: '種類支給限度', fields: limits });
    return { heading: join(at(r, 5), `(${at(r, 2)})`), sections };
  });
  return { type: 'sections', people };
}

/** 被保険者番号 → 氏名 from a 利用者補足情報 (UPHOSOKU): the one file of a send that names the people. */
export function personNamesOf(records: string[][]): Map<string, string> {
  const names = new Map<string, string>();
  for (const r of records) if (r.length === 63 && at(r, 2) && at(r, 5)) names.set(at(r, 2), at(r, 5));
  return names;
}
