// 第6表 (予定) and 実績: one service on one day per record.
import { displayValue } from '../formats';
import { equipmentRule, KindOfCode, scopeRule } from './equipment';
import { at, indexOf, type RuleFactory } from './types';

export const usageRules: RuleFactory = (ctx) => {
  const { layout, problems, name } = ctx;
  const month = indexOf(layout, '対象年月');
  const day = indexOf(layout, 'サービス利用日');
  const start = indexOf(layout, 'サービス開始時刻');
  const end = indexOf(layout, 'サービス終了時刻');
  const code = indexOf(layout, 'サービスコード');
  const detail = indexOf(layout, '明細判別コード');
  const updater = indexOf(layout, '更新業者コード');
  const equipment = equipmentRule(ctx);
  const scope = scopeRule(ctx, code);
  const kindOfCode = new KindOfCode();
  // No.24: 「予定の場合は居宅介護支援事業者番号、実績の場合はサービス事業者番号」. A 予定 comes from
  // the 居宅 that wrote it, the file's sender. A 実績 names the provider of its own line (No.20):
  // the 委託先 居宅 passes the providers' 実績 on to the 包括 (body 3.1, 5.2.2.1), and then the
  // sender is not the provider. A different number only warns.
  const actual = layout.kind === 'UPJSK';
  const provider = indexOf(layout, 'サービス事業者コード');
  const sender = name?.sender ?? null;
  // the month a サービス利用日 must lie in is the file's (its name's). A record whose 対象年月 is of
  // another month is told so at its 対象年月 already: its date is at fault only when it lies in
  // neither month (a date of the name's month shows the 対象年月 is the slip; one of the record's
  // own month, a record of another month, said once). Without a name, the record's own 対象年月.
  const nameMonth = name?.targetMonth ?? null;

  return {
    row(record, row) {
      const date = record[day]!;
      const own = record[month]!;
      const yyyymm = nameMonth ?? own;
      if (date.length === 8 && yyyymm.length === 6 && !date.startsWith(yyyymm) && !(own.length === 6 && date.startsWith(own))) {
        problems.error(`${displayValue('date', date)} は対象年月 ${yyyymm} の日付ではありません(1ファイルは1か月分です)`, at(layout, row, day));
      }
      const s = record[start]!;
      const e = record[end]!;
      if ((s === '9999') !== (e === '9999') && s !== '' && e !== '') {
        problems.once('time-pair', 'warning',
          `開始時刻 ${s} と終了時刻 ${e} の片方だけが 9999 です(時間のないサービスは両方とも 9999 にします)`, at(layout, row, end));
      }
      const kind = kindOfCode.of(record[code]!);
      if (kind.length === 2) {
        scope(row, kind);
        equipment?.(record, row, kind);
        // No.19: 「「17:福祉用具貸与」以外の場合は「Null（空）」とする」, 67 介護予防福祉用具貸与 included
        // (No.16/17 name 17 and 67, No.19 names 17 alone): a value elsewhere only warns
        if (record[detail] !== '' && kind !== '17') {
          const preventive = kind === '67' ? '(介護予防福祉用具貸与(67)の行も、仕様書では空です)' : '';
          problems.once('detail-code', 'warning',
            `明細判別コードは福祉用具貸与(17)の行にだけ付けます。それ以外のサービスでは空にします${preventive}`,
            at(layout, row, detail));
        }
      }
      const updatedBy = record[updater]!;
      const expected = actual ? record[provider]! : sender;
      if (expected && updatedBy !== '' && updatedBy !== expected) {
        const text = actual
          ? `更新業者コード ${updatedBy} がこの行のサービス事業者コード ${expected} と異なります(実績では実績のサービス事業者番号を書きます)`
          : `更新業者コード ${updatedBy} が送信元 ${expected} と異なります(予定では送信元の居宅介護支援事業者番号を書きます)`;
        problems.once('updater', 'warning', text, at(layout, row, updater));
      }
    },
  };
};
