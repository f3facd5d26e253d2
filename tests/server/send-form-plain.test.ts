// A plain multipart body is read without busboy (server/routes/send-form-plain.ts); whatever it
// reads must be exactly what busboy reads (readSendForm without a declared length), and whatever it
// is not sure of it must leave to busboy. Compared on bodies as browsers and undici write them and
// on thousands of damaged ones.
import { Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { MAX_SEND_FILES } from '../../src/domain/contract';
import { readSendForm, type SendForm } from '../../server/routes/send-form';
import { readPlainSendForm } from '../../server/routes/send-form-plain';

type Verdict = { form: { metaText: string | null; files: { name: string; hex: string; sha256: string }[]; fileCount: number; textInFiles: boolean } } | { refused: true };

const shown = (form: SendForm): Verdict => ({
  form: { ...form, files: form.files.map((f) => ({ name: f.name, hex: Buffer.from(f.bytes).toString('hex'), sha256: f.sha256 })) },
});

async function byBusboy(contentType: string, body: Buffer): Promise<Verdict> {
  try {
    return shown(await readSendForm(contentType, Readable.from([body])));
  } catch {
    return { refused: true };
  }
}

async function encoded(fill: (form: FormData) => void): Promise<{ contentType: string; body: Buffer }> {
  const form = new FormData();
  fill(form);
  const req = new Request('http://relay.test/', { method: 'POST', body: form });
  return { contentType: req.headers.get('content-type')!, body: Buffer.from(await req.arrayBuffer()) };
}

function random(seed: number) {
  let s = seed >>> 0;
  return () => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

const META = JSON.stringify({ destination: '3310000017', message: 'こんにちは\r\n--' });

async function samples(): Promise<{ label: string; contentType: string; body: Buffer }[]> {
  const next = random(7);
  const bytesOf = (n: number) => Uint8Array.from({ length: n }, () => Math.floor(next() * 256));
  const shapes: [string, (form: FormData) => void][] = [
    ['meta and files', (f) => {
      f.append('meta', META);
      f.append('files', new Blob([bytesOf(5000)]), 'UPPLAN_202504_3300000001_3310000017_20250325103000.csv');
      f.append('files', new Blob([bytesOf(0)]), '第3表_週間計画.pdf');
      f.append('files', new Blob([bytesOf(7)]), 'a"b\r\n%22.pdf');
      f.append('files', new Blob([bytesOf(9)]), 'folder/x.CSV');
    }],
    ['meta as a file', (f) => f.append('meta', new Blob([META]), 'meta.json')],
    ['two metas', (f) => {
      f.append('meta', new Blob([META]), 'meta.json');
      f.append('meta', '{}');
    }],
    ['text in files', (f) => {
      f.append('meta', META);
      f.append('files', 'not a file');
    }],
    ['other fields', (f) => {
      f.append('x', 'y');
      f.append('meta', '');
      f.append('files', new Blob([Buffer.from('\r\n--\r\n\r\n--formdata')]), 'dash.csv');
    }],
    ['past the file limit', (f) => {
      f.append('meta', META);
      for (let i = 0; i <= MAX_SEND_FILES + 1; i++) f.append('files', new Blob([bytesOf(3)]), `f${i}.pdf`);
    }],
    ['no meta', (f) => f.append('files', new Blob([bytesOf(10)]), 'x.pdf')],
    ['empty', () => {}],
  ];
  const out: { label: string; contentType: string; body: Buffer }[] = [];
  for (const [label, fill] of shapes) out.push({ label, ...(await encoded(fill)) });
  // damaged copies: a byte deleted, inserted or changed, the end cut, the type changed
  const marks = [0x0d, 0x0a, 0x2d, 0x22, 0x5c, 0x20, 0x3b, 0x3a, 0x61, 0x00, 0xff, 0x09];
  const canonical = out.slice();
  for (const { label, contentType, body } of canonical) {
    for (let round = 0; round < 250; round++) {
      const copy = Buffer.from(body);
      // the structure sits in the first and last few hundred bytes: aim there mostly
      const near = next() < 0.7 ? Math.floor(next() * Math.min(body.length, 400)) : Math.floor(next() * body.length);
      const at = next() < 0.3 ? Math.max(0, body.length - 1 - (near % 200)) : near;
      const mark = marks[Math.floor(next() * marks.length)]!;
      const how = Math.floor(next() * 4);
      let damaged: Buffer;
      if (how === 0) damaged = Buffer.concat([copy.subarray(0, at), copy.subarray(at + 1)]);
      else if (how === 1) damaged = Buffer.concat([copy.subarray(0, at), Buffer.from([mark]), copy.subarray(at)]);
      else if (how === 2) damaged = (copy[at] = mark, copy);
      else damaged = copy.subarray(0, at);
      out.push({ label: `${label} damaged ${round} (${how} at ${at})`, contentType, body: damaged });
    }
    const boundary = contentType.split('boundary=')[1]!;
    for (const type of [
      `multipart/form-data; boundary="${boundary}"`,
      `Multipart/Form-Data; boundary=${boundary}`,
      `multipart/form-data; boundary=${boundary}; charset=shift_jis`,
      `multipart/form-data;boundary=${boundary}`,
      'multipart/form-data',
    ]) out.push({ label: `${label} typed ${type}`, contentType: type, body });
  }
  return out;
}

describe('the plain multipart reader', () => {
  it('reads what busboy reads, or leaves the body to busboy', async () => {
    let plain = 0;
    let damagedPlain = 0;
    for (const { label, contentType, body } of await samples()) {
      const fast = readPlainSendForm(contentType, body);
      if (fast === null) continue;
      plain++;
      if (label.includes('damaged')) damagedPlain++;
      expect(shown(fast), label).toEqual(await byBusboy(contentType, body));
    }
    // browsers' and undici's own bodies are read plain, and many damaged ones still are (and agree)
    expect(plain).toBeGreaterThan(400);
    expect(damagedPlain).toBeGreaterThan(200);
  });

  it('reads the plain shape of browsers and undici, and leaves the rest', async () => {
    const { contentType, body } = await encoded((f) => {
      f.append('meta', META);
      f.append('files', new Blob(['a,b\r\n']), 'UPPLAN_202504_3300000001_3310000017_20250325103000.csv');
    });
    expect(readPlainSendForm(contentType, body)).toMatchObject({ metaText: META, fileCount: 1 });
    expect(readPlainSendForm(contentType, Buffer.concat([Buffer.from('preamble\r\n'), body]))).toBeNull();
    expect(readPlainSendForm(contentType.replace('boundary=', 'boundary="') + '"', body)).toBeNull();
    expect(readPlainSendForm(contentType, body.subarray(0, body.length - 4))).toBeNull();
  });
});
