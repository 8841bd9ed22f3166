import { z } from 'zod';
import type { Database } from '../db/database';
import { inTransaction } from '../db/in-transaction';
import type { EngineCommands } from '../engine-commands/commands';
import { AppError } from '../errors/app-error';
import { undueBenefit } from './benefit-recovery';
import { recordAppeal, recordDelivery, recordRuling, recordWaiver } from './decision-lifecycle';
import { recordRevision, REVISION_ROLES, revisionFields } from './decision-revision';

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
  // the centre's own revocation or change of the decision from a month (art. 154/155 KPA)
  z.object({ kind: z.literal('revoke'), ...revisionFields }),
  z.object({ kind: z.literal('change'), ...revisionFields }),
]);
export type DecisionEvent = z.infer<typeof decisionEventSchema>;
type OfficeEvent = Exclude<DecisionEvent, { kind: 'revoke' | 'change' }>;

export interface ProcessMessage {
  name: 'decision-delivered' | 'appeal-waived' | 'appeal-filed' | 'appeal-decided';
  variables: Record<string, string>;
}

/** Writes the event to the case file (idempotent) and returns the message to publish to the process. */
export async function recordDecisionEvent(
  db: Database,
  decisionId: string,
  event: OfficeEvent,
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
export interface AppliedDecisionEvent {
  name: ProcessMessage['name'] | 'decision-changed';
  variables: Record<string, string | null>;
  /** True while no process waits for the message yet: the dispatcher tells it when one does. */
  queued: boolean;
}

type Deps = { db: Database; commands: EngineCommands };
type Tx = Parameters<Parameters<Database['transaction']>[0]>[0];

/**
 * Records an office event (validated), audits it and tells the process — the one path for the API and the case
 * page. The case file write, the audit row and the engine command (correlate the message with every instance
 * waiting on this decision: the decision and its payouts) are one transaction; the command is sent at once and,
 * as Camunda 7 keeps no message that nothing waits for, again by the dispatcher until the process takes it or its
 * instances have ended. The command's key is the event itself, so a repeat of the same event sends nothing twice.
 * The centre's own revocation or change (`revoke`, `change`) goes the same way, to the payout only.
 */
export async function applyDecisionEvent(
  deps: Deps,
  input: { decisionId: string; event: unknown; userId: string; roles?: readonly string[] },
): Promise<AppliedDecisionEvent> {
  const event = decisionEventSchema.parse(input.event);
  if (event.kind === 'revoke' || event.kind === 'change') {
    if (input.roles && !input.roles.some((r) => (REVISION_ROLES as readonly string[]).includes(r)))
      throw new AppError({
        code: 'forbidden',
        message: 'Uchylenie lub zmianę decyzji zapisuje zespół świadczeń albo kierownik.',
      });
    return applyRevision(deps, { ...input, event });
  }
  const { message, commandIds } = await deps.db.transaction(async (tx) => {
    const message = await recordDecisionEvent(
      inTransaction(deps.db, tx),
      input.decisionId,
      event,
      input.userId,
    );
    await audit(tx, input.userId, input.decisionId, event);
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
    // the recovery goes first: once the payout has ended (its cancelled instalments), the benefits process may
    // end with it and nothing would wait for the recovery any more
    const followUps: string[] = [];
    // a quash (revoked, remanded) of a decision already paid from: the paid benefit is undue (art. 98 u.p.s.)
    if (changeKind === 'revoked') {
      const recovery = await enqueueRecovery(deps, tx, input, 'sko', null);
      if (recovery) followUps.push(recovery);
    }
    if (changeKind) {
      followUps.push(
        await enqueueDecisionChanged(deps, tx, input, `${changeKind}`, {
          changeKind,
          changeFromMonth: null,
        }),
      );
    }
    return { message, commandIds: { main: command.id, followUps } };
  });
  for (const id of commandIds.followUps) await deps.commands.send(id);
  const sent = await deps.commands.send(commandIds.main);
  if (sent.status === 'failed') {
    throw new AppError({
      code: 'engine-unavailable',
      message: `Zdarzenie zapisano w aktach sprawy, ale silnik procesów odrzucił komunikat: ${sent.lastError ?? 'bez powodu'}.`,
    });
  }
  return { ...message, queued: sent.status === 'pending' };
}

/**
 * The centre's revocation or change from a month, in one transaction: the revision in the case file (the decision
 * revoked or amended from that month), the audit row, `decision-changed` to the payout (with the month: it cancels
 * what is not yet paid from it) and, when instalments of those months were paid already, the art. 98 recovery
 * (`benefit-recovery-requested` to the benefits process). Keys: decision + kind + month, so a repeat adds nothing.
 */
async function applyRevision(
  deps: Deps,
  input: { decisionId: string; userId: string; event: Extract<DecisionEvent, { kind: 'revoke' | 'change' }> },
): Promise<AppliedDecisionEvent> {
  const { event } = input;
  const changeKind = event.kind === 'revoke' ? 'revoked' : 'changed';
  const variables = { changeKind, changeFromMonth: event.fromMonth };
  const ids = await deps.db.transaction(async (tx) => {
    await recordRevision(tx, input.decisionId, event, input.userId);
    await audit(tx, input.userId, input.decisionId, event);
    // the recovery first (see applyDecisionEvent), then the payout's change
    const recovery = await enqueueRecovery(
      deps,
      tx,
      input,
      `${event.kind}:${event.fromMonth}`,
      event.fromMonth,
    );
    const change = await enqueueDecisionChanged(
      deps,
      tx,
      input,
      `centre-${event.kind}:${event.fromMonth}`,
      variables,
    );
    const ids = recovery ? [recovery, change] : [change];
    return ids;
  });
  const sent = [];
  for (const id of ids) sent.push(await deps.commands.send(id));
  const failed = sent.find((c) => c.status === 'failed');
  if (failed)
    throw new AppError({
      code: 'engine-unavailable',
      message: `Zdarzenie zapisano w aktach sprawy, ale silnik procesów odrzucił komunikat: ${failed.lastError ?? 'bez powodu'}.`,
    });
  return { name: 'decision-changed', variables, queued: sent.some((c) => c.status === 'pending') };
}

async function audit(tx: Tx, userId: string, decisionId: string, event: DecisionEvent): Promise<void> {
  await tx.query(
    `INSERT INTO audit_log (user_id, action, entity, entity_id, details) VALUES ($1, 'decision-event', 'decision', $2, $3)`,
    [userId, decisionId, JSON.stringify(event)],
  );
}

/** `decision-changed` to every payout of the decision (through the command outbox); returns the command id. */
async function enqueueDecisionChanged(
  deps: Deps,
  tx: Tx,
  input: { decisionId: string; userId: string },
  key: string,
  variables: { changeKind: string; changeFromMonth: string | null },
): Promise<string> {
  const { command } = await deps.commands.enqueue(tx, {
    idempotencyKey: `decision-changed:${input.decisionId}:${key}`,
    command: {
      kind: 'correlate-message',
      messageName: 'decision-changed',
      correlationKeys: { decisionId: input.decisionId },
      variables,
      all: true,
    },
    createdBy: input.userId,
  });
  return command.id;
}

/**
 * When instalments of the months from `fromMonth` on (every month when null) were paid: `benefit-recovery-requested`
 * to the benefits process of the decision, which opens the recovery (mops-benefit-recovery). Nothing when nothing
 * was paid. Returns the command id.
 */
async function enqueueRecovery(
  deps: Deps,
  tx: Tx,
  input: { decisionId: string; userId: string },
  key: string,
  fromMonth: string | null,
): Promise<string | undefined> {
  const undue = await undueBenefit(tx, input.decisionId, fromMonth);
  if (undue.undueGrosze === 0) return undefined;
  const { command } = await deps.commands.enqueue(tx, {
    idempotencyKey: `benefit-recovery:${input.decisionId}:${key}`,
    command: {
      kind: 'correlate-message',
      messageName: 'benefit-recovery-requested',
      correlationKeys: { decisionId: input.decisionId },
      variables: { recoveryFromMonth: fromMonth },
      all: true,
      // the payout (and the benefits process with it) has ended: a person opens the recovery outside the process
      failWhenEnded: `Proces świadczenia już się zakończył, a wypłacono ${undue.undueGrosze} gr, które mogą być nienależne: zwrot (art. 98 u.p.s.) rozstrzyga zespół świadczeń poza procesem.`,
    },
    createdBy: input.userId,
  });
  return command.id;
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
    case 'revoke':
    case 'change':
      return {
        kind: form.kind,
        fromMonth: form.fromMonth,
        revokingNumber: form.revokingNumber,
        revokingDate: on,
        reason: form.reason,
      };
    default:
      return { kind: form.kind };
  }
}
