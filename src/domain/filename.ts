// File names carry the routing (docs/csv-spec.md "File names"):
//   old form: PREFIX[_対象年月]_送信元(10)_送信先(10)_YYYYMMDDhhmmss.CSV
//   v4 form:  PREFIX[_対象年月]_送信元(10)_種類(2)_送信先(10)_種類(2)_YYYYMMDDhhmmss.CSV
//   image:    UPKIHON_IMAGE_送信元…_YYYYMMDDhhmmss_nnnn.jpg
import { hasFullWidthAscii } from './char-width';
import type { FileCategory } from './contract';
import { formatSequence, isRealDateTime, isRealMonth } from './date';
import { SERVICE_KIND_CODE } from './service-kinds';

export type FileKind =
  | 'UP1KYO' | 'UP2KYO' | 'UP3KYO' | 'UPHOSOKU' | 'UPPLAN' | 'UPSIKYU' | 'UPJSK'
  | 'DLT1KYO' | 'DLTPLAN' | 'DLTJSK'
  | 'UPKIHON' | 'UPKIHON_SUB1' | 'UPKIHON_SUB2' | 'UPKIHON_IMAGE' | 'DLTKIHON' | 'UPYOBO' | 'UPYOBO_SUB' | 'DLTYOBO';

export interface ParsedFileName {
  name: string;
  kind: FileKind;
  /** 対象年月 / 提供年月 as YYYYMM; '000000' for a 補足 that goes with 第1/2表; null for kinds without one */
  targetMonth: string | null;
  sender: string;
  destination: string;
  /** v4 names only: the 2-character サービス種類コード after each office number (11, 2A, A1…) */
  senderServiceKind: string | null;
  destinationServiceKind: string | null;
  /** 連番 YYYYMMDDhhmmss */
  sequence: string;
  /** 2023/02/23 12:34:58 */
  sequenceDisplay: string;
  version: 'old' | 'v4';
  category: FileCategory;
  /** UPKIHON_IMAGE only: the 4-digit image number before .jpg */
  imageNumber?: string;
}

export type ParseResult = { ok: true; value: ParsedFileName } | { ok: false; error: string };

/**
 * Which kinds carry a month after the prefix. The spec gives one to UPHOSOKU (提供年月,
 * 000000 beside 第1/2/3表), UPPLAN, UPSIKYU, UPJSK, DLTPLAN and DLTJSK. It is silent on the
 * 介護予防 kinds (UPKIHON…, UPYOBO…, DLTKIHON, DLTYOBO): like 第1表 they describe a plan,
 * not a service month, so they are read without one.
 */
type MonthRule = 'none' | 'month' | 'month-or-zero';

export const FILE_KINDS: Record<FileKind, { label: string; month: MonthRule }> = {
  UP1KYO: { label: '第1表', month: 'none' },
  UP2KYO: { label: '第2表', month: 'none' },
  UP3KYO: { label: '第3表', month: 'none' },
  UPHOSOKU: { label: '利用者補足情報', month: 'month-or-zero' },
  UPPLAN: { label: '第6表(予定)', month: 'month' },
  UPSIKYU: { label: '第7表', month: 'month' },
  UPJSK: { label: '実績', month: 'month' },
  DLT1KYO: { label: '第1表の削除', month: 'none' },
  DLTPLAN: { label: '予定の削除', month: 'month' },
  DLTJSK: { label: '実績の削除', month: 'month' },
  UPKIHON: { label: '利用者基本情報', month: 'none' },
  UPKIHON_SUB1: { label: '利用者基本情報 別表1', month: 'none' },
  UPKIHON_SUB2: { label: '利用者基本情報 別表2', month: 'none' },
  UPKIHON_IMAGE: { label: '利用者基本情報 家族構成画像', month: 'none' },
  DLTKIHON: { label: '利用者基本情報の削除', month: 'none' },
  UPYOBO: { label: '介護予防サービス・支援計画書', month: 'none' },
  UPYOBO_SUB: { label: '介護予防サービス・支援計画書 別表', month: 'none' },
  DLTYOBO: { label: '介護予防サービス・支援計画書の削除', month: 'none' },
};

/** Kinds whose prefix is two '_'-separated words. */
const TWO_WORD_KINDS: ReadonlySet<string> = new Set([
  'UPKIHON_SUB1', 'UPKIHON_SUB2', 'UPKIHON_IMAGE', 'UPYOBO_SUB',
]);

export const OFFICE_NUMBER_PATTERN = /^\d{2}[0-9A]\d{7}$/;

export function isFileKind(word: string): word is FileKind {
  return Object.prototype.hasOwnProperty.call(FILE_KINDS, word);
}

export function categoryOfKind(kind: FileKind): FileCategory {
  return kind.startsWith('DLT') ? '削除' : '登録';
}

function readKind(words: string[]): { kind: FileKind; used: number } | null {
  const two = `${words[0]}_${words[1] ?? ''}`;
  if (words.length > 1 && TWO_WORD_KINDS.has(two)) return { kind: two as FileKind, used: 2 };
  const one = words[0] ?? '';
  return isFileKind(one) && !TWO_WORD_KINDS.has(one) ? { kind: one, used: 1 } : null;
}

function expectedExtensions(kind: FileKind): string[] {
  return kind === 'UPKIHON_IMAGE' ? ['jpg', 'jpeg'] : ['csv'];
}

function patternHint(kind: FileKind): string {
  const month = FILE_KINDS[kind].month === 'none' ? '' : '_対象年月(YYYYMM)';
  const tail = kind === 'UPKIHON_IMAGE' ? '_nnnn.jpg' : '.CSV';
  return `${kind}${month}_送信元事業所番号[_サービス種類]_送信先事業所番号[_サービス種類]_YYYYMMDDhhmmss${tail}`;
}

function checkOffice(label: string, value: string): string | null {
  // a 9-digit number is nearly always a 10-digit one whose leading 0 a spreadsheet dropped
  // (the spec's own body examples use 123456789, against its 10桁 rule)
  if (value.length === 9 && /^\d{9}$/.test(value)) {
    return `${label}は10桁です(「${value}」は9桁。表計算ソフトで先頭の0が消えていないか確認してください)`;
  }
  if (value.length !== 10) return `${label}は10桁です(「${value}」は${value.length}桁)`;
  if (!OFFICE_NUMBER_PATTERN.test(value)) {
    return `${label}「${value}」の形式が正しくありません(10桁の数字。3桁目のみ A も可)`;
  }
  return null;
}

function checkMonth(kind: FileKind, month: string): string | null {
  if (month === '000000') {
    return FILE_KINDS[kind].month === 'month-or-zero'
      ? null
      : `対象年月 000000 は利用者補足情報(UPHOSOKU)にだけ使えます`;
  }
  if (!/^\d{6}$/.test(month)) return `対象年月「${month}」は6桁の数字(YYYYMM)です`;
  if (!isRealMonth(month)) return `対象年月「${month}」は実在する年月ではありません`;
  return null;
}

function checkSequence(sequence: string): string | null {
  if (!/^\d{14}$/.test(sequence)) {
    return `連番「${sequence}」は14桁の数字(YYYYMMDDhhmmss)です`;
  }
  if (!isRealDateTime(sequence)) return `連番「${sequence}」は実在する日時ではありません`;
  return null;
}

/** Splits the words after the prefix into month, office part and (images) image number. */
function splitRest(kind: FileKind, rest: string[]):
  | { month: string | null; body: string[]; imageNumber?: string }
  | { error: string } {
  const rule = FILE_KINDS[kind].month;
  const isImage = kind === 'UPKIHON_IMAGE';
  const bodyLengths = isImage ? [4, 6] : [3, 5];
  if (rule === 'none') {
    if (bodyLengths.includes(rest.length)) {
      return isImage
        ? { month: null, body: rest.slice(0, -1), imageNumber: rest[rest.length - 1] }
        : { month: null, body: rest };
    }
    if (bodyLengths.includes(rest.length - 1) && /^\d{6}$/.test(rest[0] ?? '')) {
      // the spec's body 3.4 example UPKIHON_000000_… has one; its own naming rule has none
      return { error: `${kind} のファイル名には対象年月は付きません(${rest[0] === '000000' ? '000000 も付けません' : `「${rest[0]}」を取り除いてください`})` };
    }
  } else {
    if (bodyLengths.includes(rest.length - 1)) return { month: rest[0] ?? '', body: rest.slice(1) };
    if (bodyLengths.includes(rest.length) && (rest[0] ?? '').length !== 6) {
      return { error: `${kind} のファイル名には対象年月(YYYYMM)が必要です` };
    }
  }
  return { error: `ファイル名の区切り(_)の数が正しくありません(形式: ${patternHint(kind)})` };
}

/**
 * What Windows (and a browser downloading the same file twice) adds to a copy's name: 「 (1)」,
 * 「(2)」, 「 - コピー」, 「 - コピー (2)」. Checked before the space hint: the space is part of it.
 */
const COPY_SUFFIX = /(?:\s*-\s*コピー)?\s*\(\d{1,3}\)$|\s*-\s*コピー$/u;

/**
 * The slips behind most refused names, said plainly after the error: full-width letters or
 * digits (typed with the IME on), a space (often invisible in the message), and a doubled
 * extension (Windows hides the real one, so renaming adds a second .csv).
 */
function nameHint(name: string, base: string): string {
  const copy = COPY_SUFFIX.exec(base);
  if (copy) {
    const original = `${base.slice(0, copy.index)}${name.slice(base.length)}`;
    return `末尾の「${copy[0]}」はファイルのコピー(または同じファイルの再ダウンロード)で付いたものです。元の名前「${original}」に戻してください`;
  }
  if (hasFullWidthAscii(name)) return '全角の英数字・記号が含まれています。半角で書いてください';
  if (/\s/.test(name)) return 'ファイル名に空白が含まれています';
  const inner = /\.([A-Za-z]{3,4})$/.exec(base);
  if (inner) return `拡張子が「.${inner[1]}${name.slice(base.length)}」と二重になっています`;
  return '';
}

/**
 * The name's parts, or why it is refused. Remembered (frozen, so no caller can change another's
 * answer): 一括送信 asks of each name again and again, in grouping, checks and drawing, and 150
 * files would cost tens of ms of the drop.
 */
export function parseFileName(name: string): ParseResult {
  const known = parsed.get(name);
  if (known) return known;
  if (parsed.size >= PARSED_KEPT) parsed.clear();
  const result = readFileName(name);
  if (result.ok) Object.freeze(result.value);
  parsed.set(name, Object.freeze(result));
  return result;
}

const PARSED_KEPT = 4096;
const parsed = new Map<string, ParseResult>();

function refused(name: string, base: string, message: string): ParseResult {
  const hint = nameHint(name, base);
  return { ok: false, error: `${name}: ${message}${hint ? `。${hint}` : ''}` };
}

function readFileName(name: string): ParseResult {
  const dot = name.lastIndexOf('.');
  const base = dot <= 0 ? name : name.slice(0, dot);
  if (dot <= 0) return refused(name, base, '拡張子がありません(連携ファイルは .CSV です)');
  const extension = name.slice(dot + 1).toLowerCase();
  const words = base.split('_');

  const found = readKind(words);
  if (!found) {
    const word = words[0] ?? '';
    if (readKind(words.map((w) => w.toUpperCase()))) {
      return refused(name, base, `ファイル種別「${word}」は大文字で書いてください`);
    }
    return refused(name, base, `ファイル種別「${word}」は連携ファイルの種別ではありません(UP1KYO, UPPLAN, UPJSK など)`);
  }
  const { kind } = found;
  const allowed = expectedExtensions(kind);
  if (!allowed.includes(extension)) return refused(name, base, `${kind} のファイルの拡張子は .${allowed[0]} です`);

  const split = splitRest(kind, words.slice(found.used));
  if ('error' in split) return refused(name, base, split.error);
  const { month, body, imageNumber } = split;
  if (month !== null) {
    const monthError = checkMonth(kind, month);
    if (monthError) return refused(name, base, monthError);
  }
  if (imageNumber !== undefined && !/^\d{4}$/.test(imageNumber)) {
    return refused(name, base, `画像番号「${imageNumber}」は4桁の数字です`);
  }

  const version = body.length === 5 ? 'v4' : 'old';
  const [sender = '', senderServiceKind = null, destination = '', destinationServiceKind = null, sequence = ''] =
    version === 'v4' ? body : [body[0], null, body[1], null, body[2]];
  const problem =
    checkOffice('送信元事業所番号', sender) ??
    checkServiceKind('送信元', senderServiceKind) ??
    checkOffice('送信先事業所番号', destination) ??
    checkServiceKind('送信先', destinationServiceKind) ??
    checkSequence(sequence);
  if (problem) return refused(name, base, problem);

  const value: ParsedFileName = {
    name,
    kind,
    targetMonth: month,
    sender,
    destination,
    senderServiceKind,
    destinationServiceKind,
    sequence,
    sequenceDisplay: formatSequence(sequence),
    version,
    category: categoryOfKind(kind),
  };
  if (imageNumber !== undefined) value.imageNumber = imageNumber;
  return { ok: true, value };
}

/** v4.1: 「サービス種類コード（2桁）」, digits or capitals (2A, 2B, A1–A8 in the scope tables). */
function checkServiceKind(side: string, code: string | null): string | null {
  if (code === null || SERVICE_KIND_CODE.test(code)) return null;
  if (SERVICE_KIND_CODE.test(code.toUpperCase())) return `${side}のサービス種類コード「${code}」の英字は大文字で書いてください`;
  if (/^\d{3}$/.test(code)) {
    return `${side}のサービス種類コード「${code}」は2文字です(3桁のサービスコードはv4.0の形式で、v4.1で2文字のサービス種類コードに変わりました)`;
  }
  return `${side}のサービス種類コード「${code}」は2文字の英数字です(11, 2A, A1 など)`;
}

/** True when the name starts like a routed file (so a bad one is an error, not a plain attachment). */
export function looksLikeRoutedName(name: string): boolean {
  return readKind(name.replace(/\.[^.]*$/, '').split('_').map((w) => w.toUpperCase())) !== null;
}
