// One in-process relay for a whole test file: opened before its first test, stopped after its last.
import { afterAll, beforeAll } from 'vitest';
import type { RelayOptions } from '../../server/relay';
import type { Agent } from './agent';
import type { Persona } from './cast';
import { openTestRelay, type TestRelay } from './relay';

export interface FileRelay {
  (): TestRelay;
  /** A browser stand-in signed in as the persona and its office (事業所ユーザログイン too). */
  signedIn(persona: Persona): Promise<Agent>;
}

export function useRelay(options: RelayOptions = {}, prepare?: (dataDir: string) => RelayOptions): FileRelay {
  let relay: TestRelay | undefined;
  beforeAll(async () => {
    relay = await openTestRelay(options, prepare);
  });
  afterAll(async () => {
    await relay?.stop();
  });
  const current = () => {
    if (!relay) throw new Error('the relay opens in beforeAll: use it inside hooks and tests');
    return relay;
  };
  return Object.assign(current, { signedIn: (p: Persona) => current().agent().loginAs(p.user, p.officeUser) });
}
