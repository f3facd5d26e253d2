// Building blocks shared by the layouts: every record starts with the CSVバージョン and the two
// person keys, and most end with 更新業者コード and 識別子.
import { F, type Format } from '../formats';
import type { ColumnDef, Need } from './types';

const NEEDS: Record<'○' | '○?' | '' | '○明細', Need> = { '○': 'required', '○?': 'uncertain', '': 'optional', '○明細': 'detail-rows' };

/** One column: 項目名, 項目長 (null for ―), 書式, and 必須 as printed ('○?' where its place is uncertain). */
export function c(name: string, length: number | null, format: Format, need: keyof typeof NEEDS = '', extra: Partial<ColumnDef> = {}): ColumnDef {
  return { name, length, format, need: NEEDS[need], ...extra };
}

/** Free text (「フリーテキスト」 or nothing printed), of length ― unless given. */
export const text = (name: string, length: number | null = null, need: keyof typeof NEEDS = ''): ColumnDef =>
  c(name, length, F.text, need);

/** A column that v4 added (TAISコード etc.). */
export const v4 = (column: ColumnDef): ColumnDef => ({ ...column, era: 'v4' });

export const VERSION = c('CSVバージョン', 6, F.version, '○');

/** CSVバージョン, 保険者番号, 被保険者番号: the start of every record. */
export const KEYS: ColumnDef[] = [VERSION, c('保険者番号', 6, F.insurer, '○'), c('被保険者番号', 10, F.insured, '○')];

/** 更新業者コード (a 居宅支援事業者番号 or サービス事業者番号) and 識別子 (※使用しない). */
export const TAIL: ColumnDef[] = [c('更新業者コード', 10, F.office), c('識別子', 1, F.unused)];
