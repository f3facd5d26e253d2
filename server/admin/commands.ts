// The admin CLI's commands (`npm run admin -- <command>`, entry server/admin.ts) on an open store:
// what they print goes to `io`, and the exit code is returned, so they also run in-process.
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import Papa from 'papaparse';
import { officeNumberSchema, officeUserIdSchema, type Office } from '../../src/domain/contract';
import { halfWidthAscii } from '../../src/domain/office-number';
import type { Store } from '../db';
import { AccountUsageError, adminPasswordHash, runAccountCommand } from './accounts';

export interface AdminIo {
  out(line: string): void;
  err(line: string): void;
}

export const USAGE = `使い方: npm run admin -- <command>
  add-office <number> <name> [--kind 種別]
  import-offices <file.csv>            (1行に number,name,kind。UTF-8 または Shift_JIS)
  remove-office <number>
  list-offices
  add-user <userId> <name> --password P --office N [--office N2 ...]
  add-office-user <KJ…> --password P --office N     (既存のIDなら移動・パスワード変更)
  reset-password <userId または KJ…> --password P   (その人・事業所ユーザのログインはすべて終了)
  remove-user <userId>
  remove-office-user <KJ…>
  unlink <userId> --office N                      (その事業所へのログインは終了)
  list-users
  audit [--limit N]
  copy-to-postgres <postgres://…> [--without-sessions]  (DATA_DIR を空の PostgreSQL へ写して検証)
環境変数 DATA_DIR でデータフォルダを指定します(既定 ./data)。DATABASE_URL があれば PostgreSQL を使います。`;

class UsageError extends Error {}

function need<T>(value: T | undefined, what: string): T {
  if (value === undefined || value === '') throw new UsageError(`${what} を指定してください`);
  return value;
}

function officeUserId(value: string | undefined): string {
  const parsed = officeUserIdSchema.safeParse(need(value, '事業所ユーザID'));
  if (!parsed.success) throw new UsageError(parsed.error.issues[0]?.message ?? '事業所ユーザIDが正しくありません');
  return parsed.data;
}

function officeNumber(value: string | undefined): string {
  const parsed = officeNumberSchema.safeParse(need(value, '事業所番号'));
  if (!parsed.success) throw new UsageError(`${value}: ${parsed.error.issues[0]?.message}`);
  return parsed.data;
}

async function requireOffices(store: Store, numbers: readonly string[]): Promise<void> {
  for (const n of numbers) if (!(await store.offices.get(n))) throw new UsageError(`事業所 ${n} は登録されていません`);
}

function decodeText(bytes: Uint8Array): string {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes).replace(/^\uFEFF/, '');
  } catch {
    return new TextDecoder('shift_jis').decode(bytes);
  }
}

async function importOffices(store: Store, file: string, io: AdminIo): Promise<void> {
  const rows = Papa.parse<string[]>(decodeText(readFileSync(file)), { skipEmptyLines: true }).data;
  const offices: Office[] = [];
  const skipped: string[] = [];
  for (const [i, row] of rows.entries()) {
    const [number = '', name = '', kind = ''] = row.map((cell) => cell.trim());
    if (!officeNumberSchema.safeParse(number).success || !name) {
      // a header line or a broken line: say which, keep going
      skipped.push(`${i + 1}行目`);
      continue;
    }
    offices.push({ number, name, kind });
  }
  // one transaction: the running relay waits for the write lock once, briefly, not thousands of times
  await store.offices.upsertMany(offices);
  io.out(`${offices.length}件の事業所を登録しました`);
  if (skipped.length > 0) io.out(`読み飛ばした行: ${skipped.join(', ')}`);
}

async function run(store: Store, argv: string[], io: AdminIo): Promise<void> {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      kind: { type: 'string' },
      password: { type: 'string' },
      office: { type: 'string', multiple: true },
      limit: { type: 'string' },
    },
  });
  const [command, ...args] = positionals;
  switch (command) {
    case 'add-office': {
      const number = officeNumber(args[0]);
      const existed = await store.offices.get(number);
      await store.offices.upsert({ number, name: need(args[1], '事業所名'), kind: values.kind ?? '' });
      io.out(existed ? `既存の事業所 ${number} の名称・種別を更新しました` : `事業所 ${number} を登録しました`);
      return;
    }
    case 'import-offices':
      return importOffices(store, need(args[0], 'CSVファイル'), io);
    case 'remove-office': {
      const number = officeNumber(args[0]);
      if (!(await store.offices.remove(number))) throw new UsageError(`事業所 ${number} は登録されていません`);
      io.out(`事業所 ${number} を削除しました(事業所ユーザとその事業所のセッションも削除)`);
      return;
    }
    case 'list-offices': {
      for (const o of await store.offices.list()) io.out([o.number, o.name, o.kind].join('\t'));
      return;
    }
    case 'add-user': {
      // the app folds a full-width 個人ID typed with the IME on (ｃｍ０１ → cm01), so one created that way must be folded too
      const userId = halfWidthAscii(need(args[0], 'ユーザID'));
      const name = need(args[1], '氏名');
      const offices = need(values.office, '--office').map(officeNumber);
      await requireOffices(store, offices);
      const passwordHash = await adminPasswordHash(values.password, userId);
      const existed = await store.people.get(userId);
      await store.people.upsert({ userId, name, passwordHash });
      for (const n of offices) await store.people.linkOffice(userId, n);
      // an existing ID is overwritten, not added twice: say so, an operator may have meant a new person
      io.out(
        existed
          ? `既存のユーザ ${userId} を更新しました(氏名とパスワードを上書きし、このユーザのログインはすべて終了しました。事業所: ${offices.join(', ')} を追加)`
          : `ユーザ ${userId} を登録しました(事業所: ${offices.join(', ')})`,
      );
      return;
    }
    case 'add-office-user': {
      const id = officeUserId(args[0]);
      const offices = need(values.office, '--office').map(officeNumber);
      if (offices.length !== 1) throw new UsageError('--office は1つだけ指定してください');
      await requireOffices(store, offices);
      const passwordHash = await adminPasswordHash(values.password, id);
      await store.officeUsers.upsert({ officeUserId: id, officeNumber: offices[0]!, passwordHash });
      io.out(`事業所ユーザ ${id} を登録しました(事業所: ${offices[0]})`);
      return;
    }
    case 'reset-password':
    case 'remove-user':
    case 'remove-office-user':
    case 'unlink':
    case 'list-users':
      return runAccountCommand(store, command, args, values, io);
    case 'audit': {
      const limit = values.limit ? Number(values.limit) : 50;
      if (!Number.isInteger(limit) || limit < 1) throw new UsageError('--limit は正の整数で指定してください');
      const entries = await store.audit.recent(limit);
      if (entries.length === 0) io.out('監査ログはまだありません');
      for (const e of entries.reverse()) {
        io.out([e.at, e.action, e.actor ?? '-', e.office ?? '-', e.target ?? '-', e.address ?? '-', e.detail ?? ''].join('\t'));
      }
      return;
    }
    default:
      throw new UsageError(command ? `不明なコマンドです: ${command}` : 'コマンドを指定してください');
  }
}

/** Runs one command; returns the exit code (1 with the reason and, for a usage slip, the usage on err). */
export async function runAdmin(store: Store, argv: string[], io: AdminIo): Promise<number> {
  try {
    await run(store, argv, io);
    return 0;
  } catch (err: unknown) {
    io.err(err instanceof Error ? err.message : String(err));
    if (err instanceof UsageError || err instanceof AccountUsageError || (err instanceof Error && 'code' in err && String(err.code).startsWith('ERR_PARSE_ARGS'))) {
      io.err(USAGE);
    }
    return 1;
  }
}
