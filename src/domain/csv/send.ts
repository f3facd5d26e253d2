// Checks across the CSV files of one send: files of one send unit (send-unit.ts) should
// describe the same month and the same people. Unit completeness and 連番
// rules are send-unit.ts's job; here only what needs the records (the keys validate.ts keeps).
import type { ParsedFileName, FileKind } from '../filename';
import { groupBySendUnit } from '../send-unit';
import { placeText } from './problems';
import { checkCsv, type CheckedCsv } from './validate';
import { versionInfo } from './versions';
import type { CsvProblem, CsvReport } from './types';

export interface SendCsvReport {
  /** one report per file, in the order given */
  reports: { name: string; report: CsvReport }[];
  /** problems that involve two files */
  crossProblems: CsvProblem[];
  /** true when no file and no cross check has an error */
  ok: boolean;
}

export function validateSendCsvs(files: { name: string; bytes: Uint8Array }[]): SendCsvReport {
  const checked = files.map((f) => ({ file: f.name, ...checkCsv(f.name, f.bytes) }));
  const crossProblems: CsvProblem[] = [];
  for (const unit of groupByUnit(checked)) {
    for (const problem of checkUnit(unit)) if (!crossProblems.some((p) => p.message === problem.message)) crossProblems.push(problem);
  }
  const reports = checked.map((c) => ({ name: c.file, report: c.report }));
  const ok = [...reports.flatMap((r) => r.report.problems), ...crossProblems].every((p) => p.severity !== 'error');
  return { reports, crossProblems, ok };
}

type Checked = CheckedCsv & { file: string; name: ParsedFileName };

/**
 * The files of each send unit (send-unit.ts's grouping, month left out so a month mismatch is
 * reported), by kind. A kind given twice is compared too: each repeat gets a group with the
 * unit's other files.
 */
function groupByUnit(files: (CheckedCsv & { file: string })[]): Map<FileKind, Checked>[] {
  const named = files.filter((f): f is Checked => f.name !== null);
  const groups: Map<FileKind, Checked>[] = [];
  for (const unit of groupBySendUnit(named, (f) => f.name, 'month')) {
    const byKind = new Map<FileKind, Checked[]>();
    let rounds = 1;
    for (const f of unit) {
      const list = byKind.get(f.name.kind);
      if (!list) byKind.set(f.name.kind, [f]);
      else rounds = Math.max(rounds, list.push(f));
    }
    for (let i = 0; i < rounds; i++) {
      const group = new Map<FileKind, Checked>();
      for (const [kind, list] of byKind) group.set(kind, list[Math.min(i, list.length - 1)]!);
      groups.push(group);
    }
  }
  return groups;
}

function checkUnit(unit: Map<FileKind, Checked>): CsvProblem[] {
  const problems: CsvProblem[] = [];
  const plan = unit.get('UPPLAN');
  const sikyu = unit.get('UPSIKYU');
  const hosoku = unit.get('UPHOSOKU');
  if (plan && sikyu) {
    if (plan.name.targetMonth !== sikyu.name.targetMonth) {
      problems.push(cross('error', sikyu.file,
        `第6表(${plan.name.targetMonth})と第7表(${sikyu.name.targetMonth})の対象年月が異なります`));
    }
    problems.push(...missingPeople(plan, sikyu, '第6表', '第7表'), ...missingPeople(sikyu, plan, '第7表', '第6表'));
  }
  if (plan && hosoku && hosoku.name.targetMonth !== '000000') {
    problems.push(...missingPeople(plan, hosoku, '第6表', '利用者補足情報'));
  }
  const plan1 = unit.get('UP1KYO');
  const plan2 = unit.get('UP2KYO');
  if (plan1 && plan2) problems.push(...missingPeople(plan1, plan2, '第1表', '第2表'));
  // 2.2 ⑤ marks 第3表 ○ beside 第1表, and 2.4 ① sends it in their unit; it exists from 第4版 on, so
  // only a v4 第1表 misses it, and as the 第2表 and the 補足 (send-unit.ts) that only warns
  const version = plan1?.report.version;
  if (plan1 && !unit.has('UP3KYO') && version && versionInfo(version)?.era === 'v4') {
    problems.push(cross('warning', plan1.file, `同じ送信単位に第3表(UP3KYO)がありません。標準仕様では CSVバージョン ${version}` +
      '(第4版)から第1表と一緒に送る必須のファイルです(送信はできます)'));
  }
  // 別表 records repeat the keys of their parent record (layout notes of SUB1, SUB2, UPYOBO_SUB);
  // 第2表, 第3表 and the 補足 of unit 1 link to the 第1表 by its 居宅サービス計画作成（変更）日 (2.3)
  for (const link of LINKS) {
    const c = unit.get(link.child);
    const p = unit.get(link.parent);
    if (c && p) problems.push(...orphans(c, p, link));
  }
  const versions = new Set([...unit.values()].map((f) => f.report.version).filter((v) => v !== null));
  if (versions.size > 1) {
    const first = [...unit.values()][0]!;
    problems.push(cross('warning', first.file, `同じ送信単位のファイルでCSVバージョンが異なります(${[...versions].join(', ')})`));
  }
  return problems;
}

interface Link {
  child: FileKind;
  parent: FileKind;
  /** what the parent is, in the message */
  parentLabel: string;
  /** why the keys must match, in the message */
  why: string;
}

const SUB_TABLE = '別表は親のレコードと同じキーを持ちます';
const PLAN1_LINK = '第2表・第3表・補足は、保険者番号・被保険者番号・居宅サービス計画作成（変更）日で第1表に紐づきます';

const LINKS: Link[] = [
  { child: 'UPKIHON_SUB1', parent: 'UPKIHON', parentLabel: '利用者基本情報', why: SUB_TABLE },
  { child: 'UPKIHON_SUB2', parent: 'UPKIHON', parentLabel: '利用者基本情報', why: SUB_TABLE },
  { child: 'UPYOBO_SUB', parent: 'UPYOBO', parentLabel: '介護予防サービス・支援計画書', why: SUB_TABLE },
  { child: 'UP2KYO', parent: 'UP1KYO', parentLabel: '第1表', why: PLAN1_LINK },
  { child: 'UP3KYO', parent: 'UP1KYO', parentLabel: '第1表', why: PLAN1_LINK },
  { child: 'UPHOSOKU', parent: 'UP1KYO', parentLabel: '第1表', why: PLAN1_LINK },
];

/** 保険者番号 + 被保険者番号 + the date key of a record. */
const keyOf = (r: readonly string[]) => r.join('|');

/** Records whose keys match no record of their parent file: an error on each (the first few). */
function orphans(child: Checked, parent: Checked, link: Link): CsvProblem[] {
  const dateKey = child.keys?.dateKey;
  if (!child.keys || !parent.keys || !dateKey || !parent.keys.dateKey) return [];
  const keys = new Set([...parent.keys.keys.values()].map(keyOf));
  const hintFor = brokenParentHint(child, parent, keys);
  const problems: CsvProblem[] = [];
  child.keys.keys.forEach((k, row) => {
    if (keys.has(keyOf(k)) || problems.length >= 20) return;
    const [insurer, insured, date] = k;
    const at = { row, column: dateKey.no, item: dateKey.item };
    problems.push({
      severity: 'error', file: child.file, ...at,
      message: `${child.file} ${placeText(at)}: 保険者番号 ${insurer}・被保険者番号 ${insured}・${at.item} ${date} の${link.parentLabel}が ${parent.file} にありません(${link.why})${hintFor(k)}`,
    });
  });
  return problems;
}

type Key = readonly [string, string, string];

/**
 * A parent record whose key itself is refused (a typo in its 被保険者番号…) leaves its children
 * without a match: a child whose key differs from it in the refused cell alone is told where to
 * mend. A 被保険者番号 is the person, so there the child must be of no person the parent file has
 * (else it is that record's), and of several such people sharing its 保険者番号 and date only the
 * one whose number is nearest the refused one is told (none on a tie): the others are other people.
 */
function brokenParentHint(child: Checked, parent: Checked, parentKeys: ReadonlySet<string>): (k: Key) => string {
  const { keys, people, dateKey } = parent.keys!;
  // column → key position: 保険者番号 (2), 被保険者番号 (3), the date key
  const keyColumns = [2, 3, dateKey!.no];
  const broken = parent.report.problems.flatMap((p) => {
    const at = keyColumns.indexOf(p.column ?? 0);
    const key = p.row === undefined ? undefined : keys.get(p.row);
    return p.severity === 'error' && at >= 0 && key ? [{ p, key, at }] : [];
  });
  if (broken.length === 0) return () => '';
  let orphanPeople: Map<string, Set<string>> | undefined;
  const nearestOnly = (refused: string, insured: string, insurer: string, date: string): boolean => {
    if (!orphanPeople) {
      orphanPeople = new Map();
      for (const k of child.keys!.keys.values()) {
        if (parentKeys.has(keyOf(k)) || people.has(k[1])) continue;
        const group = `${k[0]}|${k[2]}`;
        const set = orphanPeople.get(group) ?? new Set<string>();
        orphanPeople.set(group, set.add(k[1]));
      }
    }
    const mine = editDistance(refused, insured);
    for (const other of orphanPeople.get(`${insurer}|${date}`) ?? []) if (other !== insured && editDistance(refused, other) <= mine) return false;
    return true;
  };
  const differsAt = (b: Key, k: Key, at: number) => b.every((v, i) => (v === k[i]) === (i !== at));
  return (k) => {
    const fits = broken.filter((b) => differsAt(b.key, k, b.at) && (b.at !== 1 || !people.has(k[1])));
    // a refused 保険者番号 or date of the same person's record before another person's number
    const near = fits.find((b) => b.at !== 1) ?? fits.find((b) => nearestOnly(b.key[1], k[1], k[0], k[2]));
    return near ? `。${parent.file} の${near.p.row}行目 ${near.p.column}列目(${near.p.item})に誤りがあります。先にそちらを直してください` : '';
  };
}

/** Levenshtein distance of two key values (a dozen characters). */
function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const row = [i];
    for (let j = 1; j <= b.length; j++) row[j] = Math.min(previous[j]! + 1, row[j - 1]! + 1, previous[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
    previous = row;
  }
  return previous[b.length]!;
}

function missingPeople(from: Checked, to: Checked, fromLabel: string, toLabel: string): CsvProblem[] {
  if (!from.keys || !to.keys) return [];
  const there = to.keys.people;
  const missing = [...from.keys.people].filter((n) => !there.has(n));
  if (missing.length === 0) return [];
  const shown = missing.slice(0, 5).join(', ') + (missing.length > 5 ? ` ほか${missing.length - 5}人` : '');
  return [cross('warning', to.file, `${fromLabel}にある被保険者番号 ${shown} が${toLabel}にありません`)];
}

function cross(severity: CsvProblem['severity'], file: string, text: string): CsvProblem {
  return { severity, file, message: `${file}: ${text}` };
}
