// Looks the destination up in the relay's office directory as it is typed or filled in.
import { ApiFailure, lookupOffices } from '../../api/client';
import { OFFICE_NUMBER_PATTERN } from '../../domain/filename';
import { useAsync } from '../common/use-async';

export type OfficeLookup =
  | { state: 'none' }
  | { state: 'checking'; number: string }
  | { state: 'found'; number: string; name: string; kind: string }
  | { state: 'missing'; number: string }
  | { state: 'unknown'; number: string; reason: string };

export function useOfficeLookup(number: string, isOnline: boolean): OfficeLookup {
  const wellFormed = OFFICE_NUMBER_PATTERN.test(number);
  const answer = useAsync(() => lookUp(number), [number], wellFormed && isOnline);
  if (!wellFormed) return { state: 'none' };
  if (!isOnline) return { state: 'unknown', number, reason: 'オフラインのため事業所名を確認できません(送信時にサーバーで確認します)' };
  return answer.value ?? { state: 'checking', number };
}

async function lookUp(number: string): Promise<OfficeLookup> {
  try {
    const office = (await lookupOffices([number])).find((candidate) => candidate.number === number);
    return office ? { state: 'found', number, name: office.name, kind: office.kind } : { state: 'missing', number };
  } catch (error) {
    return { state: 'unknown', number, reason: error instanceof ApiFailure ? error.message : '事業所名を確認できません' };
  }
}
