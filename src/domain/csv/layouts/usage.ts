// 第6表 (予定, UPPLAN) and 実績 (UPJSK) share one layout: 25 columns in v4, 22 before (v4 added
// TAISコード, 福祉用具届出コード and 用具名称 as No.16–18). Also the two deletion files.
import { C, F } from '../formats';
import { KEYS, c, text, v4 } from './common';
import type { ColumnDef, LayoutDef } from './types';

const BOTH = ['pre-v4', 'v4'] as const;

const SERVICE_MONTH: ColumnDef[] = [
  ...KEYS,
  c('作成年月日', 8, F.date, '○'),
  c('対象年月', 6, F.month, '○'),
  c('プラン担当業者コード', 10, F.office, '○?'),
  text('プラン担当者名', null, '○?'),
  // No.6–9: two ○ of a compressed run of seven fall among them (layouts note). Read in row order
  // they are No.6 and No.7; 単位数 is set on every line (「計算できない場合は0を設定」), so an empty one
  // warns as well. 前月までの短期入所利用日数 means something for short stays only and is left empty
  // on most lines: the weakest reading of the four, so it is optional (docs/csv-spec.md).
  c('単位数', 6, F.integer, '○?'),
  text('前月までの短期入所利用日数', 5),
  c('サービス利用日', 8, F.date, '○'),
  c('日割対象日', 31, F.days31),
  c('サービス開始時刻', 4, F.hhmmOrNone, '○'),
  c('サービス終了時刻', 4, F.hhmmOrNone, '○'),
  c('サービス回数', 2, F.count, '○'),
  c('サービスコード', 6, F.serviceCode, '○'),
  v4(c('TAISコード', 12, F.equipmentCode)),
  v4(c('福祉用具届出コード', 12, F.equipmentCode)),
  v4(text('用具名称（機種名）')),
  c('明細判別コード', null, F.serial),
  c('サービス事業者コード', 10, F.office, '○'),
  text('サービス事業所名'),
  c('サテライト枝番', 2, F.satellite),
  c('３０日超区分', 1, C.over30, '○'),
  c('更新業者コード', 10, F.office),
  c('識別子', 1, F.unused),
];

export const PLAN: LayoutDef = {
  kind: 'UPPLAN', title: '第6表（サービス利用票）、実績情報', eras: BOTH, monthItem: '対象年月', columns: SERVICE_MONTH,
};

export const ACTUAL: LayoutDef = { ...PLAN, kind: 'UPJSK' };

export const PLAN_DELETE: LayoutDef = {
  kind: 'DLTPLAN',
  title: '第6表（サービス利用票）、実績情報_削除【計画の場合】',
  eras: BOTH,
  monthItem: '削除対象年月',
  columns: [...KEYS, c('削除対象年月', 6, F.month, '○')],
};

export const ACTUAL_DELETE: LayoutDef = {
  kind: 'DLTJSK',
  title: '第6表（サービス利用票）、実績情報_削除【実績の場合】',
  eras: BOTH,
  monthItem: '削除対象年月',
  columns: [
    ...KEYS,
    c('削除対象年月', 6, F.month, '○'),
    c('サービス事業者コード', 10, F.office, '○'),
    c('サービス種類コード', 2, F.serviceKind, '○'),
  ],
};
