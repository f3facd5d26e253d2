import 'fake-indexeddb/auto';
import { beforeEach, describe, expect, it } from 'vitest';
import { deleteDraft, getDraft, listDrafts, saveDraft } from '../../src/db/drafts';
import { bytesOf, csvFile, freshDatabase } from '../support/db';

const NAME = 'UP1KYO_3300000001_3310000017_20250101120000.CSV';

beforeEach(freshDatabase);

describe('drafts', () => {
  it('keeps a draft with its files byte for byte', async () => {
    const saved = await saveDraft({ destination: '3310000017', message: 'よろしくお願いします', files: [csvFile(NAME)] });
    const loaded = await getDraft(saved.id);
    expect(loaded?.destination).toBe('3310000017');
    expect(loaded?.message).toBe('よろしくお願いします');
    expect(loaded?.files.map((f) => f.name)).toEqual([NAME]);
    expect(await bytesOf(loaded!.files[0]!.blob)).toEqual([0x82, 0xa0, 0x2c, 0x31, 0x0d, 0x0a]);
  });

  it('updates a draft in place when saved with its id', async () => {
    const first = await saveDraft({ destination: '', message: 'a', files: [] });
    await saveDraft({ id: first.id, destination: '3310000017', message: 'b', files: [csvFile(NAME)] });
    const all = await listDrafts();
    expect(all).toHaveLength(1);
    expect(all[0]).toMatchObject({ id: first.id, destination: '3310000017', message: 'b' });
  });

  it('lists newest first and deletes one', async () => {
    const older = await saveDraft({ destination: '3310000017', message: 'old', files: [] }, () => 1_000);
    const newer = await saveDraft({ destination: '3310000025', message: 'new', files: [] }, () => 1_001);
    expect((await listDrafts()).map((d) => d.id)).toEqual([newer.id, older.id]);
    await deleteDraft(older.id);
    expect((await listDrafts()).map((d) => d.id)).toEqual([newer.id]);
    expect(await getDraft(older.id)).toBeUndefined();
  });

  it('gives every new draft its own id', async () => {
    const a = await saveDraft({ destination: '', message: '', files: [] });
    const b = await saveDraft({ destination: '', message: '', files: [] });
    expect(a.id).not.toBe(b.id);
  });
});
