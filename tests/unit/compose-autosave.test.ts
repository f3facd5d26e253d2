// 新規作成's autosave in IndexedDB (fake-indexeddb): per person, office and screen; the files in
// their own record, written only when they change; writes in order, a burst of typing written
// once, a clear never overtaken by an earlier save.
import 'fake-indexeddb/auto';
import { beforeEach, describe, expect, it } from 'vitest';
import { clearAutosave, readAutosave, writeAutosave, type AutosaveKey } from '../../src/db/autosave';
import { openRenkeiDb } from '../../src/db/db';
import { AutosaveWriter, type AutosaveStatus } from '../../src/views/compose/autosave-writer';
import { bytesOf, csvFile, freshDatabase } from '../support/db';

beforeEach(freshDatabase);

const CM_NEW: AutosaveKey = { owner: { userId: 'cm01', office: '3300000001' }, source: 'new' };
const HH_NEW: AutosaveKey = { owner: { userId: 'hh01', office: '3310000017' }, source: 'new' };
const CM_OTHER_OFFICE: AutosaveKey = { owner: { userId: 'cm01', office: '3300000019' }, source: 'new' };
const CM_DRAFT: AutosaveKey = { owner: CM_NEW.owner, source: 'draft:d1' };
const NAME = 'UPPLAN_202504_3300000001_3310000017_20250325103000.CSV';

describe('the autosave store', () => {
  it('gives the work back only to the person and office that made it, for that screen', async () => {
    await writeAutosave(CM_NEW, { destination: '', message: '4月分です', files: [csvFile(NAME)] }, () => 42);
    const kept = await readAutosave(CM_NEW);
    expect(kept).toMatchObject({ destination: '', message: '4月分です', savedAt: 42 });
    expect(kept!.files.map((f) => f.name)).toEqual([NAME]);
    expect(await bytesOf(kept!.files[0]!.blob)).toEqual([0x82, 0xa0, 0x2c, 0x31, 0x0d, 0x0a]);
    expect(await readAutosave(HH_NEW)).toBeUndefined();
    expect(await readAutosave(CM_OTHER_OFFICE)).toBeUndefined();
    expect(await readAutosave(CM_DRAFT)).toBeUndefined();
  });

  it('keeps the stored files when a write carries only the text, and clears both records', async () => {
    await writeAutosave(CM_NEW, { destination: '', message: 'a', files: [csvFile(NAME)] });
    await writeAutosave(CM_NEW, { destination: '3310000017', message: 'ab' });
    const kept = await readAutosave(CM_NEW);
    expect(kept).toMatchObject({ destination: '3310000017', message: 'ab' });
    expect(kept!.files.map((f) => f.name)).toEqual([NAME]);
    await clearAutosave([CM_NEW]);
    expect(await readAutosave(CM_NEW)).toBeUndefined();
    const db = await openRenkeiDb();
    expect(await db.count('autosave')).toBe(0);
    expect(await db.count('autosaveFiles')).toBe(0);
  });
});

describe('AutosaveWriter', () => {
  it('writes a burst of changes once with the latest text, and the files only when they change', async () => {
    const statuses: AutosaveStatus['state'][] = [];
    const writer = new AutosaveWriter((s) => statuses.push(s.state));
    const files = [csvFile(NAME)];
    for (const message of ['4', '4月', '4月分', '4月分で', '4月分です']) writer.save(CM_NEW, { destination: '', message, files });
    await writer.settled();
    expect((await readAutosave(CM_NEW))?.message).toBe('4月分です');
    // the first save started at once; the four that arrived meanwhile became one
    expect(statuses.filter((s) => s === 'saved')).toHaveLength(2);

    // the same files array: the stored files are left as they are (a different blob proves it)
    const db = await openRenkeiDb();
    const stored = await db.get('autosaveFiles', 'cm01|3300000001|new');
    await db.put('autosaveFiles', { ...stored!, files: [csvFile('marker.CSV')] });
    writer.save(CM_NEW, { destination: '', message: 'typed more', files });
    await writer.settled();
    expect((await readAutosave(CM_NEW))!.files.map((f) => f.name)).toEqual(['marker.CSV']);
    // a new file set is written
    writer.save(CM_NEW, { destination: '', message: 'typed more', files: [...files, csvFile('b.pdf')] });
    await writer.settled();
    expect((await readAutosave(CM_NEW))!.files.map((f) => f.name)).toEqual([NAME, 'b.pdf']);
  });

  it('writes a save queued by a microtask the moment the previous write ends', async () => {
    // what a screen does: the status of the last write re-renders it, and that render runs the
    // effect of a change made meanwhile, in a microtask, before the write's own promise settles
    let queued = false;
    const writer: AutosaveWriter = new AutosaveWriter((status) => {
      if (status.state !== 'saved' || queued) return;
      queued = true;
      queueMicrotask(() => writer.save(CM_NEW, { destination: '', message: 'typed meanwhile', files: [] }));
    });
    writer.save(CM_NEW, { destination: '', message: 'first', files: [] });
    await writer.settled();
    await new Promise((resolve) => setTimeout(resolve, 0));
    await writer.settled();
    expect(queued).toBe(true);
    expect((await readAutosave(CM_NEW))?.message).toBe('typed meanwhile');
  });

  it('never lets a save land after the clear queued behind it', async () => {
    const writer = new AutosaveWriter();
    writer.save(CM_NEW, { destination: '', message: 'first', files: [] });
    writer.save(CM_NEW, { destination: '', message: 'second', files: [] });
    await writer.clear([CM_NEW]);
    expect(await readAutosave(CM_NEW)).toBeUndefined();
    writer.save(CM_DRAFT, { destination: '', message: 'after', files: [] });
    await writer.settled();
    expect((await readAutosave(CM_DRAFT))?.message).toBe('after');
  });
});
