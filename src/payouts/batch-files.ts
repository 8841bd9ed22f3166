import type { Database } from '../db/database';
import { renderElixirO, renderTransferCsv } from '../documents/bank-transfer-file';
import { renderCashPayoutListPdf } from '../documents/payout-list-pdf';
import type { PayoutBatchDocument } from '../documents/payout-types';
import { AppError } from '../errors/app-error';

export interface BatchSummary {
  id: string;
  kind: 'cash-list' | 'bank-transfer';
  payoutDate: string;
  count: number;
  totalGrosze: number;
}

export async function listBatches(db: Database): Promise<BatchSummary[]> {
  const rows = await db.query<{
    id: string;
    kind: BatchSummary['kind'];
    payout_date: string;
    count: string;
    total: string | null;
  }>(
    `SELECT b.id, b.kind, b.payout_date, count(i.id) AS count, sum(i.amount_grosze) AS total
       FROM payout_batches b LEFT JOIN payout_instalments i ON i.batch_id = b.id
      GROUP BY b.id ORDER BY b.payout_date DESC, b.kind LIMIT 100`,
  );
  return rows.map((r) => ({
    id: r.id,
    kind: r.kind,
    payoutDate: String(r.payout_date),
    count: Number(r.count),
    totalGrosze: Number(r.total ?? 0),
  }));
}

/** The batch as a document: every instalment in it (each instalment is in exactly one batch). */
export async function batchDocument(
  db: Database,
  batchId: string,
): Promise<{ kind: BatchSummary['kind']; doc: PayoutBatchDocument }> {
  const [batch] = await db.query<{ kind: BatchSummary['kind']; payout_date: string }>(
    'SELECT kind, payout_date FROM payout_batches WHERE id = $1',
    [batchId],
  );
  if (!batch) throw new AppError({ code: 'not-found', message: 'Nie ma takiej listy wypłat.' });
  const [centre] = await db.query<{ name: string; address: string; bank_account: string | null }>(
    'SELECT name, address, bank_account FROM centres ORDER BY id LIMIT 1',
  );
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
    `SELECT cl.first_name, cl.last_name, cl.street, cl.building, cl.city, c.case_number, d.number, i.month, i.amount_grosze, cl.bank_account
       FROM payout_instalments i JOIN decisions d ON d.id = i.decision_id JOIN cases c ON c.id = d.case_id
       JOIN clients cl ON cl.id = c.client_id
      WHERE i.batch_id = $1 ORDER BY cl.last_name, cl.first_name, i.month`,
    [batchId],
  );
  return {
    kind: batch.kind,
    doc: {
      centreName: centre?.name ?? '',
      centreAddress: centre?.address ?? '',
      centreAccount: centre?.bank_account ?? '',
      payoutDate: String(batch.payout_date),
      batchLabel: `${String(batch.payout_date)}/${batch.kind === 'cash-list' ? 'K' : 'P'}`,
      lines: lines.map((l) => ({
        name: `${l.first_name} ${l.last_name}`,
        address:
          [[l.street, l.building].filter(Boolean).join(' '), l.city].filter(Boolean).join(', ') ||
          'adres w aktach',
        caseNumber: l.case_number,
        decisionNumber: l.number ?? '',
        month: l.month,
        amountGrosze: Number(l.amount_grosze),
        account: l.bank_account ?? undefined,
      })),
    },
  };
}

export type BatchFileFormat = 'pdf' | 'elixir' | 'csv';

export async function renderBatchFile(db: Database, batchId: string, format: BatchFileFormat) {
  const { kind, doc } = await batchDocument(db, batchId);
  if (format === 'pdf') {
    if (kind !== 'cash-list')
      throw new AppError({
        code: 'validation',
        field: 'format',
        message: 'Listę PDF ma tylko wypłata gotówkowa.',
      });
    return {
      mediaType: 'application/pdf',
      fileName: `lista-wyplat-${doc.payoutDate}.pdf`,
      content: await renderCashPayoutListPdf(doc),
    };
  }
  if (kind !== 'bank-transfer')
    throw new AppError({
      code: 'validation',
      field: 'format',
      message: 'Plik przelewów ma tylko paczka przelewów.',
    });
  return format === 'elixir'
    ? {
        mediaType: 'text/plain; charset=windows-1250',
        fileName: `przelewy-${doc.payoutDate}.elixir.txt`,
        content: renderElixirO(doc),
      }
    : {
        mediaType: 'text/csv; charset=utf-8',
        fileName: `przelewy-${doc.payoutDate}.csv`,
        content: renderTransferCsv(doc),
      };
}
