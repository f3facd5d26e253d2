// Who the e2e tests sign in as: the demo directory (server/demo.ts) seeded on the relay's first start.
import config from '../../../playwright.config';
import { CM, DS, EX, HH, type Persona as DemoPersona } from '../../support/cast';

/** A person (個人ID) and the office user (KJ…) of the office they send and receive for. */
export interface Persona {
  userId: string;
  password: string;
  officeUserId: string;
  officePassword: string;
  office: string;
}

const demo = (p: DemoPersona): Persona =>
  ({ userId: p.user, password: p.password, officeUserId: p.officeUser, officePassword: p.officePassword, office: p.office });

/** 佐藤 ケアマネ of れんけい居宅介護支援センター. */
export const CARE_MANAGER = demo(CM);
/** 鈴木 サービス提供責任者 of さくら訪問介護ステーション. */
export const HOME_HELPER = demo(HH);
/** ds01 of ひまわりデイサービス: the next person on a shared tablet. */
export const DAY_SERVICE = demo(DS);
/** 田中 管理者 of the manual's sample destination 0899999995. */
export const MANUAL_OFFICE = demo(EX);

/** The relay of this run (playwright.config.ts picks the port). */
export const BASE_URL = config.use?.baseURL ?? 'http://127.0.0.1:4391';
