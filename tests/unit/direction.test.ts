// Who sends which file: the care-manager offices send the plans, the providers the 実績. Read
// from the v4 names' kind codes, else from the directory's kind of each office; never guessed.
import { describe, expect, it } from 'vitest';
import { checkSend, type AttachmentInput } from '../../src/domain/attachments';
import { checkDirections, sendsActualAsProvider } from '../../src/domain/direction';
import { FILE_KINDS, type FileKind } from '../../src/domain/filename';
import { kindCodesOf } from '../../src/domain/service-kinds';
import { parsedName } from '../support/filename';

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

describe('予定 kinds between two 居宅: no 取込 at a 居宅 (table 2.2 ⑦, 3.2 ⑥); 委託 joins 包括等 and 居宅 only', () => {
  const BETWEEN = '(居宅介護支援事業所どうしでは送れません。受け取るのはサービス事業所か、委託の相手の地域包括支援センター等です)';
  const PLAN_KINDS = ['UPPLAN', 'UPSIKYU', 'UPHOSOKU', 'DLTPLAN', 'UPKIHON', 'UPKIHON_SUB1', 'UPKIHON_SUB2', 'UPKIHON_IMAGE',
    'DLTKIHON', 'UPYOBO', 'UPYOBO_SUB', 'DLTYOBO'] as const;
  const USAGE = new Set<FileKind>(['UPPLAN', 'UPSIKYU', 'UPHOSOKU', 'DLTPLAN']);

  it.each(PLAN_KINDS)('%s from a 居宅 (43) to another 居宅 (43) is refused, saying who receives it', (kind) => {
    const file = name(kind, CM, DS, ['43', '43']);
    expect(errorsOf([file])).toEqual([
      `${file}: ${FILE_KINDS[kind].label}(${kind})は${USAGE.has(kind)
        ? '居宅介護支援事業所(地域包括支援センター等を含む)からサービス事業所へ送るファイルです'
        : '地域包括支援センター等(介護予防支援・委託先の居宅介護支援事業所)からサービス事業所へ送るファイルです'}。` +
        `送信先 ${DS}(43 居宅介護支援。ファイル名のサービス種類コードによる)へは送れません${BETWEEN}`,
    ]);
  });

  it('the reviewer\'s unit UPPLAN + UPSIKYU + UPHOSOKU 43 → 43 is refused in checkSend, file by file', () => {
    const names = ['UPPLAN', 'UPSIKYU', 'UPHOSOKU'].map((k) => `${k}_202506_1310000128_43_1310000383_43_20250601090000.CSV`);
    const csv = (n: string): AttachmentInput => ({ name: n, size: 100, head: new TextEncoder().encode('202407,131016,00') });
    const check = checkSend(names.map(csv), { sender: '1310000128' });
    expect(check.errors).toHaveLength(3);
    for (const [i, error] of check.errors.entries()) {
      expect(error).toMatch(new RegExp(`^${names[i]}: .*送信先 1310000383\\(43 居宅介護支援。ファイル名のサービス種類コードによる\\)へは送れません`));
    }
  });

  it('old-form names: two offices the directory knows as 居宅 are refused alike', () => {
    const [refused] = errorsOf([name('UPPLAN', CM, DS)], { senderKind: '居宅介護支援', destinationKind: '居宅介護支援事業所' });
    expect(refused).toContain(`送信先 ${DS}(43 居宅介護支援。事業所の登録による)へは送れません${BETWEEN}`);
  });

  it('委託 still goes both ways between 包括等 (46, AF) and 居宅 (43), and 46 → 46 passes', () => {
    for (const kinds of [['46', '43'], ['43', '46'], ['AF', '43'], ['43', 'AF'], ['46', '46']] as [string, string][]) {
      expect(errorsOf(PLAN_KINDS.map((k) => name(k, CM, DS, kinds))), kinds.join('→')).toEqual([]);
    }
  });

  it('the 第1表 kinds stay 居宅 → provider only, 実績 still goes to any care-manager office', () => {
    expect(errorsOf([name('UP1KYO', CM, DS, ['46', '43'])])).toHaveLength(1);
    expect(errorsOf([name('UPJSK', HH, CM, ['11', '43']), name('UPJSK', CM, DS, ['43', '46'])])).toEqual([]);
  });
});

describe('the sender is the office logged in: its directory kind wins over the name\'s code', () => {
  const csv = (n: string): AttachmentInput => ({ name: n, size: 100, head: new TextEncoder().encode('202407,131016,00') });

  it('a provider known from the directory sending a 予定 is refused although its v4 name carries 43', () => {
    const files = [name('UPPLAN', HH, DS, ['43', '15']), name('UPSIKYU', HH, DS, ['43', '15'])];
    const check = checkSend(files.map(csv), { sender: HH, senderKind: '訪問介護', destinationKind: '通所介護' });
    expect(check.errors).toEqual(files.map((f, i) => `${f}: ${i === 0 ? '第6表(予定)(UPPLAN)' : '第7表(UPSIKYU)'}は` +
      '居宅介護支援事業所(地域包括支援センター等を含む)からサービス事業所へ送るファイルです。' +
      `送信元 ${HH}(11 訪問介護。事業所の登録による。ファイル名のサービス種類コード 43 はこの事業所の登録にありません)からは送れません`));
  });

  it('without the directory (the check command), the name still decides', () => {
    expect(errorsOf([name('UPPLAN', HH, DS, ['43', '15'])])).toEqual([]);
    expect(errorsOf([name('UPPLAN', HH, DS, ['43', '15'])], { senderKind: 'よくわからない' })).toEqual([]);
  });

  it('an office holding a 居宅 and a provider: the name\'s code says which one sends', () => {
    const both = { senderKind: '居宅介護支援・訪問介護', destinationKind: '通所介護' };
    expect(errorsOf([name('UPPLAN', CM, DS, ['43', '15'])], both)).toEqual([]);
    expect(errorsOf([name('UPPLAN', CM, DS, ['11', '15'])], both)[0]).toContain(`送信元 ${CM}(11 訪問介護。ファイル名のサービス種類コードによる)からは送れません`);
    expect(errorsOf([name('UPJSK', CM, HH, ['11', '43'])], { ...both, destinationKind: '居宅介護支援' })).toEqual([]);
  });

  it('a provider\'s 実績 named in the spec examples\' order (43 first) still only warns', () => {
    const file = name('UPJSK', HH, CM, ['43', '11']);
    const problems = checkDirections([parsedName(file)], { senderKind: '訪問介護', destinationKind: '居宅介護支援' });
    expect(problems.map((p) => p.severity)).toEqual(['warning']);
  });
});

describe('送信前チェック applies to a provider sending its 実績 only', () => {
  const actual = parsedName(name('UPJSK', HH, CM));
  it('訪問介護 sending its own UPJSK: compared', () => {
    expect(sendsActualAsProvider(actual, { number: HH, kind: '訪問介護' })).toBe(true);
  });
  it('居宅介護支援 (also with a 実績 under its own number, or a v4 name saying 11): not compared', () => {
    expect(sendsActualAsProvider(parsedName(name('UPJSK', CM, HH)), { number: CM, kind: '居宅介護支援' })).toBe(false);
    expect(sendsActualAsProvider(parsedName(name('UPJSK', CM, HH, ['11', '43'])), { number: CM, kind: '居宅介護支援' })).toBe(false);
  });
  it('a 実績 of another office, or a file that is not a 実績: not compared', () => {
    expect(sendsActualAsProvider(actual, { number: DS, kind: '通所介護' })).toBe(false);
    expect(sendsActualAsProvider(parsedName(name('DLTJSK', HH, CM)), { number: HH, kind: '訪問介護' })).toBe(false);
  });
  it('an office holding a 居宅 and a provider, or one whose kind is unknown: compared', () => {
    expect(sendsActualAsProvider(actual, { number: HH, kind: '居宅介護支援・訪問介護' })).toBe(true);
    expect(sendsActualAsProvider(actual, { number: HH, kind: '' })).toBe(true);
  });
});
