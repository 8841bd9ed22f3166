import { randomUUID } from 'node:crypto';
import type { Camunda8 } from '@camunda8/sdk';
import { z } from 'zod';
import type { User } from '../auth/users';
import type { Database } from '../db/database';
import { engineError } from '../engine/engine-errors';
import { personShape } from '../tasks/forms/person-fields';

export const APPLICATION_PROCESS_ID = 'mops-application';

export const firstContactSchema = z.object({
  outcome: z.enum(['application', 'information', 'certificate'], { message: 'wybierz wynik rozmowy' }),
  ...personShape,
  channel: z.enum(['in-person', 'phone', 'mail', 'epuap']).default('in-person'),
});
export type FirstContactInput = z.infer<typeof firstContactSchema>;

export type FirstContactResult =
  { kind: 'application'; processInstanceKey: string; intakeId: string } | { kind: 'visit'; visitId: string };

/**
 * First contact on one screen: an information-only visit or a certificate ends here (kept on record); an
 * application keeps the person in the case file and starts the process with only `intakeId` and `urgent`, so the
 * intake task is skipped (the diagram's first gateway).
 */
export async function registerFirstContact(
  deps: { db: Database; engine: Camunda8 },
  user: User,
  raw: unknown,
): Promise<FirstContactResult> {
  const input = firstContactSchema.parse(raw);
  if (input.outcome !== 'application') {
    const [visit] = await deps.db.query<{ id: string }>(
      `INSERT INTO first_contact_visits (outcome, first_name, last_name, pesel, subject, created_by) VALUES ($1, $2, $3, $4, $5, $6) RETURNING id`,
      [input.outcome, input.firstName, input.lastName, input.pesel ?? null, input.need, user.id],
    );
    return { kind: 'visit', visitId: String(visit?.id) };
  }
  const [intake] = await deps.db.query<{ id: string }>(
    `INSERT INTO intakes (user_task_key, first_name, last_name, pesel, need, created_by) VALUES ($1, $2, $3, $4, $5, $6) RETURNING id`,
    [
      `first-contact:${randomUUID()}`,
      input.firstName,
      input.lastName,
      input.pesel ?? null,
      input.need,
      user.id,
    ],
  );
  try {
    const created = await deps.engine.getZeebeGrpcApiClient().createProcessInstance({
      bpmnProcessId: APPLICATION_PROCESS_ID,
      variables: { intakeId: intake?.id, urgent: input.urgent === 'yes', channel: input.channel },
    });
    return {
      kind: 'application',
      processInstanceKey: String(created.processInstanceKey),
      intakeId: String(intake?.id),
    };
  } catch (error) {
    throw engineError(error, 'Nie udało się rozpocząć wniosku');
  }
}
