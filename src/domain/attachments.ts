// Attachment rules (docs/csv-spec.md "Files of a send"): allowed extensions, content matching the extension,
// 10 MB per send, and the routing checks that must pass before anything is sent.
import { MAX_SEND_BYTES, MAX_SEND_FILES, type FileCategory } from './contract';
import { fileNameProblem } from './file-name-rules';
import { OFFICE_NUMBER_PATTERN, parseFileName, type ParsedFileName } from './filename';
import { checkDirections } from './direction';
import { hasValidCheckDigit } from './office-number';
import { sendUnitProblems } from './send-unit';

/** The one error a send with no destination yet has: 新規作成 keeps it back until 送信 is pressed. */
export const DESTINATION_MISSING = '送信先事業所番号を入力してください';

export const ALLOWED_EXTENSIONS = ['csv', 'pdf', 'jpeg', 'jpg', 'png', 'gif', 'txt'] as const;
export type AllowedExtension = (typeof ALLOWED_EXTENSIONS)[number];

/** How many leading bytes of each file the checks need. */
export const MAGIC_HEAD_BYTES = 16;

export interface AttachmentInput {
  name: string;
  size: number;
  /** the first MAGIC_HEAD_BYTES bytes (fewer for a smaller file) */
  head: Uint8Array;
}

/** One problem of a send and the files it is about (none when it is about the send as a whole). */
export interface SendProblem {
  severity: 'error' | 'warning';
  files: string[];
  message: string;
}

export interface SendCheck {
  /** from the CSV names when they agree, else the typed one; null when neither is usable */
  destination: string | null;
  errors: string[];
  warnings: string[];
  /** the errors and warnings with the files each is about, so a file's row can count its own */
  problems: SendProblem[];
}

/** How many errors and warnings of a send are about one file. */
export function sendProblemCounts(check: Pick<SendCheck, 'problems'>, name: string): { errors: number; warnings: number } {
  const about = check.problems.filter((p) => p.files.includes(name));
  const errors = about.filter((p) => p.severity === 'error').length;
  return { errors, warnings: about.length - errors };
}

/** Lower-case extension without the dot; '' when the name has none. */
export function extensionOf(name: string): string {
  const dot = name.lastIndexOf('.');
  return dot <= 0 ? '' : name.slice(dot + 1).toLowerCase();
}

function isAllowed(extension: string): extension is AllowedExtension {
  return (ALLOWED_EXTENSIONS as readonly string[]).includes(extension);
}

const ascii = (text: string): number[] => [...text].map((c) => c.charCodeAt(0));

const MAGIC = {
  pdf: [ascii('%PDF-')],
  png: [[0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]],
  jpeg: [[0xff, 0xd8, 0xff]],
  gif: [ascii('GIF87a'), ascii('GIF89a')],
} as const;

/** Binary formats a text file must not start with (a renamed .exe, zip/xlsx, old Office, ELF…). */
const BINARY_MAGIC: readonly (readonly number[])[] = [
  ascii('MZ'),
  [0x50, 0x4b, 0x03, 0x04],
  [0xd0, 0xcf, 0x11, 0xe0],
  [0x7f, 0x45, 0x4c, 0x46],
  ...MAGIC.pdf, ...MAGIC.png, ...MAGIC.jpeg, ...MAGIC.gif,
];

function startsWith(head: Uint8Array, magic: readonly number[]): boolean {
  return head.length >= magic.length && magic.every((byte, i) => head[i] === byte);
}

const UTF16_BOMS = [[0xff, 0xfe], [0xfe, 0xff]];

function looksLikeText(head: Uint8Array, extension: 'csv' | 'txt'): boolean {
  if (BINARY_MAGIC.some((magic) => startsWith(head, magic))) return false;
  // A UTF-16 memo is text full of NULs; CSV files are always Shift_JIS, so only .txt gets this pass.
  if (extension === 'txt' && UTF16_BOMS.some((bom) => startsWith(head, bom))) return true;
  return !head.includes(0);
}

const FORMAT_NAMES: Record<AllowedExtension, string> = {
  csv: 'CSV(テキスト)', txt: 'テキスト', pdf: 'PDF', png: 'PNG画像', jpeg: 'JPEG画像', jpg: 'JPEG画像', gif: 'GIF画像',
};

function contentMatches(extension: AllowedExtension, head: Uint8Array): boolean {
  switch (extension) {
    case 'csv': case 'txt': return looksLikeText(head, extension);
    case 'jpg': case 'jpeg': return MAGIC.jpeg.some((m) => startsWith(head, m));
    default: return MAGIC[extension].some((m) => startsWith(head, m));
  }
}

/** The refusal of a file whose content is not what its extension says (a PNG renamed .csv). */
const mismatchText = (extension: AllowedExtension) => `ファイルの内容が${FORMAT_NAMES[extension]}ではありません(拡張子と内容が一致しません)`;

function mismatchMessage(name: string, extension: AllowedExtension): string {
  return `${name}: ${mismatchText(extension)}`;
}

/**
 * The same refusal for a CSV's content, in the words checkAttachment uses (without the file
 * name): the CSV check stops there, one error rather than a flood of garbled rows.
 */
export function csvNotText(bytes: Uint8Array): string | null {
  return looksLikeText(bytes.subarray(0, MAGIC_HEAD_BYTES), 'csv') ? null : mismatchText('csv');
}

/** One file on its own: name, extension, emptiness, content against extension. Japanese error or null. */
export function checkAttachment(file: AttachmentInput): string | null {
  const unsafe = fileNameProblem(file.name);
  if (unsafe) return unsafe;
  const extension = extensionOf(file.name);
  if (!isAllowed(extension)) {
    const halfWidth = extension.normalize('NFKC').toLowerCase();
    const hint = halfWidth !== extension && isAllowed(halfWidth) ? `。拡張子が全角です。半角の .${halfWidth} にしてください` : '';
    return `${file.name}: この種類のファイルは添付できません(添付できるのは ${ALLOWED_EXTENSIONS.join(', ')} です)${hint}`;
  }
  if (file.size === 0) return `${file.name}: ファイルが空です`;
  if (!contentMatches(extension, file.head)) return mismatchMessage(file.name, extension);
  return null;
}

/** True for the files whose names carry the routing: every CSV, and the 介護予防 images. */
export function isRoutedName(name: string): boolean {
  return extensionOf(name) === 'csv' || /^UPKIHON_IMAGE_/i.test(name);
}

/** 登録 (UP*), 削除 (DLT*), or PDF等 for anything that is not a routed file. */
export function categoryOf(name: string): FileCategory {
  if (!isRoutedName(name)) return 'PDF等';
  const parsed = parseFileName(name);
  return parsed.ok ? parsed.value.category : 'PDF等';
}

/** What a file's name makes it, for the 種別 columns: a CSV (or image) whose name does not parse is no 登録 or PDF等. */
export const NONSTANDARD_NAME = '標準外の名前';
/** A file of a kind that cannot be attached (.HEIC, .docx): it is no PDF等 either. */
export const NOT_ATTACHABLE = '添付不可';

export function kindLabelOf(name: string): FileCategory | typeof NONSTANDARD_NAME | typeof NOT_ATTACHABLE {
  if (!isAllowed(extensionOf(name))) return NOT_ATTACHABLE;
  return isRoutedName(name) && !parseFileName(name).ok ? NONSTANDARD_NAME : categoryOf(name);
}

function formatMegabytes(bytes: number): string {
  return `${(bytes / (1024 * 1024)).toFixed(1)}MB`;
}

function tooLargeMessage(total: number): string {
  const limit = formatMegabytes(MAX_SEND_BYTES);
  // just over the limit, 10.0MB against 10.0MB would read as no problem at all: show the bytes
  if (formatMegabytes(total) === limit) {
    const bytes = (n: number) => `${n.toLocaleString('en-US')}バイト`;
    return `添付ファイルの合計が${bytes(total)}です。1回の送信は${limit}(${bytes(MAX_SEND_BYTES)})までです`;
  }
  return `添付ファイルの合計が${formatMegabytes(total)}です。1回の送信は${limit}までです`;
}

function distinct(values: readonly string[]): string[] {
  return [...new Set(values)];
}

export interface SendContext {
  /** the office logged in (送信元); null before the 事業所ユーザログイン */
  sender: string | null;
  /** the typed destination, for sends without routed files */
  destination?: string;
  /**
   * The directory's kinds of the two offices (e.g. 居宅介護支援, 訪問介護), for the direction
   * rule on old-form names, which carry no サービス種類コード (direction.ts). Unknown: no rule.
   */
  senderKind?: string | null;
  destinationKind?: string | null;
}

/** Japanese reason when a send has more files than one send may carry, else null. */
export function tooManyFiles(count: number): string | null {
  return count > MAX_SEND_FILES ? `1回の送信で添付できるファイルは${MAX_SEND_FILES}個までです(${count}個あります)。送信を分けてください` : null;
}

/** Everything that must hold before a send leaves: errors block it, warnings are shown. */
export function checkSend(files: readonly AttachmentInput[], ctx: SendContext): SendCheck {
  const problems: SendProblem[] = [];
  const add = (severity: SendProblem['severity'], message: string, files: string[] = []) => problems.push({ severity, files, message });
  const error = (message: string, files: string[] = []) => add('error', message, files);
  const typed = ctx.destination?.trim() || null;

  if (files.length === 0) error('送信するファイルがありません。ファイルを添付してください');
  const tooMany = tooManyFiles(files.length);
  if (tooMany) error(tooMany);
  for (const file of files) {
    const problem = checkAttachment(file);
    if (problem) error(problem, [file.name]);
  }
  const names = files.map((f) => f.name);
  for (const name of distinct(names.filter((n, i) => names.indexOf(n) !== i))) {
    error(`${name}: 同じ名前のファイルが複数あります`, [name]);
  }
  const total = files.reduce((sum, f) => sum + f.size, 0);
  if (total > MAX_SEND_BYTES) error(tooLargeMessage(total));

  const parsed: ParsedFileName[] = [];
  let unreadableNames = 0;
  // A name given twice is already an error above; parse it once so units are not doubled.
  for (const name of distinct(names.filter(isRoutedName))) {
    const result = parseFileName(name);
    if (result.ok) parsed.push(result.value);
    else {
      error(result.error, [name]);
      unreadableNames++;
    }
  }

  const parsedNames = parsed.map((p) => p.name);
  const senders = distinct(parsed.map((p) => p.sender));
  if (!ctx.sender && senders.length > 1) {
    error(`ファイルごとに送信元事業所番号が異なります: ${senders.join('、')}`, parsedNames);
  }
  for (const sender of senders) {
    if (ctx.sender && sender !== ctx.sender) {
      const which = parsed.filter((p) => p.sender === sender).map((p) => p.name);
      error(`${which.join('、')}: 送信元事業所番号 ${sender} がログイン中の事業所 ${ctx.sender} と一致しません`, which);
    }
  }
  const fromNames = distinct(parsed.map((p) => p.destination));
  if (fromNames.length > 1) {
    const detail = fromNames
      .map((d) => `${d}(${parsed.filter((p) => p.destination === d).map((p) => p.name).join('、')})`)
      .join(' / ');
    error(`ファイルごとに送信先事業所番号が異なります: ${detail}。1回の送信は1つの送信先にしてください`, parsedNames);
  }
  const named = fromNames.length === 1 ? fromNames[0]! : null;
  if (named && typed && typed !== named) {
    error(`入力された送信先事業所番号 ${typed} がファイル名の送信先 ${named} と一致しません`, parsedNames);
  }
  if (typed && !OFFICE_NUMBER_PATTERN.test(typed)) {
    error(`送信先事業所番号「${typed}」は10桁で入力してください`);
  }
  const destination = named ?? (typed && OFFICE_NUMBER_PATTERN.test(typed) ? typed : null);
  // a name that could not be read carries the destination once it is corrected: asking to
  // type one as well would send the user the wrong way
  if (!destination && fromNames.length <= 1 && !typed && unreadableNames === 0) {
    error(DESTINATION_MISSING);
  }
  if (destination && ctx.sender && destination === ctx.sender) {
    error(`送信先事業所番号 ${destination} は自事業所です。自事業所には送信できません`, parsedNames);
  }

  for (const problem of sendUnitProblems(parsed)) add(problem.severity, problem.message, problem.files);
  for (const problem of checkDirections(parsed, { senderKind: ctx.senderKind, destinationKind: ctx.destinationKind })) {
    add(problem.severity, problem.message, [problem.file]);
  }

  const numbers = distinct([...parsed.flatMap((p) => [p.sender, p.destination]), ...(destination ? [destination] : [])]);
  for (const number of numbers) {
    if (OFFICE_NUMBER_PATTERN.test(number) && !hasValidCheckDigit(number)) {
      const naming = parsed.filter((p) => p.sender === number || p.destination === number).map((p) => p.name);
      add('warning', `事業所番号 ${number} のチェックデジットが一致しません。番号に誤りがないか確認してください`, naming);
    }
  }
  const messages = (severity: SendProblem['severity']) => problems.filter((p) => p.severity === severity).map((p) => p.message);
  return { destination, errors: messages('error'), warnings: messages('warning'), problems };
}
