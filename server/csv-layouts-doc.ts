// docs/csv-layouts.md from the validator's own layout tables: `npm run docs:layouts` writes it,
// and tests/unit/csv-layouts-doc.test.ts fails when the file and the tables part ways.
import { writeFileSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { FILE_KINDS, type FileKind } from '../src/domain/filename';
import { LAYOUT_DEFS, layoutFor, type Column } from '../src/domain/csv/layouts';

export const LAYOUTS_DOC = fileURLToPath(new URL('../docs/csv-layouts.md', import.meta.url));

const NEED: Record<Column['need'], string> = {
  required: '○', uncertain: '○ (uncertain: warns)', optional: '', 'detail-rows': '○ (detail rows)',
};

function row(c: Column, columns: Column[], hasPreV4: boolean): string {
  const preNo = columns.filter((x) => x.era !== 'v4' && x.index <= c.index).length;
  const notes = !hasPreV4 ? [] : c.era === 'v4' ? ['v4 only'] : [
    ...(preNo !== c.no ? [`pre-v4 No.${preNo}`] : []),
    ...(c.preV4Length !== undefined && c.preV4Length !== c.length ? [`pre-v4 項目長 ${c.preV4Length}`] : []),
  ];
  // the formats that fix a width check it themselves; elsewhere 項目長 is a maximum (field-length.ts)
  const measured = c.length !== null && !c.format.fixedWidth && c.format.id !== 'unused';
  const length = c.length === null ? '―' : measured ? `≤ ${c.length}` : String(c.length);
  const check = c.format.id === 'version' ? 'a CSVバージョン of the history, one per file'
    : c.format.id === 'unused' ? '(not used)' : c.format.check === null ? '' : c.format.expects;
  const severity = c.format.severity === 'warning' ? ' (warns)' : '';
  return `| ${c.no} | ${c.name} | ${length} | ${check}${severity} | ${NEED[c.need]} | ${notes.join(', ')} |`;
}

export function renderLayoutsDoc(): string {
  const parts = [
    '# Record layouts, column by column',
    '',
    'Generated from the validator\'s tables (`src/domain/csv/layouts/`) by `npm run docs:layouts`;',
    'do not edit by hand. What the columns mean for the checks: [csv-spec.md](csv-spec.md).',
    '',
    '- **No.**: the column number in v4 (CSVバージョン 202407). "pre-v4 No.N" where the column sits',
    '  elsewhere in 201910 / 202003 / 202208; "v4 only" where it does not exist before.',
    '- **Checked as**: the 書式 the validator enforces; empty for free text and columns without a',
    '  書式. "(warns)": the cell is uncertain in the layout, so a break only warns.',
    '- **項目長** as printed (― when none is). "≤ N": read as a maximum, and a longer value (in',
    '  characters, or in Shift_JIS bytes with full-width characters as two) warns; elsewhere the',
    '  書式 fixes the width itself (csv-spec.md, "Column checks").',
    '',
  ];
  for (const [kind, def] of Object.entries(LAYOUT_DEFS) as [FileKind, NonNullable<(typeof LAYOUT_DEFS)[FileKind]>][]) {
    if (kind === 'UPJSK') continue;
    const v4 = layoutFor(kind, 'v4')!;
    const pre = layoutFor(kind, 'pre-v4');
    const counts = pre ? `${pre.columns.length} columns before v4, ${v4.columns.length} in v4` : `${v4.columns.length} columns, v4 only`;
    const title = kind === 'UPPLAN' ? 'UPPLAN / UPJSK' : kind;
    parts.push(`## ${title}: ${def.title} (${FILE_KINDS[kind].label})`, '', counts, '',
      '| No. | 項目名 | 項目長 | Checked as | 必須 | era |', '|---|---|---|---|---|---|',
      ...v4.columns.map((c) => row(c, v4.columns, pre !== null)), '');
  }
  return parts.join('\n');
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  writeFileSync(LAYOUTS_DOC, renderLayoutsDoc());
  console.log(`wrote ${LAYOUTS_DOC}`);
}
