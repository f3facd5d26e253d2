// Shared by 第6表 / 実績, 第7表 and 実績削除: the equipment codes of 福祉用具貸与 (v4 only) and the
// scope of the service kind a サービスコード belongs to.
import { describeKind, kindScopeNote } from '../../service-kinds';
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

/**
 * The kind of a サービスコード (or a サービス種類コード column) as the scope tables know it: a kind
 * they mark 対象外 produces no records (body 2.6 / 3.6), and one they do not list at all is most
 * likely a typo. Both warn, once per kind and file, in the words of the file-name check.
 */
export function scopeRule(ctx: RuleContext, index: number): (row: number, kind: string) => void {
  // the kind of the row before was looked at already (said once, or nothing to say): rows repeat it
  let last: string | undefined;
  return (row, kind) => {
    if (kind === last) return;
    last = kind;
    const note = kindScopeNote(kind);
    if (!note) return;
    const tail = note.unknown ? '(サービスコード表のサービス種類を確認してください。送信はできます)' : '。対象外のサービスのレコードは出力しません';
    ctx.problems.once(`scope|${kind}`, 'warning', `${note.text}${tail}`, at(ctx.layout, row, index));
  };
}

/**
 * The service kind of a サービスコード (its first two characters), the one of the row before
 * without a new string: neighbouring rows repeat their code, and the relay checks every send.
 */
export class KindOfCode {
  private code = '';
  private kind = '';

  of(code: string): string {
    if (code !== this.code) {
      this.code = code;
      this.kind = code.slice(0, 2);
    }
    return this.kind;
  }
}
