// Persistent storage: without it the browser may clear drafts and queued sends under storage
// pressure (and Safari after seven days without a visit, unless installed to the home screen).
export interface StorageInfo {
  /** undefined where the browser cannot tell */
  persisted: boolean | undefined;
  usage: number | undefined;
  quota: number | undefined;
  /** iPhone/iPad Safari (any iOS browser is WebKit) */
  ios: boolean;
  /** opened from the home screen / as an installed app */
  installed: boolean;
}

export const USAGE_WARNING_RATIO = 0.8;

let persisting: Promise<boolean | undefined> | undefined;

/** Asks once per page load; later calls share the answer. */
export function requestPersistentStorage(): Promise<boolean | undefined> {
  persisting ??= (async () => {
    // StorageManager is missing in older browsers and insecure contexts
    const storage = navigator.storage as StorageManager | undefined;
    if (!storage?.persist) return undefined;
    try {
      if (await storage.persisted()) return true;
      return await storage.persist();
    } catch {
      return undefined;
    }
  })();
  return persisting;
}

export async function readStorageInfo(): Promise<StorageInfo> {
  const persisted = await requestPersistentStorage();
  let usage: number | undefined;
  let quota: number | undefined;
  try {
    const estimate = await navigator.storage?.estimate?.();
    usage = estimate?.usage;
    quota = estimate?.quota;
  } catch {
    // estimate() is missing or refused in some private modes
  }
  return { persisted, usage, quota, ios: isIos(), installed: isInstalled() };
}

export function isUsageHigh(info: Pick<StorageInfo, 'usage' | 'quota'>): boolean {
  return info.usage !== undefined && info.quota !== undefined && info.quota > 0 && info.usage / info.quota > USAGE_WARNING_RATIO;
}

/** iPhone or iPad: every browser there is Safari's engine, and only Safari's 共有 menu adds to the home screen. */
export function isIos(): boolean {
  const ua = navigator.userAgent;
  // iPadOS Safari says "Macintosh" but has a touch screen
  return /iPad|iPhone|iPod/.test(ua) || (/Macintosh/.test(ua) && navigator.maxTouchPoints > 1);
}

/** Opened from the home screen (or as an installed window). */
export function isInstalled(): boolean {
  const standalone = (navigator as Navigator & { standalone?: boolean }).standalone === true;
  return standalone || (typeof matchMedia === 'function' && matchMedia('(display-mode: standalone)').matches);
}
