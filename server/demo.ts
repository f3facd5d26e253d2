// The demo directory seeded on first start (and used by the tests). Not real offices or people.
export const DEMO_PERSON_PASSWORD = 'renkei2026';
export const DEMO_OFFICE_PASSWORD = 'office2026';

export const DEMO_OFFICES = [
  { number: '3300000001', name: 'れんけい居宅介護支援センター', kind: '居宅介護支援' },
  { number: '3310000017', name: 'さくら訪問介護ステーション', kind: '訪問介護' },
  { number: '3310000025', name: 'ひまわりデイサービス', kind: '通所介護' },
  // the destination of the official manual's sample file names
  { number: '0899999995', name: 'マニュアル例 訪問介護事業所', kind: '訪問介護' },
] as const;

export const DEMO_PEOPLE = [
  { userId: 'cm01', name: '佐藤 ケアマネ', offices: ['3300000001'] },
  { userId: 'hh01', name: '鈴木 サービス提供責任者', offices: ['3310000017'] },
  { userId: 'ds01', name: '高橋 生活相談員', offices: ['3310000025'] },
  { userId: 'ex01', name: '田中 管理者', offices: ['0899999995'] },
] as const;

export const DEMO_OFFICE_USERS = [
  { officeUserId: 'KJ330000000101', office: '3300000001' },
  { officeUserId: 'KJ331000001701', office: '3310000017' },
  { officeUserId: 'KJ331000002501', office: '3310000025' },
  { officeUserId: 'KJ089999999501', office: '0899999995' },
] as const;
