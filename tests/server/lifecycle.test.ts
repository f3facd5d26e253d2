// Time-driven behaviour with an injected clock: retention deletes expired messages and their files,
// sessions expire after SESSION_HOURS, and both leave an audit trail.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openSqliteStore } from '../../server/db/sqlite';
import { messageListResponseSchema, sendResponseSchema } from '../../src/domain/contract';
import { Agent, pdf, planCsv } from '../support/agent';
import { CM, HH } from '../support/cast';
import { openTestRelay, type TestRelay } from '../support/relay';

let clock = new Date('2026-04-01T09:00:00Z').getTime();
let t: TestRelay;

beforeAll(async () => {
  t = await openTestRelay({ retentionDays: 30, sessionHours: 12, now: () => new Date(clock) });
});
afterAll(async () => {
  await t.stop();
});

const hours = (n: number) => n * 3_600_000;

async function received(agent: Agent) {
  return messageListResponseSchema.parse(await (await agent.request('/api/messages?box=received')).json()).messages;
}

describe('retention', () => {
  it('keeps a message until sentAt + RETENTION_DAYS, then deletes rows and files', async () => {
    const cm = await t.agent().loginAs(CM.user, CM.officeUser);
    const res = await cm.send({ destination: HH.office, message: '保存期間テスト' }, [planCsv(), pdf()]);
    const { message } = sendResponseSchema.parse(await res.json());
    expect(message.expiresAt).toBe('2026-05-01T09:00:00.000Z');
    // a small send: its bytes in renkei.db (file_chunks)
    const chunks = () => {
      const db = new Database(join(t.dataDir, 'renkei.db'), { readonly: true });
      try {
        return (db.prepare('SELECT COUNT(*) AS n FROM file_chunks c JOIN message_files f ON f.id = c.file_id WHERE f.message_id = ?').get(message.id) as { n: number }).n;
      } finally {
        db.close();
      }
    };
    expect(chunks()).toBe(2);

    clock += hours(24 * 30) - 1000;
    expect((await t.sweep()).messages).toBe(0);
    let hh = await t.agent().loginAs(HH.user, HH.officeUser);
    expect((await received(hh)).map((m) => m.id)).toEqual([message.id]);

    clock += 1000;
    expect((await t.sweep()).messages).toBe(1);
    hh = await t.agent().loginAs(HH.user, HH.officeUser);
    expect(await received(hh)).toEqual([]);
    expect((await hh.request(`/api/messages/${message.id}`)).status).toBe(404);
    expect(chunks()).toBe(0);
    expect(existsSync(join(t.dataDir, 'blobs', message.id))).toBe(false);
    const store = openSqliteStore(t.dataDir);
    try {
      expect((await store.audit.recent(5)).map((a) => a.action)).toContain('delete');
    } finally {
      await store.close();
    }
  });
});

describe('sessions', () => {
  it('expire after SESSION_HOURS', async () => {
    const agent = await t.agent().loginAs(CM.user, CM.officeUser);
    clock += hours(12) - 1000;
    expect((await agent.request('/api/session')).status).toBe(200);
    clock += 1000;
    expect((await agent.request('/api/session')).status).toBe(401);
    expect((await agent.request('/api/messages?box=sent')).status).toBe(401);
  });

  it('logging in again replaces the old session', async () => {
    const agent = t.agent();
    await agent.login(CM.user);
    const first = agent.cookie;
    await agent.login(CM.user);
    expect(agent.cookie).not.toBe(first);
    const old = t.agent();
    old.cookie = first;
    expect((await old.request('/api/session')).status).toBe(401);
  });
});
