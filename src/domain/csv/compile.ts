// A layout turned into the list of checks the record loop runs: built once per layout and era,
// with only the columns that have something to check (a free-text column without ○ or 項目長
// costs nothing), each remembering its last value, since neighbouring records repeat most values.
import { lengthCheck } from './field-length';
import type { Format } from './formats';
import { layoutFor, type Layout, type Need } from './layouts';
import type { FileKind } from '../filename';
import type { LayoutEra } from './versions';

export interface ColumnCheck {
  index: number;
  no: number;
  item: string;
  need: Need;
  format: Format;
  check: ((value: string) => string | null) | null;
  /** the 項目長 check (a warning), where the layout prints a length the format does not fix */
  length: ((value: string) => string | null) | null;
  /** the last value checked and its verdicts */
  last: string | undefined;
  lastVerdict: string | null;
  lastLength: string | null;
}

export interface CompiledLayout {
  layout: Layout;
  checks: ColumnCheck[];
  /** columns holding 介護保険事業所番号 (their check digit is looked at, as a warning) */
  offices: number[];
}

const compiled = new Map<Layout, CompiledLayout>();

export function compiledLayout(kind: FileKind, era: LayoutEra): CompiledLayout | null {
  const layout = layoutFor(kind, era);
  if (!layout) return null;
  let found = compiled.get(layout);
  if (!found) {
    const checks: ColumnCheck[] = layout.columns
      .filter((c) => c.format.id !== 'version')
      .map((c) => ({
        index: c.index, no: c.no, item: c.name, need: c.need, format: c.format, check: c.format.check,
        // 識別子 「※使用しない」: no reader looks at it, so its length does not matter either
        length: c.format.fixedWidth || c.format.id === 'unused' ? null : lengthCheck(c.length),
        last: undefined, lastVerdict: null, lastLength: null,
      }))
      .filter((c) => c.need === 'required' || c.need === 'uncertain' || c.check !== null || c.length !== null);
    const offices = layout.columns.filter((c) => c.format.id === 'office').map((c) => c.index);
    found = { layout, checks, offices };
    compiled.set(layout, found);
  }
  return found;
}
