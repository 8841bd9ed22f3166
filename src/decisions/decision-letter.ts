import type { Queryable } from '../db/database';
import { enqueueMessage } from '../notifications/outbox';
import { caseParty } from './letterhead';

/**
 * Queues the letter delivering the issued decision to the party (registered, with advice of delivery), once per
 * decision: keyed `decision-issued:<decisionId>`, whichever worker asks for it and however often.
 */
export async function queueDecisionLetter(
  db: Queryable,
  decision: { id: string; caseId: string; number: string },
): Promise<boolean> {
  const party = await caseParty(db, decision.caseId);
  return enqueueMessage(db, {
    caseId: decision.caseId,
    channel: 'letter',
    recipient: `${party.name}${party.address !== '—' ? `, ${party.address}` : ''}`,
    subject: `Decyzja ${decision.number}`,
    body: `W załączeniu doręczamy decyzję ${decision.number}. Pouczenie o odwołaniu znajduje się w treści decyzji.`,
    idempotencyKey: `decision-issued:${decision.id}`,
  });
}
