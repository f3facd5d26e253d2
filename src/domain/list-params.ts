// The list query as URL parameters, apart from the rest of mailbox.ts: the API client (in the
// first download and the service worker) needs only this, not the file-name rules mailbox.ts reads.
/** The query as URL parameters (only what is set), the inverse of mailbox.ts's listQuerySchema. */
export function listQueryParams(query: Readonly<Record<string, unknown>>): Record<string, string> {
  const params: Record<string, string> = {};
  for (const [key, value] of Object.entries(query)) {
    if (value === undefined || value === null || value === '') continue;
    if (Array.isArray(value)) {
      if (value.length > 0) params[key] = value.join(',');
    } else params[key] = String(value);
  }
  return params;
}
