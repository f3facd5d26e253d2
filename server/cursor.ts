// The もっと見る cursor: where a page ended, opaque to the client (base64url of a small JSON).
import { z } from 'zod';
import type { KeysetPosition } from './db/types';
import { badRequest } from './errors';

const positionSchema = z.object({ s: z.iso.datetime(), i: z.string().max(64), o: z.string().max(16).optional() });

export function encodeCursor(position: KeysetPosition): string {
  const { sentAt: s, id: i, office: o } = position;
  return Buffer.from(JSON.stringify(o === undefined ? { s, i } : { s, i, o })).toString('base64url');
}

export function decodeCursor(cursor: string): KeysetPosition {
  let json: unknown;
  try {
    json = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    json = null;
  }
  const parsed = positionSchema.safeParse(json);
  if (!parsed.success) throw badRequest('一覧の続きを読み込めませんでした。最初から表示し直してください');
  const { s, i, o } = parsed.data;
  return o === undefined ? { sentAt: s, id: i } : { sentAt: s, id: i, office: o };
}
