// What a new user meets on a first send, file names and attachments: the manual's own names,
// v4 names of every kind, the slips of hand-renamed files (spaces, full-width letters, a
// doubled extension), upper-case extensions, empty files and the 10 MB edge to the byte.
import { describe, expect, it } from 'vitest';
import { MAGIC_HEAD_BYTES, categoryOf, checkAttachment, checkSend, type AttachmentInput } from '../../src/domain/attachments';
import { MAX_SEND_BYTES } from '../../src/domain/contract';
import { FILE_KINDS, type FileKind } from '../../src/domain/filename';
import { checkSendUnits, sendUnitOf } from '../../src/domain/send-unit';
import { parsedName as parsed, refusedName as refused } from '../support/filename';

const S = '3300000001';
const D = '0899999995';
const SEQ = '20230223123458';
const MANUAL = {
  plan1: 'UP1KYO_3300000001_0899999995_20230223123458.CSV',
  plan2: 'UP2KYO_3300000001_0899999995_20230223123458.CSV',
  hosoku: 'UPHOSOKU_000000_3300000001_0899999995_20230223123458.csv',
};

const head = (s: string) => new TextEncoder().encode(s).slice(0, MAGIC_HEAD_BYTES);
const csv = (name: string, size = 120): AttachmentInput => ({ name, size, head: head('202208,131016,00') });
const pdf = (name: string, size = 120): AttachmentInput => ({ name, size, head: head('%PDF-1.7\n') });
const jpeg = (name: string): AttachmentInput => ({ name, size: 120, head: new Uint8Array([0xff, 0xd8, 0xff, 0xe0, 0, 0x10]) });

describe('the manual’s own file names, exactly as printed', () => {
  it('reads each one with its kind, offices, 連番 and month', () => {
    expect(parsed(MANUAL.plan1)).toMatchObject({ kind: 'UP1KYO', sender: S, destination: D, sequence: SEQ, targetMonth: null, version: 'old' });
    expect(parsed(MANUAL.plan2)).toMatchObject({ kind: 'UP2KYO', sender: S, destination: D, sequence: SEQ, targetMonth: null });
    expect(parsed(MANUAL.hosoku)).toMatchObject({ kind: 'UPHOSOKU', sender: S, destination: D, targetMonth: '000000' });
    expect(parsed(MANUAL.hosoku).sequenceDisplay).toBe('2023/02/23 12:34:58');
  });

  it('is one whole send unit 1 (第1表 + 第2表 + 補足 000000), whatever the case of .CSV / .csv', () => {
    const names = Object.values(MANUAL);
    expect(names.map((n) => sendUnitOf(parsed(n).kind, parsed(n).targetMonth))).toEqual(['care-plan', 'care-plan', 'care-plan']);
    expect(checkSendUnits(names.map(parsed))).toEqual([]);
    const send = checkSend(names.map((n) => csv(n)), { sender: S });
    expect(send.errors).toEqual([]);
    expect(send.destination).toBe(D);
    expect(names.map(categoryOf)).toEqual(['登録', '登録', '登録']);
  });

  it('refuses the manual’s impossible time 20193310102233 in a send, naming the file', () => {
    const bad = `UP1KYO_${S}_${D}_20193310102233.CSV`;
    expect(checkSend([csv(bad)], { sender: S }).errors).toEqual([`${bad}: 連番「20193310102233」は実在する日時ではありません`]);
  });
});

describe('v4 names (a service kind after each office number) for every kind', () => {
  const MONTHS: Partial<Record<FileKind, string>> = {
    UPHOSOKU: '202504', UPPLAN: '202504', UPSIKYU: '202504', UPJSK: '202504', DLTPLAN: '202504', DLTJSK: '202504',
  };
  const v4Name = (kind: FileKind) => {
    const month = MONTHS[kind] ? `_${MONTHS[kind]}` : '';
    const tail = kind === 'UPKIHON_IMAGE' ? '_0001.jpg' : '.CSV';
    return `${kind}${month}_${S}_43_${D}_11_20250401090000${tail}`;
  };

  it.each(Object.keys(FILE_KINDS) as FileKind[])('%s', (kind) => {
    expect(parsed(v4Name(kind))).toMatchObject({
      kind, version: 'v4', sender: S, senderServiceKind: '43', destination: D, destinationServiceKind: '11',
      sequence: '20250401090000', targetMonth: MONTHS[kind] ?? null, category: kind.startsWith('DLT') ? '削除' : '登録',
    });
  });

  it('a v4 unit and an old-form unit to the same office are two units, each whole', () => {
    const v4 = ['UPPLAN', 'UPSIKYU'].map((k) => csv(v4Name(k as FileKind)));
    const old = Object.values(MANUAL).map((n) => csv(n));
    expect(checkSend([...v4, ...old], { sender: S }).errors).toEqual([]);
  });
});

describe('hand-renamed files: the error says what slipped', () => {
  it('a space before the extension or at the start (often invisible in the message)', () => {
    expect(refused(`UP1KYO_${S}_${D}_${SEQ} .CSV`)).toBe(
      `UP1KYO_${S}_${D}_${SEQ} .CSV: 連番「${SEQ} 」は14桁の数字(YYYYMMDDhhmmss)です。ファイル名に空白が含まれています`,
    );
    expect(refused(` ${MANUAL.plan1}`)).toContain('ファイル名に空白が含まれています');
    // a full-width space too
    expect(refused(`UP1KYO_${S}_${D}_${SEQ}\u3000.CSV`)).toContain('ファイル名に空白が含まれています');
  });

  it('the suffix Windows or a browser adds to a copy: still refused, and said to be the copy’s, with the name to rename it back to', () => {
    const original = `UP1KYO_${S}_${D}_${SEQ}.CSV`;
    const back = `元の名前「${original}」に戻してください`;
    for (const suffix of [' (1)', '(2)', ' - コピー', ' - コピー (2)']) {
      const name = `UP1KYO_${S}_${D}_${SEQ}${suffix}.CSV`;
      const message = refused(name);
      expect(message.startsWith(`${name}: 連番`)).toBe(true);
      expect(message).toContain(`末尾の「${suffix}」はファイルのコピー(または同じファイルの再ダウンロード)で付いたものです。${back}`);
      expect(message).not.toContain('空白');
    }
    const v4 = `UPPLAN_202504_${S}_${D}_${SEQ} - コピー.csv`;
    expect(refused(v4)).toContain(`元の名前「UPPLAN_202504_${S}_${D}_${SEQ}.csv」に戻してください`);
  });

  it('full-width letters or digits typed with the IME on', () => {
    const hint = '全角の英数字・記号が含まれています。半角で書いてください';
    expect(refused(`ＵＰ1KYO_${S}_${D}_${SEQ}.CSV`)).toBe(
      `ＵＰ1KYO_${S}_${D}_${SEQ}.CSV: ファイル種別「ＵＰ1KYO」は連携ファイルの種別ではありません(UP1KYO, UPPLAN, UPJSK など)。${hint}`,
    );
    expect(refused(`UP1KYO_３３00000001_${D}_${SEQ}.CSV`)).toContain(`送信元事業所番号「３３00000001」の形式が正しくありません`);
    expect(refused(`UP1KYO_３３00000001_${D}_${SEQ}.CSV`)).toContain(hint);
    expect(refused(`UP1KYO_${S}_${D}_２0230223123458.CSV`)).toContain(hint);
    expect(refused(`UPPLAN_２０２５０４_${S}_${D}_${SEQ}.CSV`)).toContain(hint);
  });

  it('a full-width extension: not taken for a CSV, refused as an attachment with the reason', () => {
    const name = `UP1KYO_${S}_${D}_${SEQ}.ＣＳＶ`;
    expect(categoryOf(name)).toBe('PDF等');
    expect(checkAttachment(csv(name))).toBe(
      `${name}: この種類のファイルは添付できません(添付できるのは csv, pdf, jpeg, jpg, png, gif, txt です)。拡張子が全角です。半角の .csv にしてください`,
    );
    expect(checkSend([csv(name)], { sender: S, destination: D }).errors).toHaveLength(1);
  });

  it('a doubled extension (Windows hid the first .csv)', () => {
    const name = `${MANUAL.plan1}.csv`;
    expect(refused(name)).toBe(
      `${name}: 連番「${SEQ}.CSV」は14桁の数字(YYYYMMDDhhmmss)です。拡張子が「.CSV.csv」と二重になっています`,
    );
    const send = checkSend([csv(name)], { sender: S });
    expect(send.errors).toContain(refused(name));
  });

  it('a double extension hiding an executable or a PDF', () => {
    expect(checkAttachment(pdf('第3表.pdf.exe'))).toContain('この種類のファイルは添付できません');
    expect(refused(`UP1KYO_${S}_${D}_${SEQ}.CSV.pdf`)).toContain('拡張子が「.CSV.pdf」と二重になっています');
    // a PDF whose name merely contains .csv is a PDF: not routed, no name check, sent as PDF等
    const scanned = pdf('利用票.csv.pdf');
    expect(checkAttachment(scanned)).toBeNull();
    expect(categoryOf(scanned.name)).toBe('PDF等');
    expect(checkSend([scanned], { sender: S, destination: D }).errors).toEqual([]);
    // and a CSV whose content is a PDF is refused for its content
    expect(checkAttachment({ ...pdf('資料.csv.csv') })).toContain('ファイルの内容がCSV(テキスト)ではありません');
  });

  it('a name of the right shape but a lower-case prefix asks for upper case', () => {
    expect(refused(MANUAL.plan1.toLowerCase())).toContain('ファイル種別「up1kyo」は大文字で書いてください');
  });
});

describe('upper-case extensions are the same files', () => {
  it('.PDF, .JPG, .JPEG, .CSV and .Csv are accepted with matching content', () => {
    expect(checkAttachment(pdf('第3表 週間計画.PDF'))).toBeNull();
    expect(checkAttachment(jpeg('写真.JPG'))).toBeNull();
    expect(checkAttachment(jpeg('写真.JPEG'))).toBeNull();
    expect(parsed(MANUAL.plan1.replace('.CSV', '.Csv')).kind).toBe('UP1KYO');
    expect(categoryOf('第3表.PDF')).toBe('PDF等');
    expect(parsed(`UPKIHON_IMAGE_${S}_${D}_${SEQ}_0001.JPEG`).imageNumber).toBe('0001');
  });

  it('an upper-case extension does not excuse the wrong content', () => {
    expect(checkAttachment(pdf('写真.JPG'))).toBe('写真.JPG: ファイルの内容がJPEG画像ではありません(拡張子と内容が一致しません)');
    expect(checkAttachment(jpeg('資料.PDF'))).toBe('資料.PDF: ファイルの内容がPDFではありません(拡張子と内容が一致しません)');
  });
});

describe('empty files', () => {
  it('a zero-byte file of any kind is refused, naming it', () => {
    for (const name of ['資料.pdf', '写真.jpg', 'メモ.txt', MANUAL.plan1]) {
      expect(checkAttachment({ name, size: 0, head: new Uint8Array() })).toBe(`${name}: ファイルが空です`);
    }
  });

  it('a zero-byte CSV in a send blocks it, and the unit is still judged by its name', () => {
    const empty: AttachmentInput = { name: MANUAL.plan2, size: 0, head: new Uint8Array() };
    const send = checkSend([csv(MANUAL.plan1), empty, csv(MANUAL.hosoku)], { sender: S });
    expect(send.errors).toEqual([`${MANUAL.plan2}: ファイルが空です`]);
    expect(send.destination).toBe(D);
  });
});

describe('10 MB per send, to the byte', () => {
  const to = { sender: S, destination: '3310000017' };

  it('exactly 10,485,760 bytes is allowed, in one file or spread over several', () => {
    expect(MAX_SEND_BYTES).toBe(10_485_760);
    expect(checkSend([pdf('大きな資料.pdf', 10_485_760)], to).errors).toEqual([]);
    expect(checkSend([pdf('a.pdf', 5_000_000), jpeg('b.jpg'), pdf('c.pdf', 10_485_760 - 5_000_000 - 120)], to).errors).toEqual([]);
  });

  it('one byte more is refused, and the message shows the bytes (10.0MB against 10.0MB would say nothing)', () => {
    expect(checkSend([pdf('大きな資料.pdf', 10_485_761)], to).errors).toEqual([
      '添付ファイルの合計が10,485,761バイトです。1回の送信は10.0MB(10,485,760バイト)までです',
    ]);
    expect(checkSend([pdf('a.pdf', 10_485_760), jpeg('b.jpg')], to).errors).toEqual([
      '添付ファイルの合計が10,485,880バイトです。1回の送信は10.0MB(10,485,760バイト)までです',
    ]);
  });

  it('well over the limit the megabytes say it plainly', () => {
    expect(checkSend([pdf('a.pdf', 10_551_296)], to).errors).toEqual(['添付ファイルの合計が10.1MBです。1回の送信は10.0MBまでです']);
  });
});

describe('連番 at the edges of the calendar and the day', () => {
  const plan = (sequence: string) => [`UPPLAN_202402_${S}_${D}_${sequence}.csv`, `UPSIKYU_202402_${S}_${D}_${sequence}.csv`];

  it.each([
    ['20240229120000', '29 February of a leap year'],
    ['20000229000000', '29 February 2000 (divisible by 400)'],
    ['20231231235959', 'the last second of a year'],
    ['20240101000000', 'midnight'],
  ])('%s (%s) is accepted', (sequence) => {
    expect(checkSend(plan(sequence).map((n) => csv(n)), { sender: S }).errors).toEqual([]);
  });

  it.each([
    ['20230229120000', '29 February of a common year'],
    ['21000229120000', '29 February 2100 (not a leap year)'],
    ['20240229240000', 'hour 24'],
    ['20240229236000', 'minute 60'],
    ['20240229235960', 'second 60'],
    ['20240431120000', '31 April'],
  ])('%s (%s) is refused for every file carrying it', (sequence) => {
    const errors = checkSend(plan(sequence).map((n) => csv(n)), { sender: S }).errors;
    expect(errors).toEqual(plan(sequence).map((n) => `${n}: 連番「${sequence}」は実在する日時ではありません`));
  });
});
