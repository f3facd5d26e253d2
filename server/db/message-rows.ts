// The row both stores select for a message (joined with both offices' names) and how it
// becomes a MessageRecord. TTime is string in SQLite and Date in PostgreSQL.
import type { Office } from '../../src/domain/contract';
import type { FileRecord, MessageRecord } from './types';

export interface MessageRow<TTime = string> {
  id: string;
  sender: string;
  destination: string;
  message: string;
  sentBy: string;
  sentAt: TTime;
  expiresAt: TTime;
  withdrawnAt: TTime | null;
  senderName: string | null;
  senderKind: string | null;
  destinationName: string | null;
  destinationKind: string | null;
  /** 0/1 in SQLite, boolean in PostgreSQL */
  senderDetached: number | boolean;
  destinationDetached: number | boolean;
}

/** null when the office has since left the directory */
function office(number: string, name: string | null, kind: string | null): Office | null {
  return name === null ? null : { number, name, kind: kind ?? '' };
}

export function messageRecordFromRow(row: MessageRow, files: FileRecord[]): MessageRecord {
  return {
    id: row.id,
    sender: row.sender,
    destination: row.destination,
    message: row.message,
    sentBy: row.sentBy,
    sentAt: row.sentAt,
    expiresAt: row.expiresAt,
    // a detached side is an office that left: whoever holds its number now is someone else
    senderOffice: row.senderDetached ? null : office(row.sender, row.senderName, row.senderKind),
    destinationOffice: row.destinationDetached ? null : office(row.destination, row.destinationName, row.destinationKind),
    senderDetached: Boolean(row.senderDetached),
    destinationDetached: Boolean(row.destinationDetached),
    withdrawnAt: row.withdrawnAt,
    files,
  };
}
