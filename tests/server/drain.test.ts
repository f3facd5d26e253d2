// A stop that lets requests under way finish (server/drain.ts, server/main.ts), on the real
// process and real sockets: SIGTERM refuses new connections and closes idle keep-alive ones at
// once, a send in flight still gets its 201 and is stored, the wait is bounded, and a second
// signal stops at once.
import { connect, type Socket } from 'node:net';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { messageListResponseSchema, sendResponseSchema } from '../../src/domain/contract';
import { Agent, pdf, planCsv } from '../support/agent';
import { CM, HH } from '../support/cast';
import { spawnRelay, tempDataDir, type SpawnedRelay } from '../support/relay';
import { startSplitSend } from '../support/slow-send';

const data = tempDataDir('renkei-drain-test-');
const relays: SpawnedRelay[] = [];
afterAll(async () => {
  for (const relay of relays) await relay.kill();
  data.remove();
});

async function startRelay(env: Record<string, string> = {}): Promise<SpawnedRelay> {
  const relay = await spawnRelay({ DATA_DIR: data.dir, STATIC_DIR: join(data.dir, 'no-dist'), ...env });
  relays.push(relay);
  return relay;
}

const portOf = (url: string) => Number(new URL(url).port);

/** A keep-alive connection that has had one answer and now sits idle; `closed` resolves when the relay closes it. */
async function idleKeepAlive(url: string): Promise<{ socket: Socket; closed: Promise<void> }> {
  const socket = connect(portOf(url), '127.0.0.1');
  const closed = new Promise<void>((resolve) => socket.once('close', () => resolve()));
  socket.on('error', () => undefined);
  let text = '';
  await new Promise<void>((resolve) => {
    socket.on('data', (chunk) => {
      text += chunk.toString();
      if (/\r\n\r\n[\s\S]*"ok"/.test(text) || /content-length: 0/i.test(text)) resolve();
    });
    socket.write('GET /api/health HTTP/1.1\r\nHost: relay\r\nConnection: keep-alive\r\n\r\n');
  });
  expect(text).toMatch(/^HTTP\/1\.1 200/);
  expect(text).not.toMatch(/connection: close/i);
  return { socket, closed };
}

/** Whether a new TCP connection to the port is accepted. */
function connects(port: number): Promise<'accepted' | string> {
  return new Promise((resolve) => {
    const socket = connect(port, '127.0.0.1');
    socket.once('connect', () => {
      socket.destroy();
      resolve('accepted');
    });
    socket.once('error', (err: NodeJS.ErrnoException) => resolve(err.code ?? err.message));
  });
}

const said = (relay: SpawnedRelay, text: string) => expect.poll(() => relay.output(), { timeout: 10_000 }).toContain(text);

describe('SIGTERM with a send in flight', () => {
  it('refuses new connections, closes idle ones, lets the send finish with 201 and stores it, then exits cleanly', async () => {
    let relay = await startRelay({ SHUTDOWN_DRAIN_MS: '60000' });
    const cm = await new Agent(relay.url).loginAs(CM.user, CM.officeUser);
    const idle = await idleKeepAlive(relay.url);
    const files = [planCsv(), pdf('資料.pdf', 512 * 1024)];
    const send = await startSplitSend(relay.url, cm.cookie!, crypto.randomUUID(), { destination: HH.office, message: '停止中の送信' }, files);

    relay.signal('SIGTERM');
    await said(relay, 'SIGTERM received: stopping… no new connections; letting 1 request in flight finish (up to 60 s; SIGTERM again stops at once)');
    expect(await connects(portOf(relay.url))).toBe('ECONNREFUSED');
    await idle.closed;

    const answer = await send.finish();
    expect(answer.status, answer.body).toBe(201);
    // the connection it came on is not kept for another request
    expect(answer.headers.connection).toBe('close');
    const { message } = sendResponseSchema.parse(JSON.parse(answer.body));
    expect(await relay.exited()).toBe(0);
    expect(relay.output()).toContain('[renkei] stopped cleanly');

    relay = await startRelay();
    const hh = await new Agent(relay.url).loginAs(HH.user, HH.officeUser);
    const received = messageListResponseSchema.parse(await (await hh.request('/api/messages?box=received')).json()).messages;
    const stored = received.find((m) => m.id === message.id);
    expect(stored?.message).toBe('停止中の送信');
    expect(stored?.files.map((f) => f.name).sort()).toEqual(files.map((f) => f.name).sort());
    await relay.stop();
  }, 60_000);
});

describe('a drain that does not end', () => {
  it('is bounded: a request still running at SHUTDOWN_DRAIN_MS is cut and the relay exits', async () => {
    const relay = await startRelay({ SHUTDOWN_DRAIN_MS: '300' });
    const cm = await new Agent(relay.url).loginAs(CM.user, CM.officeUser);
    await startSplitSend(relay.url, cm.cookie!, crypto.randomUUID(), { destination: HH.office, message: '' }, [pdf()]);
    relay.signal('SIGTERM');
    expect(await relay.exited()).toBe(0);
    expect(relay.output()).toContain('[renkei] stopped: 1 request still running after 0.3 s cut (their clients send them again)');
  }, 30_000);

  it('a second signal stops at once', async () => {
    const relay = await startRelay({ SHUTDOWN_DRAIN_MS: '600000' });
    const cm = await new Agent(relay.url).loginAs(CM.user, CM.officeUser);
    await startSplitSend(relay.url, cm.cookie!, crypto.randomUUID(), { destination: HH.office, message: '' }, [pdf()]);
    relay.signal('SIGTERM');
    await said(relay, 'letting 1 request in flight finish (up to 600 s');
    relay.signal('SIGINT');
    expect(await relay.exited()).toBe(1);
    expect(relay.output()).toContain('[renkei] SIGINT received again: stopping at once (1 request cut)');
  }, 30_000);
});
