// サービス種類コード: the two characters after each office number in a v4 file name, the first
// two of a サービスコード, and 実績削除's サービス種類コード. The scope tables of the spec (body 1.3
// for 介護給付, 1.4 for 予防給付 and 総合事業) say which kinds take part in the data exchange;
// the care-manager kinds are the offices that write the plans (docs/csv-spec.md "Who sends what").

export interface ServiceKind {
  code: string;
  name: string;
  /** false for the kinds the scope tables mark 対象外: no record is written for them */
  inScope: boolean;
}

const kinds = (rows: [string, string, boolean][]): ServiceKind[] =>
  rows.map(([code, name, inScope]) => ({ code, name, inScope }));

/** Body 1.3 (介護給付), in the order printed. */
export const CARE_BENEFIT_KINDS = kinds([
  ['11', '訪問介護', true], ['12', '訪問入浴介護', true], ['13', '訪問看護', true],
  ['14', '訪問リハビリテーション', true], ['15', '通所介護', true], ['16', '通所リハビリテーション', true],
  ['17', '福祉用具貸与', true], ['21', '短期入所生活介護', true], ['22', '短期入所療養介護(介護老人保健施設)', true],
  ['23', '短期入所療養介護(介護療養型医療施設等)', true], ['2A', '短期入所療養介護(介護医療院)', true],
  ['31', '居宅療養管理指導', true], ['71', '夜間対応型訪問介護', true], ['76', '定期巡回・随時対応型訪問介護看護', true],
  ['72', '認知症対応型通所介護', true], ['78', '地域密着型通所介護', true], ['73', '小規模多機能型居宅介護', true],
  ['68', '小規模多機能型居宅介護(短期利用)', true], ['77', '看護小規模多機能型居宅介護', true],
  ['79', '看護小規模多機能型居宅介護(短期利用)', true], ['33', '特定施設入居者生活介護', false],
  ['27', '特定施設入居者生活介護(短期利用)', true], ['36', '地域密着型特定施設入居者生活介護', false],
  ['28', '地域密着型特定施設入居者生活介護(短期利用)', true], ['32', '認知症対応型共同生活介護(短期利用以外)', false],
  ['38', '認知症対応型共同生活介護(短期利用)', true], ['41', '特定福祉用具販売', false], ['42', '住宅改修', false],
  ['51', '介護福祉施設サービス', false], ['52', '介護保健施設サービス', false], ['53', '介護療養施設サービス', false],
  ['54', '地域密着型介護老人福祉施設入所者生活介護', false], ['59', '特定介護サービス等', false], ['81', '市町村特別給付', false],
]);

/** Body 1.4 (予防給付, then 介護予防・日常生活支援総合事業); 59 and 81 repeat 1.3's. */
export const PREVENTION_KINDS = kinds([
  ['62', '介護予防訪問入浴介護', true], ['63', '介護予防訪問看護', true], ['64', '介護予防訪問リハビリテーション', true],
  ['66', '介護予防通所リハビリテーション', true], ['67', '介護予防福祉用具貸与', true], ['24', '介護予防短期入所生活介護', true],
  ['25', '介護予防短期入所療養介護(介護老人保健施設)', true], ['26', '介護予防短期入所療養介護(介護療養型医療施設等)', true],
  ['2B', '介護予防短期入所療養介護(介護医療院)', true], ['34', '介護予防居宅療養管理指導', true],
  ['74', '介護予防認知症対応型通所介護', true], ['75', '介護予防小規模多機能型居宅介護', true],
  ['69', '介護予防小規模多機能型居宅介護(短期利用)', true], ['35', '介護予防特定施設入居者生活介護', false],
  ['37', '介護予防認知症対応型共同生活介護(短期利用以外)', false], ['39', '介護予防認知症対応型共同生活介護(短期利用)', true],
  ['44', '特定介護予防福祉用具販売', false], ['45', '介護予防住宅改修', false],
  ['A1', '訪問型サービス(みなし)', true], ['A2', '訪問型サービス(独自)', true], ['A3', '訪問型サービス(独自/定率)', true],
  ['A4', '訪問型サービス(独自/定額)', true], ['A5', '通所型サービス(みなし)', true], ['A6', '通所型サービス(独自)', true],
  ['A7', '通所型サービス(独自/定率)', true], ['A8', '通所型サービス(独自/定額)', true],
]);

/**
 * The offices that write plans. The spec names 43 only through its examples; 46 (介護予防支援,
 * the 地域包括支援センター and 居宅 offices holding that designation) and AF (介護予防ケアマネジメント)
 * are the kinds of the 介護予防 plan writers in the 介護給付費 code tables.
 */
export const CARE_MANAGER_KINDS = kinds([
  ['43', '居宅介護支援', true], ['46', '介護予防支援', true], ['AF', '介護予防ケアマネジメント', true],
]);

/**
 * Providers whose own 介護支援専門員 writes their users' plans: body 1.3 counts 「小規模多機能等の介護支援
 * 専門員の配置義務のある居宅サービス」 among the 居宅介護支援事業所等, and 1.4 「介護予防小規模多機能等」 among
 * the 地域包括支援センター等. A 小規模多機能型居宅介護 (73), 看護小規模多機能型居宅介護 (77) or
 * 介護予防小規模多機能型居宅介護 (75) sends its users' plans and 予定 to the other providers they use
 * (訪問看護, 福祉用具貸与…) and receives their 実績, as a 居宅 does, while it is a provider too. The
 * short-term kinds (68, 79, 69) serve users of another office's plan: providers only.
 */
const PLAN_WRITING_PROVIDER_CODES: ReadonlySet<string> = new Set(['73', '77', '75']);

/** Whether an office of this kind writes plans although it is a provider (73, 77, 75). */
export function writesOwnPlans(code: string): boolean {
  return PLAN_WRITING_PROVIDER_CODES.has(code);
}

const ALL = [...CARE_BENEFIT_KINDS, ...PREVENTION_KINDS, ...CARE_MANAGER_KINDS];
const BY_CODE = new Map(ALL.map((k) => [k.code, k]));
const CARE_MANAGER_CODES = new Set(CARE_MANAGER_KINDS.map((k) => k.code));

export const SERVICE_KIND_CODE = /^[0-9A-Z]{2}$/;

export function serviceKind(code: string): ServiceKind | undefined {
  return BY_CODE.get(code);
}

export function isCareManagerKind(code: string): boolean {
  return CARE_MANAGER_CODES.has(code);
}

/**
 * The 地域包括支援センター等 side of the 介護予防 flow (46 介護予防支援, AF 介護予防ケアマネジメント):
 * the only care-manager offices a 居宅 (43) exchanges 予定 and 介護予防 files with, under 委託.
 */
export function isPreventionManagerKind(code: string): boolean {
  return code === '46' || code === 'AF';
}

/**
 * Why a kind code takes no part in the exchange, in words shared by the file-name check and the
 * record checks: the scope tables do not list it (`unknown`), or mark it 対象外. null when it does.
 */
export function kindScopeNote(code: string): { unknown: boolean; text: string } | null {
  const kind = BY_CODE.get(code);
  if (!kind) return { unknown: true, text: `サービス種類コード「${code}」は仕様の対象サービス種類(1.3・1.4の表)にありません` };
  if (!kind.inScope) return { unknown: false, text: `サービス種類 ${describeKind(code)} はデータ連携の対象外です(仕様1.3・1.4の表)` };
  return null;
}

/** 「11 訪問介護」, or the bare code when the tables do not know it. */
export function describeKind(code: string): string {
  const kind = BY_CODE.get(code);
  return kind ? `${code} ${kind.name}` : code;
}

/** Names a directory may hold besides the table names ("居宅介護支援事業所", "地域包括支援センター"…). */
const ALIASES: Record<string, string> = {
  居宅介護支援事業所: '43', 居宅: '43', ケアマネ: '43', 地域包括支援センター: '46', 包括: '46',
  介護予防支援事業所: '46', デイサービス: '15', ヘルパー: '11', ショートステイ: '21',
};
const BY_NAME = new Map<string, string>([
  ...ALL.map((k): [string, string] => [normalise(k.name), k.code]),
  ...Object.entries(ALIASES).map(([name, code]): [string, string] => [normalise(name), code]),
]);

function normalise(text: string): string {
  return text.normalize('NFKC').replace(/\s/g, '').replace(/[（]/g, '(').replace(/[）]/g, ')');
}

/**
 * The service kind codes an office's directory entry stands for. The directory keeps a free
 * text such as "居宅介護支援" or "訪問介護・通所介護" (README "Administration"); each part is
 * read as a kind name, a code, or a name with 事業所 after it. Unknown text yields nothing, and
 * then no rule depends on it.
 */
export function kindCodesOf(directoryKind: string | null | undefined): string[] {
  if (!directoryKind) return [];
  // asked for both offices of every send (direction.ts): a directory has a few distinct kinds
  const known = codesByKind.get(directoryKind);
  if (known) return known;
  if (codesByKind.size >= CODES_KEPT) codesByKind.clear();
  // frozen: every caller gets the same array
  const codes = Object.freeze(readKindCodes(directoryKind)) as string[];
  codesByKind.set(directoryKind, codes);
  return codes;
}

const CODES_KEPT = 256;
const codesByKind = new Map<string, string[]>();

function readKindCodes(directoryKind: string): string[] {
  const codes = new Set<string>();
  for (const raw of normalise(directoryKind).split(/[・、,/／|]+/)) {
    if (raw === '') continue;
    const upper = raw.toUpperCase();
    if (SERVICE_KIND_CODE.test(upper) && BY_CODE.has(upper)) codes.add(upper);
    const code = BY_NAME.get(raw) ?? BY_NAME.get(raw.replace(/(事業所|事業者)$/, ''));
    if (code) codes.add(code);
  }
  return [...codes];
}
