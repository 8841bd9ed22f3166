import { createHash } from 'node:crypto';
import type { Database, Queryable } from '../db/database';
import { renderElixirO, renderTransferCsv } from '../documents/bank-transfer-file';
import type { PayoutBatchDocument } from '../documents/payout-types';
import type { EngineCommands } from '../engine-commands/commands';
import { AppError } from '../errors/app-error';
import { batchHeader, batchLabel, payoutLine } from './batch-files';
import { markPaid } from './ledger';

/**
 * The lifecycle of a bank transfer batch: open → exported → sent → settled.
 * - **export** freezes the batch: its lines (account and amount as they go to the bank) and both files (Elixir-O and
 *   CSV) are stored with their SHA-256; every later download is those bytes. No instalment joins it afterwards (the
 *   ledger queues into the day's open batch only). Exporting again answers the same files.
 * - **sent**: the file went to the bank (recorded who and when).
 * - **settled** line by line from the bank's statement: a confirmed line marks the instalment paid (`markPaid`, once);
 *   a rejected one returns the instalment to correction (scheduled again, out of this batch) — in the same
 *   transaction the process is told (`transfer-settled` to the instalment's receive task, through the command outbox).
 *   The batch is settled when every line is.
 */
export type TransferFileFormat = 'elixir' | 'csv';

export interface StoredBatchFile {
  format: TransferFileFormat;
  mediaType: string;
  fileName: string;
  content: Buffer;
  sha256: string;
}

export interface ExportedBatch {
  batchId: string;
  status: string;
  lineCount: number;
  totalGrosze: number;
  files: { format: TransferFileFormat; sha256: string }[];
  /** True only for the call that froze it. */
  newlyExported: boolean;
}

interface BatchRow {
  id: string;
  kind: string;
  status: string;
  payout_date: string;
  seq: number;
}

async function lockTransferBatch(tx: Queryable, batchId: string): Promise<BatchRow> {
  const [batch] = await tx.query<BatchRow>(
    `SELECT id, kind, status, payout_date::text AS payout_date, seq FROM payout_batches WHERE id = $1 FOR UPDATE`,
    [batchId],
  );
  if (!batch) throw new AppError({ code: 'not-found', message: 'Nie ma takiej paczki przelewów.' });
  if (batch.kind !== 'bank-transfer')
    throw new AppError({ code: 'conflict', message: 'To jest lista wypłat w kasie, nie paczka przelewów.' });
  return batch;
}

/** Freezes an open batch (its lines and files, hashed); an exported one answers what was frozen. */
export async function exportBatch(db: Database, batchId: string, userId: string): Promise<ExportedBatch> {
  return db.transaction(async (tx) => {
    const batch = await lockTransferBatch(tx, batchId);
    let newlyExported = false;
    if (batch.status === 'open') {
      const lines = await tx.query<{ instalment_id: string; account: string | null; amount_grosze: string }>(
        `SELECT i.id AS instalment_id, d.payout_account AS account, i.amount_grosze::text AS amount_grosze
           FROM payout_instalments i JOIN decisions d ON d.id = i.decision_id JOIN cases c ON c.id = d.case_id
           JOIN clients cl ON cl.id = c.client_id
          WHERE i.batch_id = $1 AND i.status = 'queued'
          ORDER BY cl.last_name, cl.first_name, i.month, i.id`,
        [batchId],
      );
      if (lines.length === 0)
        throw new AppError({
          code: 'conflict',
          message: 'Paczka jest pusta — nie ma czego wysyłać do banku.',
        });
      const missing = lines.filter((line) => !line.account);
      if (missing.length > 0)
        throw new AppError({
          code: 'conflict',
          message: `${missing.length} rat(y) w paczce nie ma zatwierdzonego rachunku — popraw dane wypłaty przed eksportem.`,
        });
      let lineNo = 0;
      for (const line of lines) {
        lineNo += 1;
        await tx.query(
          `INSERT INTO payout_batch_lines (batch_id, instalment_id, line_no, account, amount_grosze)
           VALUES ($1, $2, $3, $4, $5)`,
          [batchId, line.instalment_id, lineNo, line.account, line.amount_grosze],
        );
      }
      const doc = await frozenDocument(tx, batch);
      for (const file of renderFiles(doc)) {
        await tx.query(
          `INSERT INTO payout_batch_files (batch_id, format, media_type, file_name, content, sha256)
           VALUES ($1, $2, $3, $4, $5, $6)`,
          [batchId, file.format, file.mediaType, file.fileName, file.content, file.sha256],
        );
      }
      await tx.query(
        `UPDATE payout_batches SET status = 'exported', exported_at = now(), exported_by = $2 WHERE id = $1`,
        [batchId, userId],
      );
      await audit(tx, userId, 'payout-batch-exported', batchId, { lines: lines.length });
      newlyExported = true;
    }
    return { ...(await exportedSummary(tx, batchId)), newlyExported };
  });
}

async function exportedSummary(
  tx: Queryable,
  batchId: string,
): Promise<Omit<ExportedBatch, 'newlyExported'>> {
  const [batch] = await tx.query<{ status: string; n: string; total: string | null }>(
    `SELECT b.status, count(l.*)::text AS n, sum(l.amount_grosze)::text AS total
       FROM payout_batches b LEFT JOIN payout_batch_lines l ON l.batch_id = b.id WHERE b.id = $1 GROUP BY b.id`,
    [batchId],
  );
  const files = await tx.query<{ format: TransferFileFormat; sha256: string }>(
    'SELECT format, sha256 FROM payout_batch_files WHERE batch_id = $1 ORDER BY format',
    [batchId],
  );
  return {
    batchId,
    status: batch?.status ?? 'open',
    lineCount: Number(batch?.n ?? 0),
    totalGrosze: Number(batch?.total ?? 0),
    files,
  };
}

/** The batch as the bank gets it: the frozen lines (account and amount at export). */
async function frozenDocument(tx: Queryable, batch: BatchRow): Promise<PayoutBatchDocument> {
  const lines = await tx.query<{
    first_name: string;
    last_name: string;
    street: string | null;
    building: string | null;
    city: string | null;
    case_number: string;
    number: string | null;
    month: string;
    amount_grosze: string;
    account: string;
  }>(
    `SELECT cl.first_name, cl.last_name, cl.street, cl.building, cl.city, c.case_number, d.number, i.month,
            l.amount_grosze::text AS amount_grosze, l.account
       FROM payout_batch_lines l JOIN payout_instalments i ON i.id = l.instalment_id
       JOIN decisions d ON d.id = i.decision_id JOIN cases c ON c.id = d.case_id JOIN clients cl ON cl.id = c.client_id
      WHERE l.batch_id = $1 ORDER BY l.line_no`,
    [batch.id],
  );
  return {
    ...(await batchHeader(tx, batch.payout_date)),
    batchLabel: batchLabel('bank-transfer', batch.payout_date, batch.seq),
    lines: lines.map((l) => payoutLine(l, l.account)),
  };
}

function renderFiles(doc: PayoutBatchDocument): StoredBatchFile[] {
  const suffix = doc.batchLabel.replace(/\//g, '-');
  const files: Omit<StoredBatchFile, 'sha256'>[] = [
    {
      format: 'elixir',
      mediaType: 'text/plain; charset=windows-1250',
      fileName: `przelewy-${suffix}.elixir.txt`,
      content: renderElixirO(doc),
    },
    {
      format: 'csv',
      mediaType: 'text/csv; charset=utf-8',
      fileName: `przelewy-${suffix}.csv`,
      content: renderTransferCsv(doc),
    },
  ];
  return files.map((file) => ({ ...file, sha256: sha256(file.content) }));
}

export function sha256(content: Buffer): string {
  return createHash('sha256').update(content).digest('hex');
}

/** The frozen file of an exported batch; an open batch has none yet (export it first). */
export async function storedBatchFile(
  db: Queryable,
  batchId: string,
  format: TransferFileFormat,
): Promise<StoredBatchFile> {
  const [file] = await db.query<{
    format: TransferFileFormat;
    media_type: string;
    file_name: string;
    content: Buffer | Uint8Array;
    sha256: string;
  }>(
    'SELECT format, media_type, file_name, content, sha256 FROM payout_batch_files WHERE batch_id = $1 AND format = $2',
    [batchId, format],
  );
  if (!file)
    throw new AppError({
      code: 'conflict',
      message:
        'Paczka nie jest jeszcze wyeksportowana: eksport zamraża plik (kolejne pobrania dają te same bajty).',
    });
  const content = Buffer.from(file.content);
  if (sha256(content) !== file.sha256)
    throw new AppError({
      code: 'internal',
      message: 'Zapisany plik paczki nie zgadza się ze swoim skrótem SHA-256.',
    });
  return {
    format: file.format,
    mediaType: file.media_type,
    fileName: file.file_name,
    content,
    sha256: file.sha256,
  };
}

/** The exported file went to the bank. Once; a repeat answers the same. */
export async function markBatchSent(db: Database, batchId: string, userId: string): Promise<string> {
  return db.transaction(async (tx) => {
    const batch = await lockTransferBatch(tx, batchId);
    if (batch.status === 'open')
      throw new AppError({
        code: 'conflict',
        message: 'Najpierw wyeksportuj paczkę — do banku idzie zamrożony plik.',
      });
    if (batch.status === 'exported') {
      await tx.query(
        `UPDATE payout_batches SET status = 'sent', sent_at = now(), sent_by = $2 WHERE id = $1`,
        [batchId, userId],
      );
      await audit(tx, userId, 'payout-batch-sent', batchId, {});
      return 'sent';
    }
    return batch.status;
  });
}

export type LineResult = 'confirmed' | 'rejected';

export interface SettledLine {
  instalmentId: string;
  status: LineResult;
  batchStatus: string;
  /** True only for the call that settled it. */
  newlySettled: boolean;
}

/**
 * The bank's answer for one line of a sent batch. Confirmed: the instalment is paid (once). Rejected (with the
 * bank's reason): the instalment leaves the batch and goes back to correction. Either way the instalment's process
 * hears it (`transfer-settled`), in the same transaction as the ledger. Settling a line again the same way answers
 * the same; the other way is refused.
 */
export async function settleLine(
  deps: { db: Database; commands: EngineCommands },
  input: { batchId: string; instalmentId: string; result: LineResult; reason?: string; userId: string },
): Promise<SettledLine> {
  const reason = input.reason?.trim() ?? '';
  if (input.result === 'rejected' && reason.length < 3)
    throw new AppError({
      code: 'validation',
      field: 'reason',
      message: 'Podaj powód odrzucenia przelewu podany przez bank (min. 3 znaki).',
    });
  const { settled, commandId } = await deps.db.transaction(async (tx) => {
    const batch = await lockTransferBatch(tx, input.batchId);
    const [line] = await tx.query<{
      status: string;
      decision_id: string;
      instalment_no: number;
      decision_status: string;
    }>(
      `SELECT l.status, i.decision_id, i.instalment_no, d.status AS decision_status
         FROM payout_batch_lines l JOIN payout_instalments i ON i.id = l.instalment_id
         JOIN decisions d ON d.id = i.decision_id
        WHERE l.batch_id = $1 AND l.instalment_id = $2 FOR UPDATE OF l, i`,
      [input.batchId, input.instalmentId],
    );
    if (!line)
      throw new AppError({
        code: 'not-found',
        field: 'instalmentId',
        message: 'Nie ma takiej pozycji w paczce.',
      });
    if (line.status === input.result)
      return {
        settled: {
          instalmentId: input.instalmentId,
          status: input.result,
          batchStatus: batch.status,
          newlySettled: false,
        },
        commandId: undefined,
      };
    if (line.status !== 'sent')
      throw new AppError({
        code: 'conflict',
        message: `Ta pozycja jest już rozliczona (${line.status === 'confirmed' ? 'potwierdzona' : 'odrzucona'}).`,
      });
    if (batch.status !== 'sent')
      throw new AppError({
        code: 'conflict',
        message: 'Paczka nie została jeszcze wysłana do banku — najpierw oznacz ją jako wysłaną.',
      });
    if (input.result === 'confirmed') {
      if (!(await markPaid(tx, input.instalmentId, input.userId, input.batchId)))
        throw new AppError({ code: 'conflict', message: 'Rata nie czeka już na wypłatę w tej paczce.' });
    } else {
      await tx.query(
        `UPDATE payout_instalments SET status = 'scheduled', batch_id = NULL
          WHERE id = $1 AND status = 'queued' AND batch_id = $2`,
        [input.instalmentId, input.batchId],
      );
    }
    await tx.query(
      `UPDATE payout_batch_lines SET status = $3, rejection_reason = $4, settled_at = now(), settled_by = $5
        WHERE batch_id = $1 AND instalment_id = $2`,
      [
        input.batchId,
        input.instalmentId,
        input.result,
        input.result === 'rejected' ? reason : null,
        input.userId,
      ],
    );
    const [open] = await tx.query<{ n: string }>(
      `SELECT count(*)::text AS n FROM payout_batch_lines WHERE batch_id = $1 AND status = 'sent'`,
      [input.batchId],
    );
    let batchStatus = batch.status;
    if (open?.n === '0') {
      await tx.query(`UPDATE payout_batches SET status = 'settled', settled_at = now() WHERE id = $1`, [
        input.batchId,
      ]);
      batchStatus = 'settled';
    }
    await audit(tx, input.userId, `payout-line-${input.result}`, input.batchId, {
      instalmentId: input.instalmentId,
      reason: reason || undefined,
    });
    // a decision changed or quashed meanwhile has no payout waiting for the line any more (its instalments were
    // cancelled): the ledger is right, there is nobody to tell
    const told = !['revoked', 'amended'].includes(line.decision_status);
    const command = told
      ? await deps.commands.enqueue(tx, {
          idempotencyKey: `transfer-settled:${input.batchId}:${input.instalmentId}`,
          command: {
            kind: 'correlate-message',
            messageName: 'transfer-settled',
            correlationKeys: { decisionId: line.decision_id },
            localCorrelationKeys: { instalmentNo: Number(line.instalment_no) },
            variables: { transferResult: input.result, transferRejection: reason || null },
            all: true,
          },
          createdBy: input.userId,
        })
      : undefined;
    return {
      settled: { instalmentId: input.instalmentId, status: input.result, batchStatus, newlySettled: true },
      commandId: command?.command.id,
    };
  });
  if (commandId) await deps.commands.send(commandId);
  return settled;
}

async function audit(
  tx: Queryable,
  userId: string,
  action: string,
  batchId: string,
  details: object,
): Promise<void> {
  await tx.query(
    `INSERT INTO audit_log (user_id, action, entity, entity_id, details) VALUES ($1, $2, 'payout-batch', $3, $4)`,
    [userId, action, batchId, JSON.stringify(details)],
  );
}
