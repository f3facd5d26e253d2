// The relay takes the legal files of the acceptance corpus (tests/support/acceptance-cases.ts) as
// the app sends them: 201, and the CSV warnings never refuse a send.
import { describe, expect, it } from 'vitest';
import { acceptanceCases } from '../support/acceptance-cases';
import { pdf } from '../support/agent';
import { CM, DS, HH } from '../support/cast';
import { useRelay } from '../support/use-relay';

const relay = useRelay();

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
    ['yobo-usage-unit', HH.office],
    ['usage-unit-other-providers', HH.office],
  ])('%s from the 居宅 (with a PDF beside it)', async (id, destination) => {
    const cm = await relay.signedIn(CM);
    const res = await cm.send({ destination, message: '' }, [...filesOf(id), pdf('第3表_週間サービス計画表.pdf')]);
    expect(res.status, await res.clone().text()).toBe(201);
  });

  it.each(['actual-202407', 'actual-202003', 'actual-spec-example-order', 'dltjsk-202407', 'yobo-actual'])('%s from the provider', async (id) => {
    const hh = await relay.signedIn(HH);
    const res = await hh.send({ destination: CM.office, message: '' }, filesOf(id));
    expect(res.status, await res.clone().text()).toBe(201);
  });
});
