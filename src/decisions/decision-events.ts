import { z } from 'zod';
import type { Database } from '../db/database';
import { inTransaction } from '../db/in-transaction';
import type { EngineCommands } from '../engine-commands/commands';
import { AppError } from '../errors/app-error';
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

/** What an SKO ruling means for the decision's payouts (`changeKind` of `decision-changed`); upheld: nothing. */
const CHANGE_KIND: Record<'upheld' | 'changed' | 'revoked' | 'remanded', 'changed' | 'revoked' | undefined> =
  {
    upheld: undefined,
    changed: 'changed',
    revoked: 'revoked',
    remanded: 'revoked',
  };

/** What became of an office event: recorded, and told to the process now or queued until the process waits. */
export interface AppliedDecisionEvent extends ProcessMessage {
  /** True while no process waits for the message yet: the dispatcher tells it when one does. */
  queued: boolean;
}

/**
 * Records an office event (validated), audits it and tells the process — the one path for the API and the case
 * page. The case file write, the audit row and the engine command (correlate the message with every instance
 * waiting on this decision: the decision and its payouts) are one transaction; the command is sent at once and,
 * as Camunda 7 keeps no message that nothing waits for, again by the dispatcher until the process takes it or its
 * instances have ended. The command's key is the event itself, so a repeat of the same event sends nothing twice.
 */
export async function applyDecisionEvent(
  deps: { db: Database; commands: EngineCommands },
  input: { decisionId: string; event: unknown; userId: string },
): Promise<AppliedDecisionEvent> {
  const event = decisionEventSchema.parse(input.event);
  const { message, commandId, changeCommandId } = await deps.db.transaction(async (tx) => {
    const message = await recordDecisionEvent(
      inTransaction(deps.db, tx),
      input.decisionId,
      event,
      input.userId,
    );
    await tx.query(
      `INSERT INTO audit_log (user_id, action, entity, entity_id, details) VALUES ($1, 'decision-event', 'decision', $2, $3)`,
      [input.userId, input.decisionId, JSON.stringify(event)],
    );
    const { command } = await deps.commands.enqueue(tx, {
      idempotencyKey: `decision-event:${input.decisionId}:${message.name}:${JSON.stringify(message.variables)}`,
      command: {
        kind: 'correlate-message',
        messageName: message.name,
        correlationKeys: { decisionId: input.decisionId },
        variables: message.variables,
        all: true,
      },
      createdBy: input.userId,
    });
    // an SKO ruling that changes or quashes the decision stops its payouts: `decision-changed` to every payout
    // waiting on this decision (cancels what is not yet paid, keeps what was paid), in the same transaction
    const changeKind = event.kind === 'appeal-decided' ? CHANGE_KIND[event.ruling] : undefined;
    const change = changeKind
      ? await deps.commands.enqueue(tx, {
          idempotencyKey: `decision-changed:${input.decisionId}:${changeKind}`,
          command: {
            kind: 'correlate-message',
            messageName: 'decision-changed',
            correlationKeys: { decisionId: input.decisionId },
            variables: { changeKind },
            all: true,
          },
          createdBy: input.userId,
        })
      : undefined;
    return { message, commandId: command.id, changeCommandId: change?.command.id };
  });
  if (changeCommandId) await deps.commands.send(changeCommandId);
  const sent = await deps.commands.send(commandId);
  if (sent.status === 'failed') {
    throw new AppError({
      code: 'engine-unavailable',
      message: `Zdarzenie zapisano w aktach sprawy, ale silnik procesów odrzucił komunikat: ${sent.lastError ?? 'bez powodu'}.`,
    });
  }
  return { ...message, queued: sent.status === 'pending' };
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
