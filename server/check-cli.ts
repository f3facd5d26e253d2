// npm run check -- <files or folders> [--json]: the standard spec's checks of CSV files, for
// people and for care software vendors, with the code the app and the relay run
// (src/domain/csv/check-files.ts). Exit status 1 when any file has an error, 2 on bad usage.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { basename, join } from 'node:path';
import { isRoutedName } from '../src/domain/attachments';
import { checkFiles, entryCount, type FileCheckReport } from '../src/domain/csv/check-files';
import { FILE_KINDS } from '../src/domain/filename';
import { isEntryPoint } from './entry-point';

const USAGE = `使い方: npm run check -- <ファイルまたはフォルダ>... [--json]
  フォルダは中のCSVファイル(と UPKIHON_IMAGE の画像)を調べます。
  --json  ファイルごとに name, kind, version, errors[], warnings[] を JSON で出力します。
  終了コード: 0 誤りなし、1 誤りのあるファイルがある、2 使い方の誤り`;

interface Io {
  out: (text: string) => void;
  err: (text: string) => void;
}

/** Paths → files: a folder gives its routed files (CSV, 介護予防 images), sorted, recursively. */
function collect(path: string, explicit: boolean, into: { path: string; name: string }[]): void {
  const stat = statSync(path);
  if (stat.isDirectory()) {
    for (const entry of readdirSync(path).sort()) collect(join(path, entry), false, into);
  } else if (explicit || isRoutedName(basename(path))) {
    into.push({ path, name: basename(path) });
  }
}

function describe(report: FileCheckReport): string {
  const kind = report.kind ? `${FILE_KINDS[report.kind].label}(${report.kind})` : '種別不明';
  const version = report.version ? ` CSVバージョン ${report.version}` : '';
  const verdict = report.errors.length > 0 ? `誤り ${entryCount(report.errors)}件` : 'OK';
  const notes = report.warnings.length > 0 ? `・確認 ${entryCount(report.warnings)}件` : '';
  return `${report.name}  ${kind}${version}: ${verdict}${notes}`;
}

/** The message without the file name it starts with (the heading line names the file). */
const local = (message: string, name: string) => (message.startsWith(name) ? message.slice(name.length).replace(/^:?\s*/, '') : message);

export function runCheck(args: readonly string[], io: Io): number {
  const json = args.includes('--json');
  const paths = args.filter((a) => a !== '--json');
  const unknown = paths.filter((p) => p.startsWith('--'));
  if (paths.length === 0 || unknown.length > 0) {
    io.err(unknown.length > 0 ? `不明なオプション: ${unknown.join(' ')}\n${USAGE}` : USAGE);
    return 2;
  }
  const found: { path: string; name: string }[] = [];
  for (const path of paths) {
    try {
      collect(path, true, found);
    } catch {
      io.err(`${path}: ファイルまたはフォルダが見つかりません`);
      return 2;
    }
  }
  const reports = checkFiles(found.map((f) => ({ name: f.name, bytes: new Uint8Array(readFileSync(f.path)) })));
  if (json) io.out(JSON.stringify(reports, null, 2));
  else {
    for (const report of reports) {
      io.out(describe(report));
      for (const e of report.errors) io.out(`  誤り  ${local(e.message, report.name)}`);
      for (const w of report.warnings) io.out(`  確認  ${local(w.message, report.name)}`);
    }
    const failed = reports.filter((r) => r.errors.length > 0).length;
    io.out(`\n${reports.length}ファイルを検査しました。誤りのあるファイル: ${failed}`);
  }
  return reports.some((r) => r.errors.length > 0) ? 1 : 0;
}

if (isEntryPoint(import.meta.url)) {
  process.exitCode = runCheck(process.argv.slice(2), {
    out: (text) => console.log(text),
    err: (text) => console.error(text),
  });
}
