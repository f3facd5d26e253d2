// A tablet opening the relay over plain http:// on the LAN (HOST=0.0.0.0 without TLS). Chromium
// treats 127.0.0.1 as secure, so the relay is reached under a LAN-like name mapped to it: an
// insecure context, as on a tablet. The app says why HTTPS is needed and how, and drafts and
// sending still work (no crypto.randomUUID, no service worker there).
import { chromium, expect, test } from '@playwright/test';
import config from '../../playwright.config';
import { minimalPdf, uniqueSequence } from '../support/files';
import { apiAs, listMessages } from './support/api';
import { openScreen, signIn } from './support/login';
import { BASE_URL, CARE_MANAGER, HOME_HELPER } from './support/people';

const LAN_NAME = 'renkei-server.lan';

test('over http:// on the LAN the app explains HTTPS, and a draft and a send still work', async () => {
  const launch = config.use?.launchOptions ?? {};
  const browser = await chromium.launch({ ...launch, args: [...(launch.args ?? []), `--host-resolver-rules=MAP ${LAN_NAME} 127.0.0.1`] });
  const errors: string[] = [];
  try {
    const lanUrl = BASE_URL.replace('127.0.0.1', LAN_NAME);
    const context = await browser.newContext({ baseURL: lanUrl, locale: 'ja-JP', timezoneId: 'Asia/Tokyo' });
    const page = await context.newPage();
    page.on('pageerror', (error) => errors.push(error.message));

    await page.goto('/');
    expect(await page.evaluate(() => ({ secure: window.isSecureContext, uuid: typeof crypto.randomUUID }))).toEqual({ secure: false, uuid: 'undefined' });
    const notice = page.getByRole('status').filter({ hasText: 'この接続は暗号化されていません' });
    await expect(notice).toBeVisible();
    await expect(notice).toContainText('HTTPS で開いてください');
    await notice.getByText('事業所の管理者の方へ').click();
    await expect(notice).toContainText('TLS_CERT_FILE');

    await signIn(page, CARE_MANAGER, '新規作成');
    await expect(notice).toBeVisible();
    const pdf = minimalPdf(`LAN_${uniqueSequence()}.pdf`);
    await page.getByLabel('ファイルを選択').setInputFiles(pdf);
    await page.getByLabel('送信先事業所番号').fill(HOME_HELPER.office);
    const message = `http接続 ${Date.now()}`;
    await page.getByLabel('メッセージ').fill(message);
    await page.getByRole('button', { name: '一時保存' }).click();
    await expect(page.getByText('下書きに保存しました')).toBeVisible();
    await openScreen(page, '下書き一覧');
    await expect(page.getByRole('row').filter({ hasText: pdf.name })).toContainText(HOME_HELPER.office);

    // the send goes from the page (no service worker to hand it to)
    await page.getByRole('row').filter({ hasText: pdf.name }).getByRole('button', { name: '開く' }).click();
    await page.getByRole('button', { name: '送信', exact: true }).click();
    await page.getByRole('dialog', { name: '送信確認' }).getByRole('button', { name: 'OK' }).click();
    const receiver = await apiAs(HOME_HELPER);
    try {
      await expect.poll(async () => (await listMessages<{ message: string }>(receiver, 'received')).filter((m) => m.message === message).length, { timeout: 20_000 }).toBe(1);
    } finally {
      await receiver.dispose();
    }
    await context.close();
  } finally {
    await browser.close();
  }
  expect(errors).toEqual([]);
});
