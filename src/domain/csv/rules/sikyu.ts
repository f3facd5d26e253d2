// 第7表: detail rows, subtotal rows per kind (<kind>AAAA 区分支給対象, EEEE 対象外, ZZZZ 30日超)
// and one grand total per person (999999 on office 9999999999).
import { equipmentRule, KindOfCode, scopeRule } from './equipment';
import { at, indexOf, SUMMARY_CODE, type RuleFactory } from './types';

const ALL9 = '9999999999';

interface Person {
  firstRow: number;
  hasTotal: boolean;
  /** office|kind → its slot */
  kinds: Map<string, KindSlot>;
}

/** The detail service codes of one office and kind, and whether an AAAA subtotal was seen. */
interface KindSlot {
  codes: Set<string>;
  subtotal: boolean;
  row: number;
}

/**
 * The person of a record, by 保険者番号 and 被保険者番号.
 */
class PersonLookup {
  // a person's rows come together: the person of the row before is found without a lookup
  private last: { insurer: string; insured: string; person: Person } | null = null;

  constructor(
    private readonly people: Map<string, Person>,
    private readonly insurer: number,
    private readonly insured: number,
  ) {}

  of(record: string[], row: number): Person {
    const { last, insurer, insured } = this;
    if (last && record[insurer] === last.insurer && record[insured] === last.insured) return last.person;
    const key = `${record[insurer]}|${record[insured]}`;
    let person = this.people.get(key);
    if (!person) this.people.set(key, (person = { firstRow: row, hasTotal: false, kinds: new Map() }));
    this.last = { insurer: record[insurer]!, insured: record[insured]!, person };
    return person;
  }
}

export const sikyuRules: RuleFactory = (ctx) => {
  const { layout, problems } = ctx;
  const insurer = indexOf(layout, '保険者番号');
  const insured = indexOf(layout, '被保険者番号');
  const office = indexOf(layout, 'サービス事業所コード');
  const code = indexOf(layout, 'サービスコード');
  const units = indexOf(layout, '単位数');
  const rate = indexOf(layout, '割引後率');
  const discounted = indexOf(layout, '割引後単位数');
  const count = indexOf(layout, '回数／日数');
  const equipment = equipmentRule(ctx);
  const scope = scopeRule(ctx, code);
  const people = new Map<string, Person>();
  const byRecord = new PersonLookup(people, insurer, insured);
  const kindOfCode = new KindOfCode();
  const slots = new KindSlots();
  const emptyOnSummary = [rate, discounted];

  return {
    row(record, row) {
      const service = record[code]!;
      const person = byRecord.of(record, row);
      if (SUMMARY_CODE.test(service)) {
        const what = service === '999999' ? '合計行(999999)' : `小計行(${service})`;
        if (record[units] !== '0') problems.error(`${what}の単位数は 0 を設定します`, at(layout, row, units));
        for (const i of emptyOnSummary) {
          if (record[i] !== '') problems.error(`${what}の${layout.columns[i]!.name}は空(Null)にします`, at(layout, row, i));
        }
        if (service === '999999') {
          person.hasTotal = true;
          if (record[office] !== ALL9) problems.error(`合計行(999999)のサービス事業所コードは ${ALL9} を設定します`, at(layout, row, office));
        } else {
          const kind = kindOfCode.of(service);
          scope(row, kind);
          if (service.endsWith('AAAA')) slots.of(person, record[office]!, kind, row).subtotal = true;
        }
        return;
      }
      if (record[count] === '') problems.error('値がありません(明細行の必須項目です)', at(layout, row, count));
      const kind = kindOfCode.of(service);
      if (kind.length !== 2) return;
      scope(row, kind);
      equipment?.(record, row, kind);
      slots.of(person, record[office]!, kind, row).codes.add(service);
    },
    file() {
      for (const [key, person] of people) {
        const who = key.split('|')[1];
        if (!person.hasTotal) {
          problems.error(`被保険者番号 ${who} の合計行(サービスコード 999999、事業所 ${ALL9})がありません(合計行は必ず出力します)`,
            at(layout, person.firstRow, code));
        }
        for (const [slot, kind] of person.kinds) {
          if (kind.codes.size < 2 || kind.subtotal) continue;
          const [officeNumber, kindCode] = slot.split('|');
          problems.warning(`被保険者番号 ${who} の事業所 ${officeNumber} のサービス種類 ${kindCode} は明細が複数あるため、` +
            `小計行(${kindCode}AAAA)が必要です`, at(layout, kind.row, code));
        }
      }
    },
  };
};

/** A person's office|kind slot; the slot of the row before without a key made: rows of one slot come together. */
class KindSlots {
  private last: { person: Person; office: string; kind: string; slot: KindSlot } | null = null;

  of(person: Person, office: string, kind: string, row: number): KindSlot {
    const { last } = this;
    if (last && last.person === person && last.office === office && last.kind === kind) return last.slot;
    const key = `${office}|${kind}`;
    let slot = person.kinds.get(key);
    if (!slot) person.kinds.set(key, (slot = { codes: new Set(), subtotal: false, row }));
    this.last = { person, office, kind, slot };
    return slot;
  }
}
