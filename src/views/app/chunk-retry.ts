// A screen's chunk that failed to load (offline on a first visit, before the service worker had
// precached the app) is asked for again when the network is back. Whether that second import()
// fetches again depends on the browser: the HTML spec long had a failed module fetch remembered
// for the life of the page (whatwg/html#6768; changed by whatwg/html#10327, reaching Chromium
// only recently), so a second failure while online is taken for that memory and answered with a
// reload, after any unsaved work (新規作成's autosave) is written.

export interface RetryEnv {
  /** whether the relay (and so the app's own files) can be reached now */
  online(): boolean;
  /** writes what screens hold unsaved, then reloads the page; stays if the work cannot be written */
  reload(): void;
}

/** One more try at loading; true when it loaded. A failure while online reloads the page. */
export async function retryLoad(load: () => Promise<unknown>, env: RetryEnv): Promise<boolean> {
  try {
    await load();
    return true;
  } catch {
    if (env.online()) env.reload();
    return false;
  }
}
