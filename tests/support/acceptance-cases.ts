// The legal send units of the acceptance corpus (acceptance-corpus.ts), one per edge case a
// real export produces. Each must pass the checks without an error; warnings are listed per case
// where the spec's reading makes them right.
import {
  dlt1, dltJsk, dltKihon, dltPlan, dltYobo, file, hosoku, hosokuFull, HOUMON, jpeg, kihon, kihonSub1, kihonSub2, kyo1, kyo1Full, kyo2, kyo3,
  KYOTAKU, nameOf, PEOPLE, REAL_OFFICES, sikyu, sikyuTotal, usage, yobo, yoboSub, type CaseFile, type CsvOptions, type NameOptions,
  type Version,
} from './acceptance-corpus';

export interface AcceptanceCase {
  id: string;
  /** what a real export does here, per the spec */
  why: string;
  files: CaseFile[];
  /** warnings the spec's reading makes right, as message fragments; any other warning fails the case */
  warnings?: RegExp[];
}

const [A, B, C] = PEOPLE as [typeof PEOPLE[0], typeof PEOPLE[0], typeof PEOPLE[0]];
const SEQ = '20250325103000';

/** The service month each version is in force for (layouts §2). */
const MONTH: Record<Version, string> = { 201910: '202006', 202003: '202104', 202208: '202402', 202407: '202504', 202504: '202504' };

/** The code lists of 第1表 and 補足 (コード表 (1)–(4), 性別), every value at least once. */
const CODES = ['11', '12', '21', '51', '52', '53', '54', '', ''].map((plan, i) => ({
  plan,
  cert: ['1', '2', ''][i % 3]!,
  level: ['06', '12', '13', '21', '22', '23', '24', '25', ''][i]!,
  reason: ['1', '2', '3', ''][i % 4]!,
  sex: ['1', '2'][i % 2]!,
}));

export function planUnit(v: Version, opts: CsvOptions = {}, n: NameOptions = {}): CaseFile[] {
  const old = !(v === '202407' || v === '202504');
  const d = `${MONTH[v]}01`;
  const nm = (kind: string, month?: string) => nameOf(kind, { old, sequence: SEQ, ...n, ...(month ? { month } : {}) });
  const files = [
    file(nm('UP1KYO'), [kyo1Full(v, A, d), kyo1(v, B, d), kyo1Full(v, C, d, { 16: '54', 17: '1', 18: '', 19: '', 20: '', 21: '', 25: '3', 26: 'その他の理由' })], opts),
    file(nm('UP2KYO'), [
      kyo2(v, A, d),
      kyo2(v, A, d, { 7: '', 9: '', 10: '', 13: '2', 14: '見守り' }),
      kyo2(v, A, d, { 6: '99', 8: '99', 13: '99', 15: 'N', 16: '家族', 17: '', 18: '' }),
      kyo2(v, A, d, { 6: '2', 8: '1', 13: '1', 15: '', 16: '医療', 17: '', 18: '○○医院' }),
      kyo2(v, B, d, { 6: '', 7: '', 8: '', 9: '', 10: '', 11: '', 12: '', 13: '', 14: '', 15: '', 16: '', 17: '', 18: '', 19: '', 20: '', 21: '' }),
      kyo2(v, C, d),
    ], opts),
    file(nm('UPHOSOKU', '000000'), [hosokuFull(v, A, d, null), hosoku(v, B, d, null), hosokuFull(v, C, d, null, { 16: '1', 18: '06', 59: '' })], opts),
  ];
  // every code of 計画書区分, 認定状況区分, 要介護状態区分 and 生活援助中心型の算定理由: one more plan of
  // person B per code (earlier plans of the same person, by 居宅サービス計画作成（変更）日), each with its 補足
  const plans = CODES.map((code, i) => ({ date: `${MONTH[v]}${String(i + 2).padStart(2, '0')}`, code }));
  files[0]!.records.push(...plans.map(({ date, code }) =>
    kyo1Full(v, B, date, { 16: code.plan, 17: code.cert, 21: code.level, 25: code.reason })));
  files[2]!.records.push(...plans.map(({ date, code }) =>
    hosokuFull(v, B, date, null, { 7: code.sex, 16: code.cert, 18: code.level, 59: code.level })));
  for (const f of [files[0]!, files[2]!]) files[files.indexOf(f)] = file(f.name, f.records, opts);
  if (!old) {
    files.splice(2, 0, file(nm('UP3KYO'), [
      ...['1', '2', '3', '4', '5', '6', '7'].map((day) => kyo3(v, A, d, { 6: '訪問介護（身体介護）', 7: day, 8: '0000', 9: '2359' })),
      kyo3(v, A, d, { 10: '起床', 11: '0600', 12: '0630' }),
      kyo3(v, A, d, { 13: '福祉用具貸与（車いす）, 月1回の訪問診療' }),
      kyo3(v, B, d, { 6: '通所介護', 7: '3', 8: '0930', 9: '1630' }),
      kyo3(v, C, d),
    ], opts));
  }
  return files;
}

export function usageUnit(v: Version, opts: CsvOptions = {}, n: NameOptions = {}): CaseFile[] {
  const old = !(v === '202407' || v === '202504');
  const m = MONTH[v];
  const last = `${m}${String(new Date(Date.UTC(Number(m.slice(0, 4)), Number(m.slice(4)), 0)).getUTCDate()).padStart(2, '0')}`;
  const nm = (kind: string) => nameOf(kind, { old, sequence: SEQ, month: m, ...n });
  const equipment = old ? {} : { tais: '00001-000010', item: '車いす ネクストコア' };
  const plan = [
    usage(v, A, m, { date: `${m}01`, code: '111211' }),
    usage(v, A, m, { date: last, code: '111211', start: '2300', end: '2359' }),
    // an add-on without a time, and one with several times a day
    usage(v, A, m, { date: `${m}01`, code: '114001', units: '100', start: '9999', end: '9999' }),
    usage(v, A, m, { date: `${m}02`, code: '111111', count: '12' }),
    // 減算 rows carry negative units; 率加算 may be 0
    usage(v, A, m, { date: `${m}02`, code: '118001', units: '-30' }),
    usage(v, A, m, { date: `${m}03`, code: '116275', units: '0', start: '9999', end: '9999' }),
    // 日割: 31 flags; a satellite; a 30-day-over short stay with its 前月まで days
    usage(v, A, m, { date: `${m}05`, code: '151111', days: '1111100000000000000000000000000', satellite: '1' }),
    usage(v, A, m, { date: `${m}06`, code: '211111', over30: '1', shortStayDays: '30', start: '9999', end: '9999' }),
    // 福祉用具貸与: the date is required, TAIS or 届出 code, 明細判別コード on same code + units
    usage(v, B, m, { date: `${m}01`, code: '171007', units: '300', start: '9999', end: '9999', serial: '1', ...equipment }),
    usage(v, B, m, { date: `${m}01`, code: '171007', units: '300', start: '9999', end: '9999', serial: '2', ...equipment }),
    usage(v, B, m, { date: `${m}01`, code: '171001', units: '500', start: '9999', end: '9999', ...(old ? {} : { notice: '00001－000020', item: '特殊寝台' }) }),
    // 介護医療院 short stay (kind 2A) and 総合事業 (A2)
    usage(v, C, m, { date: `${m}10`, code: '2A1111', start: '9999', end: '9999' }),
    usage(v, C, m, { date: `${m}11`, code: 'A21001', units: '1176' }),
  ];
  const sik = [
    sikyu(v, A, m, { office: HOUMON, code: '111211', units: '396', count: '2', unitPrice: '11.40', managed: '792', money: { 19: '0', 20: '792', 21: '0', 22: '792', 23: '11.40', 24: '9028', 25: '90', 26: '8125', 28: '903', 29: '0', 30: '', 31: '', 32: '' } }),
    sikyu(v, A, m, { office: HOUMON, code: '111111', units: '250', count: '12', unitPrice: '11.40', managed: '3000' }),
    sikyu(v, A, m, { office: HOUMON, code: '118001', units: '-30', count: '1', unitPrice: '11.40', managed: '-30' }),
    sikyu(v, A, m, { office: HOUMON, code: '11AAAA', units: '0', managed: '3762' }),
    sikyu(v, A, m, { office: HOUMON, code: '11EEEE', units: '0' }),
    sikyu(v, A, m, { office: HOUMON, code: '211111', units: '600', count: '1', unitPrice: '10.00', managed: '', money: { 30: '12345', 31: '30', 32: '12345' } }),
    sikyu(v, A, m, { office: HOUMON, code: '21ZZZZ', units: '0' }),
    sikyu(v, A, m, { office: HOUMON, code: '151111', units: '655', rate: '97', discounted: '635', count: '5', unitPrice: '10.00', managed: '3175', satellite: '1' }),
    sikyuTotal(v, A, m, { 18: '6937', 24: '70000', 26: '63000', 28: '7000' }),
    sikyu(v, B, m, { office: HOUMON, code: '171007', units: '300', count: '1', unitPrice: '11.40', managed: '300', ...equipment }),
    sikyu(v, B, m, { office: HOUMON, code: '171001', units: '500', count: '1', unitPrice: '11.40', managed: '500', ...(old ? {} : { notice: '00001－000020' }) }),
    sikyu(v, B, m, { office: HOUMON, code: '17AAAA', units: '0', managed: '800' }),
    sikyuTotal(v, B, m),
    sikyu(v, C, m, { office: HOUMON, code: '2A1111', units: '800', count: '31', unitPrice: '10.00' }),
    sikyu(v, C, m, { office: HOUMON, code: 'A21001', units: '1176', count: '1', unitPrice: '10.00' }),
    sikyuTotal(v, C, m),
  ];
  // the sending 居宅's own number in プラン担当業者コード, 更新業者コード and 同意書受付業者
  const own = (rows: string[][]) => rows.map((r) => r.map((value) => (value === KYOTAKU ? n.from ?? KYOTAKU : value)));
  return [
    file(nm('UPPLAN'), own(plan), opts),
    file(nm('UPSIKYU'), own(sik), opts),
    file(nm('UPHOSOKU'), own([hosokuFull(v, A, null, m), hosoku(v, B, null, m), hosoku(v, C, null, m)]), opts),
  ];
}

export function actual(v: Version, opts: CsvOptions = {}, n: NameOptions = {}): CaseFile[] {
  const old = !(v === '202407' || v === '202504');
  const m = MONTH[v];
  const name = nameOf('UPJSK', { old, sequence: SEQ, month: m, from: HOUMON, to: KYOTAKU, fromKind: '11', toKind: '43', ...n });
  return [file(name, [
    usage(v, A, m, { date: `${m}01`, code: '111211', start: '0905', end: '1003' }, HOUMON),
    usage(v, A, m, { date: `${m}03`, code: '116275', units: '0', start: '9999', end: '9999' }, HOUMON),
    usage(v, B, m, { date: `${m}02`, code: '111211' }, HOUMON),
  ], opts)];
}

function yoboUnits(v: Version): AcceptanceCase[] {
  const d = '20250410';
  const n = { from: KYOTAKU, fromKind: '46', to: '3310000025', toKind: 'A6', sequence: SEQ } as const;
  const image = nameOf('UPKIHON_IMAGE', n).replace(/\.CSV$/, '_0001.jpg');
  const imageUpper = nameOf('UPKIHON_IMAGE', n).replace(/\.CSV$/, '_0002.JPG');
  const kihonRows: string[][] = [
    kihon(v, A, d, {
      7: '地域 包括子', 8: '03', 9: 'オンライン面談', 10: '02', 11: '20250110', 12: '02', 13: '入院中（4月退院予定）', 18: '東京都千代田区千代田１－１', 19: '03-1234-5678',
      20: '03-1234-5679', 21: '42', 22: '08', 23: '01', 24: '20250401', 25: '20260331', 26: '13', 27: '1', 28: '20250401', 29: '1', 30: '0', 31: '0', 32: '1',
      34: '08', 35: '12', 36: '2', 37: '1', 38: '0', 39: '0', 40: '1', 46: '長女', 47: '子', 49: '090-0000-0000', 62: image, 70: '20250410', 71: '髙橋 花子',
    }),
    kihon(v, B, d, { 6: '', 8: '01', 10: '01', 12: '01', 21: '01', 22: '01', 23: '12', 34: '01', 62: imageUpper }),
    kihon(v, C, d, { 23: '25', 26: '21', 21: '11', 22: '04', 34: '05' }),
  ];
  // every code of every list of 利用者基本情報 and 計画書, on further records of person C (one per 相談日)
  const pick = (list: string[], i: number) => list[i % list.length]!;
  const days = Array.from({ length: 9 }, (_, i) => `202504${String(11 + i)}`);
  kihonRows.push(...days.map((day, i) => kihon(v, C, day, {
    5: pick(['1', '2'], i), 6: pick(['1', '2'], i), 8: pick(['01', '02', '03'], i), 9: i % 3 === 2 ? '訪問' : '', 10: pick(['01', '02'], i),
    12: pick(['01', '02'], i), 13: i % 2 === 1 ? '入所中' : '', 16: pick(['1', '2'], i),
    21: pick(['01', '11', '12', '21', '22', '31', '32', '41', '42'], i), 22: pick(['01', '02', '03', '04', '05', '06', '07', '08', ''], i),
    23: pick(['01', '12', '13', '21', '22', '23', '24', '25', ''], i), 26: pick(['', '01', '12', '13', '21', '22', '23', '24', '25'], i),
    27: pick(['1', '2'], i), 29: pick(['0', '1'], i), 30: pick(['1', '0'], i), 31: pick(['0', '1'], i), 32: pick(['1', '0'], i),
    34: pick(['01', '02', '03', '04', '05', '06', '07', '08', ''], i), 36: pick(['1', '2'], i), 37: pick(['0', '1'], i), 38: pick(['1', '0'], i),
    39: pick(['0', '1'], i), 40: pick(['1', '0'], i),
  })));
  const yoboRows = days.map((day, i) => yobo(v, C, day, {
    5: pick(['1', '2'], i), 6: pick(['1', '2'], i), 12: pick(['11', '12', '21', '51', '52', '53', '54', ''], i), 13: pick(['1', '2'], i),
    14: pick(['1', '2', '3'], i), 26: pick(['1', '2'], i), 30: pick(['2', '1'], i), 34: pick(['1', '2'], i), 38: pick(['2', '1'], i),
    43: String(i % 10), 49: pick(['1', '2'], i), 50: pick(['2', '1'], i), 51: pick(['1', '2'], i), 52: pick(['2', '1'], i), 53: pick(['1', '2'], i),
    54: pick(['2', '1'], i),
  }));
  return [
    {
      id: 'kihon-unit-v4',
      why: '利用者基本情報 + 別表1 + 別表2 + two family images (.jpg and .JPG), every code list, 委託の有無 empty on one row',
      warnings: [/委託の有無/],
      files: [
        file(nameOf('UPKIHON', n), kihonRows),
        file(nameOf('UPKIHON_SUB1', n), [kihonSub1(v, A, d, '6:00', '起床'), kihonSub1(v, A, d, '7:30', '朝食'), kihonSub1(v, B, d, '', '')]),
        file(nameOf('UPKIHON_SUB2', n), [kihonSub2(v, A, d), kihonSub2(v, A, d, { 5: 'R2年4月', 8: '2', 10: '03' }), kihonSub2(v, B, d, { 5: '', 6: '', 7: '', 8: '', 9: '', 10: '', 11: '' }), kihonSub2(v, C, d, { 10: '02' })]),
        { name: image, bytes: jpeg(), records: [] },
        { name: imageUpper, bytes: jpeg(), records: [] },
      ],
    },
    {
      id: 'yobo-unit-v4',
      why: '介護予防サービス・支援計画書 + 別表: several 支援計画 rows per 課題, every code list, plan types 1 and 2',
      files: [
        file(nameOf('UPYOBO', n), [
          yobo(v, A, d, { 7: 'No.123', 9: '20250301', 10: '20250401', 11: '20260331', 12: '52', 13: '2', 14: '3', 19: '03-1234-5678', 20: '20240401', 26: '1', 30: '2', 34: '1', 38: '2', 43: '3', 44: '0', 49: '1', 50: '2', 54: '2', 56: '20250410', 57: '髙橋 花子' }),
          yobo(v, B, d, { 5: '2', 6: '1', 14: '1' }),
          yobo(v, C, d, { 14: '2', 12: '11' }),
          ...yoboRows,
        ]),
        file(nameOf('UPYOBO_SUB', n), [
          yoboSub(v, A, d),
          yoboSub(v, A, d, { 6: '', 7: '', 8: '', 9: '', 10: '2' }),
          yoboSub(v, A, d, { 6: '', 7: '', 8: '', 9: '', 10: '2', 11: '', 12: '', 13: '', 14: '2', 15: '訪問型サービス（独自）' }),
          yoboSub(v, B, d),
        ]),
      ],
    },
    { id: 'dltkihon-v4', why: '利用者基本情報_削除 alone', files: [file(nameOf('DLTKIHON', n), [dltKihon(v, A, d), dltKihon(v, B, d)])] },
    { id: 'dltyobo-v4', why: '介護予防サービス・支援計画書_削除 alone', files: [file(nameOf('DLTYOBO', n), [dltYobo(v, A, d)])] },
  ];
}

function yoboUsage(): CaseFile[] {
  const v = '202407';
  const m = '202504';
  const n = { month: m, fromKind: '46', toKind: '67', sequence: SEQ };
  const rent = { tais: '00001-000010', item: '歩行器', start: '9999', end: '9999' };
  return [
    file(nameOf('UPPLAN', n), [
      usage(v, A, m, { date: '20250401', code: '671001', units: '500', ...rent }),
      usage(v, A, m, { date: '20250402', code: '241111', units: '451', start: '9999', end: '9999' }),
      usage(v, B, m, { date: '20250403', code: '2B1111', units: '580', start: '9999', end: '9999' }),
      usage(v, B, m, { date: '20250404', code: 'A61111', units: '1798', start: '1000', end: '1500' }),
    ]),
    file(nameOf('UPSIKYU', n), [
      sikyu(v, A, m, { office: HOUMON, code: '671001', units: '500', count: '1', unitPrice: '11.40', managed: '500', tais: '00001-000010' }),
      sikyu(v, A, m, { office: HOUMON, code: '241111', units: '451', count: '1', unitPrice: '10.00', managed: '451' }),
      sikyuTotal(v, A, m),
      sikyu(v, B, m, { office: HOUMON, code: '2B1111', units: '580', count: '1', unitPrice: '10.00', managed: '580' }),
      sikyu(v, B, m, { office: HOUMON, code: 'A61111', units: '1798', count: '1', unitPrice: '10.00', managed: '1798' }),
      sikyuTotal(v, B, m),
    ]),
    file(nameOf('UPHOSOKU', n), [hosoku(v, A, null, m, { 18: '12' }), hosoku(v, B, null, m, { 18: '13' })]),
  ];
}

export function acceptanceCases(): AcceptanceCase[] {
  const cases: AcceptanceCase[] = [];
  for (const v of ['201910', '202003', '202208', '202407'] as const) {
    cases.push({ id: `plan-unit-${v}`, why: '第1・2(・3)表 + 補足 000000: three people, optional columns empty or full, every code of 計画書区分', files: planUnit(v) });
    cases.push({ id: `usage-unit-${v}`, why: '第6・7表 + 補足: 9999 times, 日割, month end, 減算, 福祉用具 with 明細判別, satellites, 30日超, 2A and A2 codes, subtotals', files: usageUnit(v) });
    cases.push({ id: `actual-${v}`, why: '実績 from the provider, 単位数 0 for a 率加算', files: actual(v) });
    const m = MONTH[v];
    const old = v !== '202407';
    cases.push({ id: `dlt1kyo-${v}`, why: '第1表_削除, two people', files: [file(nameOf('DLT1KYO', { old }), [dlt1(v, A, '20250131'), dlt1(v, B, '20240229')])] });
    cases.push({ id: `dltplan-${v}`, why: '予定_削除', files: [file(nameOf('DLTPLAN', { old, month: m }), [dltPlan(v, A, m)])] });
    cases.push({
      id: `dltjsk-${v}`, why: '実績_削除 per service kind (11, 2A, A2)',
      files: [file(nameOf('DLTJSK', { old, month: m, from: HOUMON, to: KYOTAKU, fromKind: '11', toKind: '43' }), [dltJsk(v, A, m, HOUMON, '11'), dltJsk(v, B, m, HOUMON, '2A'), dltJsk(v, C, m, HOUMON, 'A2')])],
    });
  }
  const v4 = '202407' as const;
  cases.push(
    { id: 'plan-unit-lf', why: 'LF line ends (the spec names none)', files: planUnit(v4, { lineEnding: '\n' }) },
    { id: 'plan-unit-no-final-break', why: 'no line break after the last record', files: planUnit(v4, { noFinalBreak: true }) },
    { id: 'usage-unit-quote-all', why: 'every value quoted, codes and numbers too', files: usageUnit(v4, { quoteAll: true }) },
    { id: 'usage-unit-lf-no-break', why: 'LF and no final break', files: usageUnit(v4, { lineEnding: '\n', noFinalBreak: true }) },
    { id: 'plan-unit-lower-ext', why: 'extension .csv in lower case', files: planUnit(v4, {}, { extension: 'csv' }) },
    { id: 'usage-unit-real-offices', why: 'real office numbers, destination kind 2A', files: usageUnit(v4, {}, { from: REAL_OFFICES[0], to: REAL_OFFICES[1], toKind: '2A' }) },
    { id: 'usage-unit-a1', why: 'destination kind A1 (総合事業 みなし)', files: usageUnit(v4, {}, { toKind: 'A1' }) },
    {
      id: 'actual-spec-example-order', why: '実績 named with the kind codes as the spec\'s own example (43 first)',
      files: actual(v4, {}, { fromKind: '43', toKind: '11' }),
      warnings: [/サービス種類コード/],
    },
    {
      id: 'usage-unit-202504', why: 'CSVバージョン 202504 (v4.0, renamed 202407 by v4.1)',
      files: usageUnit('202504'), warnings: [/202504/],
    },
    {
      id: 'plan-unit-minimal', why: 'one person, one record per file, every optional column empty',
      files: [
        file(nameOf('UP1KYO'), [kyo1(v4, A, '20250401')]),
        file(nameOf('UP2KYO'), [kyo2(v4, A, '20250401', { 6: '', 7: '', 8: '', 9: '', 10: '', 11: '', 12: '', 13: '', 14: '', 15: '', 16: '', 17: '', 18: '', 19: '', 20: '', 21: '' })]),
        file(nameOf('UP3KYO'), [kyo3(v4, A, '20250401')]),
        file(nameOf('UPHOSOKU', { month: '000000' }), [hosoku(v4, A, '20250401', null)]),
      ],
    },
    ...yoboUnits(v4),
    {
      id: 'usage-unit-other-providers', why: 'the 第6・7表 carry every provider\'s services, whichever office they go to (2.6), made the month before',
      files: usageUnit(v4).map((f) => {
        const other = '3310000025';
        if (f.name.startsWith('UPPLAN_')) {
          return file(f.name, [...f.records, usage(v4, A, '202504', { date: '20250415', code: '151111', provider: other, units: '655', start: '0930', end: '1630' })]
            .map((r) => r.map((x, i) => (i === 3 ? '20250325' : x))));
        }
        if (f.name.startsWith('UPSIKYU_')) {
          const rows = [...f.records];
          rows.splice(8, 0, sikyu(v4, A, '202504', { office: other, code: '151111', units: '655', count: '1', unitPrice: '10.00', managed: '655', name: 'ひまわりデイサービス' }));
          return file(f.name, rows.map((r) => r.map((x, i) => (i === 3 ? '20250325' : x))));
        }
        return f;
      }),
    },
    {
      id: 'yobo-usage-unit', why: '介護予防 利用票 + 別表 + 補足 from the 包括 (46) to a 介護予防福祉用具貸与 (67): 67 rows with TAIS, 24/2B short stays, 総合事業 A6',
      files: yoboUsage(),
    },
    {
      id: 'yobo-actual', why: '介護予防 実績 from the provider (67) to the 包括 (46)',
      files: [file(nameOf('UPJSK', { month: '202504', from: HOUMON, fromKind: '67', to: KYOTAKU, toKind: '46' }), [
        usage(v4, A, '202504', { date: '20250401', code: '671001', tais: '00001-000010', start: '9999', end: '9999', units: '500' }, HOUMON),
        usage(v4, B, '202504', { date: '20250401', code: '671001', notice: '00001－000020', start: '9999', end: '9999', units: '300' }, HOUMON),
      ])],
    },
  );
  return cases;
}
