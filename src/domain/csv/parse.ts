// Records from CSV text: comma separated, "…" around free text with "" for a quote, commas and
// newlines kept inside quotes, CRLF (LF also read). No header row.
import Papa from 'papaparse';

export interface ParsedCsv {
  records: string[][];
  /** Broken quoting, by 1-based record number. */
  quoteErrors: { row: number; message: string }[];
}

export function parseCsvText(text: string): ParsedCsv {
  const result = Papa.parse<string[]>(text, {
    delimiter: ',',
    quoteChar: '"',
    escapeChar: '"',
    header: false,
    dynamicTyping: false,
    skipEmptyLines: false,
  });
  const records = result.data;
  // The final CRLF ends the last record; it does not start an empty one.
  const last = records[records.length - 1];
  if (last && last.length === 1 && last[0] === '') records.pop();
  const quoteErrors = result.errors
    .filter((e) => e.type === 'Quotes')
    .map((e) => ({ row: (e.row ?? 0) + 1, message: quoteMessage(e.code) }));
  return { records, quoteErrors };
}

function quoteMessage(code: string): string {
  return code === 'MissingQuotes'
    ? '引用符(")が閉じられていません'
    : '引用符(")の使い方が正しくありません(項目内の " は "" と書きます)';
}
