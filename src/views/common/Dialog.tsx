// A modal dialog: focus moves in, Tab stays inside, Escape cancels, focus goes back on close.
import type { ComponentChildren } from 'preact';
import { useEffect, useRef } from 'preact/hooks';

const FOCUSABLE = 'button:not([disabled]), [href], input:not([disabled]), textarea:not([disabled]), select:not([disabled]), [tabindex]:not([tabindex="-1"])';

/**
 * While the dialog is open, the rest of the page is inert and hidden from assistive technology
 * (and from role queries), so only the dialog's buttons can be reached. Returns the undo.
 */
function hideEverythingBut(keep: Element): () => void {
  const hidden: HTMLElement[] = [];
  for (let node: Element = keep; node.parentElement && node !== document.body; node = node.parentElement) {
    for (const sibling of Array.from(node.parentElement.children)) {
      if (sibling === node || !(sibling instanceof HTMLElement) || sibling.hasAttribute('aria-hidden') || sibling.tagName === 'SCRIPT') continue;
      sibling.setAttribute('aria-hidden', 'true');
      sibling.inert = true;
      hidden.push(sibling);
    }
  }
  return () => {
    for (const element of hidden) {
      element.removeAttribute('aria-hidden');
      element.inert = false;
    }
  };
}

interface DialogProps {
  title: string;
  onCancel: () => void;
  children: ComponentChildren;
}

export function Dialog({ title, onCancel, children }: DialogProps) {
  const box = useRef<HTMLDivElement>(null);

  useEffect(() => {
    const opener = document.activeElement as HTMLElement | null;
    const restore = box.current ? hideEverythingBut(box.current) : () => undefined;
    // without scrolling: a long confirmation (a long メッセージ on a phone) opens at its title and
    // destination, not scrolled down to the buttons at its end
    box.current?.querySelector<HTMLElement>(FOCUSABLE)?.focus({ preventScroll: true });
    return () => {
      restore();
      opener?.focus();
    };
  }, []);

  function onKeyDown(event: KeyboardEvent) {
    if (event.key === 'Escape') {
      event.preventDefault();
      onCancel();
      return;
    }
    if (event.key !== 'Tab' || !box.current) return;
    const focusable = Array.from(box.current.querySelectorAll<HTMLElement>(FOCUSABLE));
    const first = focusable[0];
    const last = focusable[focusable.length - 1];
    if (!first || !last) return;
    if (event.shiftKey && document.activeElement === first) {
      event.preventDefault();
      last.focus();
    } else if (!event.shiftKey && document.activeElement === last) {
      event.preventDefault();
      first.focus();
    }
  }

  return (
    <div class="dialog-backdrop">
      <div ref={box} class="dialog" role="dialog" aria-modal="true" aria-labelledby="dialog-title" onKeyDown={onKeyDown}>
        <h2 id="dialog-title">{title}</h2>
        {children}
      </div>
    </div>
  );
}
