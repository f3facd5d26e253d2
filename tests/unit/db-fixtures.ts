// Contract-shaped values for the db-* unit tests.
import type { MessageSummary } from '../../src/domain/contract';

export function summary(id: string, destination = '3310000017'): MessageSummary {
  return {
    id,
    sentAt: '2025-01-01T03:00:00.000Z',
    sender: { number: '3300000001', name: 'れんけい居宅介護支援センター', kind: '居宅介護支援' },
    destination: { number: destination, name: 'さくら訪問介護ステーション', kind: '訪問介護' },
    message: '',
    files: [],
    downloadStatus: '未',
    downloadedAt: null,
    expiresAt: '2025-02-01T03:00:00.000Z',
  };
}
