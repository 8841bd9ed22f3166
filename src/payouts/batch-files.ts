import type { Database, Queryable } from '../db/database';
import { renderCashPayoutListPdf } from '../documents/payout-list-pdf';
import type { PayoutBatchDocument } from '../documents/payout-types';
import { AppError } from '../errors/app-error';
import { storedBatchFile } from './transfer-batches';

export interface BatchSummary {
  id: string;
  kind: 'cash-list' | 'bank-transfer';
  payoutDate: string;
  /** The day's batch number (a batch exported before a late instalment came is followed by the next one). */
  seq: number;
  label: string;
  status: string;
  count: number;
  totalGrosze: number;
}

/** How a batch is named on paper and in the bank file: day, K (cash) or P (transfer), and the day's number. */
export function batchLabel(kind: BatchSummary['kind'], payoutDate: string, seq: number): string {
  return `${payoutDate}/${kind === 'cash-list' ? 'K' : 'P'}${seq > 1 ? `/${seq}` : ''}`;
}

/** A payee's row of the case file (person, address, case, decision, month, amount) as a line of a batch document. */
export interface PayeeRow {
  first_name: string;
  last_name: string;
  street: string | null;
  building: string | null;
  city: string | null;
  case_number: string;
  number: string | null;
  month: string;
  amount_grosze: string | number;
}

export function payoutLine(row: PayeeRow, account: string | null): PayoutBatchDocument['lines'][number] {
  return {
    name: `${row.first_name} ${row.last_name}`,
    address:
      [[row.street, row.building].filter(Boolean).join(' '), row.city].filter(Boolean).join(', ') ||
      'adres w aktach',
    caseNumber: row.case_number,
    decisionNumber: row.number ?? '',
    month: row.month,
    amountGrosze: Number(row.amount_grosze),
    account: account ?? undefined,
  };
}

/** The payer's side of a batch document: the centre's name, address and account, and the day. */
export async function batchHeader(
  db: Queryable,
  payoutDate: string,
): Promise<Omit<PayoutBatchDocument, 'lines' | 'batchLabel'>> {
  const [centre] = await db.query<{ name: string; address: string; bank_account: string | null }>(
    'SELECT name, address, bank_account FROM centres ORDER BY id LIMIT 1',
  );
  return {
    centreName: centre?.name ?? '',
    centreAddress: centre?.address ?? '',
    centreAccount: centre?.bank_account ?? '',
    payoutDate,
  };
}

export async function listBatches(db: Database): Promise<BatchSummary[]> {
  const rows = await db.query<{
    id: string;
    kind: BatchSummary['kind'];
    payout_date: string;
    seq: number;
    status: string;
    count: string;
    total: string | null;
  }>(
    // an exported batch counts its frozen lines (a rejected line has left the ledger's batch), an open one its queue
    `SELECT b.id, b.kind, b.payout_date::text AS payout_date, b.seq, b.status,
            coalesce(l.n, q.n, 0) AS count, coalesce(l.total, q.total, 0) AS total
       FROM payout_batches b
       LEFT JOIN (SELECT batch_id, count(*) AS n, sum(amount_grosze) AS total FROM payout_batch_lines GROUP BY batch_id) l
         ON l.batch_id = b.id
       LEFT JOIN (SELECT batch_id, count(*) AS n, sum(amount_grosze) AS total FROM payout_instalments
                   WHERE batch_id IS NOT NULL GROUP BY batch_id) q ON q.batch_id = b.id AND l.batch_id IS NULL
      ORDER BY b.payout_date DESC, b.kind, b.seq DESC LIMIT 100`,
  );
  return rows.map((r) => ({
    id: r.id,
    kind: r.kind,
    payoutDate: r.payout_date,
    seq: Number(r.seq),
    label: batchLabel(r.kind, r.payout_date, Number(r.seq)),
    status: r.status,
    count: Number(r.count),
    totalGrosze: Number(r.total ?? 0),
  }));
}

/** The batch as a document: every instalment in it (each instalment is in exactly one batch). */
export async function batchDocument(
  db: Database,
  batchId: string,
): Promise<{ kind: BatchSummary['kind']; doc: PayoutBatchDocument }> {
  const [batch] = await db.query<{ kind: BatchSummary['kind']; payout_date: string; seq: number }>(
    'SELECT kind, payout_date::text AS payout_date, seq FROM payout_batches WHERE id = $1',
    [batchId],
  );
  if (!batch) throw new AppError({ code: 'not-found', message: 'Nie ma takiej listy wypłat.' });
  const lines = await db.query<{
    first_name: string;
    last_name: string;
    street: string | null;
    building: string | null;
    city: string | null;
    case_number: string;
    number: string | null;
    month: string;
    amount_grosze: string | number;
    bank_account: string | null;
  }>(
    `SELECT cl.first_name, cl.last_name, cl.street, cl.building, cl.city, c.case_number, d.number, i.month, i.amount_grosze, d.payout_account AS bank_account
       FROM payout_instalments i JOIN decisions d ON d.id = i.decision_id JOIN cases c ON c.id = d.case_id
       JOIN clients cl ON cl.id = c.client_id
      WHERE i.batch_id = $1 ORDER BY cl.last_name, cl.first_name, i.month`,
    [batchId],
  );
  return {
    kind: batch.kind,
    doc: {
      ...(await batchHeader(db, batch.payout_date)),
      batchLabel: batchLabel(batch.kind, batch.payout_date, Number(batch.seq)),
      lines: lines.map((l) => payoutLine(l, l.bank_account)),
    },
  };
}

export type BatchFileFormat = 'pdf' | 'elixir' | 'csv';

/**
 * A batch's file: the cash list as PDF (rendered from the ledger), a transfer batch's Elixir-O or CSV as frozen at
 * export (the same bytes on every download).
 */
export async function renderBatchFile(db: Database, batchId: string, format: BatchFileFormat) {
  const [batch] = await db.query<{ kind: BatchSummary['kind'] }>(
    'SELECT kind FROM payout_batches WHERE id = $1',
    [batchId],
  );
  if (!batch) throw new AppError({ code: 'not-found', message: 'Nie ma takiej listy wypłat.' });
  if (format === 'pdf') {
    if (batch.kind !== 'cash-list')
      throw new AppError({
        code: 'validation',
        field: 'format',
        message: 'Listę PDF ma tylko wypłata gotówkowa.',
      });
    const { doc } = await batchDocument(db, batchId);
    return {
      mediaType: 'application/pdf',
      fileName: `lista-wyplat-${doc.payoutDate}.pdf`,
      content: await renderCashPayoutListPdf(doc),
      sha256: undefined,
    };
  }
  if (batch.kind !== 'bank-transfer')
    throw new AppError({
      code: 'validation',
      field: 'format',
      message: 'Plik przelewów ma tylko paczka przelewów.',
    });
  return storedBatchFile(db, batchId, format);
}
