// Names for the office numbers a list shows, from the relay's directory in one request. Offline
// (or when the lookup fails) the device says what it knows: names looked up earlier in this tab,
// then those the owner's kept lists, sends and 一括送信 rows hold (src/db/office-names.ts).
// Blank where it knows none: the number alone is still right.
import { useRef } from 'preact/hooks';
import { lookupOffices } from '../../api/client';
import { officeNamesKept } from '../../db/office-names';
import { currentOwner } from '../../db/owner';
import { OFFICE_NUMBER_PATTERN } from '../../domain/filename';
import { useAsync } from './use-async';

const NONE: ReadonlyMap<string, string> = new Map();
/** names the directory gave in this tab: a number's name does not change */
const lookedUp = new Map<string, string>();

async function namesOnDevice(): Promise<ReadonlyMap<string, string>> {
  const owner = await currentOwner();
  const kept = owner ? await officeNamesKept(owner) : new Map<string, string>();
  return new Map([...kept, ...lookedUp]);
}

export function useOfficeNames(numbers: readonly string[], isOnline: boolean): ReadonlyMap<string, string> {
  const wanted = [...new Set(numbers.filter((n) => OFFICE_NUMBER_PATTERN.test(n)))].sort();
  // a list re-renders on every status change; ask again only when its set of numbers changes
  const key = wanted.join(',');
  const found = useAsync(
    async () => {
      const offices = await lookupOffices(wanted);
      for (const o of offices) lookedUp.set(o.number, o.name);
      return new Map(offices.map((o) => [o.number, o.name]));
    },
    [key],
    isOnline && wanted.length > 0,
  );
  // cheap (one IndexedDB read per set of numbers), and ready before the relay answers or fails
  const onDevice = useAsync(namesOnDevice, [key], wanted.length > 0);
  // names once found stay while offline or while the next set is looked up
  const last = useRef(NONE);
  if (found.value) last.current = found.value;
  if (found.value) return found.value;
  return onDevice.value ? new Map([...onDevice.value, ...last.current]) : last.current;
}
