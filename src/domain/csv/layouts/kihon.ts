// 介護予防: 利用者基本情報 (UPKIHON) with its 別表1 (SUB1), 別表2 (SUB2) and its deletion. v4 only.
import { C, F } from '../formats';
import { KEYS, c, text } from './common';
import type { ColumnDef, LayoutDef } from './types';

const V4 = ['v4'] as const;
const KIHON_KEYS = [...KEYS, c('相談日', 8, F.date, '○')];

const flags = (prefix: string, names: string[]): ColumnDef[] => names.map((n) => c(`${prefix}(${n})`, 1, C.flag10));

const EMERGENCY: ColumnDef[] = [1, 2, 3, 4].flatMap((n) => [
  text(`${n} 緊急連絡先(氏名)`), text(`${n} 緊急連絡先(続柄)`), text(`${n} 緊急連絡先(住所)`), text(`${n} 緊急連絡先(電話番号)`, 15),
]);

export const KIHON: LayoutDef = {
  kind: 'UPKIHON',
  title: '利用者基本情報',
  eras: V4,
  columns: [
    ...KIHON_KEYS,
    c('計画種類', 1, C.planType, '○'),
    // 必要 ○ only (no 必須), with 「※地域包括支援センター及び居宅介護支援事業所のどちらの場合も記入」: empty warns
    c('委託の有無', 1, C.entrusted, '○?'),
    text('作成担当者'),
    c('相談方法', 2, C.consultWay),
    text('相談方法(その他の内容)'),
    c('相談回数', 2, C.consultCount),
    c('前回相談日', 8, F.date),
    c('利用者の現況', 2, C.livingNow),
    text('利用者の現況(状況補足)'),
    text('利用者氏名ﾌﾘｶﾞﾅ', null, '○'),
    text('利用者氏名', null, '○'),
    c('利用者性別', 1, C.sex, '○'),
    c('利用者生年月日', 8, F.date, '○'),
    text('利用者住所'),
    text('利用者電話番号', 15),
    text('利用者Fax番号', 15),
    c('障害高齢者の日常生活自立度', 2, C.disabilityIndependence),
    c('認知症高齢者の日常生活自立度', 2, C.dementiaIndependence),
    c('要介護状態区分', 2, C.careLevelYobo),
    c('認定有効期限開始日', 8, F.date),
    c('認定有効期間終了日', 8, F.date),
    c('前回の介護度', 2, C.careLevelYobo),
    c('基本チェックリスト記入結果', 1, C.checklist),
    c('基本チェックリスト記入日', 8, F.date),
    ...flags('障害等認定', ['身障', '療育', '精神', '難病']),
    text('障害等認定特記事項'),
    c('居住形態', 2, C.housing),
    text('自室の階数', 2),
    c('住宅改修の有無', 1, C.hasOrNot),
    ...flags('経済状況', ['国民年金', '厚生年金', '障害年金', '生活保護']),
    text('経済状況詳細'),
    text('来所者(相談者)氏名'),
    text('来所者(相談者)住所'),
    text('来所者(相談者)電話番号', 15),
    text('来所者(相談者)続柄'),
    ...EMERGENCY,
    text('家族構成 画像ファイル名'),
    text('家族関係等の状況'),
    text('今までの生活'),
    text('１日の生活・すごし方(生活全般)'),
    text('趣味・楽しみ・特技'),
    text('友人・地域との関係'),
    text('現在利用している公的サービス'),
    text('現在利用している非公的サービス'),
    c('同意日', 8, F.date),
    text('同意者氏名'),
  ],
};

export const KIHON_SUB1: LayoutDef = {
  kind: 'UPKIHON_SUB1',
  title: '利用者基本情報（別表1）１日の生活・すごし方(タイムスケジュール)',
  eras: V4,
  columns: [...KIHON_KEYS, text('時間'), text('本人の生活状況'), text('介護者・家族の生活状況')],
};

export const KIHON_SUB2: LayoutDef = {
  kind: 'UPKIHON_SUB2',
  title: '利用者基本情報（別表2）現病歴・既往歴',
  eras: V4,
  columns: [
    ...KIHON_KEYS,
    text('年月日'),
    text('病名'),
    text('医療機関・医師名'),
    c('主治医・意見作成者フラグ', 1, C.doctorFlag),
    text('医療機関・医師電話番号', 15),
    c('経過', 2, C.course),
    text('治療中の内容'),
  ],
};

export const KIHON_DELETE: LayoutDef = {
  kind: 'DLTKIHON', title: '利用者基本情報_削除', eras: V4, columns: KIHON_KEYS,
};
