// Send units: the files that travel together and are imported together (docs/csv-spec.md "Send units").
// Every file of one unit carries the same 連番, destination and (where present) 対象年月.
import { formatMonth } from './date';
import { FILE_KINDS, type FileKind, type ParsedFileName } from './filename';

export type SendUnitType =
  | 'care-plan' | 'usage' | 'delete-care-plan' | 'delete-usage' | 'actual' | 'delete-actual'
  | 'yobo-basic' | 'yobo-plan' | 'delete-yobo-basic' | 'delete-yobo-plan';

/**
 * Units 1–6 are body 2.4's. The 介護予防 units of body 3.4 are (1) 利用者基本情報 (7 here, with
 * its 別表1・別表2 and images), (2) 介護予防サービス・支援計画書 + 利用者基本情報 and (3) the
 * 計画書 alone (both 8 here, the 計画書 with its 別表), (5) and (6) the deletions (9, 10); its
 * (4) 利用票 + 別表 + 補足, (7) 利用票_削除, (8) 実績 and (9) 実績_削除 are units 2, 4, 5 and 6.
 */
export const SEND_UNITS: Record<SendUnitType, { number: number; label: string }> = {
  'care-plan': { number: 1, label: '居宅サービス計画書(第1・2・3表)' },
  usage: { number: 2, label: 'サービス利用票(第6・7表)' },
  'delete-care-plan': { number: 3, label: '第1表の削除' },
  'delete-usage': { number: 4, label: '予定の削除' },
  actual: { number: 5, label: '実績' },
  'delete-actual': { number: 6, label: '実績の削除' },
  'yobo-basic': { number: 7, label: '利用者基本情報(介護予防)' },
  'yobo-plan': { number: 8, label: '介護予防サービス・支援計画書(利用者基本情報と一緒でも可)' },
  'delete-yobo-basic': { number: 9, label: '利用者基本情報の削除' },
  'delete-yobo-plan': { number: 10, label: '介護予防サービス・支援計画書の削除' },
};

const UNIT_OF_KIND: Record<Exclude<FileKind, 'UPHOSOKU'>, SendUnitType> = {
  UP1KYO: 'care-plan', UP2KYO: 'care-plan', UP3KYO: 'care-plan',
  UPPLAN: 'usage', UPSIKYU: 'usage',
  DLT1KYO: 'delete-care-plan', DLTPLAN: 'delete-usage',
  UPJSK: 'actual', DLTJSK: 'delete-actual',
  UPKIHON: 'yobo-basic', UPKIHON_SUB1: 'yobo-basic', UPKIHON_SUB2: 'yobo-basic', UPKIHON_IMAGE: 'yobo-basic',
  UPYOBO: 'yobo-plan', UPYOBO_SUB: 'yobo-plan',
  DLTKIHON: 'delete-yobo-basic', DLTYOBO: 'delete-yobo-plan',
};

/** The 補足 (UPHOSOKU) joins unit 1 with month 000000 (or none given) and unit 2 with a real month. */
export function sendUnitOf(kind: FileKind, targetMonth: string | null = null): SendUnitType {
  if (kind === 'UPHOSOKU') return targetMonth && targetMonth !== '000000' ? 'usage' : 'care-plan';
  return UNIT_OF_KIND[kind];
}

export interface SendUnit {
  /** destination | unit type | 連番 | month */
  key: string;
  type: SendUnitType;
  number: number;
  label: string;
  destination: string;
  sequence: string;
  sequenceDisplay: string;
  /** the unit's 対象年月; null for units without one (unit 1 and the 介護予防 units) */
  targetMonth: string | null;
  files: ParsedFileName[];
}

function unitMonth(type: SendUnitType, file: ParsedFileName): string | null {
  return type === 'care-plan' ? null : file.targetMonth;
}

const KIND_ORDER = Object.keys(FILE_KINDS) as FileKind[];

/** Code-unit order, so the result does not depend on the runtime's locale. */
function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** 3.4 (2): a 利用者基本情報 with the 連番 of a 介護予防サービス・支援計画書 to the same office travels in its unit. */
function unitTypeIn(file: ParsedFileName, parsed: readonly ParsedFileName[]): SendUnitType {
  const type = sendUnitOf(file.kind, file.targetMonth);
  if (type !== 'yobo-basic') return type;
  const withPlan = parsed.some((other) =>
    sendUnitOf(other.kind) === 'yobo-plan' && other.destination === file.destination && other.sequence === file.sequence);
  return withPlan ? 'yobo-plan' : type;
}

const isYobo = (type: SendUnitType) => type === 'yobo-basic' || type === 'yobo-plan';

/**
 * The send unit a file travels in: destination | unit type | 連番 | 対象年月 (empty for units
 * without one). This is the one grouping of files into units, and a 一括送信 row is one unit:
 * each 連番 is its own send unit (docs/csv-spec.md "Send units"), so files that differ only in
 * their 連番 are two rows, as files of two months are. A check that reports a mismatch in one
 * part leaves that part out, so files that differ only there meet in one group: the CSV cross
 * checks leave out the month (第6表 and 第7表 of one 連番 for different months are reported).
 * 介護予防 units are told by their 連番 under one type for both (3.4 (2): a 利用者基本情報 may
 * travel with the 計画書 of its 連番), so even without the 連番 they keep it. `type`: the unit
 * the file was found in.
 */
export function sendUnitKey(file: ParsedFileName, leaveOut?: 'sequence' | 'month', type = sendUnitOf(file.kind, file.targetMonth)): string {
  const parts = [file.destination, isYobo(type) ? 'yobo' : type];
  if (leaveOut !== 'sequence' || isYobo(type)) parts.push(file.sequence);
  if (leaveOut !== 'month') parts.push(unitMonth(type, file) ?? '');
  // v4 names: one office number may hold several service kinds, and v4 named the kinds so that
  // each gets files of its own (「複数サービス提供事業所への対応としてファイル命名規約の変更」):
  // the sets for 11 and 15 of one office, even under one 連番, are two units
  const codes = nameKindCodes(file);
  if (codes) parts.push(codes);
  return parts.join('|');
}

/** 「43・11」: the kind codes of a v4 name (sender's, destination's), '' for the old form. */
function nameKindCodes(file: ParsedFileName): string {
  return file.senderServiceKind === null ? '' : `${file.senderServiceKind}・${file.destinationServiceKind}`;
}

/** Items by send unit (see sendUnitKey), in the order first seen; items whose name is null are left out. */
export function groupBySendUnit<T>(items: readonly T[], nameOf: (item: T) => ParsedFileName | null, leaveOut?: 'sequence' | 'month'): T[][] {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const name = nameOf(item);
    if (!name) continue;
    const key = sendUnitKey(name, leaveOut);
    const group = groups.get(key);
    if (group) group.push(item);
    else groups.set(key, [item]);
  }
  return [...groups.values()];
}

/** Groups parsed names into units, in the order a receiver imports them (連番 first). */
export function groupSendUnits(parsed: readonly ParsedFileName[]): SendUnit[] {
  const units = new Map<string, SendUnit>();
  for (const file of parsed) {
    const type = unitTypeIn(file, parsed);
    const month = unitMonth(type, file);
    const key = sendUnitKey(file, undefined, type);
    let unit = units.get(key);
    if (!unit) {
      unit = {
        key, type, number: SEND_UNITS[type].number, label: SEND_UNITS[type].label,
        destination: file.destination, sequence: file.sequence, sequenceDisplay: file.sequenceDisplay,
        targetMonth: month, files: [],
      };
      units.set(key, unit);
    }
    unit.files.push(file);
  }
  const list = [...units.values()];
  for (const unit of list) {
    unit.files.sort((a, b) =>
      KIND_ORDER.indexOf(a.kind) - KIND_ORDER.indexOf(b.kind) || compare(a.name, b.name));
  }
  return list.sort((a, b) =>
    compare(a.destination, b.destination) ||
    compare(a.sequence, b.sequence) ||
    a.number - b.number ||
    compare(a.targetMonth ?? '', b.targetMonth ?? ''));
}

/** The kind a file cannot travel without, inside its own unit. */
function requiredCompanion(file: ParsedFileName, type: SendUnitType): FileKind | null {
  switch (file.kind) {
    case 'UP2KYO': case 'UP3KYO': return 'UP1KYO';
    case 'UPHOSOKU': return type === 'care-plan' ? 'UP1KYO' : 'UPPLAN';
    case 'UPPLAN': return 'UPSIKYU';
    case 'UPSIKYU': return 'UPPLAN';
    case 'UPKIHON_SUB1': case 'UPKIHON_SUB2': case 'UPKIHON_IMAGE': return 'UPKIHON';
    case 'UPYOBO_SUB': return 'UPYOBO';
    default: return null;
  }
}

function describeUnitKey(unit: SendUnit): string {
  const month = unit.targetMonth ? `・対象年月 ${formatMonth(unit.targetMonth)}` : '';
  return `連番 ${unit.sequenceDisplay}${month}`;
}

const describeCodes = (file: ParsedFileName): string => nameKindCodes(file) || 'なし(旧形式の名前)';

/** Why a companion sent alongside did not count: it sits in another unit. */
function strayHint(file: ParsedFileName, wanted: FileKind, all: readonly ParsedFileName[]): string {
  const strays = all.filter((other) => other.kind === wanted && other !== file);
  if (strays.length === 0) return '';
  const notes = strays.map((other) => {
    if (other.destination !== file.destination) return `${other.name} は送信先が ${other.destination} です`;
    if (nameKindCodes(other) !== nameKindCodes(file)) {
      return `${other.name} のサービス種類コードは ${describeCodes(other)}、${file.name} は ${describeCodes(file)} です`;
    }
    const month = other.targetMonth && other.targetMonth !== '000000' ? `・対象年月 ${formatMonth(other.targetMonth)}` : '';
    return `${other.name} は連番 ${other.sequenceDisplay}${month} です`;
  });
  return `(${notes.join('、')}。1つの送信単位のファイルは連番・対象年月・送信先・サービス種類コードをそろえてください)`;
}

/** A unit problem and the files it is about (the check command files it under each of them). */
export interface UnitProblem {
  severity: 'error' | 'warning';
  files: string[];
  message: string;
}

/** 「原則」 companions (3.13, 3.16): one 別表1 and one 別表2 per 利用者基本情報, one 別表 per 計画書. */
const USUAL_COMPANIONS: Partial<Record<FileKind, FileKind[]>> = {
  UPKIHON: ['UPKIHON_SUB1', 'UPKIHON_SUB2'], UPYOBO: ['UPYOBO_SUB'],
};

/**
 * The files the spec marks 必須 (○ in 2.2 ② ④ ① and ⑦ ⑪ ⑥, 3.2 ⑤) beside the parent of units 1
 * and 2, where nothing else asks for them (第6表 and 第7表 already ask for each other). A send
 * without one is still a send: 2.2 says only that it then 「ケアプラン標準仕様によりデータ連携を
 * 行っていることにはならない」, so its absence warns. 第3表 (⑤, from 第4版) needs the CSVバージョン
 * to be known: csv/send.ts warns about it.
 */
const REQUIRED_BESIDE: Partial<Record<SendUnitType, { parent: FileKind; wanted: FileKind[]; tables: string }>> = {
  'care-plan': { parent: 'UP1KYO', wanted: ['UP2KYO', 'UPHOSOKU'], tables: '第1表' },
  usage: { parent: 'UPPLAN', wanted: ['UPHOSOKU'], tables: '第6・7表' },
};

function missingRequired(unit: SendUnit, kinds: readonly FileKind[]): UnitProblem[] {
  const rule = REQUIRED_BESIDE[unit.type];
  const parent = rule && unit.files.find((f) => f.kind === rule.parent);
  if (!rule || !parent) return [];
  return rule.wanted.filter((kind) => !kinds.includes(kind)).map((kind) => {
    const name = kind === 'UPHOSOKU' ? `UPHOSOKU_${unit.targetMonth ?? '000000'}_…` : kind;
    return {
      severity: 'warning',
      files: [parent.name],
      message: `${parent.name}: 同じ送信単位(${describeUnitKey(unit)})に${FILE_KINDS[kind].label}(${name})がありません。` +
        `標準仕様では${rule.tables}と一緒に送る必須のファイルです(送信はできます)`,
    };
  });
}

/** 別表 and images repeat their parent's name from the sender number to the 連番 (docs/csv-spec.md "File names"). */
const NAME_PARTS_OF_PARENT: Partial<Record<FileKind, FileKind>> = {
  UPKIHON_SUB1: 'UPKIHON', UPKIHON_SUB2: 'UPKIHON', UPKIHON_IMAGE: 'UPKIHON', UPYOBO_SUB: 'UPYOBO',
};

/** The part of a name from the sender number to the 連番 (kind codes included), as a 別表 or image repeats it. */
export const nameParts = (f: ParsedFileName) =>
  [f.sender, f.senderServiceKind, f.destination, f.destinationServiceKind, f.sequence].filter((p) => p !== null).join('_');

/**
 * The parent a 別表 or image belongs to: the one its name matches from sender to 連番. Failing that, one
 * with its destination and 連番 but other kind codes (a slip in the name, named in the message); two sets
 * of different kinds under one 連番 each find their own.
 */
function parentOf(file: ParsedFileName, parsed: readonly ParsedFileName[]): ParsedFileName | undefined {
  const parentKind = NAME_PARTS_OF_PARENT[file.kind];
  if (!parentKind) return undefined;
  const candidates = parsed.filter((f) => f.kind === parentKind && f.destination === file.destination && f.sequence === file.sequence);
  return candidates.find((f) => nameParts(f) === nameParts(file)) ?? candidates[0];
}

/** Incomplete or mixed send units, each with the files concerned; [] when every unit is whole. */
export function sendUnitProblems(parsed: readonly ParsedFileName[]): UnitProblem[] {
  const problems: UnitProblem[] = [];
  for (const unit of groupSendUnits(parsed)) {
    const kinds = unit.files.map((f) => f.kind);
    for (const file of unit.files) {
      const wanted = requiredCompanion(file, unit.type);
      const parent = parentOf(file, parsed);
      const misnamedAgainst = parent && nameParts(parent) !== nameParts(file) ? parent : undefined;
      if (wanted && !kinds.includes(wanted) && !misnamedAgainst) {
        problems.push({
          severity: 'error',
          files: [file.name],
          message: `${file.name}: 同じ送信単位(${describeUnitKey(unit)})に${FILE_KINDS[wanted].label}(${wanted})がありません` +
            strayHint(file, wanted, parsed),
        });
      }
      for (const usual of USUAL_COMPANIONS[file.kind] ?? []) {
        if (kinds.includes(usual)) continue;
        problems.push({
          severity: 'warning',
          files: [file.name],
          message: `${file.name}: ${FILE_KINDS[file.kind].label}には原則として${FILE_KINDS[usual].label}(${usual})を一緒に送ります(送信はできます)`,
        });
      }
      if (misnamedAgainst) {
        problems.push({
          severity: 'error',
          files: [file.name],
          message: `${file.name}: 送信元事業所番号から連番までが ${misnamedAgainst.name} と同じでなければなりません` +
            `(${nameParts(file)} と ${nameParts(misnamedAgainst)})`,
        });
      }
    }
    problems.push(...missingRequired(unit, kinds));
    for (const kind of new Set(kinds)) {
      const same = unit.files.filter((f) => f.kind === kind);
      if (kind !== 'UPKIHON_IMAGE' && same.length > 1) {
        problems.push({
          severity: 'error',
          files: same.map((f) => f.name),
          message: `${FILE_KINDS[kind].label}(${kind})が同じ送信単位(${describeUnitKey(unit)})に${same.length}つあります: ` +
            same.map((f) => f.name).join('、'),
        });
      }
    }
  }
  return problems;
}

/** Japanese errors for incomplete or mixed send units; [] when every unit is whole. */
export function checkSendUnits(parsed: readonly ParsedFileName[]): string[] {
  return sendUnitProblems(parsed).filter((p) => p.severity === 'error').map((p) => p.message);
}
