// Turns stored rows into the contract's MessageSummary, as the office asking may see it.
import type { MessageSummary, Office } from '../src/domain/contract';
import type { MessageRecord } from './db/types';

function officeOrPlaceholder(number: string, office: Office | null): Office {
  return office ?? { number, name: '(事業所一覧にない事業所)', kind: '' };
}

/**
 * `viewer`: the office asking. A message its sender withdrew (送信取消) keeps, for the receiver,
 * only that it came and was withdrawn: no text, no files.
 */
export function toSummary(m: MessageRecord, viewer: string): MessageSummary {
  const hidden = m.withdrawnAt !== null && viewer !== m.sender;
  const files = hidden ? [] : m.files;
  const allDownloaded = files.length > 0 && files.every((f) => f.downloadedAt !== null);
  const lastDownload = allDownloaded
    ? files.map((f) => f.downloadedAt as string).reduce((a, b) => (a > b ? a : b))
    : null;
  return {
    id: m.id,
    sentAt: m.sentAt,
    sender: officeOrPlaceholder(m.sender, m.senderOffice),
    destination: officeOrPlaceholder(m.destination, m.destinationOffice),
    message: hidden ? '' : m.message,
    files: files.map((f) => ({
      id: f.id,
      name: f.name,
      size: f.size,
      category: f.category,
      sha256: f.sha256,
      downloadedAt: f.downloadedAt,
    })),
    downloadStatus: allDownloaded ? '済' : '未',
    downloadedAt: lastDownload,
    expiresAt: m.expiresAt,
    withdrawnAt: m.withdrawnAt,
  };
}

/**
 * An office sees a message only when it sent or received it, before its retention ends (the sweep
 * that deletes it may come up to RETENTION_SWEEP_MINUTES later), and not after its office left the
 * directory (a new office under the same number starts with an empty mailbox).
 */
export function canSee(m: MessageRecord, officeNumber: string, now: Date): boolean {
  if (m.expiresAt <= now.toISOString()) return false;
  return (m.sender === officeNumber && !m.senderDetached) || (m.destination === officeNumber && !m.destinationDetached);
}

/** Not yet past its retention (lists drop what the sweep has not deleted yet). */
export const isLive = (m: Pick<MessageRecord, 'expiresAt'>, now: Date) => m.expiresAt > now.toISOString();
