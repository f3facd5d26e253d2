// Where the bytes of a built script come from: each stretch of the minified file is traced through
// its source map to the module it was made from, and the bytes are summed per package
// (node_modules) or per folder of src/. Needs a build with source maps (`--sourcemap hidden`: the
// same scripts, the maps beside them).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { eachMapping, TraceMap } from '@jridgewell/trace-mapping';

export interface SourceShare {
  /** a package ("zod", "@preact/signals") or a folder of src/ ("src/views/app") */
  source: string;
  /** minified bytes from it */
  raw: number;
  /** its bytes gzipped on their own: more than its share of the file's gzip, which compresses across sources */
  gzipAlone: number;
}

/** "node_modules/@preact/signals/dist/x.js" → "@preact/signals"; "../src/db/db.ts" → "src/db"; "src/views/app/App.tsx" → "src/views/app" */
function groupOf(source: string | null): string {
  if (!source) return '(bundler)';
  const inPackage = /node_modules\/((?:@[^/]+\/)?[^/]+)\//.exec(source);
  if (inPackage) return inPackage[1]!;
  // src/views by screen, the other folders of src/ whole
  const local = /(?:^|\/)(src\/views\/[^/]+|src\/[^/]+)\/[^]*$/.exec(source) ?? /(?:^|\/)(src)\/[^/]+$/.exec(source);
  return local ? local[1]! : source.replace(/^(\.\.\/)+/, '');
}

export function sourceShares(outDir: string, files: readonly string[]): SourceShare[] {
  const text = new Map<string, string[]>();
  for (const file of files) {
    const code = readFileSync(join(outDir, file), 'utf8');
    const map = new TraceMap(readFileSync(join(outDir, `${file}.map`), 'utf8'));
    const lines = code.split('\n');
    const segments: { line: number; column: number; source: string }[] = [];
    eachMapping(map, (m) => segments.push({ line: m.generatedLine, column: m.generatedColumn, source: groupOf(m.source) }));
    segments.sort((a, b) => a.line - b.line || a.column - b.column);
    segments.forEach((s, i) => {
      const next = segments[i + 1];
      const line = lines[s.line - 1] ?? '';
      const end = next && next.line === s.line ? next.column : line.length;
      const parts = text.get(s.source) ?? [];
      parts.push(line.slice(s.column, end));
      text.set(s.source, parts);
    });
  }
  return [...text]
    .map(([source, parts]) => {
      const all = parts.join('');
      return { source, raw: Buffer.byteLength(all), gzipAlone: gzipSync(all, { level: 9 }).byteLength };
    })
    .sort((a, b) => b.raw - a.raw);
}
