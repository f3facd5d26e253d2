// One browser context per office, so two offices can exchange messages in one test; every
// context a test opens is closed after it.
import { test as base, type BrowserContext, type Page } from '@playwright/test';
import { signIn } from './login';
import type { Persona } from './people';

export interface OfficeBrowsers {
  /** A fresh browser context signed in as the person and the office, showing `screen` (default 受信一覧). */
  openAs(persona: Persona, screen?: string): Promise<Page>;
}

export const test = base.extend<{ offices: OfficeBrowsers }>({
  offices: async ({ browser }, use) => {
    const contexts: BrowserContext[] = [];
    await use({
      async openAs(persona, screen = '受信一覧') {
        const context = await browser.newContext();
        contexts.push(context);
        const page = await context.newPage();
        await signIn(page, persona, screen);
        return page;
      },
    });
    for (const context of contexts) await context.close();
  },
});

export { expect } from '@playwright/test';
