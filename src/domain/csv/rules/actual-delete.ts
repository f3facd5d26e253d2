// 実績削除 (DLTJSK): the 実績 is deleted per service kind (5.1.2.2), named in No.6.
import { SERVICE_KIND_CODE } from '../../service-kinds';
import { scopeRule } from './equipment';
import { indexOf, type RuleFactory } from './types';

export const actualDeleteRules: RuleFactory = (ctx) => {
  const kind = indexOf(ctx.layout, 'サービス種類コード');
  const scope = scopeRule(ctx, kind);
  return {
    row(record, row) {
      // a value of another shape is the 書式's error already
      if (SERVICE_KIND_CODE.test(record[kind]!)) scope(row, record[kind]!);
    },
  };
};
