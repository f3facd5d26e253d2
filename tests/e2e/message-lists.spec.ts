// 受信一覧 and 送信一覧 share one screen component: an answer that arrives after the user moved to
// the other list belongs to the list they left, and must never show under the new heading.
import type { Page } from '@playwright/test';
import { minimalPdf } from '../support/files';
import { apiAs } from './support/api';
import { expect, test } from './support/browsers';
import { openScreen, screenHeading } from './support/login';
import { SENT_TABLE } from './support/messages';
import { CARE_MANAGER, HOME_HELPER, type Persona } from './support/people';

async function sendPdf(from: Persona, to: Persona, message: string): Promise<void> {
  const api = await apiAs(from);
  const pdf = minimalPdf();
  const form = new FormData();
  form.append('meta', JSON.stringify({ destination: to.office, message }));
  form.append('files', new Blob([new Uint8Array(pdf.buffer)], { type: 'application/pdf' }), pdf.name);
  const sent = await api.post('/api/messages', { multipart: form, headers: { 'idempotency-key': crypto.randomUUID() } });
  expect(sent.status(), await sent.text()).toBe(201);
  await api.dispose();
}

/** Resolves once the app has kept the received list it was answered (list-loader.ts caches it before showing it). */
async function receivedListCached(page: Page, message: string, owner: { userId: string; office: string }): Promise<void> {
  await expect
    .poll(() =>
      page.evaluate(
        ({ text, key }) =>
          new Promise<boolean>((resolve) => {
            const open = indexedDB.open('renkei');
            open.onsuccess = () => {
              // kept per owner (src/db/owner.ts), one record per message: by its 個人ID|事業所番号|box index
              const get = open.result.transaction('lists').objectStore('lists').index('byOwnerBox').getAll(key);
              get.onsuccess = () => {
                open.result.close();
                resolve(JSON.stringify(get.result).includes(text));
              };
            };
          }),
        { text: message, key: `${owner.userId}|${owner.office}|received` },
      ),
    )
    .toBe(true);
}

test('an answer for 受信一覧 that comes after the move to 送信一覧 is not shown there', async ({ offices }) => {
  const stamp = Date.now().toString(36);
  const received = `受信一覧にだけ出る ${stamp}`;
  const sent = `送信一覧にだけ出る ${stamp}`;
  await sendPdf(CARE_MANAGER, HOME_HELPER, received);
  await sendPdf(HOME_HELPER, CARE_MANAGER, sent);
  const page = await offices.openAs(HOME_HELPER, '送信一覧');
  await expect(page.getByRole('table', { name: SENT_TABLE })).toContainText(sent);

  // the received list is answered late: only once the user is on 送信一覧 again
  let release!: () => void;
  const held = new Promise<void>((resolve) => (release = resolve));
  let asked = 0;
  await page.route((url) => url.pathname === '/api/messages' && url.searchParams.get('box') === 'received', async (route) => {
    asked += 1;
    await held;
    await route.continue();
  });
  await openScreen(page, '受信一覧');
  await expect(screenHeading(page, '受信一覧')).toBeVisible();
  await expect.poll(() => asked).toBe(1);
  await openScreen(page, '送信一覧');
  await expect(screenHeading(page, '送信一覧')).toBeVisible();
  await expect(page.getByRole('table', { name: SENT_TABLE })).toContainText(sent);

  release();
  await receivedListCached(page, received, HOME_HELPER);
  // a frame for anything the late answer set off to be drawn
  await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0))));
  await expect(screenHeading(page, '送信一覧')).toBeVisible();
  await expect(page.getByRole('table', { name: SENT_TABLE })).toContainText(sent);
  await expect(page.getByText(received)).toHaveCount(0);
});
