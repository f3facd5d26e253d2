// A second reading of the CSV layouts of spec v4.1 (CSVファイルレイアウト定義書, 202407),
// written for the tests from the spec text and independently of src/domain/csv/layouts: one line
// per column, "No|項目名|書式|必須[|flag]". tests/unit/csv-spec-layouts.test.ts asserts that the
// two readings agree, then builds spec-valid files of every kind and version from this one.
//
// 書式 tokens (第7表 回数／日数 is read as count: docs/csv-spec.md "Column checks"): ver, insurer,
// insured, date, date0 (or 00000000), month, month0 (or 000000), hhmm,
// hhmm9 (or 9999), int (整数, negatives too), count, serial, dec (99.99), office (10-char
// 事業所番号), office? and all9? (uncertain cells: warnings), days31, scode (サービスコード),
// skind (サービス種類コード), postal (XXX-XXXX), no99 (1–99), sat (サテライト枝番, warning),
// tais (TAIS/届出コード, warning), text (free text or no 書式), unused (識別子),
// code:a,b,c (one of the listed codes).
// 必須: ○, ○? (a ○ whose row the OCR cannot fix: empty warns), ○明 (第7表 回数／日数: detail rows), -.
// flag v4: the column exists from v4 only (pre-v4 files have no such column).

export type Token = string;

export interface SpecColumn {
  no: number;
  name: string;
  token: Token;
  need: '○' | '○?' | '○明' | '-';
  v4Only: boolean;
}

export interface SpecKind {
  kind: string;
  v4Only: boolean;
  columns: SpecColumn[];
}

const KEYS = ['CSVバージョン|ver|○', '保険者番号|insurer|○', '被保険者番号|insured|○'];
const CARE = 'code:06,12,13,21,22,23,24,25';
const YOBO_CARE = 'code:01,12,13,21,22,23,24,25';
const N = ['１', '２', '３', '４', '５', '６', '７', '８', '９'];

const TABLE: Record<string, { v4Only?: boolean; lines: string[] }> = {
  UPHOSOKU: { lines: [
    ...KEYS, '居宅サービス計画作成（変更）日|date0|○', '利用者氏名フリガナ|text|○?', '利用者氏名|text|○?',
    '利用者性別|code:1,2|○?', '利用者生年月日|date|○?', '利用者郵便番号|postal|-', '利用者住所１|text|-', '利用者住所２|text|-',
    '利用者電話番号|text|-', '認定日|date|-', '限度額適用開始年月日|date|-', '限度額適用終了年月日|date|-', '認定状況区分|code:1,2|-',
    '要介護状態変更日|date|-', `要介護状態区分|${CARE}|-`, '区分支給限度基準額|text|-',
    ...N.flatMap((n) => [`${n}サービス種類コード|text|-`, `${n}支給限度基準額|text|-`, `${n}合計単位数|text|-`, `${n}限度超単位数|text|-`]),
    '合計限度超単位数|text|-', '入所前月迄利用日数|text|-', '入所累積利用日数|text|-', `前回要介護状態区分|${CARE}|-`,
    '同意書受付業者|office|-', '更新業者コード|office|-', '識別子|unused|-', '対象年月|month0|○',
  ] },
  UP1KYO: { lines: [
    ...KEYS, '作成年月日|date|○', '利用者郵便番号|postal|-', '利用者住所１|text|-', '利用者住所２|text|-',
    '居宅サービス計画作成者氏名|text|○', '介護支援事業者名|text|○', '介護支援事業者郵便番号|postal|-', '介護支援事業者住所１|text|-',
    '介護支援事業者住所２|text|-', '介護支援事業者コード|office|○', '居宅サービス計画作成（変更）日|date|○',
    '初回居宅サービス計画作成日|date|○', '計画書区分|code:11,12,21,51,52,53,54|-', '認定状況区分|code:1,2|-', '認定日|date|-',
    '認定有効期間開始日|date|-', '認定有効期間終了日|date|-', `要介護状態区分|${CARE}|-`,
    '利用者及び家族の生活に対する意向を踏まえた課題分析の結果|text|-', '介護認定審査会の意見及びサービスの種類の指定|text|-',
    '総合的な援助の方針|text|-', '生活援助中心型の算定理由|code:1,2,3|-', 'その他理由|text|-', '更新業者コード|office|-', '識別子|unused|-',
  ] },
  UP2KYO: { lines: [
    ...KEYS, '居宅計画書作成年月日|date|○', '居宅サービス計画作成（変更）日|date|○', '課題ＮＯ|no99|-', '課題|text|-',
    '援助目標ＮＯ|no99|-', '長期目標|text|-', '短期目標|text|-', '長期期間|text|-', '短期期間|text|-', '援助内容ＮＯ|no99|-',
    'サービス内容|text|-', '保険対象区分|code:Y,N|-', 'サービス種別|text|-', 'サービス事業者コード|office?|-', 'サービス事業所名|text|-',
    '頻度|text|-', '実施期間|text|-', '更新業者コード|office|-', '識別子|unused|-',
  ] },
  UP3KYO: { v4Only: true, lines: [
    ...KEYS, '週間サービス計画表作成年月日|date|○', '居宅サービス計画作成（変更）日|date|○', '介護サービス内容|text|-',
    '曜日|code:1,2,3,4,5,6,7|-', '開始時間|hhmm|-', '終了時間|hhmm|-', '主な日常生活上の活動|text|-', '開始時間|hhmm|-',
    '終了時間|hhmm|-', '週単位以外のサービス|text|-',
  ] },
  UPPLAN: { lines: [
    ...KEYS, '作成年月日|date|○', '対象年月|month|○', 'プラン担当業者コード|office|○?', 'プラン担当者名|text|○?', '単位数|int|○?',
    '前月までの短期入所利用日数|text|-', 'サービス利用日|date|○', '日割対象日|days31|-', 'サービス開始時刻|hhmm9|○',
    'サービス終了時刻|hhmm9|○', 'サービス回数|count|○', 'サービスコード|scode|○', 'TAISコード|tais|-|v4',
    '福祉用具届出コード|tais|-|v4', '用具名称（機種名）|text|-|v4', '明細判別コード|serial|-', 'サービス事業者コード|office|○',
    'サービス事業所名|text|-', 'サテライト枝番|sat|-', '３０日超区分|code:1,0|○', '更新業者コード|office|-', '識別子|unused|-',
  ] },
  UPSIKYU: { lines: [
    ...KEYS, '作成年月日|date|○', '対象年月|month|○', 'サービス事業所名|text|-', 'サービス事業所コード|office|○',
    'サテライト枝番|sat|-', 'サービスコード|scode|○', 'TAISコード|tais|-|v4', '福祉用具届出コード|tais|-|v4',
    '用具名称（機種名）|text|-|v4', '単位数|int|○', '割引後率|int|-', '割引後単位数|int|-', '回数／日数|count|○明',
    'サービス単位金額|int|-', '給付管理単位数|int|-', '種類支給限度基準超単位数|int|-', '種類支給限度基準内単位数|int|-',
    '区分支給限度基準超単位数|int|-', '区分支給限度基準内単位数|int|-', '単位数単価|dec|-', '費用総額保険／事業対象分|int|-',
    '給付率|int|-', '保険／事業費請求額|int|-', '定額利用者負担単価金額|int|-', '利用者負担保険／事業対象分|int|-',
    '利用者負担（全額負担分）|int|-', '前月までの利用日数|int|-', '当月の計画利用日数|int|-', '累積利用日数|int|-',
    '３０日超区分|code:1,0|○?', '事業所コード|all9?|-', '入力者コード|text|-', '更新業者コード|office|-', '識別子|unused|-',
  ] },
  DLT1KYO: { lines: [...KEYS, '居宅サービス計画作成（変更）日|date|○'] },
  DLTPLAN: { lines: [...KEYS, '削除対象年月|month|○'] },
  DLTJSK: { lines: [...KEYS, '削除対象年月|month|○', 'サービス事業者コード|office|○', 'サービス種類コード|skind|○'] },
  UPKIHON: { v4Only: true, lines: [
    ...KEYS, '相談日|date|○', '計画種類|code:1,2|○', '委託の有無|code:1,2|○?', '作成担当者|text|-', '相談方法|code:01,02,03|-',
    '相談方法(その他の内容)|text|-', '相談回数|code:01,02|-', '前回相談日|date|-', '利用者の現況|code:01,02|-',
    '利用者の現況(状況補足)|text|-', '利用者氏名ﾌﾘｶﾞﾅ|text|○', '利用者氏名|text|○', '利用者性別|code:1,2|○', '利用者生年月日|date|○',
    '利用者住所|text|-', '利用者電話番号|text|-', '利用者Fax番号|text|-',
    '障害高齢者の日常生活自立度|code:01,11,12,21,22,31,32,41,42|-', '認知症高齢者の日常生活自立度|code:01,02,03,04,05,06,07,08|-',
    `要介護状態区分|${YOBO_CARE}|-`, '認定有効期限開始日|date|-', '認定有効期間終了日|date|-', `前回の介護度|${YOBO_CARE}|-`,
    '基本チェックリスト記入結果|code:1,2|-', '基本チェックリスト記入日|date|-',
    ...['身障', '療育', '精神', '難病'].map((x) => `障害等認定(${x})|code:1,0|-`), '障害等認定特記事項|text|-',
    '居住形態|code:01,02,03,04,05,06,07,08|-', '自室の階数|text|-', '住宅改修の有無|code:1,2|-',
    ...['国民年金', '厚生年金', '障害年金', '生活保護'].map((x) => `経済状況(${x})|code:1,0|-`), '経済状況詳細|text|-',
    '来所者(相談者)氏名|text|-', '来所者(相談者)住所|text|-', '来所者(相談者)電話番号|text|-', '来所者(相談者)続柄|text|-',
    ...[1, 2, 3, 4].flatMap((n) => ['氏名', '続柄', '住所', '電話番号'].map((x) => `${n} 緊急連絡先(${x})|text|-`)),
    '家族構成 画像ファイル名|text|-', '家族関係等の状況|text|-', '今までの生活|text|-', '１日の生活・すごし方(生活全般)|text|-',
    '趣味・楽しみ・特技|text|-', '友人・地域との関係|text|-', '現在利用している公的サービス|text|-',
    '現在利用している非公的サービス|text|-', '同意日|date|-', '同意者氏名|text|-',
  ] },
  UPKIHON_SUB1: { v4Only: true, lines: [...KEYS, '相談日|date|○', '時間|text|-', '本人の生活状況|text|-', '介護者・家族の生活状況|text|-'] },
  UPKIHON_SUB2: { v4Only: true, lines: [
    ...KEYS, '相談日|date|○', '年月日|text|-', '病名|text|-', '医療機関・医師名|text|-', '主治医・意見作成者フラグ|code:1,2|-',
    '医療機関・医師電話番号|text|-', '経過|code:01,02,03|-', '治療中の内容|text|-',
  ] },
  DLTKIHON: { v4Only: true, lines: [...KEYS, '相談日|date|○'] },
  UPYOBO: { v4Only: true, lines: [
    ...KEYS, '計画作成(変更)日|date|○', '計画種類|code:1,2|○', '委託の有無|code:1,2|○?', '整理番号|text|-', '利用者名|text|○',
    '認定年月日|date|-', '認定有効期間開始日|date|-', '認定有効期間終了日|date|-', '計画書区分|code:11,12,21,51,52,53,54|-',
    '認定状況区分|code:1,2|-', '要支援状態区分|code:1,2,3|-', '計画作成者氏名（地域包括支援センター担当者名）|text|-',
    '計画作成者氏名（担当介護支援専門員名）|text|-', '計画作成者事業者・事業所名|text|-', '計画作成者事業者・事業所住所|text|-',
    '計画作成者事業者・事業所電話番号|text|-', '初回作成日|date|-', '担当地域包括支援センター|text|-', '目標とする生活(1日)|text|-',
    '目標とする生活(1年)|text|-',
    ...['運動・移動', '日常生活(家庭生活)', '社会参加、対人関係・コミュニケーション', '健康管理'].flatMap((a) => [
      `【${a}】現在の状況|text|-`, `【${a}】本人・家族の意欲・意向|text|-`, `【${a}】領域における課題の有無|code:1,2|-`,
      `【${a}】領域における課題（背景・原因）|text|-`]),
    '健康状態の留意点|text|-', '妥当な支援の実施に向けた方針|text|-', '総合的な方針|text|-',
    ...['運動不足', '栄養改善', '口腔内ケア', '閉じこもり予防', '物忘れ予防', 'うつ予防'].map((x) => `基本チェックリストの該当数(${x})|text|-`),
    ...['運動不足', '栄養改善', '口腔内ケア', '閉じこもり予防', '物忘れ予防', 'うつ予防'].map((x) => `事業プログラムの要否(${x})|code:1,2|-`),
    '地域包括支援センター意見|text|-', '同意日|date|-', '同意者氏名|text|-',
  ] },
  UPYOBO_SUB: { v4Only: true, lines: [
    ...KEYS, '計画作成(変更)日|date|○', '課題ＮＯ|text|-', '総合的課題|text|-', '課題に対する目標と具体策の提案|text|-',
    '具体策についての意向本人・家族|text|-', '目標|text|-', '支援計画ＮＯ|text|-', '【支援計画】目標についての支援のポイント|text|-',
    '【支援計画】本人等のセルフケアや家族の支援、インフォーマルサービス（民間サービス）|text|-',
    '【支援計画】介護保険サービス又は地域支援事業（総合事業のサービス）|text|-', '利用サービスＮＯ|text|-',
    '【利用サービス】サービス種別|text|-', '【利用サービス】事業所(利用先)|text|-', '【利用サービス】期間|text|-',
  ] },
  DLTYOBO: { v4Only: true, lines: [...KEYS, '計画作成(変更)日|date|○'] },
};
TABLE.UPJSK = TABLE.UPPLAN!;

export const SPEC_KINDS = Object.keys(TABLE);

/** The table of a kind; `era` 'pre-v4' leaves out the v4 columns and numbers the rest again. */
export function specKind(kind: string, era: 'pre-v4' | 'v4' = 'v4'): SpecKind {
  const entry = TABLE[kind];
  if (!entry) throw new Error(`no table for ${kind}`);
  const all = entry.lines.map((line) => {
    const [name, token, need, flag] = line.split('|');
    return { name: name!, token: token!, need: need as SpecColumn['need'], v4Only: flag === 'v4' };
  });
  const columns = all.filter((c) => era === 'v4' || !c.v4Only).map((c, i) => ({ ...c, no: i + 1 }));
  return { kind, v4Only: entry.v4Only ?? false, columns };
}

/** CSV versions and the first service month each applies to (layout 【CSVバージョン履歴】). */
export const SPEC_VERSIONS = [
  { version: '201910', from: '202003', era: 'pre-v4' },
  { version: '202003', from: '202010', era: 'pre-v4' },
  { version: '202208', from: '202301', era: 'pre-v4' },
  { version: '202407', from: '202504', era: 'v4' },
] as const;
