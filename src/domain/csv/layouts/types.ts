// The record layouts as data: one column definition per No. of the CSVファイルレイアウト定義書.
import type { FileKind } from '../../filename';
import type { Format } from '../formats';
import type { LayoutEra } from '../versions';

/**
 * required: 必須 ○ printed for the row. uncertain: a ○ the OCR of the layout cannot place on
 * this row for certain (an empty value warns). optional: no ○. summary-rows: required on the
 * detail rows of 第7表, a warning on its subtotal and total rows (checked by the 第7表 rules).
 */
export type Need = 'required' | 'uncertain' | 'optional' | 'detail-rows';

export interface ColumnDef {
  /** 項目名 as printed */
  name: string;
  /** 項目長 as printed; null for ― or not printed. A maximum where the format does not fix the width (field-length.ts). */
  length: number | null;
  format: Format;
  need: Need;
  /** only in this layout era (the columns v4 added) */
  era?: LayoutEra;
  /** 項目長 before v4 where v4 changed it */
  preV4Length?: number;
}

export interface LayoutDef {
  kind: FileKind;
  /** the layout's 「ファイル名称」 */
  title: string;
  columns: ColumnDef[];
  /** the eras the kind exists in (第3表 and the 介護予防 kinds: v4 only) */
  eras: readonly LayoutEra[];
  /** 項目名 of the column that must equal the month of the file name */
  monthItem?: string;
}

/** One column in one era: its position (No.) in that era's records. */
export interface Column extends ColumnDef {
  no: number;
  index: number;
}

export interface Layout {
  kind: FileKind;
  title: string;
  era: LayoutEra;
  columns: Column[];
  /** 0-based index of the month column, when the kind has one */
  monthIndex: number | null;
}
