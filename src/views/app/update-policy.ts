// When the page may switch to a new version of the app: the rules, apart from the browser APIs
// (src/views/app/updates.ts applies them), so they are tested on their own.

/**
 * What a 'controllerchange' means for this page:
 * - 'first-install': the very first worker took control (clients.claim): nothing to switch
 * - 'switched-here': this page asked for the new version: reload into it
 * - 'switched-elsewhere': another tab's 更新 activated it: this page runs old code beside the
 *   new worker, so it asks the user to reload (their work may be open here)
 */
export type ControllerChange = 'first-install' | 'switched-here' | 'switched-elsewhere';

export function classifyControllerChange(hadController: boolean, requestedHere: boolean): ControllerChange {
  if (!hadController) return 'first-install';
  return requestedHere ? 'switched-here' : 'switched-elsewhere';
}

export type SwitchOutcome = { ok: true } | { ok: false; message: string };

/**
 * Saves what is open before switching; a failure stops the switch (the old version keeps
 * running with the work on screen) rather than lose it.
 */
export async function prepareSwitch(saveAll: () => Promise<void>): Promise<SwitchOutcome> {
  try {
    await saveAll();
    return { ok: true };
  } catch {
    return { ok: false, message: '作業中の内容を保存できなかったため、更新を中止しました。内容を一時保存してから、もう一度「更新」を押してください。' };
  }
}
