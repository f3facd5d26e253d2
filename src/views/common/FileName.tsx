// A file name that wraps where people read it in parts: after each "_" of
// UPPLAN_202504_3300000001_3310000017_20250325103000.CSV, never in the middle of an office number.
import { Fragment } from 'preact';

export function FileName({ name }: { name: string }) {
  const parts = name.split('_');
  return (
    <span class="file-name">
      {parts.map((part, i) => (
        <Fragment key={i}>
          {part}
          {i < parts.length - 1 && <>_<wbr /></>}
        </Fragment>
      ))}
    </span>
  );
}

/** The file names of a message, draft or outbox item, one per line. */
export function FileNameList({ names }: { names: string[] }) {
  return (
    <ul class="plain file-list">
      {names.map((name) => (
        <li key={name}>
          <FileName name={name} />
        </li>
      ))}
    </ul>
  );
}
