// The record reader (src/domain/csv/parse.ts) against papaparse: the same records for every text
// papaparse can read (one line ending per text), and record by record where papaparse cannot
// (a mix of CRLF and LF in one file).
import iconv from 'iconv-lite';
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { validateCsv } from '../../src/domain/csv';
import { parseCsvText } from '../../src/domain/csv/parse';
import { kindVersions, makeSpecFile } from '../support/spec-files';

const papa = (text: string, newline: '\r\n' | '\n' | '\r') => {
  const data = Papa.parse<string[]>(text, { delimiter: ',', newline, quoteChar: '"', escapeChar: '"', skipEmptyLines: false }).data;
  const last = data[data.length - 1];
  if (last && last.length === 1 && last[0] === '') data.pop();
  return data;
};
const decode = (bytes: Uint8Array) => new TextDecoder('shift_jis').decode(bytes);

describe('the same records as papaparse', () => {
  it.each(kindVersions())('%s %s in CRLF, LF and CR', (kind, version) => {
    const crlf = decode(makeSpecFile(kind, version).bytes);
    for (const [newline, text] of [['\r\n', crlf], ['\n', crlf.replace(/\r\n/g, '\n')], ['\r', crlf.replace(/\r\n/g, '\r')]] as const) {
      expect(parseCsvText(text).records, JSON.stringify(newline)).toEqual(papa(text, newline));
    }
  });

  it.each([
    ['empty quoted fields and a quote-only field', 'a,"",""""\r\n"x\r\ny",b,c\r\n'],
    ['a comma at the end of a record', 'a,b,\r\nc,d,\r\n'],
    ['a blank line between records', 'a,b\r\n\r\nc,d\r\n'],
    ['no final line break', 'a,b\r\nc,"d,e"'],
    ['a quote inside an unquoted field', 'ab"c,d\r\n'],
    ['blanks after a closing quote', '"a"  ,b\r\n'],
  ])('%s', (_, text) => {
    expect(parseCsvText(text).records).toEqual(papa(text, '\r\n'));
    expect(parseCsvText(text).quoteErrors).toEqual([]);
  });
});

describe('line endings record by record', () => {
  it('a lone LF among CRLF records ends its record (papaparse would merge the two)', () => {
    const text = 'a,b\r\nc,d\ne,f\r\ng,"h\r\ni"\ng,h';
    expect(parseCsvText(text).records).toEqual([['a', 'b'], ['c', 'd'], ['e', 'f'], ['g', 'h\r\ni'], ['g', 'h']]);
    expect(papa(text, '\r\n')[1]).toEqual(['c', 'd\ne', 'f']); // the trap: papaparse merges two records
  });

  it('a spec-valid file with mixed endings passes, each record on its own row', () => {
    const file = makeSpecFile('UPPLAN', '202407');
    const text = decode(file.bytes);
    let n = 0;
    // every other record end becomes a bare LF; line breaks inside quotes stay as they are
    const mixed = text.replace(/\r\n(?=\d{6},)/g, () => (n++ % 2 === 0 ? '\n' : '\r\n'));
    expect(mixed).not.toBe(text);
    const encoded = new Uint8Array(iconv.encode(mixed, 'cp932'));
    expect(validateCsv(file.name, encoded).problems).toEqual([]);
    expect(parseCsvText(mixed).records).toEqual(file.records);
  });

  it('quoted commas and line breaks are kept as written', () => {
    const { records } = parseCsvText('1,"a,b","c\r\nd","e\nf","g""h"\r\n');
    expect(records).toEqual([['1', 'a,b', 'c\r\nd', 'e\nf', 'g"h']]);
  });
});

describe('broken quoting', () => {
  it('an unclosed quote is an error on its record, and the field keeps the rest', () => {
    expect(parseCsvText('a,b\r\nc,"d\r\ne')).toEqual({
      records: [['a', 'b'], ['c', 'd\r\ne']], quoteErrors: [{ row: 2, column: 2, message: '引用符(")が閉じられていません' }],
    });
  });

  it('text after a closing quote is an error on its record', () => {
    expect(parseCsvText('a\r\n"b"c,d\r\n').quoteErrors).toEqual([{ row: 2, column: 1, message: expect.stringContaining('引用符(")の使い方が正しくありません') }]);
  });
});

describe('records handed over one by one, not kept', () => {
  // the checks read this way (keep false): one array, filled again for each record
  const seen = (text: string) => {
    const records: string[][] = [];
    const { quoteErrors } = parseCsvText(text, (record) => records.push([...record]), false);
    return { records, quoteErrors };
  };

  it.each([
    ['longer, shorter and blank records in turn', 'a,b,c,d\r\ne,f\r\n\r\ng,h,i\r\n ,\r\nj'],
    ['a comma at the end after a longer record', 'a,b,c\r\nd,\r\ne,f,g,h,\r\n'],
    ['quoted fields, broken quoting and no final line break', '1,"a,b","c\r\nd",x\r\n"e"f,"g""h"\r\n"i'],
  ])('%s: the same records as when kept', (_, text) => {
    expect(seen(text)).toEqual(parseCsvText(text));
    expect(parseCsvText(text, undefined, false).records).toEqual([]);
  });

  it('a spec file of every kind and version: the same records as when kept', () => {
    for (const [kind, version] of kindVersions()) {
      const text = decode(makeSpecFile(kind, version).bytes);
      expect(seen(text), `${kind} ${version}`).toEqual(parseCsvText(text));
    }
  });
});
