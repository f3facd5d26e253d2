// The 予定 ⇄ 実績 data of a 対象年月 for a screen: what this device keeps, shown at once, then —
// while online — brought up to date from the relay (syncFromRelay) and shown again.
import { useEffect, useRef, useState } from 'preact/hooks';
import { ApiFailure } from '../../api/client';
import { listUsage, pruneUsage } from '../../db/usage';
import type { UsageRecord } from '../../db/schema';
import { online } from '../app/online';
import { useAsync } from '../common/use-async';
import { sessionOwner, syncFromRelay, type SyncResult } from './keep';

export type SyncState =
  | { status: 'offline' }
  | { status: 'syncing'; done: number; total: number }
  | { status: 'done'; result: SyncResult }
  | { status: 'failed'; message: string };

export interface KeptUsage {
  /** undefined while the device's records load */
  records: UsageRecord[] | undefined;
  error: unknown;
  sync: SyncState;
  reload: () => void;
}

let prunedThisLoad = false;

export function useKeptUsage(month: string): KeptUsage {
  const owner = sessionOwner();
  const ownerKey = owner ? `${owner.userId}|${owner.office}` : '';
  const loaded = useAsync(async () => (owner ? listUsage(owner, month) : []), [ownerKey, month]);
  const isOnline = online.value;
  const [sync, setSync] = useState<SyncState>(isOnline ? { status: 'syncing', done: 0, total: 0 } : { status: 'offline' });
  const reloadRef = useRef(loaded.reload);
  reloadRef.current = loaded.reload;

  const shown = loaded.value !== undefined;
  useEffect(() => {
    // once per page load, after the page has its records: what is past KEEP_MONTHS goes
    if (!shown || prunedThisLoad) return;
    prunedThisLoad = true;
    pruneUsage(new Date()).then((removed) => removed > 0 && reloadRef.current(), (error: unknown) => console.error(error));
  }, [shown]);

  useEffect(() => {
    if (!owner || !isOnline) {
      setSync({ status: 'offline' });
      return;
    }
    let live = true;
    setSync({ status: 'syncing', done: 0, total: 0 });
    syncFromRelay(owner, month, (done, total) => live && setSync({ status: 'syncing', done, total })).then(
      (result) => {
        if (!live) return;
        setSync({ status: 'done', result });
        if (result.fetched > 0) reloadRef.current();
      },
      (error: unknown) => {
        if (!live) return;
        console.error(error);
        setSync({ status: 'failed', message: error instanceof ApiFailure ? error.message : 'サーバーの予定・実績を確認できませんでした' });
      },
    );
    return () => {
      live = false;
    };
  }, [ownerKey, month, isOnline]);

  return { records: loaded.value, error: loaded.error, sync, reload: loaded.reload };
}
