// What a preview shows, independent of how it is drawn (src/views/preview draws it).

export interface Field { label: string; value: string }
export interface Section { label: string; fields?: Field[]; text?: string }

export interface GridRow {
  serviceCode: string;
  /** the サービス種類 of the code's first two characters (11 → 訪問介護), '' when unknown */
  serviceKind: string;
  /** 用具名称 of a 福祉用具 row, as the file carries it */
  equipment: string;
  officeName: string;
  office: string;
  time: string;
  /** 回数 per day, index 0 = day 1; 0 = none */
  days: number[];
  total: number;
}

export interface GridPerson {
  insurer: string;
  insured: string;
  /** 氏名 from a 利用者補足情報 of the same send, '' when none says it (第6表 and 実績 carry no names) */
  name: string;
  planner: string;
  units: string;
  rows: GridRow[];
  total: number;
}

export interface Goal {
  longTerm: string; longPeriod: string; shortTerm: string; shortPeriod: string;
  services: Field[][];
}
export interface Issue { no: string; issue: string; goals: Goal[] }

export type PreviewBody =
  | { type: 'grid'; month: string; days: number; weekdays: number[]; people: GridPerson[]; omittedPeople: number }
  | { type: 'sikyu'; headers: string[]; rows: { cells: string[]; emphasis: 'subtotal' | 'total' | null }[]; omittedRows: number }
  | { type: 'sections'; people: { heading: string; sections: Section[] }[] }
  | { type: 'issues'; people: { heading: string; created: string; issues: Issue[] }[] }
  | { type: 'table'; headers: string[] | null; rows: string[][]; omittedRows: number }
  | { type: 'line'; text: string };

export interface CsvPreviewModel {
  /** e.g. 第6表(予定) 2025年04月 */
  title: string;
  /** e.g. characters that could not be read */
  notes: string[];
  body: PreviewBody;
}
