// File-name rules (length, path and control characters) are the domain's, so the checks a send
// passes before the client queues it refuse exactly what the relay refuses: a name the relay
// would answer 422 never sits in the outbox.
import { beforeAll, describe, expect, it } from 'vitest';
import { checkSend } from '../../src/domain/attachments';
import { apiErrorSchema } from '../../src/domain/contract';
import { pdf, type Agent } from '../support/agent';
import { CM, HH } from '../support/cast';
import { useRelay } from '../support/use-relay';

const PDF_HEAD = new TextEncoder().encode('%PDF-1.4\n');
const attachment = (name: string) => ({ name, size: 64, head: PDF_HEAD });

const t = useRelay();
let cm: Agent;
beforeAll(async () => {
  cm = await t.signedIn(CM);
});

describe('a file name the relay refuses is refused before it is queued', () => {
  it('a PDF name of 256 characters', () => {
    const errors = checkSend([attachment(`${'長'.repeat(252)}.pdf`)], { sender: CM.office, destination: HH.office }).errors;
    expect(errors.join('\n')).toMatch(/ファイル名が長すぎます/);
  });

  it('255 characters are fine', () => {
    expect(checkSend([attachment(`${'長'.repeat(251)}.pdf`)], { sender: CM.office, destination: HH.office }).errors).toEqual([]);
  });

  it.each([`${'長'.repeat(252)}.pdf`, '../../etc/passwd.pdf', 'a\\b.pdf', 'a\u0000b.pdf', 'memo\r\n.pdf', '..'])(
    'the client names the relay’s reason for %j',
    async (name) => {
      const res = await cm.send({ destination: HH.office, message: '' }, [pdf(name)]);
      expect(res.status).toBe(422);
      const { error } = apiErrorSchema.parse(await res.json());
      const client = checkSend([attachment(name)], { sender: CM.office, destination: HH.office }).errors;
      expect(client).toContain(error.message);
    },
  );
});
