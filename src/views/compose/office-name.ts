// Looks the destination up in the relay's office directory as it is typed or filled in.
import { useEffect, useState } from 'preact/hooks';
import { ApiFailure, lookupOffices } from '../../api/client';
import { OFFICE_NUMBER_PATTERN } from '../../domain/filename';

export type OfficeLookup =
  | { state: 'none' }
  | { state: 'checking'; number: string }
  | { state: 'found'; number: string; name: string; kind: string }
  | { state: 'missing'; number: string }
  | { state: 'unknown'; number: string; reason: string };

export function useOfficeLookup(number: string, isOnline: boolean): OfficeLookup {
  const [lookup, setLookup] = useState<OfficeLookup>({ state: 'none' });
  useEffect(() => {
    if (!OFFICE_NUMBER_PATTERN.test(number)) {
      setLookup({ state: 'none' });
      return;
    }
    if (!isOnline) {
      setLookup({ state: 'unknown', number, reason: 'オフラインのため事業所名を確認できません(送信時にサーバーで確認します)' });
      return;
    }
    let alive = true;
    setLookup({ state: 'checking', number });
    lookupOffices([number])
      .then((offices) => {
        if (!alive) return;
        const office = offices.find((candidate) => candidate.number === number);
        setLookup(office ? { state: 'found', number, name: office.name, kind: office.kind } : { state: 'missing', number });
      })
      .catch((error: unknown) => {
        if (!alive) return;
        const reason = error instanceof ApiFailure ? error.message : '事業所名を確認できません';
        setLookup({ state: 'unknown', number, reason });
      });
    return () => {
      alive = false;
    };
  }, [number, isOnline]);
  return lookup;
}
