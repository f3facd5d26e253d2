// Who sends which file (docs/csv-spec.md "Who sends what"): the care-manager offices (居宅介護支援,
// and the 地域包括支援センター等 of the 介護予防 flow) send the plans, the providers send the 実績.
// An office's kind comes from the v4 file name (a サービス種類コード after each office number);
// an old-form name has none, so the directory's kind of that office is read instead. The sender
// is the office logged in: where the directory knows its kind, the directory decides for it, and
// a code in the name that the office does not hold changes nothing. Where neither is known,
// nothing is decided: the rule never guesses.
import { FILE_KINDS, type FileKind, type ParsedFileName } from './filename';
import { describeKind, isCareManagerKind, isPreventionManagerKind, kindCodesOf, kindScopeNote, writesOwnPlans } from './service-kinds';

export interface OfficeKinds {
  /** the directory's kind of the sending office (e.g. 居宅介護支援), when known */
  senderKind?: string | null;
  /** the directory's kind of the destination office, when known */
  destinationKind?: string | null;
}

export interface DirectionProblem {
  file: string;
  severity: 'error' | 'warning';
  message: string;
}

/**
 * - care-plan: 第1・2・3表 and their deletion, 居宅 → provider only (body 2.2 (1)).
 * - usage: 補足, 第6表 予定, 第7表 and 予定削除: from a care-manager office to a provider, or, in
 *   the 介護予防 flow with 委託, between the 地域包括支援センター等 and the 居宅 (body 3.1, 3.2 (2)).
 *   Never from one 居宅 to another: table 2.2 has no 取込 at the 居宅 for them.
 * - prevention: the 介護予防 plan files, likewise (3.2 (1): both 出力 and 取込 at 包括 and 居宅).
 * - actual: 実績 and its deletion, provider → care-manager office; or the 委託先 居宅 passing
 *   the 実績 on to the 地域包括支援センター (3.1).
 */
type Flow = 'care-plan' | 'usage' | 'prevention' | 'actual';

const FLOW: Record<FileKind, Flow> = {
  UP1KYO: 'care-plan', UP2KYO: 'care-plan', UP3KYO: 'care-plan', DLT1KYO: 'care-plan',
  UPHOSOKU: 'usage', UPPLAN: 'usage', UPSIKYU: 'usage', DLTPLAN: 'usage',
  UPKIHON: 'prevention', UPKIHON_SUB1: 'prevention', UPKIHON_SUB2: 'prevention', UPKIHON_IMAGE: 'prevention',
  DLTKIHON: 'prevention', UPYOBO: 'prevention', UPYOBO_SUB: 'prevention', DLTYOBO: 'prevention',
  UPJSK: 'actual', DLTJSK: 'actual',
};

/**
 * The roles an office number can act in: a 居宅 (43), the 地域包括支援センター等 side of the 介護予防
 * flow (46, AF), or a provider (every other kind). 小規模多機能 and its like (73, 77, 75) are both a
 * provider and, for their own users, the office that writes the plans (body 1.3, 1.4).
 */
type Role = 'kyotaku' | 'houkatsu' | 'provider';

const ALL_ROLES: readonly Role[] = ['kyotaku', 'houkatsu', 'provider'];

function rolesOf(code: string): Role[] {
  if (isPreventionManagerKind(code)) return ['houkatsu'];
  if (isCareManagerKind(code)) return ['kyotaku'];
  return writesOwnPlans(code) ? ['kyotaku', 'provider'] : ['provider'];
}

/** Whether an office in this role may send the flow's files. */
function senderFits(flow: Flow, role: Role): boolean {
  return flow === 'actual' || role !== 'provider';
}

/**
 * Whether the destination's role may receive them from this sender. Between two care-manager
 * offices only 委託 justifies a plan file, and 委託 joins a 地域包括支援センター等 and a 居宅: two
 * 居宅 never exchange them. 46 on both sides passes: a 委託先 居宅 may write its 介護予防 files
 * under 46, and nothing in a name tells it from a 包括.
 */
function destinationFits(flow: Flow, sender: Role, destination: Role): boolean {
  if (flow === 'actual') return destination !== 'provider';
  if (destination === 'provider') return true;
  if (flow === 'care-plan') return false;
  return sender === 'houkatsu' || destination === 'houkatsu';
}

interface Side {
  number: string;
  codes: string[];
  /** where the codes come from, for the message */
  source: 'name' | 'directory';
  /** the name's code, when the directory's kinds were read instead of it */
  overriddenNameCode?: string;
}

/** The roles an office may act in (an office number can hold a 居宅 and a provider at once); all when unknown. */
function roles(side: Side): Role[] {
  if (side.codes.length === 0) return [...ALL_ROLES];
  return [...new Set(side.codes.flatMap(rolesOf))];
}

function describe(label: string, side: Side): string {
  const via = side.source === 'name' ? 'ファイル名のサービス種類コード' : '事業所の登録';
  const name = side.overriddenNameCode ? `。ファイル名のサービス種類コード ${side.overriddenNameCode} はこの事業所の登録にありません` : '';
  return `${label} ${side.number}(${side.codes.map(describeKind).join('・')}。${via}による${name})`;
}

const WHO: Record<Flow, string> = {
  'care-plan': '居宅介護支援事業所からサービス事業所へ送るファイルです',
  usage: '居宅介護支援事業所(地域包括支援センター等を含む)からサービス事業所へ送るファイルです',
  prevention: '地域包括支援センター等(介護予防支援・委託先の居宅介護支援事業所)からサービス事業所へ送るファイルです',
  actual: 'サービス事業所から居宅介護支援事業所(地域包括支援センター等を含む)へ送るファイルです',
};

/** null when the rule lets the file go, else the refusal naming the side at fault. */
function refusal(file: ParsedFileName, flow: Flow, sender: Side, destination: Side): string | null {
  const what = `${file.name}: ${FILE_KINDS[file.kind].label}(${file.kind})は${WHO[flow]}`;
  const senders = roles(sender).filter((r) => senderFits(flow, r));
  if (senders.length === 0) return `${what}。${describe('送信元', sender)}からは送れません`;
  const destinations = roles(destination);
  if (senders.some((s) => destinations.some((d) => destinationFits(flow, s, d)))) return null;
  const betweenKyotaku = (flow === 'usage' || flow === 'prevention') && destinations.includes('kyotaku');
  const note = betweenKyotaku
    ? '(居宅介護支援事業所どうしでは送れません。受け取るのはサービス事業所か、委託の相手の地域包括支援センター等です)'
    : '';
  return `${what}。${describe('送信先', destination)}へは送れません${note}`;
}

function sideOf(number: string, nameCode: string | null, directoryKind: string | null | undefined): Side {
  if (nameCode !== null) return { number, codes: [nameCode], source: 'name' };
  return { number, codes: kindCodesOf(directoryKind), source: 'directory' };
}

/**
 * The sender is the office logged in, whose kinds the directory holds: they decide, and a code
 * in the name is taken only when the office holds it (an office number with a 居宅 and a
 * provider says which one sends). Without the directory, the name decides as for any office.
 */
function senderSideOf(file: ParsedFileName, directoryKind: string | null | undefined): Side {
  const registered = kindCodesOf(directoryKind);
  const nameCode = file.senderServiceKind;
  if (registered.length === 0 || (nameCode !== null && registered.includes(nameCode))) {
    return sideOf(file.sender, nameCode, directoryKind);
  }
  return { number: file.sender, codes: registered, source: 'directory', ...(nameCode !== null ? { overriddenNameCode: nameCode } : {}) };
}

/**
 * A 実績 name in the order of the spec's own UPJSK / DLTJSK examples: its kind codes fit when
 * read the other way round (43 first, the provider's second).
 */
function inExampleOrder(file: ParsedFileName, flow: Flow): boolean {
  const from = file.senderServiceKind;
  const to = file.destinationServiceKind;
  if (flow !== 'actual' || from === null || to === null) return false;
  return refusal(file, flow, sideOf(file.sender, to, null), sideOf(file.destination, from, null)) === null;
}

/** The direction rule for every routed file of a send (or of a folder, for the check command). */
export function checkDirections(files: readonly ParsedFileName[], offices: OfficeKinds = {}): DirectionProblem[] {
  const problems: DirectionProblem[] = [];
  for (const file of files) {
    const flow = FLOW[file.kind];
    const sender = senderSideOf(file, offices.senderKind);
    const destination = sideOf(file.destination, file.destinationServiceKind, offices.destinationKind);
    problems.push(...kindCodeNotes(file));
    if (sender.codes.length === 0 && destination.codes.length === 0) continue;
    const refused = refusal(file, flow, sender, destination);
    if (refused === null) continue;
    // The spec's own UPJSK / DLTJSK examples keep 43 first although the provider sends them
    // (docs/csv-spec.md "The spec's own examples"). A name in that order is only a warning,
    // unless the directory knows the offices and says the file really goes the wrong way.
    if (inExampleOrder(file, flow)) {
      const byDirectory = refusal(file, flow, sideOf(file.sender, null, offices.senderKind), sideOf(file.destination, null, offices.destinationKind));
      const known = kindCodesOf(offices.senderKind).length + kindCodesOf(offices.destinationKind).length > 0;
      if (known && byDirectory !== null) {
        problems.push({ file: file.name, severity: 'error', message: byDirectory });
        continue;
      }
      problems.push({
        file: file.name,
        severity: 'warning',
        message: `${file.name}: サービス種類コードが送信元 ${file.senderServiceKind}・送信先 ${file.destinationServiceKind} の順で、` +
          `送信元・送信先と逆に見えます(仕様書の実績の記載例と同じ並びのため送信はできます)。規約では送信元の種類を先に書きます`,
      });
      continue;
    }
    problems.push({ file: file.name, severity: 'error', message: refused });
  }
  return problems;
}

/** Kinds 第4版 introduced together with the kind codes in the names: no old-form name is theirs. */
const V4_ONLY_KINDS: ReadonlySet<FileKind> = new Set<FileKind>([
  'UP3KYO', 'UPKIHON', 'UPKIHON_SUB1', 'UPKIHON_SUB2', 'UPKIHON_IMAGE', 'DLTKIHON', 'UPYOBO', 'UPYOBO_SUB', 'DLTYOBO',
]);

/** A v4 name's kind codes that the scope tables leave out or do not know; a v4-only kind named the old way. */
function kindCodeNotes(file: ParsedFileName): DirectionProblem[] {
  const notes: DirectionProblem[] = [];
  if (file.version === 'old' && V4_ONLY_KINDS.has(file.kind)) {
    notes.push({
      file: file.name, severity: 'warning',
      message: `${file.name}: ${FILE_KINDS[file.kind].label}(${file.kind})は第4版からのファイルで、第4版のファイル名規約では送信元・送信先の` +
        '事業所番号のあとにサービス種類コード(2桁)を付けます(送信はできます)',
    });
  }
  const sides: [string, string | null][] = [['送信元', file.senderServiceKind], ['送信先', file.destinationServiceKind]];
  for (const [label, code] of sides) {
    const note = code === null ? null : kindScopeNote(code);
    if (note) notes.push({ file: file.name, severity: 'warning', message: `${file.name}: ${label}の${note.text}` });
  }
  return notes;
}

/**
 * Whether the signed-in office sends this file as a provider sending its 実績 (UPJSK): the only
 * case the 送信前チェック (実績 against the 予定 received) means anything. A 居宅 that drops a
 * 実績 into 新規作成 is refused by the rule above; comparing it would only confuse. The office's
 * kinds are read as the rule reads the sender's; unknown kinds leave the check on.
 */
export function sendsActualAsProvider(file: ParsedFileName, office: { number: string; kind?: string | null }): boolean {
  if (file.kind !== 'UPJSK' || file.sender !== office.number) return false;
  return roles(senderSideOf(file, office.kind)).includes('provider');
}
