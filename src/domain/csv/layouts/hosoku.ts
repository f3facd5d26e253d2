// 利用者補足情報 (UPHOSOKU), 63 columns in every CSV version. It travels with 第1・2・3表
// (file-name month 000000, No.4 a date, No.63 000000) or with 第6・7表 (file-name month =
// 提供年月, No.4 00000000, No.63 that month): see rules/hosoku.ts.
import { C, F } from '../formats';
import { KEYS, c, text } from './common';
import type { ColumnDef, LayoutDef } from './types';

const DIGITS = ['１', '２', '３', '４', '５', '６', '７', '８', '９'];

/** No.20–55: nine slots of サービス種類コード, 支給限度基準額, 合計単位数, 限度超単位数. */
const LIMIT_SLOTS: ColumnDef[] = DIGITS.flatMap((d) => [
  text(`${d}サービス種類コード`, 2), text(`${d}支給限度基準額`, 7), text(`${d}合計単位数`, 7), text(`${d}限度超単位数`, 7),
]);

export const HOSOKU: LayoutDef = {
  kind: 'UPHOSOKU',
  title: '利用者補足情報',
  eras: ['pre-v4', 'v4'],
  monthItem: '対象年月',
  columns: [
    ...KEYS,
    c('居宅サービス計画作成（変更）日', 8, F.dateOrZero, '○'),
    text('利用者氏名フリガナ', null, '○?'),
    text('利用者氏名', null, '○?'),
    c('利用者性別', 1, C.sex, '○?'),
    c('利用者生年月日', 8, F.date, '○?'),
    c('利用者郵便番号', 8, F.postal),
    text('利用者住所１'),
    text('利用者住所２'),
    text('利用者電話番号', 15),
    c('認定日', 8, F.date),
    c('限度額適用開始年月日', 8, F.date),
    c('限度額適用終了年月日', 8, F.date),
    c('認定状況区分', 1, C.certStatus),
    c('要介護状態変更日', 8, F.date),
    c('要介護状態区分', 2, C.careLevel),
    text('区分支給限度基準額', 7),
    ...LIMIT_SLOTS,
    text('合計限度超単位数', 7),
    text('入所前月迄利用日数', 5),
    text('入所累積利用日数', 5),
    c('前回要介護状態区分', 2, C.careLevel),
    c('同意書受付業者', 10, F.office),
    c('更新業者コード', 10, F.office),
    c('識別子', 1, F.unused),
    c('対象年月', 6, F.monthOrZero, '○'),
  ],
};
