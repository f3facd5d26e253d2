// 下書きに戻す from 送信トレイ: a refused send goes back to 下書き whole, once, and only its owner's.
import 'fake-indexeddb/auto';
import { beforeEach, describe, expect, it } from 'vitest';
import { getDraft, listDrafts, saveDraft } from '../../src/db/drafts';
import { enqueueSend, getOutboxItem, listOutbox, markFailed } from '../../src/outbox/store';
import { returnToDraft } from '../../src/outbox/to-draft';
import { bytesOf, csvFile, freshDatabase, signIn, TEST_OWNER } from '../support/db';

const NAME = 'UPPLAN_202501_3300000001_3310000017_20250101120000.CSV';

beforeEach(freshDatabase);

describe('returnToDraft', () => {
  it('turns a refused send into a draft with its destination, message and files, and takes it out of the outbox', async () => {
    const item = await enqueueSend({ destination: '3310000099', message: '第3表です', files: [csvFile(NAME)] });
    await markFailed(item.id, '送信先事業所番号 3310000099 の事業所は登録されていません');
    const draft = await returnToDraft(item.id);
    expect(draft).toMatchObject({ owner: TEST_OWNER, destination: '3310000099', message: '第3表です' });
    expect(await listOutbox()).toEqual([]);
    const kept = await getDraft(draft!.id);
    expect(kept!.files.map((f) => f.name)).toEqual([NAME]);
    expect(await bytesOf(kept!.files[0]!.blob)).toEqual([0x82, 0xa0, 0x2c, 0x31, 0x0d, 0x0a]);
  });

  it('writes back the draft a send came from rather than a second copy', async () => {
    const saved = await saveDraft({ destination: '3310000099', message: 'm', files: [csvFile(NAME)] });
    const item = await enqueueSend({ destination: '3310000099', message: 'm', files: [csvFile(NAME)], draftId: saved.id });
    await markFailed(item.id, 'refused');
    expect((await returnToDraft(item.id))!.id).toBe(saved.id);
    expect((await listDrafts()).map((d) => d.id)).toEqual([saved.id]);
  });

  it('leaves someone else’s send where it is', async () => {
    const item = await enqueueSend({ destination: '3310000099', message: 'm', files: [csvFile(NAME)] });
    await markFailed(item.id, 'refused');
    await signIn({ userId: 'hh01', office: '3310000017' });
    expect(await returnToDraft(item.id)).toBeNull();
    await signIn(TEST_OWNER);
    expect(await getOutboxItem(item.id)).toBeDefined();
    expect(await listDrafts()).toEqual([]);
  });
});
