// Who sends which file: the care-manager offices send the plans, the providers the 実績. Read
// from the v4 names' kind codes, else from the directory's kind of each office; never guessed.
import { describe, expect, it } from 'vitest';
import { checkSend, type AttachmentInput } from '../../src/domain/attachments';
import { checkDirections } from '../../src/domain/direction';
import { FILE_KINDS, type FileKind } from '../../src/domain/filename';
import { kindCodesOf } from '../../src/domain/service-kinds';
import { parsedName } from './filename-helpers';

const CM = '3300000001';
const HH = '3310000017';
const DS = '3310000025';
const SEQ = '20250401090000';
const MONTHS: Partial<Record<FileKind, string>> = { UPHOSOKU: '202504', UPPLAN: '202504', UPSIKYU: '202504', UPJSK: '202504', DLTPLAN: '202504', DLTJSK: '202504' };

function name(kind: FileKind, from: string, to: string, kinds?: [string, string]): string {
  const month = MONTHS[kind] ? `_${MONTHS[kind]}` : '';
  const offices = kinds ? `${from}_${kinds[0]}_${to}_${kinds[1]}` : `${from}_${to}`;
  return `${kind}${month}_${offices}_${SEQ}${kind === 'UPKIHON_IMAGE' ? '_0001.jpg' : '.CSV'}`;
}
const errorsOf = (names: string[], offices = {}) =>
  checkDirections(names.map(parsedName), offices).filter((p) => p.severity === 'error').map((p) => p.message);

const CARE_MANAGER_KINDS = (Object.keys(FILE_KINDS) as FileKind[]).filter((k) => k !== 'UPJSK' && k !== 'DLTJSK');

describe('v4 names: the kind codes in the name decide', () => {
  it.each(CARE_MANAGER_KINDS)('%s: 居宅 (43) → 訪問介護 (11) passes, 訪問介護 → 居宅 is refused naming who sends it', (kind) => {
    expect(errorsOf([name(kind, CM, HH, ['43', '11'])])).toEqual([]);
    const [refused] = errorsOf([name(kind, HH, CM, ['11', '43'])]);
    expect(refused).toContain(`${FILE_KINDS[kind].label}(${kind})は`);
    expect(refused).toMatch(/居宅介護支援事業所|地域包括支援センター等/);
    expect(refused).toContain(`送信元 ${HH}(11 訪問介護。ファイル名のサービス種類コードによる)からは送れません`);
  });

  it.each(['UPJSK', 'DLTJSK'] as const)('%s: provider → 居宅 passes, 居宅 → provider is refused', (kind) => {
    expect(errorsOf([name(kind, HH, CM, ['11', '43'])])).toEqual([]);
    // codes that fit neither order: provider to provider
    expect(errorsOf([name(kind, DS, HH, ['15', '11'])])[0]).toContain(
      'サービス事業所から居宅介護支援事業所(地域包括支援センター等を含む)へ送るファイルです。送信先 3310000017(11 訪問介護');
    // 43 then 11 is the order of the spec's own examples: the directory decides, when it knows the offices
    const swapped = name(kind, CM, HH, ['43', '11']);
    expect(errorsOf([swapped])).toEqual([]);
    expect(errorsOf([swapped], { senderKind: '居宅介護支援', destinationKind: '訪問介護' })[0]).toContain(`送信先 ${HH}(11 訪問介護。事業所の登録による)へは送れません`);
    expect(errorsOf([swapped], { senderKind: '訪問介護', destinationKind: '居宅介護支援' })).toEqual([]);
  });

  it('the plan of 介護給付 goes to a provider, not to another care-manager office', () => {
    expect(errorsOf([name('UP1KYO', CM, DS, ['43', '43'])])[0]).toContain('送信先 3310000025(43 居宅介護支援。ファイル名のサービス種類コードによる)へは送れません');
  });

  it('介護予防 with 委託: 地域包括 (46) and 居宅 (43) exchange plans, 利用票 and 実績 both ways', () => {
    for (const kind of ['UPKIHON', 'UPYOBO', 'UPHOSOKU', 'UPSIKYU', 'UPPLAN'] as const) {
      expect(errorsOf([name(kind, CM, DS, ['46', '43']), name(kind, CM, DS, ['43', '46'])]), kind).toEqual([]);
    }
    expect(errorsOf([name('UPJSK', CM, DS, ['43', '46'])])).toEqual([]);
    // the 予防 provider (A1 訪問型サービス) sends the 実績 to the 包括
    expect(errorsOf([name('UPJSK', HH, CM, ['A1', '46'])])).toEqual([]);
  });

  it('the spec\'s own UPJSK / DLTJSK examples keep 43 first: a warning, never a refusal', () => {
    const examples = ['UPJSK_201912_0300000005_43_0300000100_11_20191025200201.CSV', 'DLTJSK_201912_0300000005_43_0300000100_11_20191025200201.CSV'];
    const problems = checkDirections(examples.map(parsedName));
    expect(problems.map((p) => p.severity)).toEqual(['warning', 'warning']);
    expect(problems[0]!.message).toContain('仕様書の実績の記載例と同じ並び');
  });

  it('out-of-scope or unknown kind codes in a name warn', () => {
    const problems = checkDirections([parsedName(name('UP1KYO', CM, HH, ['43', '33'])), parsedName(name('UP1KYO', CM, HH, ['43', 'Z9']))]);
    expect(problems.map((p) => [p.severity, p.message.includes('対象外') || p.message.includes('ありません')])).toEqual([['warning', true], ['warning', true]]);
  });
});

describe('old-form names: the directory tells the kind of each office', () => {
  it('a provider addressing a 第6表 to a 居宅 is refused (the issue\'s case); unknown kinds decide nothing', () => {
    const files = [name('UPPLAN', HH, CM), name('UPSIKYU', HH, CM)];
    expect(errorsOf(files, { senderKind: '訪問介護', destinationKind: '居宅介護支援' })).toHaveLength(2);
    expect(errorsOf(files, {})).toEqual([]);
    expect(errorsOf(files, { senderKind: '', destinationKind: 'よくわからない' })).toEqual([]);
  });

  it('an office number holding a 居宅 and a provider at once may send either', () => {
    expect(errorsOf([name('UP1KYO', CM, HH)], { senderKind: '居宅介護支援・訪問介護', destinationKind: '訪問介護' })).toEqual([]);
    expect(errorsOf([name('UPJSK', CM, HH)], { senderKind: '居宅介護支援・訪問介護', destinationKind: '居宅介護支援' })).toEqual([]);
  });

  it('reads kinds as the directory writes them: names, codes, 事業所 suffix, 地域包括支援センター', () => {
    expect(kindCodesOf('居宅介護支援')).toEqual(['43']);
    expect(kindCodesOf('訪問介護事業所')).toEqual(['11']);
    expect(kindCodesOf('通所介護／訪問看護')).toEqual(['15', '13']);
    expect(kindCodesOf('地域包括支援センター')).toEqual(['46']);
    expect(kindCodesOf('2a')).toEqual(['2A']);
    expect(kindCodesOf('')).toEqual([]);
  });
});

describe('checkSend applies it, as 新規作成, 一括送信 and the relay do', () => {
  const csv = (n: string): AttachmentInput => ({ name: n, size: 100, head: new TextEncoder().encode('202407,131016,00') });

  it('refuses a provider sending a plan to a 居宅, saying who sends it', () => {
    const check = checkSend([csv(name('UPPLAN', HH, CM)), csv(name('UPSIKYU', HH, CM))], {
      sender: HH, senderKind: '訪問介護', destinationKind: '居宅介護支援',
    });
    expect(check.errors).toEqual([
      `${name('UPPLAN', HH, CM)}: 第6表(予定)(UPPLAN)は居宅介護支援事業所(地域包括支援センター等を含む)からサービス事業所へ送るファイルです。送信元 ${HH}(11 訪問介護。事業所の登録による)からは送れません`,
      `${name('UPSIKYU', HH, CM)}: 第7表(UPSIKYU)は居宅介護支援事業所(地域包括支援センター等を含む)からサービス事業所へ送るファイルです。送信元 ${HH}(11 訪問介護。事業所の登録による)からは送れません`,
    ]);
  });

  it('lets the 実績 go from the provider to the 居宅', () => {
    expect(checkSend([csv(name('UPJSK', HH, CM))], { sender: HH, senderKind: '訪問介護', destinationKind: '居宅介護支援' }).errors).toEqual([]);
  });
});
