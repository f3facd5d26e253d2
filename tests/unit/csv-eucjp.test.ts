// A CSV saved as EUC-JP (an editor's or an old system's Japanese) is one clear refusal, as UTF-8
// is: read as CP932 it made 180 errors of garbled text for one 第6表 in the trial.
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { encodingRefusal } from '../../src/domain/csv/decode';
import { validateCsv } from '../../src/domain/csv/validate';
import { csvText, makeCsvFile, makeRecords } from '../support/csvgen';

const plan = makeCsvFile('UPPLAN');
const eucJp = new Uint8Array(iconv.encode(csvText(makeRecords('UPPLAN')), 'euc-jp'));

describe('EUC-JP', () => {
  it('is refused in one sentence naming the encoding', () => {
    expect(encodingRefusal(eucJp)).toMatch(/^文字コードがEUC-JPになっています。連携ファイルはShift_JIS\(CP932\)です/);
    const { problems } = validateCsv(plan.name, eucJp);
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatchObject({ severity: 'error' });
    expect(problems[0]!.message).toContain('EUC-JP');
  });

  it('is never said of a CP932 file, whole or with one bad byte', () => {
    expect(encodingRefusal(plan.bytes)).toBeNull();
    const damaged = plan.bytes.slice();
    damaged[damaged.indexOf(0x0d) - 1] = 0x80;
    expect(encodingRefusal(damaged)).toBeNull();
  });
});
