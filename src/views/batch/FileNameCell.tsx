// ファイル名 in a narrow column: shortened, the full name in the title and shown on tap or focus
// (a tablet has no hover, and the 連番 at the end is what people compare).
import { useState } from 'preact/hooks';

const MAX_CHARS = 26;

/** "UPPLAN_202410_3300000001_3310000017_20241001123456.CSV" → "UPPLAN_202410_…01123456.CSV" */
export function shortenFileName(name: string, max = MAX_CHARS): string {
  if (name.length <= max) return name;
  const tail = Math.ceil((max - 1) * 0.45);
  return `${name.slice(0, max - 1 - tail)}…${name.slice(name.length - tail)}`;
}

export function FileNameCell({ names }: { names: string[] }) {
  return (
    <ul class="batch-files">
      {names.map((name) => (
        <li key={name}>
          <FileName name={name} />
        </li>
      ))}
    </ul>
  );
}

function FileName({ name }: { name: string }) {
  const [open, setOpen] = useState(false);
  const [focused, setFocused] = useState(false);
  const full = open || focused;
  return (
    <button
      type="button"
      class={full ? 'batch-file batch-file-full' : 'batch-file'}
      title={name}
      aria-label={name}
      aria-expanded={full}
      onClick={() => setOpen(!open)}
      onFocus={() => setFocused(true)}
      onBlur={() => setFocused(false)}
    >
      {full ? name : shortenFileName(name)}
    </button>
  );
}
