// Fills an empty directory with the demo offices and users of server/demo.ts.
import { DEMO_OFFICES, DEMO_OFFICE_PASSWORD, DEMO_OFFICE_USERS, DEMO_PEOPLE, DEMO_PERSON_PASSWORD } from '../demo';
import { hashPassword } from '../auth/passwords';
import type { Store } from './types';

/** true when it seeded (the directory had no office yet). */
export async function seedDemoIfEmpty(store: Store): Promise<boolean> {
  if ((await store.offices.count()) > 0) return false;
  // the demo people share one published password, and the office users another: each is hashed
  // once (scrypt is slow on purpose), and its one salt serves every account that shares it
  const [personHash, officeHash] = await Promise.all([hashPassword(DEMO_PERSON_PASSWORD), hashPassword(DEMO_OFFICE_PASSWORD)]);
  for (const o of DEMO_OFFICES) await store.offices.upsert({ ...o });
  for (const p of DEMO_PEOPLE) {
    await store.people.upsert({ userId: p.userId, name: p.name, passwordHash: personHash });
    for (const n of p.offices) await store.people.linkOffice(p.userId, n);
  }
  for (const u of DEMO_OFFICE_USERS) {
    await store.officeUsers.upsert({ officeUserId: u.officeUserId, officeNumber: u.office, passwordHash: officeHash });
  }
  return true;
}
