import { createHash } from 'node:crypto';
import type { Database } from '../db/database';
import type { DecisionDocument } from '../documents/decision-pdf';
import { AppError } from '../errors/app-error';
import { caseParty, placeOf } from './letterhead';

export { placeOf };

export type DecisionRenderer = (doc: DecisionDocument) => Promise<Buffer>;

/**
 * Renders the issued decision and keeps it in the case file, once: the document is stored and linked under the
 * decision's row lock, so a redelivered job finds it and renders nothing new.
 */
export async function storeDecisionDocument(
  db: Database,
  decisionId: string,
  render: DecisionRenderer,
): Promise<string> {
  return db.transaction(async (tx) => {
    const [d] = await tx.query<{
      document_id: string | null;
      number: string | null;
      issued_on: string | null;
      case_id: string;
      case_number: string;
      legal_basis: string;
      ruling: string;
      justification_facts: string;
      justification_law: string;
      appeal_instruction: string;
      immediate_enforceability: boolean;
      signer_name: string | null;
      signer_position: string | null;
    }>(
      `SELECT d.document_id, d.number, d.issued_on, d.case_id, c.case_number, d.legal_basis, d.ruling, d.justification_facts,
              d.justification_law, d.appeal_instruction, d.immediate_enforceability, d.signer_name, d.signer_position
         FROM decisions d JOIN cases c ON c.id = d.case_id
        WHERE d.id = $1 FOR UPDATE OF d`,
      [decisionId],
    );
    if (!d) throw new AppError({ code: 'not-found', message: `Nie ma decyzji ${decisionId}.` });
    if (d.document_id) return d.document_id;
    if (!d.number || !d.issued_on)
      throw new AppError({ code: 'conflict', message: 'Decyzja nie ma jeszcze numeru.' });
    const [centre] = await tx.query<{
      organ_name: string;
      organ_name_genitive: string | null;
      address: string;
    }>('SELECT organ_name, organ_name_genitive, address FROM centres ORDER BY id LIMIT 1');
    const pdf = await render({
      organ: centre?.organ_name ?? 'Ośrodek Pomocy Społecznej',
      centreAddress: centre?.address ?? '',
      place: placeOf(centre?.address ?? ''),
      issuedOn: String(d.issued_on),
      decisionNumber: d.number,
      caseNumber: d.case_number,
      party: await caseParty(tx, d.case_id),
      legalBasis: d.legal_basis,
      ruling: d.ruling,
      justificationFacts: d.justification_facts,
      justificationLaw: d.justification_law,
      appealInstruction: d.appeal_instruction,
      immediateEnforceability: d.immediate_enforceability,
      signer: {
        name: d.signer_name ?? '',
        position: d.signer_position ?? '',
        onBehalfOf: centre?.organ_name_genitive ?? undefined,
      },
    });
    const [doc] = await tx.query<{ id: string }>(
      `INSERT INTO documents (case_id, kind, file_name, media_type, content, sha256)
       VALUES ($1, 'decision', $2, 'application/pdf', $3, $4) RETURNING id`,
      [
        d.case_id,
        `decyzja-${d.number.replace(/[^\p{L}\p{N}]+/gu, '-')}.pdf`,
        pdf,
        createHash('sha256').update(pdf).digest('hex'),
      ],
    );
    await tx.query('UPDATE decisions SET document_id = $2 WHERE id = $1', [decisionId, doc?.id]);
    return String(doc?.id);
  });
}
