// An office in a list: the number on one line and the directory's name under it, so a narrow
// column breaks between them rather than inside the name.
export function Office({ number, name }: { number: string; name?: string | null | undefined }) {
  return (
    <span class="office-cell">
      <span class="office-number">{number}</span>
      {name && <span class="office-name">{name}</span>}
    </span>
  );
}
