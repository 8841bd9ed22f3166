import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import type { User } from '../auth/users';
import type { Database, Queryable } from '../db/database';
import type { EngineCommands } from '../engine-commands/commands';
import { systemClock, type Clock } from '../domain/clock';
import { AppError } from '../errors/app-error';
import { CONTACT_OUTCOMES, type ContactOutcome } from '../domain/routing-codes';
import { personShape, routingShape, routingVariables } from '../tasks/forms/person-fields';

/** The case process (bpmn/mops-case.bpmn): first contact, routing to the teams, their sub-processes. */
export const CASE_PROCESS_ID = 'mops-case';

export const firstContactSchema = z.object({
  outcome: z.enum(CONTACT_OUTCOMES, { message: 'wybierz wynik rozmowy' }),
  ...personShape,
  ...routingShape,
  channel: z.enum(['in-person', 'phone', 'mail', 'epuap']).default('in-person'),
  /** The form's (or the API caller's) id of this submission: a repeat of it registers nothing twice. */
  requestId: z.string().uuid('identyfikator zgłoszenia musi być UUID').optional(),
});
export type FirstContactInput = z.infer<typeof firstContactSchema>;

export type FirstContactResult =
  | {
      kind: 'application';
      outcome: ContactOutcome;
      /** Null while the engine has not taken the start yet (`queued`): the dispatcher starts it when it can. */
      processInstanceKey: string | null;
      queued: boolean;
      intakeId: string;
    }
  | { kind: 'visit'; visitId: string };

/**
 * First contact on one screen: an information-only visit ends here (kept on record). Everything else keeps the
 * person in the case file and starts the case process with the intake's id and the routing facts (outcome, need,
 * art. 7 reason, urgency, district) — never personal data — so the intake task is skipped (the first gateway).
 * A certificate is issued by the process (number, PDF, or a refusal by postanowienie). The intake's time is the
 * app's clock (`now`): the KPA limits run from that day (register-case).
 */
export async function registerFirstContact(
  deps: { db: Database; commands: EngineCommands; now?: Clock },
  user: User,
  raw: unknown,
): Promise<FirstContactResult> {
  const input = firstContactSchema.parse(raw);
  if (input.outcome === 'information') {
    const [visit] = await deps.db.query<{ id: string }>(
      `INSERT INTO first_contact_visits (outcome, first_name, last_name, pesel, subject, created_by) VALUES ($1, $2, $3, $4, $5, $6) RETURNING id`,
      [input.outcome, input.firstName, input.lastName, input.pesel ?? null, input.need, user.id],
    );
    return { kind: 'visit', visitId: String(visit?.id) };
  }
  if (input.district) await assertDistrict(deps.db, input.district);
  const requestId = input.requestId ?? randomUUID();
  // the intake and the command to start its process are one transaction: never an intake without a process
  const { intakeId, commandId } = await deps.db.transaction(async (tx) => {
    const intake =
      (await insertIntake(tx, input, requestId, user, (deps.now ?? systemClock)())) ??
      (await findIntake(tx, requestId));
    if (!intake) throw new Error(`Brak zgłoszenia ${requestId} po konflikcie klucza`);
    const { command } = await deps.commands.enqueue(tx, {
      idempotencyKey: `start-case:${intake}`,
      command: {
        kind: 'start-process',
        processKey: CASE_PROCESS_ID,
        businessKey: intake,
        variables: {
          intakeId: intake,
          contactOutcome: input.outcome,
          channel: input.channel,
          ...routingVariables(input),
        },
      },
      createdBy: user.id,
    });
    return { intakeId: intake, commandId: command.id };
  });
  const sent = await deps.commands.send(commandId);
  if (sent.status === 'failed') {
    throw new AppError({
      code: 'engine-unavailable',
      message: `Zgłoszenie zapisano, ale silnik procesów odrzucił start sprawy: ${sent.lastError ?? 'bez powodu'}.`,
    });
  }
  const processInstanceId = sent.result?.processInstanceId;
  return {
    kind: 'application',
    outcome: input.outcome,
    processInstanceKey: typeof processInstanceId === 'string' ? processInstanceId : null,
    queued: sent.status !== 'done',
    intakeId,
  };
}

async function findIntake(tx: Queryable, requestId: string): Promise<string | undefined> {
  const [row] = await tx.query<{ id: string }>('SELECT id FROM intakes WHERE request_id = $1', [requestId]);
  return row?.id;
}

async function insertIntake(
  tx: Queryable,
  input: FirstContactInput,
  requestId: string,
  user: User,
  at: Date,
): Promise<string | undefined> {
  const [row] = await tx.query<{ id: string }>(
    `INSERT INTO intakes (user_task_key, first_name, last_name, pesel, need, created_by, district_id, request_id, created_at, aid_reason)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10) ON CONFLICT (request_id) DO NOTHING RETURNING id`,
    [
      `first-contact:${randomUUID()}`,
      input.firstName,
      input.lastName,
      input.pesel ?? null,
      input.need,
      user.id,
      input.district ?? null,
      requestId,
      at,
      input.reason ?? null,
    ],
  );
  return row?.id;
}

/** A district of the centre's configuration (the routing table and the inbox's site filter rely on it). */
async function assertDistrict(db: Database, district: string): Promise<void> {
  const [row] = await db.query('SELECT 1 FROM districts WHERE id = $1', [district]);
  if (!row) throw new AppError({ code: 'validation', field: 'district', message: 'nieznany rejon ośrodka' });
}

/** The centre's districts, for the first-contact select. */
export async function listDistricts(db: Database): Promise<{ id: string; name: string }[]> {
  return db.query<{ id: string; name: string }>('SELECT id, name FROM districts ORDER BY name');
}
