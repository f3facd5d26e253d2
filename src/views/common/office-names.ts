// Names for the office numbers a list shows, from the relay's directory in one request.
// Blank until looked up (offline, or when the lookup fails): the number alone is still right.
import { useRef } from 'preact/hooks';
import { lookupOffices } from '../../api/client';
import { OFFICE_NUMBER_PATTERN } from '../../domain/filename';
import { useAsync } from './use-async';

const NONE: ReadonlyMap<string, string> = new Map();

export function useOfficeNames(numbers: readonly string[], isOnline: boolean): ReadonlyMap<string, string> {
  const wanted = [...new Set(numbers.filter((n) => OFFICE_NUMBER_PATTERN.test(n)))].sort();
  // a list re-renders on every status change; ask again only when its set of numbers changes
  const key = wanted.join(',');
  const found = useAsync(
    async () => new Map((await lookupOffices(wanted)).map((o) => [o.number, o.name])),
    [key],
    isOnline && wanted.length > 0,
  );
  // names once found stay while offline or while the next set is looked up: a number's name does not change
  const last = useRef(NONE);
  if (found.value) last.current = found.value;
  return found.value ?? last.current;
}
