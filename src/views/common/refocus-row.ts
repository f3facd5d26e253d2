// After a row's 削除 (下書き一覧, 送信トレイ): the focus was on a button the row took away with it,
// and would fall to the page, where the keyboard starts over. It goes to the 削除 of the row that
// took the removed one's place (the row above when it was the last), or to the list's heading.
import type { RefObject } from 'preact';
import { useEffect, useRef } from 'preact/hooks';

interface Removal {
  id: string;
  index: number;
}

/**
 * `ids`: the rows shown, in order (null while loading). `container`: holds the table's `tbody` and
 * the `heading` (focusable: tabIndex -1). Returns what to call when a row is being removed.
 */
export function useRefocusAfterRemoval(ids: readonly string[] | null, container: RefObject<HTMLElement | null>, heading: string): (id: string) => void {
  const pending = useRef<Removal | null>(null);
  const key = ids?.join('\n') ?? null;
  useEffect(() => {
    const removal = pending.current;
    if (!removal || ids === null || ids.includes(removal.id)) return;
    pending.current = null;
    const rows = Array.from(container.current?.querySelectorAll('tbody tr') ?? []);
    const row = rows[Math.min(removal.index, rows.length - 1)];
    const remove = Array.from(row?.querySelectorAll('button') ?? []).find((button) => button.textContent === '削除');
    (remove ?? container.current?.querySelector<HTMLElement>(heading))?.focus();
  }, [key]);
  return (id: string) => {
    pending.current = { id, index: Math.max(0, ids?.indexOf(id) ?? 0) };
  };
}
