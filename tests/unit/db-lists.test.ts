// The lists kept on this device for offline use: one record per owner, box and message, pruned
// by retention and size; and the offline pages the list screens build from them, with the
// relay's filters and order (src/domain/mailbox.ts).
import 'fake-indexeddb/auto';
import { beforeEach, describe, expect, it } from 'vitest';
import { clearCachedLists, keepMessages, keptMessage, keptMessages, keptOfficeNames, MAX_KEPT } from '../../src/db/cache';
import { readPrefs, updatePrefs } from '../../src/db/prefs';
import type { MessageSummary } from '../../src/domain/contract';
import { loadPage } from '../../src/views/messages/list-loader';
import { freshDatabase, summary } from '../support/db';

beforeEach(freshDatabase);

const CM = { userId: 'cm01', office: '3300000001' };
const OTHER = { userId: 'cm02', office: '3300000001' };
const NOW = Date.parse('2025-01-10T00:00:00.000Z');

function message(id: string, sentAt: string, extra: Partial<MessageSummary> = {}): MessageSummary {
  return { ...summary(id), sentAt, expiresAt: '2099-01-01T00:00:00.000Z', ...extra };
}

describe('kept lists', () => {
  it('keeps each owner’s messages apart, replacing a message seen again', async () => {
    await keepMessages(CM, 'received', [message('a', '2025-01-01T00:00:00.000Z'), message('b', '2025-01-02T00:00:00.000Z')], NOW);
    await keepMessages(CM, 'received', [message('a', '2025-01-01T00:00:00.000Z', { downloadStatus: '済' })], NOW + 1);
    const kept = await keptMessages(CM, 'received', NOW);
    expect(kept.messages.map((m) => [m.id, m.downloadStatus]).sort()).toEqual([['a', '済'], ['b', '未']]);
    expect(kept.fetchedAt).toBe(NOW + 1);
    expect(await keptMessages(OTHER, 'received', NOW)).toEqual({ messages: [], fetchedAt: null });
    expect(await keptMessages(CM, 'sent', NOW)).toEqual({ messages: [], fetchedAt: null });
    expect((await keptMessage(CM, 'received', 'b'))?.id).toBe('b');
    expect(await keptMessage(OTHER, 'received', 'b')).toBeUndefined();
    await keepMessages(OTHER, 'received', [message('c', '2025-01-03T00:00:00.000Z')], NOW);
    // a logout drops that owner's copy only
    await clearCachedLists(CM);
    expect((await keptMessages(CM, 'received', NOW)).messages).toEqual([]);
    expect((await keptMessages(OTHER, 'received', NOW)).messages.map((m) => m.id)).toEqual(['c']);
  });

  it('knows the office names of the owner’s kept messages, the newest name winning, for offline rows', async () => {
    const renamed = { number: '3310000017', name: 'さくら訪問介護', kind: '訪問介護' };
    await keepMessages(CM, 'sent', [message('a', '2025-01-01T00:00:00.000Z'), message('b', '2025-01-03T00:00:00.000Z', { destination: renamed })], NOW);
    const day = { number: '3310000025', name: 'ひまわりデイサービス', kind: '通所介護' };
    await keepMessages(CM, 'received', [message('c', '2025-01-02T00:00:00.000Z', { sender: day })], NOW);
    const names = await keptOfficeNames(CM, NOW);
    expect(names.get('3310000017')).toBe('さくら訪問介護');
    expect(names.get('3310000025')).toBe('ひまわりデイサービス');
    expect(names.get('3300000001')).toBe('れんけい居宅介護支援センター');
    // another person's kept lists are not this one's to show
    expect((await keptOfficeNames(OTHER, NOW)).size).toBe(0);
  });

  it('drops what retention deleted and keeps the newest MAX_KEPT', async () => {
    const many = Array.from({ length: MAX_KEPT + 5 }, (_, i) => message(`m${String(i).padStart(5, '0')}`, new Date(NOW - i * 1000).toISOString()));
    await keepMessages(CM, 'sent', [...many, message('old', '2024-11-01T00:00:00.000Z', { expiresAt: '2024-12-01T00:00:00.000Z' })], NOW);
    const kept = (await keptMessages(CM, 'sent', NOW)).messages.map((m) => m.id);
    expect(kept).toHaveLength(MAX_KEPT);
    expect(kept).not.toContain('old');
    expect(kept).not.toContain(`m${String(MAX_KEPT + 4).padStart(5, '0')}`);
  });
});

describe('offline pages', () => {
  it('filter and order what is kept as the relay would, 50 at a time, and say it is the device’s copy', async () => {
    const from = (sender: string, name: string) => ({ sender: { number: sender, name, kind: '' } });
    const kept = Array.from({ length: 60 }, (_, i) =>
      message(`p${String(i).padStart(2, '0')}`, new Date(NOW - i * 60_000).toISOString(), {
        ...(i % 2 === 0 ? from('3310000017', 'さくら訪問介護') : from('3310000025', 'ひまわりデイ')),
        message: i === 7 ? 'ＡＢＣ様の計画' : '',
      }),
    );
    await keepMessages(CM, 'received', kept, NOW);
    const first = await loadPage({ owner: CM, box: 'received', filter: {}, sort: 'newest', cursor: null, isOnline: false });
    expect(first.messages).toHaveLength(50);
    expect(first.messages[0]!.id).toBe('p00');
    expect(first.offline).toEqual({ kept: 60, matching: 60, fetchedAt: NOW });
    const second = await loadPage({ owner: CM, box: 'received', filter: {}, sort: 'newest', cursor: first.next, isOnline: false });
    expect(second.messages.map((m) => m.id)).toEqual(kept.slice(50).map((m) => m.id));
    expect(second.next).toBeNull();

    const himawari = await loadPage({ owner: CM, box: 'received', filter: { office: 'ひまわり' }, sort: 'oldest', cursor: null, isOnline: false });
    expect(himawari.messages).toHaveLength(30);
    expect(himawari.messages[0]!.id).toBe('p59');
    expect(himawari.offline?.matching).toBe(30);
    expect((await loadPage({ owner: CM, box: 'received', filter: { q: 'abc' }, sort: 'newest', cursor: null, isOnline: false })).messages.map((m) => m.id)).toEqual(['p07']);
    expect((await loadPage({ owner: OTHER, box: 'received', filter: {}, sort: 'newest', cursor: null, isOnline: false })).error).toBe('オフラインのため一覧を取得できません');
  });
});

describe('prefs', () => {
  it('are per person and office, off until turned on', async () => {
    expect((await readPrefs(CM)).notify).toBe(false);
    await updatePrefs(CM, (p) => ({ ...p, notify: true, notifiedUpTo: '2025-01-01T00:00:00.000Z' }));
    expect(await readPrefs(CM)).toMatchObject({ notify: true, notifiedUpTo: '2025-01-01T00:00:00.000Z', owner: CM });
    expect((await readPrefs(OTHER)).notify).toBe(false);
  });
});
