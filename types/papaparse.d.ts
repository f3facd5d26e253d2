// papaparse as the browser-side code uses it: text in, records out. DefinitelyTyped's own
// declarations reference all of @types/node (for its stream API), which would let page and
// worker code reach Node's modules unnoticed; the page, worker and domain projects map
// 'papaparse' here instead (tsconfig "paths"). The server and tests keep the full types.
export interface ParseConfig {
  delimiter?: string;
  newline?: '\r' | '\n' | '\r\n';
  quoteChar?: string;
  escapeChar?: string;
  header?: boolean;
  dynamicTyping?: boolean;
  skipEmptyLines?: boolean | 'greedy';
}

export interface ParseError {
  type: 'Quotes' | 'Delimiter' | 'FieldMismatch';
  code: 'MissingQuotes' | 'UndetectableDelimiter' | 'TooFewFields' | 'TooManyFields' | 'InvalidQuotes';
  message: string;
  row?: number;
  index?: number;
}

export interface ParseResult<T> {
  data: T[];
  errors: ParseError[];
}

export function parse<T>(text: string, config?: ParseConfig): ParseResult<T>;

declare const Papa: { parse: typeof parse };
export default Papa;
