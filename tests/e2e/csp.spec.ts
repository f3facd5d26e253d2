// The PWA runs under the relay's Content-Security-Policy without a single violation: every screen
// is visited in Chromium while both the console and `securitypolicyviolation` events are watched.
import { expect, test, type Page, type Worker } from '@playwright/test';
import { defaultCheckMonth } from '../../src/domain/reconcile';
import { fromRecords, makeCsvFile, makePlanUnit, makeRecords } from '../support/csvgen';
import { numberedPeople, planFile, weeklyVisits } from '../support/usage-files';
import { asTestFiles, minimalPdf } from '../support/files';
import { officeLogin, submitPersonLogin } from './support/login';
import { CARE_MANAGER, HOME_HELPER } from './support/people';

interface Violation {
  directive: string;
  blocked: string;
  source: string;
  screen: string;
}

/** Installed before any page script: records each violation the browser reports. */
function recordViolations(): void {
  const seen: unknown[] = [];
  (globalThis as unknown as { __cspViolations: unknown[] }).__cspViolations = seen;
  // the document in pages, the global scope itself in workers
  const target: EventTarget = typeof document === 'undefined' ? globalThis : document;
  target.addEventListener('securitypolicyviolation', (event) => {
    const e = event as SecurityPolicyViolationEvent;
    const v = { directive: e.violatedDirective, blocked: e.blockedURI, source: `${e.sourceFile}:${e.lineNumber}` };
    seen.push(v);
    const report = (globalThis as unknown as { __reportCsp?: (v: unknown) => void }).__reportCsp;
    report?.(v);
  });
}

test('every screen runs under the CSP with no violation', async ({ page }) => {
  const violations: Violation[] = [];
  const consoleReports: string[] = [];
  let screen = 'start';
  await page.exposeFunction('__reportCsp', (v: Omit<Violation, 'screen'>) => violations.push({ ...v, screen }));
  await page.addInitScript(recordViolations);
  page.on('console', (message) => {
    if (message.text().includes('Content Security Policy')) consoleReports.push(`${screen}: ${message.text()}`);
  });
  const workers: Worker[] = [];
  page.on('worker', (worker) => {
    workers.push(worker);
    // a worker's violations reach neither the document's listener nor the page console
    worker.on('console', (m) => {
      if (m.text().includes('Content Security Policy')) consoleReports.push(`${screen} (worker ${worker.url()}): ${m.text()}`);
    });
    void worker.evaluate(recordViolations).catch(() => undefined);
  });
  page.on('pageerror', (error) => {
    if (error.message.includes('Content Security Policy')) consoleReports.push(`${screen}: ${error.message}`);
  });

  const visit = async (name: string, open: () => Promise<void>, heading: string | RegExp) => {
    screen = name;
    await open();
    await expect(page.getByRole('heading', { name: heading, level: 1 })).toBeVisible();
  };
  const nav = (link: string) => () => page.getByRole('link', { name: link, exact: true }).click();

  screen = 'document';
  const response = await page.goto('/');
  const csp = response?.headers()['content-security-policy'] ?? '';
  expect(csp).toContain("default-src 'self'");
  expect(csp).toContain("script-src 'self'");
  expect(csp).not.toContain('unsafe-inline');
  expect(csp).not.toContain('unsafe-eval');

  await visit('ログイン', async () => {}, 'ログイン');
  await submitPersonLogin(page, CARE_MANAGER.userId);
  await visit('トップ', async () => {}, 'トップ');

  await visit('事業所ユーザログイン', nav('受信一覧'), '事業所ユーザログイン');
  await officeLogin(page, CARE_MANAGER.officeUserId);
  await visit('受信一覧', async () => {}, '受信一覧');

  // one message with CSVs and a PDF, so the detail screen has previews to draw
  const form = new FormData();
  form.append('meta', JSON.stringify({ destination: HOME_HELPER.office, message: 'CSP確認用' }));
  for (const f of makePlanUnit()) form.append('files', new Blob([f.bytes as Uint8Array<ArrayBuffer>], { type: 'text/csv' }), f.name);
  form.append('files', new Blob([new Uint8Array(minimalPdf().buffer)], { type: 'application/pdf' }), '第3表.pdf');
  const sent = await page.request.post('/api/messages', {
    multipart: form,
    headers: { 'x-renkei-client': '1', 'idempotency-key': crypto.randomUUID() },
  });
  expect(sent.status(), await sent.text()).toBe(201);
  const { message } = (await sent.json()) as { message: { id: string } };
  // and last month's 予定, so 月次チェック and the person view have rows to draw
  const lastMonth = defaultCheckMonth(new Date());
  const usage = new FormData();
  usage.append('meta', JSON.stringify({ destination: HOME_HELPER.office, message: '' }));
  const people = numberedPeople(1, 9200);
  const unit = [
    planFile([{ person: people[0]!, visits: weeklyVisits(lastMonth) }], { month: lastMonth }),
    makeCsvFile('UPSIKYU', { month: lastMonth, people }),
    makeCsvFile('UPHOSOKU', { month: lastMonth, people }),
  ];
  for (const f of unit) {
    usage.append('files', new Blob([f.bytes as Uint8Array<ArrayBuffer>], { type: 'text/csv' }), f.name);
  }
  expect((await page.request.post('/api/messages', { multipart: usage, headers: { 'x-renkei-client': '1', 'idempotency-key': crypto.randomUUID() } })).status()).toBe(201);

  await visit('送信一覧', nav('送信一覧'), '送信一覧');
  await visit('新規作成', nav('新規作成'), '新規作成');
  // CSVs start the spec check in its worker; an impossible date proves it ran to the end
  const checked = makePlanUnit({ month: '202502', sequence: '20250301090000' });
  const rows = makeRecords('UPPLAN', { month: '202502' });
  rows[2]![9] = '20250230';
  checked[0] = fromRecords('UPPLAN', rows, { month: '202502', sequence: '20250301090000' });
  await page.getByLabel('ファイルを選択').setInputFiles(asTestFiles(checked));
  await expect(page.getByRole('alert').filter({ hasText: '2025-02-30 は存在しない日付です' })).toBeVisible();
  await visit('下書き一覧', nav('下書き一覧'), '下書き一覧');
  await visit('一括送信', nav('一括送信'), '一括送信');
  await visit('月次チェック', nav('月次チェック'), '月次チェック');
  await visit('予定 ⇄ 実績', () => page.getByRole('region', { name: /送った予定と届いた実績/ }).getByRole('link').first().click(), '予定 ⇄ 実績');
  await visit('送受信記録', nav('送受信記録'), '送受信記録');
  await visit('トップ (nav)', nav('トップ'), 'トップ');
  await visit('パスワード変更', () => page.getByRole('link', { name: 'パスワードを変更' }).click(), 'パスワード変更');
  await visit('送信メッセージ', () => page.goto(`/#/messages/${message.id}?box=sent`).then(() => undefined), '送信メッセージ');
  // open every preview the detail offers, where styles and workers are most likely to trip the policy
  for (const button of await page.getByRole('button', { name: /プレビュー|表示/ }).all()) {
    if (await button.isVisible()) await button.click().catch(() => undefined);
  }
  await page.waitForLoadState('networkidle');

  const recorded = await page.evaluate(() => (window as unknown as { __cspViolations?: unknown[] }).__cspViolations ?? []);
  expect(workers.length).toBeGreaterThan(0);
  for (const worker of workers) {
    const inWorker = await worker.evaluate(() => (self as unknown as { __cspViolations?: unknown[] }).__cspViolations ?? []).catch(() => []);
    expect(inWorker, worker.url()).toEqual([]);
  }
  expect(consoleReports).toEqual([]);
  expect(violations).toEqual([]);
  expect(recorded).toEqual([]);
});

test('the CSP header is on the document and on a deep link alike', async ({ page }) => {
  for (const path of ['/', '/index.html', '/received']) {
    const response = await page.goto(path);
    expect(response?.status(), path).toBe(200);
    expect(response?.headers()['content-security-policy'], path).toMatch(/default-src 'self'/);
  }
});

test('the listener does catch a violation (the check above can fail)', async ({ page }) => {
  await page.addInitScript(recordViolations);
  await page.goto('/');
  await expect(page.getByRole('heading', { name: 'ログイン' })).toBeVisible();
  // an inline script is exactly what the policy forbids
  await page.evaluate(() => {
    const script = document.createElement('script');
    script.textContent = 'window.__inlineRan = true';
    document.body.append(script);
  });
  await expect
    .poll(() => page.evaluate(() => (window as unknown as { __cspViolations: { directive: string }[] }).__cspViolations.length))
    .toBeGreaterThan(0);
  expect(await page.evaluate(() => (window as unknown as { __inlineRan?: boolean }).__inlineRan)).toBeUndefined();
});
