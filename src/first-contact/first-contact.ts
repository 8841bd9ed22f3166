import { randomUUID } from 'node:crypto';
import type { Camunda8 } from '@camunda8/sdk';
import { z } from 'zod';
import type { User } from '../auth/users';
import type { Database } from '../db/database';
import { systemClock, type Clock } from '../domain/clock';
import { engineError } from '../engine/engine-errors';
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
});
export type FirstContactInput = z.infer<typeof firstContactSchema>;

export type FirstContactResult =
  | { kind: 'application'; outcome: ContactOutcome; processInstanceKey: string; intakeId: string }
  | { kind: 'visit'; visitId: string };

/**
 * First contact on one screen: an information-only visit ends here (kept on record). Everything else keeps the
 * person in the case file and starts the case process with the intake's id and the routing facts (outcome, need,
 * art. 7 reason, urgency, district) — never personal data — so the intake task is skipped (the first gateway).
 * A certificate is issued by the process (number, PDF, or a refusal by postanowienie). The intake's time is the
 * app's clock (`now`): the KPA limits run from that day (register-case).
 */
export async function registerFirstContact(
  deps: { db: Database; engine: Camunda8; now?: Clock },
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
  const [intake] = await deps.db.query<{ id: string }>(
    `INSERT INTO intakes (user_task_key, first_name, last_name, pesel, need, created_by, district_id, created_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8) RETURNING id`,
    [
      `first-contact:${randomUUID()}`,
      input.firstName,
      input.lastName,
      input.pesel ?? null,
      input.need,
      user.id,
      input.district ?? null,
      (deps.now ?? systemClock)(),
    ],
  );
  try {
    const created = await deps.engine.getZeebeGrpcApiClient().createProcessInstance({
      bpmnProcessId: CASE_PROCESS_ID,
      variables: {
        intakeId: intake?.id,
        contactOutcome: input.outcome,
        channel: input.channel,
        ...routingVariables(input),
      },
    });
    return {
      kind: 'application',
      outcome: input.outcome,
      processInstanceKey: String(created.processInstanceKey),
      intakeId: String(intake?.id),
    };
  } catch (error) {
    throw engineError(error, 'Nie udało się rozpocząć wniosku');
  }
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
