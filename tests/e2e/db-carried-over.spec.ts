// A tablet whose IndexedDB an older version (database version 3, before ownership) left with sends
// still queued: the first office login of the office that queued one sends it and says so; one
// queued before any office login is not sent as this office, it waits in 下書き一覧 and the notice
// says to check it.
import type { Page } from '@playwright/test';
import { CARE_OFFICE, HOME_HELP_OFFICE, planUnit, uniqueSequence } from '../support/files';
import { expect, test } from '@playwright/test';
import { loginAsPerson, officeLogin, openScreen, screenHeading } from './support/login';
import { CARE_MANAGER } from './support/people';

/** The stores version 3 had, and two queued sends as it kept them (no owner). */
async function writeVersion3(page: Page, files: { name: string; bytes: number[] }[]): Promise<void> {
  await page.evaluate(async ({ files, sender, destination }) => {
    const db = await new Promise<IDBDatabase>((done, fail) => {
      const open = indexedDB.open('renkei', 3);
      open.onupgradeneeded = () => {
        const d = open.result;
        for (const name of ['drafts', 'outbox', 'sent', 'batch']) d.createObjectStore(name, { keyPath: 'id' });
        d.createObjectStore('cache', { keyPath: 'box' });
        d.createObjectStore('settings');
        const usage = d.createObjectStore('usage', { keyPath: 'id' });
        usage.createIndex('byOwnerMonth', ['owner.userId', 'owner.office', 'month']);
        usage.createIndex('byMessage', 'messageId');
        usage.createIndex('byOutbox', 'outboxId');
      };
      open.onsuccess = () => done(open.result);
      open.onerror = () => fail(open.error);
    });
    const kept = files.map((f) => ({ name: f.name, type: 'text/csv', blob: new Blob([new Uint8Array(f.bytes)]) }));
    // the id is the send's idempotency key (a header): ASCII, as the app's own ids
    const item = (id: string, message: string, extra: object) => ({ id, destination, message, files: kept, createdAt: Date.now(), status: 'waiting', attempts: 0, nextAttemptAt: 0, ...extra });
    const tx = db.transaction('outbox', 'readwrite');
    tx.objectStore('outbox').put(item(crypto.randomUUID(), '更新前の送信', { sender }));
    tx.objectStore('outbox').put(item(crypto.randomUUID(), '送信元の分からない送信', {}));
    await new Promise((done) => (tx.oncomplete = done));
    db.close();
  }, { files, sender: CARE_OFFICE, destination: HOME_HELP_OFFICE });
}

test('sends an older version left queued: sent under their office, or kept as a draft, and the user is told', async ({ page }) => {
  const files = planUnit(CARE_OFFICE, HOME_HELP_OFFICE, uniqueSequence());
  // an address of the app's origin that does not start the app
  await page.goto('/api/health');
  await writeVersion3(page, files.map((f) => ({ name: f.name, bytes: [...f.buffer] })));

  await loginAsPerson(page, CARE_MANAGER.userId, CARE_MANAGER.password);
  await openScreen(page, '送信一覧');
  await officeLogin(page, CARE_MANAGER.officeUserId, CARE_MANAGER.officePassword);
  await expect(screenHeading(page, '送信一覧')).toBeVisible();
  const notice = page.getByText('アプリの更新前に送信待ちだった1件を、このログインで送信します。');
  await expect(notice).toBeVisible();
  await expect(notice).toContainText('1件は、送信元の事業所が記録されていないため送信していません。下書き一覧');
  await expect(page.getByRole('table', { name: '送信したメッセージ' })).toContainText(files[0]!.name);

  await openScreen(page, '下書き一覧');
  await expect(page.getByRole('main')).toContainText('送信元の分からない送信');
});
