// Display formats used across the screens (Japanese conventions, local time).

function pad(value: number): string {
  return String(value).padStart(2, '0');
}

/** 2025/01/31 09:05 */
export function formatDateTime(value: string | number | Date): string {
  const date = new Date(value);
  if (Number.isNaN(date.getTime())) return '';
  return `${date.getFullYear()}/${pad(date.getMonth() + 1)}/${pad(date.getDate())} ${pad(date.getHours())}:${pad(date.getMinutes())}`;
}

/** 09:05 */
export function formatTime(value: string | number | Date): string {
  return formatDateTime(value).slice(11);
}

/** 2025/01/31 */
export function formatDate(value: string | number | Date): string {
  return formatDateTime(value).slice(0, 10);
}

/** 1.2 MB, 34 KB, 512 B */
export function formatSize(bytes: number): string {
  if (bytes >= 1024 * 1024) return `${(bytes / (1024 * 1024)).toFixed(1)} MB`;
  if (bytes >= 1024) return `${Math.ceil(bytes / 1024)} KB`;
  return `${bytes} B`;
}

/** 3300000001 れんけい居宅介護支援センター */
export function officeLabel(office: { number: string; name?: string | null }): string {
  return office.name ? `${office.number} ${office.name}` : office.number;
}

/** The first non-blank line of a message, cut to `max` characters with "…" (a list row shows only the start). */
export function firstLine(text: string, max = 40): string {
  const line = text.split(/\r?\n/).find((l) => l.trim() !== '')?.trim() ?? '';
  const chars = [...line]; // count surrogate pairs (𠮷) as one character
  return chars.length > max ? `${chars.slice(0, max - 1).join('')}…` : line;
}

/** 「A、B、C ほか12人」: the first `shown` names, and how many more, for a line that stays a line. */
export function namesWithMore(names: readonly string[], shown = 10): string {
  const head = names.slice(0, shown).join('、');
  return names.length > shown ? `${head} ほか${names.length - shown}人` : head;
}
