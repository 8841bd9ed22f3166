import { z } from 'zod';
import type { Database } from '../db/database';
import { recordAppeal, recordDelivery, recordRuling, recordWaiver } from './decision-lifecycle';

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
