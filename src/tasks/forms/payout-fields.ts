import type { Queryable } from '../../db/database';
import { checkNrb } from '../../domain/nrb';
import { AppError } from '../../errors/app-error';
import type { FieldSpec } from './task-form';

/** How the money goes out, as the draft decision and the payout correction ask it. */
export const PAYOUT_METHOD_OPTIONS = [
  { value: 'cash', label: 'Gotówka w kasie' },
  { value: 'transfer', label: 'Przelew na rachunek' },
];

export const BANK_ACCOUNT_FIELD: FieldSpec = {
  name: 'bankAccount',
  label: 'Numer rachunku (NRB) — przy przelewie',
  type: 'text',
  inputmode: 'numeric',
};

/** Checks the NRB (400 naming `bankAccount`) and keeps it on the case's client for every later transfer. */
export async function saveClientAccount(
  tx: Queryable,
  caseId: string,
  typed: string | undefined,
): Promise<void> {
  const nrb = checkNrb(typed ?? '');
  if (!nrb.valid) throw new AppError({ code: 'validation', field: 'bankAccount', message: nrb.reason });
  await tx.query(
    'UPDATE clients SET bank_account = $2 WHERE id = (SELECT client_id FROM cases WHERE id = $1)',
    [caseId, nrb.nrb],
  );
}
