import type { Queryable } from '../db/database';

/** A line of a batch as its page shows it: the frozen line once exported, the queued instalment while open. */
export interface BatchLine {
  lineNo: number;
  instalmentId: string;
  name: string;
  caseNumber: string;
  month: string;
  account: string;
  amountGrosze: number;
  status: 'queued' | 'sent' | 'confirmed' | 'rejected';
  rejectionReason: string | null;
}

/** What a batch holds: the frozen lines once exported, the queued instalments while open. */
export async function batchLines(db: Queryable, batchId: string): Promise<BatchLine[]> {
  const rows = await db.query<{
    line_no: number | null;
    instalment_id: string;
    first_name: string;
    last_name: string;
    case_number: string;
    month: string;
    account: string | null;
    amount_grosze: string;
    status: BatchLine['status'];
    rejection_reason: string | null;
  }>(
    `SELECT l.line_no, i.id AS instalment_id, cl.first_name, cl.last_name, c.case_number, i.month,
            l.account, l.amount_grosze::text AS amount_grosze, l.status, l.rejection_reason
       FROM payout_batch_lines l JOIN payout_instalments i ON i.id = l.instalment_id
       JOIN decisions d ON d.id = i.decision_id JOIN cases c ON c.id = d.case_id JOIN clients cl ON cl.id = c.client_id
      WHERE l.batch_id = $1
     UNION ALL
     SELECT NULL, i.id, cl.first_name, cl.last_name, c.case_number, i.month, d.payout_account,
            i.amount_grosze::text, 'queued', NULL
       FROM payout_instalments i JOIN decisions d ON d.id = i.decision_id JOIN cases c ON c.id = d.case_id
       JOIN clients cl ON cl.id = c.client_id
      WHERE i.batch_id = $1 AND NOT EXISTS (SELECT 1 FROM payout_batch_lines x WHERE x.batch_id = $1 AND x.instalment_id = i.id)
      ORDER BY 1 NULLS LAST, 4, 3`,
    [batchId],
  );
  return rows.map((r, index) => ({
    lineNo: r.line_no ?? index + 1,
    instalmentId: r.instalment_id,
    name: `${r.first_name} ${r.last_name}`,
    caseNumber: r.case_number,
    month: r.month,
    account: r.account ?? '',
    amountGrosze: Number(r.amount_grosze),
    status: r.status,
    rejectionReason: r.rejection_reason,
  }));
}
