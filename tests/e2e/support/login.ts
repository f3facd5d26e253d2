// Signing in through the screens, with the accessible names every e2e test relies on
// (ログイン: ユーザID / パスワード / ログイン; 事業所ユーザログイン: 事業所ユーザID / パスワード / ログイン).
import { expect, type Page } from '@playwright/test';
import { DEMO_OFFICE_PASSWORD, DEMO_PERSON_PASSWORD } from '../../../server/demo';
import type { Persona } from './people';

/** Opens the app at `path` and submits the person login (the outcome is for the caller to check). */
export async function loginAsPerson(page: Page, userId: string, password = DEMO_PERSON_PASSWORD, path = '/'): Promise<void> {
  await page.goto(path);
  await submitPersonLogin(page, userId, password);
}

/** Fills and submits the ログイン form already on screen. */
export async function submitPersonLogin(page: Page, userId: string, password = DEMO_PERSON_PASSWORD): Promise<void> {
  await page.getByLabel('ユーザID', { exact: true }).fill(userId);
  await page.getByLabel('パスワード', { exact: true }).fill(password);
  await page.getByRole('button', { name: 'ログイン', exact: true }).click();
}

/** Submits the 事業所ユーザログイン form the app shows before the first send or receive. */
export async function officeLogin(page: Page, officeUserId: string, password = DEMO_OFFICE_PASSWORD): Promise<void> {
  await page.getByLabel('事業所ユーザID').fill(officeUserId);
  await page.getByLabel('パスワード', { exact: true }).fill(password);
  await page.getByRole('button', { name: 'ログイン', exact: true }).click();
}

/**
 * Follows a navigation link (トップ, 受信一覧, 送信一覧, 新規作成, 下書き一覧, 一括送信, …) and waits
 * until that screen — or the 事業所ユーザログイン it asks for first — is drawn: screens load on first
 * use, and a file given to 「ファイルを選択」 before then would land on the screen being left.
 */
export async function openScreen(page: Page, link: string): Promise<void> {
  await page.getByRole('link', { name: link, exact: true }).click();
  await expect(screenHeading(page, link).or(screenHeading(page, '事業所ユーザログイン'))).toBeVisible();
}

export const screenHeading = (page: Page, name: string) => page.getByRole('heading', { name, level: 1 });

/**
 * Logs in as the person, opens `screen` (which asks for the office once) and logs in as the
 * office on the way; done when the screen's heading shows.
 */
export async function signIn(page: Page, persona: Persona, screen: string, path = '/'): Promise<void> {
  await loginAsPerson(page, persona.userId, persona.password, path);
  await expect(page.getByRole('button', { name: 'ログアウト' })).toBeVisible();
  await openScreen(page, screen);
  await officeLogin(page, persona.officeUserId, persona.officePassword);
  await expect(screenHeading(page, screen)).toBeVisible();
}
