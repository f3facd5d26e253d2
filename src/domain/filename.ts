// File names carry the routing (spec/README.md "File names"). STUB: the domain helper implements.
import type { FileCategory } from './contract';

export type FileKind =
  | 'UP1KYO' | 'UP2KYO' | 'UP3KYO' | 'UPHOSOKU' | 'UPPLAN' | 'UPSIKYU' | 'UPJSK'
  | 'DLT1KYO' | 'DLTPLAN' | 'DLTJSK'
  | 'UPKIHON' | 'UPKIHON_SUB1' | 'UPKIHON_SUB2' | 'UPKIHON_IMAGE' | 'DLTKIHON' | 'UPYOBO' | 'UPYOBO_SUB' | 'DLTYOBO';

export interface ParsedFileName {
  name: string;
  kind: FileKind;
  /** 対象年月 / 提供年月 as YYYYMM; '000000' for a 補足 that goes with 第1/2表; null for kinds without one */
  targetMonth: string | null;
  sender: string;
  destination: string;
  /** v4 names only: 2-digit service kind codes after each office number */
  senderServiceKind: string | null;
  destinationServiceKind: string | null;
  /** 連番 YYYYMMDDhhmmss */
  sequence: string;
  /** 2023/02/23 12:34:58 */
  sequenceDisplay: string;
  version: 'old' | 'v4';
  category: FileCategory;
}

export type ParseResult = { ok: true; value: ParsedFileName } | { ok: false; error: string };

export function parseFileName(_name: string): ParseResult {
  throw new Error('not implemented');
}
