// ファイル名 in a narrow column. What tells one file from another stays: the kind, the month, the
// destination's office number and the 連番. What every row repeats — the sending office, which is
// the office logged in — gives way to "…". The full name is in the title and shown on tap or focus
// (a tablet has no hover). Names the rules cannot read are shown whole: nothing to tell apart.
import { useState } from 'preact/hooks';
import { parseFileName } from '../../domain/filename';
import { FileName as WrappingName } from '../common/FileName';

/**
 * "UPPLAN_202410_3300000001_3310000017_20241001123456.CSV" sent by 3300000001 →
 * "UPPLAN_202410_…_3310000017_20241001123456.CSV" (v4 names lose the sender's kind code with it).
 */
export function shortenFileName(name: string, sender: string | null): string {
  const parsed = parseFileName(name);
  if (!parsed.ok || sender === null || parsed.value.sender !== sender) return name;
  const own = parsed.value.senderServiceKind ? `_${sender}_${parsed.value.senderServiceKind}_` : `_${sender}_`;
  const at = name.indexOf(own);
  return at < 0 ? name : `${name.slice(0, at)}_…_${name.slice(at + own.length)}`;
}

export function FileNameCell({ names, sender }: { names: string[]; sender: string | null }) {
  return (
    <ul class="batch-files">
      {names.map((name) => (
        <li key={name}>
          <FileName name={name} sender={sender} />
        </li>
      ))}
    </ul>
  );
}

function FileName({ name, sender }: { name: string; sender: string | null }) {
  const [open, setOpen] = useState(false);
  const [focused, setFocused] = useState(false);
  const short = shortenFileName(name, sender);
  const full = open || focused || short === name;
  return (
    <button
      type="button"
      class={full ? 'batch-file batch-file-full' : 'batch-file'}
      title={name}
      aria-label={name}
      aria-expanded={short === name ? undefined : full}
      onClick={() => setOpen(!open)}
      onFocus={() => setFocused(true)}
      onBlur={() => setFocused(false)}
    >
      <WrappingName name={full ? name : short} />
    </button>
  );
}
