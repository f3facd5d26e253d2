// The pages of a list shown so far: the first loaded whenever the box, filters, order or owner
// change (or on reload), more appended by もっと見る. A page that answers for inputs that are no
// longer current is dropped (useAsync for the first, a generation count for the rest).
import { useEffect, useRef, useState } from 'preact/hooks';
import type { MessageSummary } from '../../domain/contract';
import { online } from '../app/online';
import { ownerId } from '../app/owner';
import { useAsync } from '../common/use-async';
import { loadPage, type LoadedPage, type PageRequest } from './list-loader';

export interface ListPages {
  messages: MessageSummary[];
  /** the newest page's facts: continued?, offline copy?, error? */
  last: LoadedPage | undefined;
  loadingFirst: boolean;
  loadingMore: boolean;
  error: unknown;
  more(): void;
  reload(): void;
}

export function useListPages(base: Omit<PageRequest, 'cursor' | 'isOnline'>, key: string): ListPages {
  const first = useAsync(() => loadPage({ ...base, cursor: null, isOnline: online.peek() }), [base.box, key, ownerId(base.owner)]);
  const [extra, setExtra] = useState<{ of: LoadedPage; pages: LoadedPage[] } | null>(null);
  const [loadingMore, setLoadingMore] = useState(false);
  const generation = useRef(0);
  useEffect(() => {
    generation.current += 1;
    setLoadingMore(false);
  }, [first.value]);

  const pages = first.value ? [first.value, ...(extra?.of === first.value ? extra.pages : [])] : [];
  const last = pages.at(-1);

  function more() {
    if (!last?.next || loadingMore || !first.value) return;
    const of = first.value;
    const mine = generation.current;
    setLoadingMore(true);
    void loadPage({ ...base, cursor: last.next, isOnline: online.peek() })
      .then((page) => {
        if (mine !== generation.current) return;
        setExtra((current) => ({ of, pages: [...(current?.of === of ? current.pages : []), page] }));
      })
      .catch(() => {
        if (mine !== generation.current) return;
        setExtra((current) => ({ of, pages: [...(current?.of === of ? current.pages : []), { messages: [], next: last.next, offline: last.offline, error: '続きを読み込めませんでした' }] }));
      })
      .finally(() => {
        if (mine === generation.current) setLoadingMore(false);
      });
  }

  // a message seen twice (it moved while paging, e.g. offline pages over a copy that grew) shows once
  const seen = new Set<string>();
  const messages = pages.flatMap((p) => p.messages).filter((m) => (seen.has(m.id) ? false : (seen.add(m.id), true)));
  return { messages, last, loadingFirst: first.loading && !first.value, loadingMore, error: first.error, more, reload: first.reload };
}
