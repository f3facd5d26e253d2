// The rules across the fields of one record, or across the records of one file, that the
// layouts state in words (docs/csv-spec.md "Rules across fields").
import type { ParsedFileName } from '../../filename';
import type { Layout } from '../layouts';
import type { At, ProblemList } from '../problems';

export interface RuleContext {
  problems: ProblemList;
  layout: Layout;
  /** the file name, when it could be read */
  name: ParsedFileName | null;
}

export interface KindRules {
  /** each record that has the layout's column count (its array is filled again with the next record: keep strings, not it) */
  row?: (record: string[], row: number, ctx: RuleContext) => void;
  /** the whole file, once every record is checked (from what `row` kept) */
  file?: (ctx: RuleContext) => void;
}

/** Built per file (the rules may keep what they saw in earlier records). */
export type RuleFactory = (ctx: RuleContext) => KindRules;

/** By layout, the index of each 項目名 (its first column): the rules of a kind look theirs up per file. */
const indexes = new WeakMap<Layout, Map<string, number>>();

/** 0-based index of a column by 項目名 (the first one of that name). */
export function indexOf(layout: Layout, item: string): number {
  let byName = indexes.get(layout);
  if (!byName) {
    byName = new Map();
    for (let i = layout.columns.length - 1; i >= 0; i--) byName.set(layout.columns[i]!.name, i);
    indexes.set(layout, byName);
  }
  const index = byName.get(item);
  if (index === undefined) throw new Error(`${layout.kind}: no column ${item}`);
  return index;
}

/** The place of a column of a record, for a message. */
export function at(layout: Layout, row: number, index: number): At {
  const column = layout.columns[index]!;
  return { row, column: column.no, item: column.name };
}

/** Subtotal (<kind>AAAA / EEEE / ZZZZ) and grand-total (999999) rows of 第7表. */
export const SUMMARY_CODE = /^([0-9A-Z]{2}(AAAA|EEEE|ZZZZ)|999999)$/;
