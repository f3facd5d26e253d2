// Record layouts of the standard spec (spec/README.md "Columns in order"), one table per file
// kind. The spec gives no per-version difference in these layouts for CSV versions 201910,
// 202003, 202208 and 202407, so one table serves every version; the one difference it does
// give is that 第3表 (UP3KYO) exists from v4 (202407) only.
// Checks are deliberately lenient on blanks: only the keys and the month are required, since
// care software leaves optional columns empty and a false error would block a real send.
import type { FileKind } from '../filename';
import type { FieldType } from './fields';

export const CSV_VERSIONS = ['201910', '202003', '202208', '202407'] as const;

export interface ColumnSpec {
  name: string;
  type: FieldType;
  required: boolean;
}

export interface Layout {
  kind: FileKind;
  columns: ColumnSpec[];
  versions: readonly string[];
  /** 0-based column holding the 対象年月 to compare with the file name, if any */
  monthColumn: number | null;
}

const col = (name: string, type: FieldType = 'text', required = false): ColumnSpec => ({ name, type, required });

/** CSVバージョン is checked on its own (known, not mixed), so it is plain text here. */
const KEYS = [col('CSVバージョン', 'text', true), col('保険者番号', 'insurer', true), col('被保険者番号', 'insured', true)];

const PLAN1 = [
  ...KEYS, col('作成年月日', 'date'), col('利用者郵便番号'), col('利用者住所1'), col('利用者住所2'),
  col('居宅サービス計画作成者氏名'), col('介護支援事業者名'), col('介護支援事業者郵便番号'),
  col('介護支援事業者住所1'), col('介護支援事業者住所2'), col('介護支援事業者コード', 'office'),
  col('計画作成(変更)日', 'date'), col('初回作成日', 'date'), col('計画書区分', 'planKind'),
  col('認定状況区分', 'certStatus'), col('認定日', 'date'), col('認定有効期間開始日', 'date'),
  col('認定有効期間終了日', 'date'), col('要介護状態区分', 'careLevel'), col('課題分析の結果'),
  col('介護認定審査会の意見'), col('総合的な援助の方針'), col('生活援助中心型算定理由', 'livingReason'),
  col('その他理由'), col('更新業者コード'), col('識別子'),
];

const PLAN2 = [
  ...KEYS, col('作成年月日', 'date'), col('計画作成(変更)日', 'date'), col('課題NO', 'issueNo'), col('課題'),
  col('援助目標NO', 'issueNo'), col('長期目標'), col('短期目標'), col('長期期間'), col('短期期間'),
  col('援助内容NO', 'issueNo'), col('サービス内容'), col('保険対象区分', 'yn'), col('サービス種別'),
  col('サービス事業者コード', 'office'), col('事業所名'), col('頻度'), col('実施期間'),
  col('更新業者コード'), col('識別子'),
];

const PLAN3 = [
  ...KEYS, col('週間計画作成日', 'date'), col('計画作成(変更)日', 'date'), col('介護サービス内容'),
  col('曜日', 'weekday'), col('開始時刻', 'time'), col('終了時刻', 'time'), col('主な日常生活上の活動'),
  col('活動開始時刻', 'time'), col('活動終了時刻', 'time'), col('週単位以外のサービス'),
];

/** 9 × (サービス種類, 支給限度額, 合計単位, 限度超単位) of 利用者補足情報. */
const LIMIT_BLOCKS = Array.from({ length: 9 }, (_, i) => [
  col(`サービス種類${i + 1}`), col(`種類支給限度額${i + 1}`), col(`合計単位数${i + 1}`), col(`限度超単位数${i + 1}`),
]).flat();

// The summary in spec/README.md names 61 of the 63 columns; the official definition splits
// 限度額適用期間 and 同意書受付業者 in two. Only the keys, dates and 対象年月 are checked.
const HOSOKU = [
  ...KEYS, col('計画作成(変更)日', 'dateOrZero'), col('カナ氏名'), col('氏名'), col('性別'),
  col('生年月日', 'date'), col('郵便番号'), col('住所1'), col('住所2'), col('電話番号'), col('認定日', 'date'),
  col('限度額適用期間開始'), col('限度額適用期間終了'), col('認定状況', 'certStatus'),
  col('要介護状態変更日', 'date'), col('要介護状態区分', 'careLevel'), col('区分支給限度基準額'),
  ...LIMIT_BLOCKS, col('合計限度超単位数'), col('短期入所利用日数'), col('前回要介護状態区分'),
  col('同意書受付業者コード'), col('同意書受付業者名'), col('更新業者コード'), col('識別子'),
  col('対象年月', 'monthOrZero', true),
];

const SERVICE_MONTH = [
  ...KEYS, col('作成年月日', 'date'), col('対象年月', 'month', true), col('プラン担当業者コード', 'office'),
  col('プラン担当者名'), col('単位数', 'count'), col('前月までの短期入所利用日数', 'count'),
  col('サービス利用日', 'date'), col('日割対象日', 'days31'), col('開始時刻', 'time'), col('終了時刻', 'time'),
  col('回数', 'count'), col('サービスコード', 'serviceCode'), col('TAISコード'), col('福祉用具届出コード'),
  col('用具名称'), col('明細判別コード'), col('サービス事業者コード', 'office'), col('事業所名'),
  col('サテライト枝番'), col('30日超区分'), col('更新業者コード'), col('識別子'),
];

const SIKYU = [
  ...KEYS, col('作成年月日', 'date'), col('対象年月', 'month', true), col('事業所名'),
  col('事業所コード', 'office'), col('サテライト枝番'), col('サービスコード', 'serviceCode'), col('TAISコード'),
  col('福祉用具届出コード'), col('用具名称'), col('単位数'), col('割引後率'), col('割引後単位数'),
  col('回数・日数'), col('単位金額'), col('給付管理単位数'), col('種類支給限度基準を超える単位数'),
  col('種類支給限度基準内単位数'), col('区分支給限度基準を超える単位数'), col('区分支給限度基準内単位数'),
  col('単価'), col('費用総額'), col('給付率'), col('保険・事業費請求額'), col('利用者負担(保険・事業対象分)'),
  col('利用者負担(全額負担分)'), col('利用者負担(その他)'), col('前月までの利用日数'),
  col('当月の計画利用日数'), col('累積利用日数'), col('30日超区分'), col('事業所コード(2)', 'office'),
  col('入力者コード'), col('更新業者コード'), col('識別子'),
];

const ALL_VERSIONS = CSV_VERSIONS;

const layout = (kind: FileKind, columns: ColumnSpec[], monthColumn: number | null, versions: readonly string[] = ALL_VERSIONS): Layout =>
  ({ kind, columns, monthColumn, versions });

export const LAYOUTS: Partial<Record<FileKind, Layout>> = {
  UP1KYO: layout('UP1KYO', PLAN1, null),
  UP2KYO: layout('UP2KYO', PLAN2, null),
  UP3KYO: layout('UP3KYO', PLAN3, null, ['202407']),
  UPHOSOKU: layout('UPHOSOKU', HOSOKU, HOSOKU.length - 1),
  UPPLAN: layout('UPPLAN', SERVICE_MONTH, 4),
  UPJSK: layout('UPJSK', SERVICE_MONTH, 4),
  UPSIKYU: layout('UPSIKYU', SIKYU, 4),
  DLT1KYO: layout('DLT1KYO', [...KEYS, col('計画作成(変更)日', 'date', true)], null),
  DLTPLAN: layout('DLTPLAN', [...KEYS, col('対象年月', 'month', true)], 3),
  DLTJSK: layout('DLTJSK', [...KEYS, col('対象年月', 'month', true), col('サービス事業者コード', 'office'), col('サービス種類')], 3),
};

/** 0-based column numbers of 第6表 / 実績 used by previews and diffs. */
export const SM = {
  insurer: 1, insured: 2, month: 4, planner: 6, units: 7, date: 9, start: 11, end: 12,
  count: 13, serviceCode: 14, equipment: 17, office: 19, officeName: 20,
} as const;

/** 0-based column numbers of 第7表. */
export const SK = { insured: 2, officeName: 5, office: 6, serviceCode: 8 } as const;
