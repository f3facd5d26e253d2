// Every record layout, per file kind and per layout era. The sources document no column change
// between the pre-v4 CSV versions 201910, 202003 and 202208, so they share the pre-v4 tables;
// 202407 (and v4.0's 202504) use the v4 tables (docs/csv-spec.md "Versions").
import type { FileKind } from '../../filename';
import type { LayoutEra } from '../versions';
import { HOSOKU } from './hosoku';
import { KIHON, KIHON_DELETE, KIHON_SUB1, KIHON_SUB2 } from './kihon';
import { PLAN1, PLAN1_DELETE, PLAN2, PLAN3 } from './kyotaku';
import { SIKYU } from './sikyu';
import type { Column, Layout, LayoutDef } from './types';
import { ACTUAL, ACTUAL_DELETE, PLAN, PLAN_DELETE } from './usage';
import { YOBO, YOBO_DELETE, YOBO_SUB } from './yobo';

export type { Column, ColumnDef, Layout, LayoutDef, Need } from './types';

/** Every CSV kind (UPKIHON_IMAGE is a JPEG, not a CSV). */
export const LAYOUT_DEFS: Readonly<Partial<Record<FileKind, LayoutDef>>> = Object.fromEntries(
  [HOSOKU, PLAN1, PLAN2, PLAN3, PLAN1_DELETE, PLAN, ACTUAL, PLAN_DELETE, ACTUAL_DELETE, SIKYU,
    KIHON, KIHON_SUB1, KIHON_SUB2, KIHON_DELETE, YOBO, YOBO_SUB, YOBO_DELETE].map((d) => [d.kind, d]),
);

const built = new Map<string, Layout>();

/** The layout of a kind in an era, or null when the kind does not exist in it (第3表 before v4). */
export function layoutFor(kind: FileKind, era: LayoutEra): Layout | null {
  const def = LAYOUT_DEFS[kind];
  if (!def || !def.eras.includes(era)) return null;
  const key = `${kind}|${era}`;
  let layout = built.get(key);
  if (!layout) {
    const columns: Column[] = def.columns
      .filter((col) => !col.era || col.era === era)
      .map((col, index) => ({
        ...col,
        ...(era === 'pre-v4' && col.preV4Length !== undefined ? { length: col.preV4Length } : {}),
        no: index + 1,
        index,
      }));
    const month = def.monthItem ? columns.findIndex((col) => col.name === def.monthItem) : -1;
    layout = { kind, title: def.title, era, columns, monthIndex: month >= 0 ? month : null };
    built.set(key, layout);
  }
  return layout;
}

/** The era whose layout has this many columns, for a message on a record of the other era. */
export function eraWithColumnCount(kind: FileKind, count: number): LayoutEra | null {
  for (const era of ['pre-v4', 'v4'] as const) if (layoutFor(kind, era)?.columns.length === count) return era;
  return null;
}

/** 0-based column numbers of 第6表 / 実績 (v4 order) used by previews and diffs. */
export const SM = {
  insurer: 1, insured: 2, month: 4, planner: 6, units: 7, date: 9, start: 11, end: 12,
  count: 13, serviceCode: 14, equipment: 17, serial: 18, office: 19, officeName: 20, satellite: 21, over30: 22,
} as const;

/** 0-based column numbers of 第7表 (v4 order). */
export const SK = { insured: 2, officeName: 5, office: 6, serviceCode: 8 } as const;

/** Columns v4 inserted, as [0-based position, count], for reading a pre-v4 record in v4 order. */
const V4_INSERTS: Partial<Record<FileKind, [number, number]>> = { UPPLAN: [15, 3], UPJSK: [15, 3], UPSIKYU: [9, 3] };

/** A pre-v4 第6表 / 実績 / 第7表 record in v4 column order (blanks where v4 added columns). */
export function inV4Order(kind: FileKind, record: string[]): string[] {
  const insert = V4_INSERTS[kind];
  const pre = insert ? layoutFor(kind, 'pre-v4')?.columns.length : undefined;
  if (!insert || record.length !== pre) return record;
  const [at, count] = insert;
  return [...record.slice(0, at), ...Array<string>(count).fill(''), ...record.slice(at)];
}
