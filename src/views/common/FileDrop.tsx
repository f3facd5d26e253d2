// Where files arrive, on 新規作成 and 一括送信: dropped on the zone, or picked with a real file
// input (its label 「ファイルを選択」), so keyboards reach it with Tab and Enter/Space opens the
// picker. A tap anywhere on the zone opens the picker too (a tablet has no drag source).
import type { ComponentChildren } from 'preact';
import { useEffect, useRef, useState } from 'preact/hooks';

interface FileDropProps {
  inputId: string;
  onFiles: (files: File[]) => void;
  disabled?: boolean | undefined;
  accept?: string;
  /** extra classes of the zone */
  class?: string;
  testId?: string;
  /** what to drop here */
  children: ComponentChildren;
  /** under the button: formats, limits */
  note?: ComponentChildren;
}

const hasFiles = (event: DragEvent) => Array.from(event.dataTransfer?.types ?? []).includes('Files');

export function FileDrop({ inputId, onFiles, disabled, accept, class: extra, testId, children, note }: FileDropProps) {
  const [over, setOver] = useState(false);
  // dragenter/dragleave fire for every child crossed: count them so the highlight does not flicker
  const depth = useRef(0);
  const input = useRef<HTMLInputElement>(null);
  useDropOutsideGuard();

  function take(list: FileList | null | undefined) {
    const files = Array.from(list ?? []);
    if (files.length > 0 && !disabled) onFiles(files);
  }

  const classes = ['drop-zone', extra, over && 'drop-over', disabled && 'drop-disabled'].filter(Boolean).join(' ');
  return (
    <div
      class={classes}
      data-testid={testId}
      onDragEnter={(event) => {
        if (!hasFiles(event)) return;
        event.preventDefault();
        depth.current += 1;
        setOver(true);
      }}
      onDragOver={(event) => {
        if (!hasFiles(event)) return;
        event.preventDefault();
        if (event.dataTransfer) event.dataTransfer.dropEffect = disabled ? 'none' : 'copy';
      }}
      onDragLeave={() => {
        depth.current = Math.max(0, depth.current - 1);
        if (depth.current === 0) setOver(false);
      }}
      onDrop={(event) => {
        event.preventDefault();
        depth.current = 0;
        setOver(false);
        take(event.dataTransfer?.files);
      }}
      onClick={(event) => {
        // the label and the input open the picker themselves
        const target = event.target as HTMLElement;
        if (!disabled && !target.closest('label, input, button, a')) input.current?.click();
      }}
    >
      {children}
      <input
        ref={input}
        id={inputId}
        class="visually-hidden"
        type="file"
        multiple
        accept={accept}
        disabled={disabled}
        aria-describedby={note ? `${inputId}-note` : undefined}
        onKeyDown={(event) => {
          // Chromium opens a focused file input on Enter only some of the time; make it certain
          if (event.key === 'Enter' && !event.isComposing) {
            event.preventDefault();
            event.currentTarget.click();
          }
        }}
        onChange={(event) => {
          const target = event.currentTarget;
          const files = target.files;
          take(files);
          // cleared so the same file can be picked again (after removing it, or to re-read it)
          target.value = '';
        }}
      />
      <label for={inputId} class="button">ファイルを選択</label>
      {note && <p id={`${inputId}-note`} class="hint">{note}</p>}
    </div>
  );
}

/**
 * A file dropped beside the zone would make the browser open it in place of the app, and the
 * work on screen would be gone. While a zone is shown, such drops do nothing.
 */
function useDropOutsideGuard() {
  useEffect(() => {
    const refuse = (event: DragEvent) => {
      if (!hasFiles(event) || (event.target as Element | null)?.closest?.('.drop-zone')) return;
      event.preventDefault();
      if (event.dataTransfer) event.dataTransfer.dropEffect = 'none';
    };
    window.addEventListener('dragover', refuse);
    window.addEventListener('drop', refuse);
    return () => {
      window.removeEventListener('dragover', refuse);
      window.removeEventListener('drop', refuse);
    };
  }, []);
}
