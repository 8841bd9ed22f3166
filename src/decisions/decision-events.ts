import { z } from 'zod';
import type { Database } from '../db/database';
import { engineError } from '../engine/engine-errors';
import type { EnginePort } from '../engine/port';
import { recordAppeal, recordDelivery, recordRuling, recordWaiver } from './decision-lifecycle';

/** Who records what the post and the party did with a decision: the office (first contact) and the teams. */
export const DECISION_EVENT_ROLES = ['first-contact', 'benefits', 'services-admin', 'managers'] as const;

const day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'data w postaci RRRR-MM-DD');

/**
 * What the office records about an issued decision from the post and the party: the advice of delivery, a waiver
 * of appeal, an appeal, the SKO's ruling. Each is written to the case file and then told to the process as the
 * message its diagram waits for (correlation key: the decision id).
 */
export const decisionEventSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('delivered'), deliveredOn: day }),
  z.object({ kind: z.literal('appeal-waived'), waivedOn: day }),
  z.object({ kind: z.literal('appeal-filed'), receivedOn: day }),
  z.object({
    kind: z.literal('appeal-decided'),
    ruling: z.enum(['upheld', 'changed', 'revoked', 'remanded']),
    receivedOn: day,
  }),
]);
export type DecisionEvent = z.infer<typeof decisionEventSchema>;

export interface ProcessMessage {
  name: 'decision-delivered' | 'appeal-waived' | 'appeal-filed' | 'appeal-decided';
  variables: Record<string, string>;
}

/** Writes the event to the case file (idempotent) and returns the message to publish to the process. */
export async function recordDecisionEvent(
  db: Database,
  decisionId: string,
  event: DecisionEvent,
  userId: string,
): Promise<ProcessMessage> {
  switch (event.kind) {
    case 'delivered': {
      const deliveredOn = await recordDelivery(db, decisionId, event.deliveredOn, false);
      return { name: 'decision-delivered', variables: { deliveredOn } };
    }
    case 'appeal-waived': {
      const waivedOn = await recordWaiver(db, decisionId, event.waivedOn);
      return { name: 'appeal-waived', variables: { appealWaivedOn: waivedOn } };
    }
    case 'appeal-filed': {
      const appeal = await recordAppeal(db, { decisionId, receivedOn: event.receivedOn, receivedBy: userId });
      return { name: 'appeal-filed', variables: { appealReceivedOn: appeal.receivedOn } };
    }
    case 'appeal-decided': {
      await recordRuling(db, { decisionId, ruling: event.ruling, receivedOn: event.receivedOn });
      return {
        name: 'appeal-decided',
        variables: { appealRuling: event.ruling, rulingReceivedOn: event.receivedOn },
      };
    }
  }
}

/**
 * Records an office event (validated), audits it and tells the process — the one path for the API and the case
 * page. The case file is written first; both steps are idempotent, so a repeat after a lost answer is safe.
 * Camunda 7 keeps no message for later: when the process does not wait for it yet (or any more) the answer is a
 * 409 whose cause is the EngineError `message-not-correlated` (`details.engineCode`), and the event stays recorded
 * in the case file, so telling the process again later is safe. Every instance waiting for it gets it (`all`): an
 * appeal is caught by the decision and by the payouts of the same decision, as the Zeebe model did.
 */
export async function applyDecisionEvent(
  deps: { db: Database; engine: EnginePort },
  input: { decisionId: string; event: unknown; userId: string },
): Promise<ProcessMessage> {
  const event = decisionEventSchema.parse(input.event);
  const message = await recordDecisionEvent(deps.db, input.decisionId, event, input.userId);
  await deps.db.query(
    `INSERT INTO audit_log (user_id, action, entity, entity_id, details) VALUES ($1, 'decision-event', 'decision', $2, $3)`,
    [input.userId, input.decisionId, JSON.stringify(event)],
  );
  try {
    await deps.engine.correlateMessage({
      messageName: message.name,
      correlationKeys: { decisionId: input.decisionId },
      variables: message.variables,
      all: true,
    });
  } catch (error) {
    throw engineError(error, 'Zdarzenie zapisano w aktach sprawy, ale nie przekazano go do procesu');
  }
  return message;
}

/** The case page's form fields (kind, date, ruling) as an event. */
export function eventFromForm(form: Record<string, unknown>): unknown {
  const on = typeof form.on === 'string' ? form.on : '';
  switch (form.kind) {
    case 'delivered':
      return { kind: 'delivered', deliveredOn: on };
    case 'appeal-waived':
      return { kind: 'appeal-waived', waivedOn: on };
    case 'appeal-filed':
      return { kind: 'appeal-filed', receivedOn: on };
    case 'appeal-decided':
      return { kind: 'appeal-decided', receivedOn: on, ruling: form.ruling };
    default:
      return { kind: form.kind };
  }
}
