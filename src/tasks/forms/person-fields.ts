import { z } from 'zod';
import { checkPesel } from '../../domain/pesel';
import { AID_REASONS, NEED_KINDS } from '../../domain/routing-codes';
import type { FieldSpec } from './task-form';

/** The person and the need, as first contact takes them (one-screen first contact and the intake task alike). */
export const personShape = {
  firstName: z.string().trim().min(1, 'podaj imię').max(100),
  lastName: z.string().trim().min(1, 'podaj nazwisko').max(100),
  pesel: z
    .string()
    .trim()
    .optional()
    .transform((value) => (value === '' ? undefined : value))
    .superRefine((value, ctx) => {
      if (value === undefined) return;
      const check = checkPesel(value);
      if (!check.valid) ctx.addIssue({ code: 'custom', message: check.reason });
    }),
  need: z.string().trim().min(3, 'opisz potrzebę (min. 3 znaki)').max(2000),
  urgent: z.enum(['yes', 'no']).default('no'),
};

export const PERSON_FIELDS: FieldSpec[] = [
  { name: 'firstName', label: 'Imię', type: 'text', required: true },
  { name: 'lastName', label: 'Nazwisko', type: 'text', required: true },
  { name: 'pesel', label: 'PESEL (jeśli osoba go ma)', type: 'text', inputmode: 'numeric' },
];

export const URGENT_FIELD: FieldSpec = {
  name: 'urgent',
  label: 'Sprawa pilna (zagrożenie życia lub zdrowia, bezdomność zimą…)',
  type: 'radio',
  options: [
    { value: 'no', label: 'Nie' },
    { value: 'yes', label: 'Tak' },
  ],
};

/** What the routing table (bpmn/routing.dmn) reads: the kind of need, the art. 7 reason, the district. */
export const routingShape = {
  needKind: z.enum(NEED_KINDS, { message: 'wybierz rodzaj potrzeby' }).default('financial'),
  reason: z
    .enum(AID_REASONS, { message: 'wybierz powód z art. 7' })
    .optional()
    .or(z.literal('').transform(() => undefined)),
  district: z
    .string()
    .trim()
    .max(100)
    .optional()
    .transform((value) => (value ? value : undefined)),
};

/** The process variables of the routing facts (null where unknown: the table has a rule for that). */
export function routingVariables(input: {
  urgent: 'yes' | 'no';
  needKind: string;
  reason?: string;
  district?: string;
}): Record<string, unknown> {
  return {
    urgent: input.urgent === 'yes',
    needKind: input.needKind,
    reason: input.reason ?? null,
    district: input.district ?? null,
  };
}
