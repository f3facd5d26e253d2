// CSV text for spreadsheets (Excel): fields quoted only where they must be, CRLF line ends. For
// documents people read (exports, the 送受信記録), never for 連携 files, which stay as they came.
// Written here rather than with papaparse's unparse: the domain is shared with every runtime,
// where papaparse is typed only for parsing (types/papaparse.d.ts).

function field(value: string | number | null): string {
  const text = value === null ? '' : String(value);
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export const toCsv = (rows: readonly (readonly (string | number | null)[])[]): string => rows.map((r) => r.map(field).join(',')).join('\r\n') + '\r\n';
