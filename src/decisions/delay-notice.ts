import { createHash } from 'node:crypto';
import type { Database } from '../db/database';
import { polishDate } from '../documents/polish-format';
import { enqueueMessage } from '../notifications/outbox';
import type { LetterRenderer } from './appeal-forwarding';
import { caseParty, latestSubmittedText, letterhead } from './letterhead';

/**
 * The art. 36 KPA notice: the party is told that the case will not be settled in time, why, and the new date —
 * a letter in the case file and in the outbox, once per case and new date (a redelivered job sends nothing new).
 */
export async function sendDelayNotice(
  db: Database,
  input: { caseId: string; newDueOn: string; on: string; render: LetterRenderer },
): Promise<{ created: boolean }> {
  return db.transaction(async (tx) => {
    const key = `delay-notice:${input.caseId}:${input.newDueOn}`;
    // the case row's lock serialises concurrent deliveries of the job (the notice row does not exist yet to lock)
    const [kase] = await tx.query<{ case_number: string }>(
      'SELECT case_number FROM cases WHERE id = $1 FOR UPDATE',
      [input.caseId],
    );
    const [existing] = await tx.query<{ id: string }>('SELECT id FROM delay_notices WHERE notice_key = $1', [
      key,
    ]);
    if (existing) return { created: false };
    const caseNumber = kase?.case_number ?? '—';
    const reason =
      (await latestSubmittedText(tx, input.caseId, 'notify-delay', 'delayReason')) ??
      'konieczność przeprowadzenia dodatkowych ustaleń w sprawie';
    const head = await letterhead(tx);
    // signed by the person who decided on the notice (their form is in the case file)
    const [author] = await tx.query<{ display_name: string; position: string | null }>(
      `SELECT u.display_name, u.position FROM task_submissions s JOIN users u ON u.id = s.submitted_by
        WHERE s.case_id = $1 AND s.element_id = 'notify-delay' ORDER BY s.submitted_at DESC LIMIT 1`,
      [input.caseId],
    );
    const signer = author ? { name: author.display_name, position: author.position ?? '' } : undefined;
    const party = await caseParty(tx, input.caseId);
    const paragraphs = [
      `Działając na podstawie art. 36 § 1 Kodeksu postępowania administracyjnego zawiadamiam, że sprawa ` +
        `${caseNumber} nie zostanie załatwiona w terminie.`,
      `Przyczyna zwłoki: ${reason}.`,
      `Nowy termin załatwienia sprawy: ${polishDate(input.newDueOn)}`,
      'Stronie przysługuje prawo do wniesienia ponaglenia (art. 37 KPA) do Samorządowego Kolegium Odwoławczego ' +
        'za pośrednictwem organu prowadzącego postępowanie.',
    ];
    const pdf = await input.render({
      organ: head.organ,
      centreAddress: head.centreAddress,
      place: head.place,
      date: input.on,
      caseNumber,
      recipient: party,
      title: 'Zawiadomienie o niezałatwieniu sprawy w terminie',
      paragraphs,
      ...(signer ? { signer } : {}),
    });
    await tx.query(
      `INSERT INTO documents (case_id, kind, file_name, media_type, content, sha256)
       VALUES ($1, 'delay-notice', $2, 'application/pdf', $3, $4)`,
      [
        input.caseId,
        `zawiadomienie-art-36-${input.newDueOn}.pdf`,
        pdf,
        createHash('sha256').update(pdf).digest('hex'),
      ],
    );
    await tx.query(
      'INSERT INTO delay_notices (case_id, reason, new_due_on, notice_key) VALUES ($1, $2, $3, $4)',
      [input.caseId, reason, input.newDueOn, key],
    );
    await enqueueMessage(tx, {
      caseId: input.caseId,
      channel: 'letter',
      recipient: `${party.name}${party.address !== '—' ? `, ${party.address}` : ''}`,
      subject: `Zawiadomienie o zwłoce — sprawa ${caseNumber}`,
      body: paragraphs.join('\n\n'),
      idempotencyKey: key,
    });
    return { created: true };
  });
}
