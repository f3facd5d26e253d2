// A CSV export saved for a spreadsheet: UTF-8 with a BOM, which Excel opens as Japanese.
import { saveBytes } from '../messages/download';

export function saveText(name: string, text: string): void {
  saveBytes(name, new TextEncoder().encode(`\uFEFF${text}`));
}
