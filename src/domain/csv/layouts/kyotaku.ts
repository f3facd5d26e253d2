// 居宅サービス計画書 第1表, 第2表, 第3表 (v4 only) and the deletion of 第1表.
import { C, F } from '../formats';
import { KEYS, TAIL, c, text } from './common';
import type { LayoutDef } from './types';

const BOTH = ['pre-v4', 'v4'] as const;
const PLAN_DATE = '居宅サービス計画作成（変更）日';

export const PLAN1: LayoutDef = {
  kind: 'UP1KYO',
  title: '居宅サービス計画1表',
  eras: BOTH,
  columns: [
    ...KEYS,
    c('作成年月日', 8, F.date, '○'),
    c('利用者郵便番号', 8, F.postal),
    text('利用者住所１'),
    text('利用者住所２'),
    text('居宅サービス計画作成者氏名', null, '○'),
    text('介護支援事業者名', null, '○'),
    c('介護支援事業者郵便番号', 8, F.postal),
    text('介護支援事業者住所１'),
    text('介護支援事業者住所２'),
    c('介護支援事業者コード', 10, F.office, '○'),
    c(PLAN_DATE, 8, F.date, '○'),
    c('初回居宅サービス計画作成日', 8, F.date, '○'),
    c('計画書区分', 2, C.planKind),
    c('認定状況区分', 1, C.certStatus),
    c('認定日', 8, F.date),
    c('認定有効期間開始日', 8, F.date),
    c('認定有効期間終了日', 8, F.date),
    c('要介護状態区分', 2, C.careLevel),
    text('利用者及び家族の生活に対する意向を踏まえた課題分析の結果'),
    text('介護認定審査会の意見及びサービスの種類の指定'),
    text('総合的な援助の方針'),
    c('生活援助中心型の算定理由', 1, C.livingReason),
    text('その他理由'),
    ...TAIL,
  ],
};

export const PLAN2: LayoutDef = {
  kind: 'UP2KYO',
  title: '居宅サービス計画2表',
  eras: BOTH,
  columns: [
    ...KEYS,
    c('居宅計画書作成年月日', 8, F.date, '○'),
    c(PLAN_DATE, 8, F.date, '○'),
    c('課題ＮＯ', 2, F.issueNo),
    text('課題'),
    c('援助目標ＮＯ', 2, F.issueNo),
    text('長期目標'),
    text('短期目標'),
    text('長期期間'),
    text('短期期間'),
    c('援助内容ＮＯ', 2, F.issueNo),
    text('サービス内容'),
    c('保険対象区分', 1, C.insuranceTarget),
    text('サービス種別'),
    c('サービス事業者コード', 10, F.officeUncertain),
    text('サービス事業所名'),
    text('頻度'),
    text('実施期間'),
    ...TAIL,
  ],
};

export const PLAN3: LayoutDef = {
  kind: 'UP3KYO',
  title: '居宅サービス計画３表',
  eras: ['v4'],
  columns: [
    ...KEYS,
    c('週間サービス計画表作成年月日', 8, F.date, '○'),
    c(PLAN_DATE, 8, F.date, '○'),
    text('介護サービス内容'),
    c('曜日', 1, C.weekday),
    c('開始時間', 4, F.hhmm),
    c('終了時間', 4, F.hhmm),
    text('主な日常生活上の活動'),
    c('開始時間', 4, F.hhmm),
    c('終了時間', 4, F.hhmm),
    text('週単位以外のサービス'),
  ],
};

export const PLAN1_DELETE: LayoutDef = {
  kind: 'DLT1KYO',
  title: '居宅サービス計画1表_削除',
  eras: BOTH,
  columns: [...KEYS, c(PLAN_DATE, 8, F.date, '○')],
};
