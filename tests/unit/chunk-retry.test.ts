// A lazily loaded screen's second try: loaded, left for later offline, or a reload when the
// browser keeps answering with the failure it remembers although the network is back.
import { describe, expect, it, vi } from 'vitest';
import { retryLoad } from '../../src/views/app/chunk-retry';

const env = (isOnline: boolean) => ({ online: () => isOnline, reload: vi.fn() });

describe('retryLoad', () => {
  it('a chunk that loads now: done, no reload', async () => {
    const e = env(true);
    expect(await retryLoad(() => Promise.resolve({}), e)).toBe(true);
    expect(e.reload).not.toHaveBeenCalled();
  });

  it('still offline: stays on the screen’s notice, no reload (it would only show the browser’s offline page)', async () => {
    const e = env(false);
    expect(await retryLoad(() => Promise.reject(new TypeError('Failed to fetch dynamically imported module')), e)).toBe(false);
    expect(e.reload).not.toHaveBeenCalled();
  });

  it('online and failing again (a failed import remembered by the browser): reloads', async () => {
    const e = env(true);
    expect(await retryLoad(() => Promise.reject(new TypeError('Failed to fetch dynamically imported module')), e)).toBe(false);
    expect(e.reload).toHaveBeenCalledTimes(1);
  });
});
