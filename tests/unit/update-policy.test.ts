// When the page may switch to a new version (src/views/app/update-policy.ts); the browser side is
// driven end to end in tests/e2e/app-updates.spec.ts.
import { describe, expect, it } from 'vitest';
import { classifyControllerChange, prepareSwitch } from '../../src/views/app/update-policy';

describe('a controllerchange', () => {
  it('is the first install when no worker controlled the page: nothing to reload', () => {
    expect(classifyControllerChange(false, false)).toBe('first-install');
    expect(classifyControllerChange(false, true)).toBe('first-install');
  });

  it('reloads the page that asked for it, and only asks the others', () => {
    expect(classifyControllerChange(true, true)).toBe('switched-here');
    expect(classifyControllerChange(true, false)).toBe('switched-elsewhere');
  });
});

describe('preparing the switch', () => {
  it('goes ahead once the open work is saved', async () => {
    const saved: string[] = [];
    expect(await prepareSwitch(async () => void saved.push('compose'))).toEqual({ ok: true });
    expect(saved).toEqual(['compose']);
  });

  it('stops, with the reason, when the work could not be saved', async () => {
    const outcome = await prepareSwitch(() => Promise.reject(new Error('QuotaExceededError')));
    expect(outcome.ok).toBe(false);
    expect(!outcome.ok && outcome.message).toContain('更新を中止しました');
  });
});
