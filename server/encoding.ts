// Content negotiation for compressed answers: which of br / gzip a request accepts (q-values
// honoured, br preferred at equal weight), and which types are worth compressing at all.
import { parseAccept } from 'hono/utils/accept';

export type Encoding = 'br' | 'gzip';

/** The file suffix a precompressed copy has (server/precompress.ts writes them at build). */
export const SUFFIX: Record<Encoding, string> = { br: '.br', gzip: '.gz' };

/** The encodings the client accepts, best first (br before gzip when both weigh the same). */
export function acceptedEncodings(header: string | undefined): Encoding[] {
  if (!header) return [];
  const accepts = parseAccept(header);
  const weight = (name: Encoding) => {
    const explicit = accepts.find((a) => a.type.toLowerCase() === name);
    return explicit ? explicit.q : (accepts.find((a) => a.type === '*')?.q ?? 0);
  };
  return (['br', 'gzip'] as const)
    .map((name) => ({ name, q: weight(name) }))
    .filter((e) => e.q > 0)
    .sort((a, b) => b.q - a.q)
    .map((e) => e.name);
}

/** Text formats gain from compression; PNG, fonts and the like already are compressed. */
export const isCompressibleType = (contentType: string) => /^(text\/|application\/(json|javascript|manifest\+json)|image\/svg\+xml)/.test(contentType);
