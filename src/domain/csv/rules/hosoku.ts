// 利用者補足情報: which plan it goes with shows three times, and the three must agree. With
// 第1・2(・3)表: file-name month 000000, No.63 000000, No.4 the 計画作成（変更）日. With 第6・7表:
// file-name month = 提供年月 = No.63, and No.4 00000000 (layout notes, body 2.3).
import { kindScopeNote } from '../../service-kinds';
import { at, indexOf, type RuleFactory } from './types';

export const hosokuRules: RuleFactory = (ctx) => {
  const { layout, problems, name } = ctx;
  const planDate = indexOf(layout, '居宅サービス計画作成（変更）日');
  const month = indexOf(layout, '対象年月');
  const firstSlot = indexOf(layout, '１サービス種類コード');
  const nameMonth = name?.targetMonth ?? null;

  return {
    row(record, row) {
      const date = record[planDate]!;
      const target = record[month]!;
      // without a readable name, No.63 tells which plan the record goes with
      const withPlan = nameMonth !== null ? nameMonth === '000000' : target === '' ? null : target === '000000';
      if (withPlan) {
        if (nameMonth === '000000' && target !== '' && target !== '000000') {
          problems.error('第1・2表に紐づく補足(ファイル名の提供年月 000000)では、対象年月も 000000 にします', at(layout, row, month));
        }
        if (date === '00000000') {
          problems.error('第1・2表に紐づく補足では、居宅サービス計画作成（変更）日に第1表の計画作成日を設定します(00000000 は第6・7表に紐づく補足の値です)',
            at(layout, row, planDate));
        }
      } else if (withPlan === false && date !== '' && date !== '00000000') {
        problems.error('第6・7表に紐づく補足(対象年月あり)では、居宅サービス計画作成（変更）日は 00000000 にします', at(layout, row, planDate));
      }
      // S1: the slots are filled from slot 1 in order, and 短期入所療養介護 uses 22
      let gap = false;
      for (let slot = 0; slot < 9; slot++) {
        const i = firstSlot + slot * 4;
        const kind = record[i]!;
        if (kind === '') {
          gap = true;
          continue;
        }
        if (gap) {
          problems.once('slot-order', 'warning', 'サービス種類別の限度額の枠は１枠目から順に設定します(前の枠が空です)', at(layout, row, i));
        } else if (kind === '23' || kind === '2A') {
          problems.once('slot-22', 'warning', `短期入所療養介護の枠には 22 を設定します(「${kind}」ではなく)`, at(layout, row, i));
        }
        // a kind the scope tables do not list (a 対象外 kind may still have its limit here)
        const note = kindScopeNote(kind);
        if (note?.unknown) problems.once(`slot-kind|${kind}`, 'warning', `${note.text}(送信はできます)`, at(layout, row, i));
      }
    },
  };
};
