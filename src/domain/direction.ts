// Who sends which file (docs/csv-spec.md "Who sends what"): the care-manager offices (居宅介護支援,
// and the 地域包括支援センター等 of the 介護予防 flow) send the plans, the providers send the 実績.
// An office's kind comes from the v4 file name (a サービス種類コード after each office number);
// an old-form name has none, so the directory's kind of that office is read instead. Where
// neither is known, nothing is decided: the rule never guesses.
import { FILE_KINDS, type FileKind, type ParsedFileName } from './filename';
import { describeKind, isCareManagerKind, kindCodesOf, serviceKind } from './service-kinds';

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
 *   the 介護予防 flow with 委託, between the 地域包括支援センター and the 居宅 (body 3.1, 3.2 (2)).
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

/** Whether an office in this role may send the flow's files (true = a care-manager office). */
function senderFits(flow: Flow, isCareManager: boolean): boolean {
  return flow === 'actual' || isCareManager;
}

/** Whether an office in this role may receive them. */
function destinationFits(flow: Flow, isCareManager: boolean): boolean {
  return flow === 'care-plan' ? !isCareManager : flow === 'actual' ? isCareManager : true;
}

interface Side {
  number: string;
  codes: string[];
  /** where the codes come from, for the message */
  source: 'name' | 'directory';
}

/** The roles an office may act in (an office number can hold a 居宅 and a provider at once); both when unknown. */
function roles(side: Side): boolean[] {
  if (side.codes.length === 0) return [true, false];
  return [...new Set(side.codes.map(isCareManagerKind))];
}

function describe(label: string, side: Side): string {
  const via = side.source === 'name' ? 'ファイル名のサービス種類コード' : '事業所の登録';
  return `${label} ${side.number}(${side.codes.map(describeKind).join('・')}。${via}による)`;
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
  if (!roles(sender).some((r) => senderFits(flow, r))) return `${what}。${describe('送信元', sender)}からは送れません`;
  if (!roles(destination).some((r) => destinationFits(flow, r))) return `${what}。${describe('送信先', destination)}へは送れません`;
  return null;
}

function sideOf(number: string, nameCode: string | null, directoryKind: string | null | undefined): Side {
  if (nameCode !== null) return { number, codes: [nameCode], source: 'name' };
  return { number, codes: kindCodesOf(directoryKind), source: 'directory' };
}

/** The direction rule for every routed file of a send (or of a folder, for the check command). */
export function checkDirections(files: readonly ParsedFileName[], offices: OfficeKinds = {}): DirectionProblem[] {
  const problems: DirectionProblem[] = [];
  for (const file of files) {
    const flow = FLOW[file.kind];
    const sender = sideOf(file.sender, file.senderServiceKind, offices.senderKind);
    const destination = sideOf(file.destination, file.destinationServiceKind, offices.destinationKind);
    problems.push(...kindCodeNotes(file));
    if (sender.codes.length === 0 && destination.codes.length === 0) continue;
    const refused = refusal(file, flow, sender, destination);
    if (refused === null) continue;
    // The spec's own UPJSK / DLTJSK examples keep 43 first although the provider sends them
    // (docs/csv-spec.md "The spec's own examples"). A name in that order is only a warning,
    // unless the directory knows the offices and says the file really goes the wrong way.
    const swapped = refusal(file, flow, { ...sender, codes: destination.codes }, { ...destination, codes: sender.codes });
    if (flow === 'actual' && sender.source === 'name' && destination.source === 'name' && swapped === null) {
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

/** A v4 name's kind codes that the scope tables leave out or do not know. */
function kindCodeNotes(file: ParsedFileName): DirectionProblem[] {
  const notes: DirectionProblem[] = [];
  const sides: [string, string | null][] = [['送信元', file.senderServiceKind], ['送信先', file.destinationServiceKind]];
  for (const [label, code] of sides) {
    if (code === null) continue;
    const kind = serviceKind(code);
    const text = !kind
      ? `${label}のサービス種類コード「${code}」は仕様の対象サービス種類(1.3・1.4の表)にありません`
      : !kind.inScope
        ? `${label}のサービス種類 ${describeKind(code)} はデータ連携の対象外です(仕様1.3・1.4の表)`
        : null;
    if (text) notes.push({ file: file.name, severity: 'warning', message: `${file.name}: ${text}` });
  }
  return notes;
}
