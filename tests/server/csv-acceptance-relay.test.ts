// The relay takes the legal files of the acceptance corpus (tests/support/acceptance-cases.ts) as
// the app sends them: 201, stored byte for byte, and the CSV warnings never refuse a send.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { acceptanceCases } from '../support/acceptance-cases';
import { Agent, pdf } from '../support/agent';
import { CM, DS, HH } from '../support/cast';
import { openTestRelay, type TestRelay } from '../support/relay';

let t: TestRelay;
let cm: Agent;
let hh: Agent;

beforeAll(async () => {
  t = await openTestRelay();
  cm = await t.agent().loginAs(CM.user, CM.officeUser);
  hh = await t.agent().loginAs(HH.user, HH.officeUser);
});
afterAll(async () => {
  await t.stop();
});

const byId = new Map(acceptanceCases().map((c) => [c.id, c]));
const filesOf = (id: string) => byId.get(id)!.files.map((f) => ({ name: f.name, bytes: f.bytes }));

describe('the relay takes the files the spec allows', () => {
  it.each([
    ['plan-unit-202407', HH.office],
    ['plan-unit-201910', HH.office],
    ['usage-unit-202208', HH.office],
    ['usage-unit-quote-all', HH.office],
    ['usage-unit-202504', HH.office],
    ['kihon-unit-v4', DS.office],
    ['yobo-unit-v4', DS.office],
  ])('%s from the 居宅 (with a PDF beside it)', async (id, destination) => {
    const res = await cm.send({ destination, message: '' }, [...filesOf(id), pdf('第3表_週間サービス計画表.pdf')]);
    expect(res.status, await res.clone().text()).toBe(201);
  });

  it.each(['actual-202407', 'actual-202003', 'actual-spec-example-order', 'dltjsk-202407'])('%s from the provider', async (id) => {
    const res = await hh.send({ destination: CM.office, message: '' }, filesOf(id));
    expect(res.status, await res.clone().text()).toBe(201);
  });
});
