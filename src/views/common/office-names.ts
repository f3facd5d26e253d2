// Names for the office numbers a list shows, from the relay's directory in one request.
// Blank while offline or when the lookup fails: the number alone is still right.
import { useEffect, useState } from 'preact/hooks';
import { lookupOffices } from '../../api/client';
import { OFFICE_NUMBER_PATTERN } from '../../domain/filename';

export function useOfficeNames(numbers: readonly string[], isOnline: boolean): ReadonlyMap<string, string> {
  const [names, setNames] = useState<ReadonlyMap<string, string>>(new Map());
  const wanted = [...new Set(numbers.filter((n) => OFFICE_NUMBER_PATTERN.test(n)))].sort();
  // a list re-renders on every status change; ask again only when its set of numbers changes
  const key = wanted.join(',');
  useEffect(() => {
    if (!isOnline || wanted.length === 0) return;
    let alive = true;
    lookupOffices(wanted)
      .then((offices) => alive && setNames(new Map(offices.map((o) => [o.number, o.name]))))
      .catch(() => undefined);
    return () => {
      alive = false;
    };
  }, [key, isOnline]);
  return names;
}
