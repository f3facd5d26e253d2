// Shared by 第6表 / 実績 and 第7表: the equipment codes of 福祉用具貸与 (v4 only) and the scope of
// the service kind a サービスコード belongs to.
import { describeKind, serviceKind } from '../../service-kinds';
import { at, indexOf, type RuleContext } from './types';

/** Kinds whose rows name the equipment: 17 福祉用具貸与, 67 介護予防福祉用具貸与. */
export const EQUIPMENT_KINDS = new Set(['17', '67']);

/**
 * v4: for 17 / 67 the TAISコード or the 福祉用具届出コード is filled (one of them). Real files also
 * carry the kind's add-on rows (178110 and the like), which name no product: the lenient reading
 * makes a row without either code a warning, once per kind and file.
 */
export function equipmentRule(ctx: RuleContext): ((record: string[], row: number, kind: string) => void) | null {
  if (ctx.layout.era !== 'v4') return null;
  const tais = indexOf(ctx.layout, 'TAISコード');
  const notified = indexOf(ctx.layout, '福祉用具届出コード');
  return (record, row, kind) => {
    if (!EQUIPMENT_KINDS.has(kind) || record[tais] !== '' || record[notified] !== '') return;
    ctx.problems.once(`equipment|${kind}`, 'warning',
      `サービス種類 ${describeKind(kind)} の行に、TAISコードも福祉用具届出コードもありません` +
      '(用具の行にはどちらかを書きます。加算の行のように用具のない行もあるため、送信はできます)',
      at(ctx.layout, row, tais),
    );
  };
}

/** Out-of-scope kinds produce no records (body 2.6 / 3.6): a warning, once per kind. */
export function scopeRule(ctx: RuleContext, index: number): (row: number, kind: string) => void {
  return (row, kind) => {
    const known = serviceKind(kind);
    if (!known || known.inScope) return;
    ctx.problems.once(`scope|${kind}`, 'warning',
      `サービス種類 ${describeKind(kind)} はデータ連携の対象外です(対象外のサービスのレコードは出力しません)`,
      at(ctx.layout, row, index));
  };
}
