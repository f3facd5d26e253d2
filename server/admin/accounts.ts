// The admin CLI's commands that take rights away or show who has them. Each change ends the
// sessions that relied on the right at once (the store does it in the same transaction).
import { MIN_PASSWORD_CHARS, officeNumberSchema, officeUserIdSchema } from '../../src/domain/contract';
import { hashPassword } from '../auth/passwords';
import type { Store } from '../db';
import type { AdminIo } from './commands';

export class AccountUsageError extends Error {}

function need<T>(value: T | undefined, what: string): T {
  if (value === undefined || value === '') throw new AccountUsageError(`${what} を指定してください`);
  return value;
}

/**
 * The password an operator gives, hashed, under the rules a person's own change keeps (8–200
 * characters, not the ID itself): the CLI is where most passwords are made.
 */
export async function adminPasswordHash(password: string | undefined, id: string): Promise<string> {
  const given = need(password, '--password');
  if ([...given].length < MIN_PASSWORD_CHARS) throw new AccountUsageError(`パスワードは${MIN_PASSWORD_CHARS}文字以上にしてください`);
  if ([...given].length > 200) throw new AccountUsageError('パスワードは200文字以内にしてください');
  if (given.trim().toLowerCase() === id.toLowerCase()) throw new AccountUsageError('IDと同じパスワードは使えません');
  return hashPassword(given);
}

export async function runAccountCommand(
  store: Store,
  command: 'reset-password' | 'remove-user' | 'remove-office-user' | 'unlink' | 'list-users',
  args: readonly string[],
  values: { password?: string | undefined; office?: string[] | undefined },
  io: AdminIo,
): Promise<void> {
  switch (command) {
    case 'reset-password': {
      const id = need(args[0], 'ユーザIDまたは事業所ユーザID');
      const passwordHash = await adminPasswordHash(values.password, id);
      if (officeUserIdSchema.safeParse(id).success) {
        const user = await store.officeUsers.get(id);
        if (!user) throw new AccountUsageError(`事業所ユーザ ${id} は登録されていません`);
        await store.officeUsers.upsert({ ...user, passwordHash });
        io.out(`事業所ユーザ ${id} のパスワードを変更しました(この事業所ユーザでのログインはすべて終了しました)`);
        return;
      }
      if (!(await store.people.setPassword(id, passwordHash))) throw new AccountUsageError(`ユーザ ${id} は登録されていません`);
      io.out(`ユーザ ${id} のパスワードを変更しました(このユーザのログインはすべて終了しました)`);
      return;
    }
    case 'remove-user': {
      const userId = need(args[0], 'ユーザID');
      if (!(await store.people.remove(userId))) throw new AccountUsageError(`ユーザ ${userId} は登録されていません`);
      io.out(`ユーザ ${userId} を削除しました(ログインも終了しました)`);
      return;
    }
    case 'remove-office-user': {
      const id = need(args[0], '事業所ユーザID');
      if (!(await store.officeUsers.remove(id))) throw new AccountUsageError(`事業所ユーザ ${id} は登録されていません`);
      io.out(`事業所ユーザ ${id} を削除しました(この事業所ユーザでのログインも終了しました)`);
      return;
    }
    case 'unlink': {
      const userId = need(args[0], 'ユーザID');
      const offices = need(values.office, '--office');
      for (const number of offices) {
        if (!officeNumberSchema.safeParse(number).success) throw new AccountUsageError(`${number}: 事業所番号は10桁で入力してください`);
        if (!(await store.people.unlinkOffice(userId, number))) {
          throw new AccountUsageError(`ユーザ ${userId} は事業所 ${number} に登録されていません`);
        }
        io.out(`ユーザ ${userId} を事業所 ${number} から外しました(その事業所へのログインも終了しました)`);
      }
      return;
    }
    case 'list-users': {
      io.out('# ユーザ(個人ID)\t氏名\t事業所');
      for (const p of await store.people.list()) io.out([p.userId, p.name, p.offices.join(',') || '-'].join('\t'));
      io.out('# 事業所ユーザID\t事業所');
      for (const u of await store.officeUsers.list()) io.out([u.officeUserId, u.officeNumber].join('\t'));
      return;
    }
  }
}
