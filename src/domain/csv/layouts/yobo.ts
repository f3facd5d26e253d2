// 介護予防: 介護予防サービス・支援計画書 (UPYOBO), its 別表 支援計画 (UPYOBO_SUB) and its deletion. v4 only.
import { C, F } from '../formats';
import { KEYS, c, text } from './common';
import type { ColumnDef, LayoutDef } from './types';

const V4 = ['v4'] as const;
const YOBO_KEYS = [...KEYS, c('計画作成(変更)日', 8, F.date, '○')];

/** No.24–39: four 領域, each 現在の状況, 意欲・意向, 課題の有無, 課題（背景・原因）. */
const AREAS: ColumnDef[] = ['運動・移動', '日常生活(家庭生活)', '社会参加、対人関係・コミュニケーション', '健康管理'].flatMap((area) => [
  text(`【${area}】現在の状況`),
  text(`【${area}】本人・家族の意欲・意向`),
  c(`【${area}】領域における課題の有無`, 1, C.hasOrNot),
  text(`【${area}】領域における課題（背景・原因）`),
]);

const PROGRAMS = ['運動不足', '栄養改善', '口腔内ケア', '閉じこもり予防', '物忘れ予防', 'うつ予防'];

export const YOBO: LayoutDef = {
  kind: 'UPYOBO',
  title: '介護予防サービス・支援計画書',
  eras: V4,
  columns: [
    ...YOBO_KEYS,
    c('計画種類', 1, C.planType, '○'),
    // 必要 ○ only (no 必須), with 「※地域包括支援センター及び居宅介護支援事業所のどちらの場合も記入」: empty warns
    c('委託の有無', 1, C.entrusted, '○?'),
    text('整理番号'),
    text('利用者名', null, '○'),
    c('認定年月日', 8, F.date),
    c('認定有効期間開始日', 8, F.date),
    c('認定有効期間終了日', 8, F.date),
    c('計画書区分', 2, C.planKind),
    c('認定状況区分', 1, C.certStatus),
    c('要支援状態区分', 1, C.supportLevel),
    text('計画作成者氏名（地域包括支援センター担当者名）'),
    text('計画作成者氏名（担当介護支援専門員名）'),
    text('計画作成者事業者・事業所名'),
    text('計画作成者事業者・事業所住所'),
    text('計画作成者事業者・事業所電話番号', 15),
    c('初回作成日', 8, F.date),
    text('担当地域包括支援センター'),
    text('目標とする生活(1日)'),
    text('目標とする生活(1年)'),
    ...AREAS,
    text('健康状態の留意点'),
    text('妥当な支援の実施に向けた方針'),
    text('総合的な方針'),
    ...PROGRAMS.map((p) => text(`基本チェックリストの該当数(${p})`, 1)),
    ...PROGRAMS.map((p) => c(`事業プログラムの要否(${p})`, 1, C.needOrNot)),
    text('地域包括支援センター意見'),
    c('同意日', 8, F.date),
    text('同意者氏名'),
  ],
};

export const YOBO_SUB: LayoutDef = {
  kind: 'UPYOBO_SUB',
  title: '介護予防サービス・支援計画書（別表）支援計画',
  eras: V4,
  columns: [
    ...YOBO_KEYS,
    text('課題ＮＯ', 2),
    text('総合的課題'),
    text('課題に対する目標と具体策の提案'),
    text('具体策についての意向本人・家族'),
    text('目標'),
    text('支援計画ＮＯ', 2),
    text('【支援計画】目標についての支援のポイント'),
    text('【支援計画】本人等のセルフケアや家族の支援、インフォーマルサービス（民間サービス）'),
    text('【支援計画】介護保険サービス又は地域支援事業（総合事業のサービス）'),
    text('利用サービスＮＯ', 2),
    text('【利用サービス】サービス種別'),
    text('【利用サービス】事業所(利用先)'),
    text('【利用サービス】期間'),
  ],
};

export const YOBO_DELETE: LayoutDef = {
  kind: 'DLTYOBO', title: '介護予防サービス・支援計画書_削除', eras: V4, columns: YOBO_KEYS,
};
