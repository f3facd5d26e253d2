// Which requests the service worker answers from workbox's precache (src/sw/precached-for.ts): the
// build's own files by their URL, any other navigation with the app shell; /api/, other origins,
// other methods and anything else unknown go to the network untouched.
import { describe, expect, it } from 'vitest';
import { precachedFor } from '../../src/sw/precached-for';

const ORIGIN = 'https://renkei.example';
/** as workbox keys them: hashed files by their URL, the rest with a __WB_REVISION__ parameter */
const KEYS = new Map([
  [`${ORIGIN}/index.html`, `${ORIGIN}/index.html?__WB_REVISION__=abc`],
  [`${ORIGIN}/assets/index-x1.js`, `${ORIGIN}/assets/index-x1.js`],
  [`${ORIGIN}/manifest.webmanifest`, `${ORIGIN}/manifest.webmanifest?__WB_REVISION__=def`],
]);
const find = (url: string, method = 'GET', mode: RequestMode = 'cors') => precachedFor({ url, method, mode }, ORIGIN, (u) => KEYS.get(u));

describe('precachedFor', () => {
  it('answers the build’s files from their precache entry', () => {
    expect(find(`${ORIGIN}/assets/index-x1.js`)).toEqual({ cacheKey: `${ORIGIN}/assets/index-x1.js`, shell: false });
    expect(find(`${ORIGIN}/manifest.webmanifest`, 'GET', 'no-cors')).toEqual({ cacheKey: `${ORIGIN}/manifest.webmanifest?__WB_REVISION__=def`, shell: false });
    expect(find(`${ORIGIN}/index.html#/top`, 'GET', 'navigate')).toEqual({ cacheKey: `${ORIGIN}/index.html?__WB_REVISION__=abc`, shell: false });
  });

  it('opens every other address of the app with the shell, the screen being in the hash', () => {
    const shell = { cacheKey: `${ORIGIN}/index.html?__WB_REVISION__=abc`, shell: true };
    expect(find(`${ORIGIN}/`, 'GET', 'navigate')).toEqual(shell);
    expect(find(`${ORIGIN}/#/received?status=%E6%9C%AA`, 'GET', 'navigate')).toEqual(shell);
    expect(find(`${ORIGIN}/?utm_source=home`, 'GET', 'navigate')).toEqual(shell);
  });

  it('leaves the relay’s API, other origins, other methods and unknown files to the network', () => {
    expect(find(`${ORIGIN}/api/session`)).toBeNull();
    expect(find(`${ORIGIN}/api/messages/m1/files/f1`, 'GET', 'navigate')).toBeNull();
    expect(find(`${ORIGIN}/api/messages`, 'POST')).toBeNull();
    expect(find(`${ORIGIN}/assets/index-x1.js`, 'POST')).toBeNull();
    expect(find('https://elsewhere.example/assets/index-x1.js')).toBeNull();
    expect(find('https://elsewhere.example/', 'GET', 'navigate')).toBeNull();
    expect(find(`${ORIGIN}/assets/gone-old.js`)).toBeNull();
  });
});
