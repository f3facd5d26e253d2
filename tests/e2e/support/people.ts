// Who the e2e tests sign in as: the demo directory (server/demo.ts) seeded on the relay's first start.
import config from '../../../playwright.config';
import { DEMO_OFFICE_PASSWORD, DEMO_PERSON_PASSWORD } from '../../../server/demo';

/** A person (個人ID) and the office user (KJ…) of the office they send and receive for. */
export interface Persona {
  userId: string;
  password: string;
  officeUserId: string;
  officePassword: string;
  office: string;
}

const demo = (userId: string, officeUserId: string, office: string): Persona =>
  ({ userId, password: DEMO_PERSON_PASSWORD, officeUserId, officePassword: DEMO_OFFICE_PASSWORD, office });

/** 佐藤 ケアマネ of れんけい居宅介護支援センター. */
export const CARE_MANAGER = demo('cm01', 'KJ330000000101', '3300000001');
/** 鈴木 サービス提供責任者 of さくら訪問介護ステーション. */
export const HOME_HELPER = demo('hh01', 'KJ331000001701', '3310000017');
/** 田中 管理者 of the manual's sample destination 0899999995. */
export const MANUAL_OFFICE = demo('ex01', 'KJ089999999501', '0899999995');

/** The relay of this run (playwright.config.ts picks the port). */
export const BASE_URL = config.use?.baseURL ?? 'http://127.0.0.1:4391';
