// 第6表 (予定) and 実績: one service on one day per record.
import { displayValue } from '../formats';
import { equipmentRule, scopeRule } from './equipment';
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
  // 予定: the 居宅's number; 実績: the provider's (layout note on No.24). The sender of the
  // file is that office, so a different number only warns: it may be a satellite's.
  const sender = name?.sender ?? null;

  return {
    row(record, row) {
      const date = record[day]!;
      const yyyymm = record[month]!;
      if (date.length === 8 && yyyymm.length === 6 && !date.startsWith(yyyymm)) {
        problems.error(`${displayValue('date', date)} は対象年月 ${yyyymm} の日付ではありません(1ファイルは1か月分です)`, at(layout, row, day));
      }
      const s = record[start]!;
      const e = record[end]!;
      if ((s === '9999') !== (e === '9999') && s !== '' && e !== '') {
        problems.once('time-pair', 'warning',
          `開始時刻 ${s} と終了時刻 ${e} の片方だけが 9999 です(時間のないサービスは両方とも 9999 にします)`, at(layout, row, end));
      }
      const kind = record[code]!.slice(0, 2);
      if (kind.length === 2) {
        scope(row, kind);
        equipment?.(record, row, kind);
        if (record[detail] !== '' && kind !== '17' && kind !== '67') {
          problems.once('detail-code', 'warning',
            '明細判別コードは福祉用具貸与(17)の行にだけ付けます。それ以外のサービスでは空にします', at(layout, row, detail));
        }
      }
      const updatedBy = record[updater]!;
      if (sender && updatedBy !== '' && updatedBy !== sender) {
        const who = layout.kind === 'UPJSK' ? 'サービス事業所' : '居宅介護支援事業所';
        problems.once('updater', 'warning',
          `更新業者コード ${updatedBy} が送信元 ${sender} と異なります(この項目には送信元の${who}の番号を書きます)`, at(layout, row, updater));
      }
    },
  };
};
