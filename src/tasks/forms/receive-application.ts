import { z } from 'zod';
import { AID_REASONS, NEED_KINDS } from '../../domain/routing-codes';
import { pl } from '../../i18n/pl';
import { PERSON_FIELDS, personShape, routingShape, routingVariables, URGENT_FIELD } from './person-fields';
import type { TaskForm } from './task-form';

const schema = z.object({ ...personShape, needKind: routingShape.needKind, reason: routingShape.reason });

/**
 * Przyjęcie wniosku (first contact): the person and the need go to the case file; the engine gets intakeId and the
 * routing facts (urgency, kind of need, art. 7 reason) the routing table reads.
 */
export const receiveApplicationForm: TaskForm = {
  title: 'Przyjęcie wniosku',
  fields: [
    ...PERSON_FIELDS,
    { name: 'need', label: 'Z czym osoba przychodzi (potrzeba)', type: 'text', required: true },
    URGENT_FIELD,
    {
      name: 'needKind',
      label: 'Rodzaj potrzeby (kieruje sprawę do zespołu)',
      type: 'select',
      required: true,
      options: NEED_KINDS.map((value) => ({ value, label: pl[`routing.need.${value}`] })),
    },
    {
      name: 'reason',
      label: 'Powód udzielenia pomocy (art. 7 ustawy o pomocy społecznej)',
      type: 'select',
      options: [
        { value: '', label: pl['routing.reason.none'] },
        ...AID_REASONS.map((value) => ({ value, label: pl[`routing.reason.${value}`] })),
      ],
    },
  ],
  schema,
  async submit(tx, input, ctx) {
    const data = schema.parse(input);
    const [row] = await tx.query<{ id: string }>(
      `INSERT INTO intakes (user_task_key, first_name, last_name, pesel, need, created_by, created_at, need_kind, aid_reason)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)
       ON CONFLICT (user_task_key) DO UPDATE SET first_name = EXCLUDED.first_name, last_name = EXCLUDED.last_name,
         pesel = EXCLUDED.pesel, need = EXCLUDED.need, need_kind = EXCLUDED.need_kind, aid_reason = EXCLUDED.aid_reason
       RETURNING id`,
      [
        ctx.userTaskKey,
        data.firstName,
        data.lastName,
        data.pesel ?? null,
        data.need,
        ctx.userId,
        ctx.now,
        data.needKind,
        data.reason ?? null,
      ],
    );
    return { intakeId: row?.id, contactOutcome: 'application', ...routingVariables(data) };
  },
};
