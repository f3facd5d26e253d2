// 第7表 サービス利用票別表 (UPSIKYU): 37 columns in v4, 34 before (v4 added No.10–12). Detail
// rows per office and service code, subtotal rows (<kind>AAAA / EEEE / ZZZZ) and the grand
// total (999999): see rules/sikyu.ts.
import { C, F } from '../formats';
import { KEYS, c, text, v4 } from './common';
import type { LayoutDef } from './types';

const int = (name: string, length: number, need: '○' | '' = '') => c(name, length, F.integer, need);

export const SIKYU: LayoutDef = {
  kind: 'UPSIKYU',
  title: '第7表（サービス利用票別表）',
  eras: ['pre-v4', 'v4'],
  monthItem: '対象年月',
  columns: [
    ...KEYS,
    c('作成年月日', 8, F.date, '○'),
    c('対象年月', 6, F.month, '○'),
    text('サービス事業所名'),
    c('サービス事業所コード', 10, F.office, '○'),
    c('サテライト枝番', 2, F.satellite),
    c('サービスコード', 6, F.serviceCode, '○'),
    v4(c('TAISコード', 12, F.equipmentCode)),
    v4(c('福祉用具届出コード', 12, F.equipmentCode)),
    v4(text('用具名称（機種名）')),
    int('単位数', 6, '○'),
    int('割引後率', 5),
    int('割引後単位数', 6),
    // 整数 printed, but a count: 減算 is carried by 単位数, never by a negative count (as 第6表 No.14)
    { ...c('回数／日数', 3, F.count, '○明細'), preV4Length: 2 },
    int('サービス単位金額', 5),
    int('給付管理単位数', 6),
    int('種類支給限度基準超単位数', 6),
    int('種類支給限度基準内単位数', 6),
    int('区分支給限度基準超単位数', 6),
    int('区分支給限度基準内単位数', 6),
    c('単位数単価', 6, F.decimal),
    int('費用総額保険／事業対象分', 6),
    int('給付率', 6),
    int('保険／事業費請求額', 6),
    int('定額利用者負担単価金額', 6),
    int('利用者負担保険／事業対象分', 6),
    int('利用者負担（全額負担分）', 6),
    // the v4.1 OCR prints 2; 3.2 changed this column to 5 and nothing reverts it
    { ...int('前月までの利用日数', 5), preV4Length: 5 },
    int('当月の計画利用日数', 2),
    int('累積利用日数', 5),
    c('３０日超区分', 1, C.over30, '○?'),
    c('事業所コード', 10, F.all9),
    text('入力者コード', 10),
    c('更新業者コード', 10, F.office),
    c('識別子', 1, F.unused),
  ],
};
