import { createHash } from 'node:crypto';
import type { Database } from '../db/database';
import { polishDate } from '../documents/polish-format';
import type { LetterDocument } from '../documents/letter-pdf';
import { AppError } from '../errors/app-error';
import { decisionFacts } from './decision-lifecycle';
import { caseParty, latestSubmittedText, letterhead } from './letterhead';

export type LetterRenderer = (letter: LetterDocument) => Promise<Buffer>;

/**
 * Forwards the open appeal to the appeal body (art. 133 KPA: within 7 days, with the case file): the forwarding
 * letter with the organ's position on the appeal is rendered and kept in the case file, and the appeal is marked
 * forwarded — once, under the decision's row lock, so a redelivered job finds it done and renders nothing new.
 */
export async function forwardAppeal(
  db: Database,
  input: { decisionId: string; on: string; render: LetterRenderer },
): Promise<{ forwardedOn: string; documentId: string; late: boolean }> {
  return db.transaction(async (tx) => {
    const d = await decisionFacts(tx, input.decisionId, true);
    const [appeal] = await tx.query<{
      id: string;
      received_on: string;
      forward_due_on: string;
      forwarded_on: string | null;
      forwarding_document_id: string | null;
    }>(
      `SELECT id, received_on, forward_due_on, forwarded_on, forwarding_document_id FROM appeals
        WHERE decision_id = $1 AND ruling IS NULL`,
      [input.decisionId],
    );
    if (!appeal)
      throw new AppError({
        code: 'conflict',
        message: `Decyzja ${d.number ?? d.id} nie ma otwartego odwołania.`,
      });
    if (appeal.forwarded_on && appeal.forwarding_document_id)
      return {
        forwardedOn: appeal.forwarded_on,
        documentId: appeal.forwarding_document_id,
        late: appeal.forwarded_on > appeal.forward_due_on,
      };
    const head = await letterhead(tx);
    const party = await caseParty(tx, d.caseId);
    const [issued] = await tx.query<{
      issued_on: string | null;
      signer_name: string | null;
      signer_position: string | null;
    }>('SELECT issued_on, signer_name, signer_position FROM decisions WHERE id = $1', [input.decisionId]);
    const position =
      (await latestSubmittedText(tx, d.caseId, 'review-appeal', 'appealAssessment')) ??
      'Organ nie znalazł podstaw do uwzględnienia odwołania w trybie art. 132 KPA.';
    const pdf = await input.render({
      organ: head.organ,
      centreAddress: head.centreAddress,
      place: head.place,
      date: input.on,
      caseNumber: d.caseNumber,
      recipient: head.appealBody,
      title: 'Przekazanie odwołania wraz z aktami sprawy',
      paragraphs: [
        `Na podstawie art. 133 Kodeksu postępowania administracyjnego przekazuję odwołanie wniesione przez: ` +
          `${party.name} (wpłynęło dnia ${polishDate(appeal.received_on)}) od decyzji nr ${d.number ?? '—'}` +
          `${issued?.issued_on ? ` z dnia ${polishDate(issued.issued_on)}` : ''} wraz z aktami sprawy ${d.caseNumber}.`,
        `Stanowisko organu: ${position}`,
      ],
      enclosures: [
        'Odwołanie strony (oryginał)',
        `Akta sprawy ${d.caseNumber}`,
        `Decyzja nr ${d.number ?? '—'}`,
      ],
      // signed by whoever signed the decision (the organ or the person it authorised)
      ...(issued?.signer_name
        ? { signer: { name: issued.signer_name, position: issued.signer_position ?? '' } }
        : {}),
    });
    const [doc] = await tx.query<{ id: string }>(
      `INSERT INTO documents (case_id, kind, file_name, media_type, content, sha256)
       VALUES ($1, 'appeal-forwarding', $2, 'application/pdf', $3, $4) RETURNING id`,
      [
        d.caseId,
        `przekazanie-odwolania-${d.caseNumber.replace(/[^\p{L}\p{N}]+/gu, '-')}.pdf`,
        pdf,
        createHash('sha256').update(pdf).digest('hex'),
      ],
    );
    const forwardedOn = appeal.forwarded_on ?? input.on;
    await tx.query(
      `UPDATE appeals SET forwarded_on = $2, outcome = 'forwarded', forwarding_document_id = $3, forward_key = id::text
        WHERE id = $1`,
      [appeal.id, forwardedOn, doc?.id],
    );
    return { forwardedOn, documentId: String(doc?.id), late: forwardedOn > appeal.forward_due_on };
  });
}
