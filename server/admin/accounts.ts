// The admin CLI's commands that take rights away or show who has them. Each change ends the
// sessions that relied on the right at once (the store does it in the same transaction).
import { officeNumberSchema, officeUserIdSchema } from '../../src/domain/contract';
import { hashPassword } from '../auth/passwords';
import type { Store } from '../db';
import type { AdminIo } from './commands';

export class AccountUsageError extends Error {}

function need<T>(value: T | undefined, what: string): T {
  if (value === undefined || value === '') throw new AccountUsageError(`${what} を指定してください`);
  return value;
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
      const passwordHash = await hashPassword(need(values.password, '--password'));
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
