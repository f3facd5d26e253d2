// A modal dialog: focus moves in, Tab stays inside, Escape cancels, focus goes back on close.
import type { ComponentChildren } from 'preact';
import { useLayoutEffect, useRef } from 'preact/hooks';

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

/** The Escape handlers of the open dialogs, oldest first. */
const openDialogs: ((event: KeyboardEvent) => void)[] = [];

interface DialogProps {
  title: string;
  onCancel: () => void;
  children: ComponentChildren;
}

export function Dialog({ title, onCancel, children }: DialogProps) {
  const box = useRef<HTMLDivElement>(null);
  const cancel = useRef(onCancel);
  cancel.current = onCancel;

  // a layout effect: focus is inside before the dialog is first painted, so a key pressed as soon
  // as it shows already reaches it (a passive effect ran later, and an early Escape was lost)
  useLayoutEffect(() => {
    const opener = document.activeElement as HTMLElement | null;
    const restore = box.current ? hideEverythingBut(box.current) : () => undefined;
    // without scrolling: a long confirmation (a long メッセージ on a phone) opens at its title and
    // destination, not scrolled down to the buttons at its end
    box.current?.querySelector<HTMLElement>(FOCUSABLE)?.focus({ preventScroll: true });
    // Escape on the document, not only inside the box: a tap on the backdrop or on the dialog's
    // text leaves focus on the page's body, and Escape must still cancel
    const onEscape = (event: KeyboardEvent) => {
      // only the dialog opened last answers (one opened over another closes first)
      if (event.key !== 'Escape' || openDialogs[openDialogs.length - 1] !== onEscape) return;
      event.preventDefault();
      cancel.current();
    };
    openDialogs.push(onEscape);
    document.addEventListener('keydown', onEscape);
    return () => {
      document.removeEventListener('keydown', onEscape);
      openDialogs.splice(openDialogs.indexOf(onEscape), 1);
      restore();
      opener?.focus();
    };
  }, []);

  function onKeyDown(event: KeyboardEvent) {
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
