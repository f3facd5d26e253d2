// The rules of each kind (the checks of single columns come from the layouts themselves).
import type { FileKind } from '../../filename';
import { actualDeleteRules } from './actual-delete';
import { hosokuRules } from './hosoku';
import { kihonRules } from './kihon';
import { sikyuRules } from './sikyu';
import type { RuleFactory } from './types';
import { usageRules } from './usage';

export type { KindRules, RuleContext } from './types';

export const RULES: Partial<Record<FileKind, RuleFactory>> = {
  UPPLAN: usageRules,
  UPJSK: usageRules,
  UPSIKYU: sikyuRules,
  UPHOSOKU: hosokuRules,
  UPKIHON: kihonRules,
  DLTJSK: actualDeleteRules,
};
