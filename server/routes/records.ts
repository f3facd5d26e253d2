// 送受信記録: an office's files sent and received in a month (Japan time), as JSON for the screen
// and as CSV (UTF-8 with BOM) for 運営指導. Read from the transfer log, which outlives retention.
import { Hono } from 'hono';
import { z } from 'zod';
import type { RecordsResponse, TransferRecord } from '../../src/domain/contract';
import { recordsCsv } from '../../src/domain/records-csv';
import { monthOf, monthRange, recordsFileName } from '../../src/domain/records';
import { isRealMonth } from '../../src/domain/date';
import { requireOffice } from '../auth/sessions';
import type { AppDeps, AppEnv } from '../context';
import type { TransferLogRecord } from '../db/types';
import { parseOr400 } from '../validate';
import { contentDisposition } from './files';

const monthSchema = z.string().refine(isRealMonth, '対象の月は6桁(YYYYMM)で指定してください');

/** The record as the office asking may see it: a withdrawn message's files stay the sender's. */
export function toTransferRecord(r: TransferLogRecord, viewer: string): TransferRecord {
  const sent = r.sender === viewer;
  const hidden = !sent && r.withdrawnAt !== null;
  return {
    direction: sent ? 'sent' : 'received',
    messageId: r.messageId,
    sentAt: r.sentAt,
    sentBy: sent ? r.sentBy : null,
    office: sent ? { number: r.destination, name: r.destinationName, kind: '' } : { number: r.sender, name: r.senderName, kind: '' },
    fileName: hidden ? '' : r.name,
    category: hidden ? null : r.category,
    size: hidden ? null : r.size,
    sha256: hidden ? null : r.sha256,
    downloadedAt: r.downloadedAt,
    withdrawnAt: r.withdrawnAt,
  };
}

export function recordRoutes(deps: AppDeps): Hono<AppEnv> {
  const app = new Hono<AppEnv>();

  async function load(officeNumber: string, asked: string | undefined): Promise<RecordsResponse> {
    const month = parseOr400(monthSchema, asked ?? monthOf(deps.now()));
    const { from, to } = monthRange(month);
    const rows = await deps.store.messages.records(officeNumber, from, to);
    const seen = new Set<string>();
    const records: TransferRecord[] = [];
    for (const row of rows) {
      const record = toTransferRecord(row, officeNumber);
      // the receiver's line for a withdrawn message is one line, not one per hidden file
      if (record.fileName === '' && seen.has(record.messageId)) continue;
      seen.add(record.messageId);
      records.push(record);
    }
    return { month, records };
  }

  app.get('/records', async (c) => {
    const { officeNumber } = requireOffice(c);
    return c.json(await load(officeNumber, c.req.query('month')));
  });

  app.get('/records.csv', async (c) => {
    const { officeNumber } = requireOffice(c);
    const { month, records } = await load(officeNumber, c.req.query('month'));
    return c.body(recordsCsv(records), 200, {
      'Content-Type': 'text/csv; charset=utf-8',
      'Content-Disposition': contentDisposition(recordsFileName(officeNumber, month)),
      'Cache-Control': 'private, no-store',
    });
  });

  return app;
}
