// The demo cast every test signs in as, read from the directory the relay seeds (server/demo.ts).
import { DEMO_OFFICE_PASSWORD, DEMO_OFFICE_USERS, DEMO_OFFICES, DEMO_PEOPLE, DEMO_PERSON_PASSWORD } from '../../server/demo';

export interface Persona {
  /** 個人ID */
  user: string;
  password: string;
  /** 事業所ユーザID (KJ…) */
  officeUser: string;
  officePassword: string;
  /** 事業所番号 */
  office: string;
  officeName: string;
}

export type DemoUserId = (typeof DEMO_PEOPLE)[number]['userId'];

export function persona(userId: DemoUserId): Persona {
  const person = DEMO_PEOPLE.find((p) => p.userId === userId)!;
  const office = person.offices[0];
  const officeUser = DEMO_OFFICE_USERS.find((u) => u.office === office)!;
  const name = DEMO_OFFICES.find((o) => o.number === office)!.name;
  return {
    user: person.userId,
    password: DEMO_PERSON_PASSWORD,
    officeUser: officeUser.officeUserId,
    officePassword: DEMO_OFFICE_PASSWORD,
    office,
    officeName: name,
  };
}

/** 居宅 cm01 sends to 訪問介護 hh01; デイ ds01 is the bystander; ex01 runs the manual's sample office. */
export const CM = persona('cm01');
export const HH = persona('hh01');
export const DS = persona('ds01');
export const EX = persona('ex01');
/** Every demo person, each with their office. */
export const CAST: readonly Persona[] = DEMO_PEOPLE.map((p) => persona(p.userId));
