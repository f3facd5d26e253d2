import { describe, expect, it } from 'vitest';
import {
  ALLOWED_EXTENSIONS, MAGIC_HEAD_BYTES, categoryOf, checkAttachment, checkSend, extensionOf, kindLabelOf, sendProblemCounts,
  type AttachmentInput,
} from '../../src/domain/attachments';
import { MAX_SEND_BYTES } from '../../src/domain/contract';

const S = '3300000001';
const D = '0899999995';
const SEQ = '20230223123458';

const bytes = (...values: number[]) => new Uint8Array(values);
const text = (s: string) => new TextEncoder().encode(s).slice(0, MAGIC_HEAD_BYTES);
const csv = (name: string, size = 100): AttachmentInput => ({ name, size, head: text('201910,131003,00') });
const pdf = (name: string, size = 100): AttachmentInput => ({ name, size, head: text('%PDF-1.7\n%âãÏÓ') });

const manualSend = [
  csv(`UP1KYO_${S}_${D}_${SEQ}.CSV`),
  csv(`UP2KYO_${S}_${D}_${SEQ}.CSV`),
  csv(`UPHOSOKU_000000_${S}_${D}_${SEQ}.csv`),
];

describe('extensionOf / categoryOf', () => {
  it('lower-cases the extension', () => {
    expect(extensionOf('a.CSV')).toBe('csv');
    expect(extensionOf('archive.tar.GZ')).toBe('gz');
    expect(extensionOf('noext')).toBe('');
    expect(extensionOf('.hidden')).toBe('');
    expect(ALLOWED_EXTENSIONS).toEqual(['csv', 'pdf', 'jpeg', 'jpg', 'png', 'gif', 'txt']);
  });

  it('sorts routed files into 登録 / 削除 and the rest into PDF等', () => {
    expect(categoryOf(`UP1KYO_${S}_${D}_${SEQ}.CSV`)).toBe('登録');
    expect(categoryOf(`DLTPLAN_202302_${S}_${D}_${SEQ}.csv`)).toBe('削除');
    expect(categoryOf(`UPKIHON_IMAGE_${S}_${D}_${SEQ}_0001.jpg`)).toBe('登録');
    expect(categoryOf('第3表.pdf')).toBe('PDF等');
    expect(categoryOf('写真.jpg')).toBe('PDF等');
    expect(categoryOf('bad.csv')).toBe('PDF等');
  });
});

describe('checkAttachment', () => {
  it('accepts each allowed type with matching content', () => {
    expect(checkAttachment(pdf('a.pdf'))).toBeNull();
    expect(checkAttachment({ name: 'a.PNG', size: 9, head: bytes(0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0) })).toBeNull();
    expect(checkAttachment({ name: 'a.jpg', size: 9, head: bytes(0xff, 0xd8, 0xff, 0xe0) })).toBeNull();
    expect(checkAttachment({ name: 'a.jpeg', size: 9, head: bytes(0xff, 0xd8, 0xff, 0xdb) })).toBeNull();
    expect(checkAttachment({ name: 'a.gif', size: 9, head: text('GIF87a..') })).toBeNull();
    expect(checkAttachment({ name: 'b.gif', size: 9, head: text('GIF89a..') })).toBeNull();
    expect(checkAttachment({ name: 'memo.txt', size: 9, head: bytes(0x82, 0xa0, 0x0d, 0x0a) })).toBeNull();
    expect(checkAttachment({ name: 'utf16.txt', size: 9, head: bytes(0xff, 0xfe, 0x42, 0x30) })).toBeNull();
    expect(checkAttachment(csv('x.csv'))).toBeNull();
  });

  it('refuses an extension that is not allowed', () => {
    expect(checkAttachment({ name: 'tool.exe', size: 9, head: text('MZ') })).toBe(
      'tool.exe: この種類のファイルは添付できません(添付できるのは csv, pdf, jpeg, jpg, png, gif, txt です)',
    );
    expect(checkAttachment({ name: 'plan.xlsx', size: 9, head: bytes(0x50, 0x4b, 3, 4) })).toContain('添付できません');
    expect(checkAttachment({ name: 'noext', size: 9, head: text('abc') })).toContain('添付できません');
  });

  it('refuses an .exe renamed .pdf', () => {
    expect(checkAttachment({ name: '第3表.pdf', size: 9, head: bytes(0x4d, 0x5a, 0x90, 0x00, 0x03) })).toBe(
      '第3表.pdf: ファイルの内容がPDFではありません(拡張子と内容が一致しません)',
    );
  });

  it('refuses binaries renamed .csv or .txt', () => {
    expect(checkAttachment({ name: 'a.csv', size: 9, head: text('MZ this is not') })).toContain('CSV(テキスト)ではありません');
    expect(checkAttachment({ name: 'a.txt', size: 9, head: bytes(0x50, 0x4b, 3, 4) })).toContain('テキストではありません');
    expect(checkAttachment({ name: 'a.csv', size: 9, head: bytes(0x32, 0x30, 0x00, 0x31) })).toContain('一致しません');
    expect(checkAttachment({ name: 'a.csv', size: 9, head: text('%PDF-1.4') })).toContain('一致しません');
    expect(checkAttachment({ name: 'a.csv', size: 9, head: bytes(0xff, 0xfe, 0x32, 0) })).toContain('一致しません');
  });

  it('refuses mismatched images', () => {
    expect(checkAttachment({ name: 'a.png', size: 9, head: bytes(0xff, 0xd8, 0xff) })).toContain('PNG画像ではありません');
    expect(checkAttachment({ name: 'a.jpg', size: 9, head: text('GIF89a') })).toContain('JPEG画像ではありません');
    expect(checkAttachment({ name: 'a.gif', size: 9, head: text('GIF90a') })).toContain('GIF画像ではありません');
    expect(checkAttachment({ name: 'a.pdf', size: 3, head: text('%PD') })).toContain('PDFではありません');
  });

  it('refuses an empty file', () => {
    expect(checkAttachment({ name: 'a.pdf', size: 0, head: bytes() })).toBe('a.pdf: ファイルが空です');
  });
});

describe('checkSend', () => {
  it('accepts the manual’s send and takes the destination from the names', () => {
    const result = checkSend(manualSend, { sender: S });
    expect(result.errors).toEqual([]);
    expect(result.destination).toBe(D);
    // 0899999995 is the manual's sample: its check digit is wrong, which only warns
    expect(result.warnings).toEqual([
      '事業所番号 0899999995 のチェックデジットが一致しません。番号に誤りがないか確認してください',
    ]);
  });

  it('accepts a typed destination that matches the names, and PDFs beside the CSVs', () => {
    const result = checkSend([...manualSend, pdf('第3表.pdf')], { sender: S, destination: ` ${D} ` });
    expect(result.errors).toEqual([]);
    expect(result.destination).toBe(D);
  });

  it('allows a send of PDFs only when a destination is typed', () => {
    const typed = checkSend([pdf('資料.pdf')], { sender: S, destination: '3310000017' });
    expect(typed).toEqual({ destination: '3310000017', errors: [], warnings: [], problems: [] });
    const missing = checkSend([pdf('資料.pdf')], { sender: S });
    expect(missing.destination).toBeNull();
    expect(missing.errors).toEqual(['送信先事業所番号を入力してください']);
    expect(checkSend([pdf('資料.pdf')], { sender: S, destination: '123' }).errors).toEqual([
      '送信先事業所番号「123」は10桁で入力してください',
    ]);
  });

  it('refuses an empty send', () => {
    const result = checkSend([], { sender: S, destination: '3310000017' });
    expect(result.errors).toEqual(['送信するファイルがありません。ファイルを添付してください']);
  });

  it('refuses more than 10 MB over all files', () => {
    const half = MAX_SEND_BYTES / 2;
    expect(checkSend([pdf('a.pdf', half), pdf('b.pdf', half)], { sender: S, destination: '3310000017' }).errors).toEqual([]);
    const result = checkSend([pdf('a.pdf', half), pdf('b.pdf', half + 1)], { sender: S, destination: '3310000017' });
    // one byte over: 10.0MB against 10.0MB would read as no problem, so the bytes are shown
    expect(result.errors).toEqual(['添付ファイルの合計が10,485,761バイトです。1回の送信は10.0MB(10,485,760バイト)までです']);
    const big = checkSend([pdf('a.pdf', 12 * 1024 * 1024)], { sender: S, destination: '3310000017' });
    expect(big.errors[0]).toBe('添付ファイルの合計が12.0MBです。1回の送信は10.0MBまでです');
  });

  it('refuses CSVs that disagree on the destination', () => {
    const result = checkSend(
      [csv(`UP1KYO_${S}_${D}_${SEQ}.CSV`), csv(`UP2KYO_${S}_3310000017_${SEQ}.CSV`)],
      { sender: S },
    );
    expect(result.destination).toBeNull();
    expect(result.errors).toContain(
      `ファイルごとに送信先事業所番号が異なります: ${D}(UP1KYO_${S}_${D}_${SEQ}.CSV) / 3310000017(UP2KYO_${S}_3310000017_${SEQ}.CSV)。1回の送信は1つの送信先にしてください`,
    );
  });

  it('refuses a typed destination that differs from the names', () => {
    const result = checkSend(manualSend, { sender: S, destination: '3310000017' });
    expect(result.destination).toBe(D);
    expect(result.errors).toEqual([`入力された送信先事業所番号 3310000017 がファイル名の送信先 ${D} と一致しません`]);
  });

  it('refuses a sender other than the logged-in office', () => {
    const result = checkSend(manualSend, { sender: '3310000017' });
    expect(result.errors).toHaveLength(1);
    expect(result.errors[0]).toContain(`送信元事業所番号 ${S} がログイン中の事業所 3310000017 と一致しません`);
  });

  it('refuses sending to oneself', () => {
    const result = checkSend([pdf('a.pdf')], { sender: S, destination: S });
    expect(result.errors).toEqual([`送信先事業所番号 ${S} は自事業所です。自事業所には送信できません`]);
  });

  it('reports bad names and bad content, each naming the file', () => {
    const result = checkSend(
      [csv(`UP1KYO_${S}_${D}_20193310102233.CSV`), { name: '第3表.pdf', size: 10, head: text('MZ') }],
      { sender: S },
    );
    expect(result.errors).toContain(`UP1KYO_${S}_${D}_20193310102233.CSV: 連番「20193310102233」は実在する日時ではありません`);
    expect(result.errors).toContain('第3表.pdf: ファイルの内容がPDFではありません(拡張子と内容が一致しません)');
  });

  it('refuses a CSV whose name is not a routed name', () => {
    const result = checkSend([csv('利用者一覧.csv')], { sender: S, destination: '3310000017' });
    expect(result.errors).toEqual(['利用者一覧.csv: ファイル種別「利用者一覧」は連携ファイルの種別ではありません(UP1KYO, UPPLAN, UPJSK など)']);
  });

  it('refuses the same file name twice', () => {
    const name = `UPJSK_202302_${S}_${D}_${SEQ}.csv`;
    expect(checkSend([csv(name), csv(name)], { sender: S }).errors).toEqual([`${name}: 同じ名前のファイルが複数あります`]);
  });

  it('refuses mixed 連番 and incomplete units', () => {
    const result = checkSend(
      [csv(`UP1KYO_${S}_${D}_${SEQ}.CSV`), csv(`UP2KYO_${S}_${D}_20230223123459.CSV`)],
      { sender: S },
    );
    expect(result.errors).toHaveLength(1);
    expect(result.errors[0]).toContain(`UP2KYO_${S}_${D}_20230223123459.CSV: 同じ送信単位(連番 2023/02/23 12:34:59)に第1表(UP1KYO)がありません`);
    expect(result.errors[0]).toContain('連番 2023/02/23 12:34:58');
  });

  it('reads v4 names in a send', () => {
    const result = checkSend(
      [csv(`UPPLAN_202504_${S}_43_3310000017_11_20250401090000.csv`), csv(`UPSIKYU_202504_${S}_43_3310000017_11_20250401090000.csv`),
        csv(`UPHOSOKU_202504_${S}_43_3310000017_11_20250401090000.csv`)],
      { sender: S },
    );
    expect(result).toEqual({ destination: '3310000017', errors: [], warnings: [], problems: [] });
  });

  it('without a logged-in office, still refuses CSVs from different senders', () => {
    const result = checkSend(
      [csv(`UPJSK_202302_${S}_${D}_${SEQ}.csv`), csv(`UPJSK_202303_3310000017_${D}_${SEQ}.csv`)],
      { sender: null },
    );
    expect(result.errors).toEqual([`ファイルごとに送信元事業所番号が異なります: ${S}、3310000017`]);
  });
});

describe('what a send check says about each file (新規作成\'s 検査結果)', () => {
  const H = '3310000017';
  const plan = `UPPLAN_202504_${S}_43_${H}_11_20250401090000.csv`;
  const nineDigits = `UPPLAN_202504_330000001_43_${H}_11_20250401103000.CSV`;

  it('counts a refused name, a missing 第7表 and an empty file against the file they are about', () => {
    const files = [csv('plan_april.csv'), csv(nineDigits), csv(plan), { ...csv(`UPJSK_202504_${S}_43_${H}_11_20250401140000.CSV`), size: 0 }];
    const result = checkSend(files, { sender: S });
    expect(sendProblemCounts(result, 'plan_april.csv')).toEqual({ errors: 1, warnings: 0 });
    expect(sendProblemCounts(result, nineDigits)).toEqual({ errors: 1, warnings: 0 });
    expect(sendProblemCounts(result, plan).errors).toBeGreaterThanOrEqual(1);
    expect(result.problems.find((p) => p.files.includes(plan))!.message).toContain('第7表(UPSIKYU)がありません');
    expect(sendProblemCounts(result, `UPJSK_202504_${S}_43_${H}_11_20250401140000.CSV`).errors).toBeGreaterThanOrEqual(1);
    // the same messages, in the same order, as the list the screen shows
    expect(result.problems.filter((p) => p.severity === 'error').map((p) => p.message)).toEqual(result.errors);
  });

  it('files a check digit warning under the files that carry the number', () => {
    const result = checkSend([csv(`UPJSK_202302_${S}_${D.slice(0, 9)}4_${SEQ}.csv`)], { sender: S });
    expect(result.warnings.join()).toContain('チェックデジット');
    expect(sendProblemCounts(result, `UPJSK_202302_${S}_${D.slice(0, 9)}4_${SEQ}.csv`).warnings).toBe(1);
  });

  it('names a CSV whose name cannot be read as such, not 登録 nor PDF等', () => {
    expect(kindLabelOf('plan_april.csv')).toBe('標準外の名前');
    expect(kindLabelOf(nineDigits)).toBe('標準外の名前');
    expect(kindLabelOf(plan)).toBe('登録');
    expect(kindLabelOf('第3表.pdf')).toBe('PDF等');
    // a file that cannot be attached at all is not labelled PDF等 (it is refused)
    expect(kindLabelOf('写真.HEIC')).toBe('添付不可');
    expect(kindLabelOf('メモ.docx')).toBe('添付不可');
    expect(kindLabelOf('予定.ｃｓｖ')).toBe('添付不可');
  });
});
