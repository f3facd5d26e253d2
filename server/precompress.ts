// Build step (run by vite.config.ts after the PWA and its service worker are written): a brotli
// (.br) and a gzip (.gz) copy beside every compressible file of the build, so the relay serves
// them without compressing on each request (server/static.ts). A copy that would not be smaller
// is not written.
import { readdir, readFile, writeFile } from 'node:fs/promises';
import { extname, join } from 'node:path';
import { promisify } from 'node:util';
import { brotliCompress, constants, gzip } from 'node:zlib';

const brotli = promisify(brotliCompress);
const gz = promisify(gzip);

const COMPRESSIBLE = new Set(['.html', '.js', '.mjs', '.css', '.svg', '.json', '.webmanifest', '.txt', '.map']);
/** Below this the headers cost more than compression saves. */
export const PRECOMPRESS_MIN_BYTES = 512;

async function filesUnder(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true, recursive: true });
  return entries.filter((e) => e.isFile()).map((e) => join(e.parentPath, e.name));
}

export interface PrecompressReport {
  files: number;
  raw: number;
  br: number;
  gzip: number;
}

export async function precompressDir(dir: string): Promise<PrecompressReport> {
  const report: PrecompressReport = { files: 0, raw: 0, br: 0, gzip: 0 };
  const files = (await filesUnder(dir)).filter((f) => COMPRESSIBLE.has(extname(f).toLowerCase()));
  await Promise.all(
    files.map(async (file) => {
      const raw = await readFile(file);
      if (raw.length < PRECOMPRESS_MIN_BYTES) return;
      const [br, gzipped] = await Promise.all([
        brotli(raw, { params: { [constants.BROTLI_PARAM_QUALITY]: 11, [constants.BROTLI_PARAM_SIZE_HINT]: raw.length } }),
        gz(raw, { level: 9 }),
      ]);
      report.files += 1;
      report.raw += raw.length;
      if (br.length < raw.length) {
        await writeFile(`${file}.br`, br);
        report.br += br.length;
      }
      if (gzipped.length < raw.length) {
        await writeFile(`${file}.gz`, gzipped);
        report.gzip += gzipped.length;
      }
    }),
  );
  return report;
}
