// Files per send (issue 11, point 7) and the free-space reserve (point 8): a send of more files
// than one send may carry is refused in Japanese before any is written, and a flood of files in one
// request cannot make another office's send fail; below the reserve sends are refused (507) while
// logins, lists and downloads go on.
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiErrorSchema, MAX_SEND_FILES, sendResponseSchema } from '../../src/domain/contract';
import { pdf, planCsv, type TestFile } from '../support/agent';
import { CM, DS, HH } from '../support/cast';
import { openTestRelay, type TestRelay } from '../support/relay';

let t: TestRelay;
beforeAll(async () => {
  t = await openTestRelay();
});
afterAll(async () => {
  await t.stop();
});

const pdfs = (count: number, size = 16): TestFile[] => Array.from({ length: count }, (_, i) => pdf(`資料${i}.pdf`, size));

describe('files per send', () => {
  it(`takes ${MAX_SEND_FILES} files, and refuses ${MAX_SEND_FILES + 1} in Japanese, storing nothing`, async () => {
    const cm = await t.agent().loginAs(CM.user, CM.officeUser);
    expect((await cm.send({ destination: HH.office, message: '' }, pdfs(MAX_SEND_FILES))).status).toBe(201);
    const blobs = readdirSync(join(t.dataDir, 'blobs')).length;
    const res = await cm.send({ destination: HH.office, message: '' }, pdfs(MAX_SEND_FILES + 1));
    expect(res.status).toBe(422);
    expect(apiErrorSchema.parse(await res.json()).error.message).toBe(
      `1回の送信で添付できるファイルは${MAX_SEND_FILES}個までです(${MAX_SEND_FILES + 1}個あります)。送信を分けてください`,
    );
    expect(readdirSync(join(t.dataDir, 'blobs'))).toHaveLength(blobs);
    expect(readdirSync(join(t.dataDir, 'tmp'))).toEqual([]);
  });

  it('20,000 one-byte files are refused cleanly, and another office’s send at the same moment goes through', async () => {
    const flood = await t.agent().loginAs(DS.user, DS.officeUser);
    const other = await t.agent().loginAs(CM.user, CM.officeUser);
    const tiny = Array.from({ length: 20_000 }, (_, i) => ({ name: `f${i}.txt`, bytes: new Uint8Array([0x41]) }));
    const [flooded, ordinary] = await Promise.all([
      flood.send({ destination: HH.office, message: '' }, tiny),
      other.send({ destination: HH.office, message: '同時の送信' }, [planCsv(CM.office, HH.office, '20250402100000'), pdf()]),
    ]);
    expect(flooded.status).toBe(422);
    expect(ordinary.status).toBe(201);
    expect(sendResponseSchema.parse(await ordinary.json()).message.files).toHaveLength(2);
  }, 60_000);
});

describe('the free-space reserve', () => {
  it('refuses sends with 507 while logins, lists and downloads go on', async () => {
    const cm = await t.agent().loginAs(CM.user, CM.officeUser);
    const sent = sendResponseSchema.parse(await (await cm.send({ destination: HH.office, message: '予約前' }, [pdf()])).json()).message;
    // a reserve larger than any disk: as if the data folder's disk were nearly full
    const reserve = t.relay.deps.config.diskReserveBytes;
    t.relay.deps.config.diskReserveBytes = Number.MAX_SAFE_INTEGER;
    try {
      const refused = await cm.send({ destination: HH.office, message: '' }, [pdf()]);
      expect(refused.status).toBe(507);
      expect(apiErrorSchema.parse(await refused.json()).error).toMatchObject({ code: 'storage-full', message: 'サーバーの保存領域が不足しています' });
      const hh = await t.agent().loginAs(HH.user, HH.officeUser);
      expect((await hh.request('/api/messages?box=received')).status).toBe(200);
      expect((await hh.request(`/api/messages/${sent.id}/files/${sent.files[0]!.id}`)).status).toBe(200);
    } finally {
      t.relay.deps.config.diskReserveBytes = reserve;
    }
    expect((await cm.send({ destination: HH.office, message: '' }, [pdf('後.pdf')])).status).toBe(201);
  });
});
