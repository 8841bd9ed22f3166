/**
 * How first contact recognises a person already in the register: by PESEL, and only when there is no PESEL (a
 * foreigner, a person who does not remember it) by the number of the identity document (dowód osobisty,
 * paszport, karta pobytu). Names are never used: two people may share them. Document numbers are compared
 * normalised (upper case, no spaces or dashes), the form they are stored in.
 */
export type PersonKey = { by: 'pesel'; value: string } | { by: 'document'; value: string };

export function normaliseDocumentNumber(documentNumber: string): string {
  return documentNumber.replace(/[\s-]/g, '').toUpperCase();
}

export function personKey(person: {
  pesel?: string | null;
  documentNumber?: string | null;
}): PersonKey | undefined {
  const pesel = person.pesel?.trim();
  if (pesel) return { by: 'pesel', value: pesel };
  const document = person.documentNumber ? normaliseDocumentNumber(person.documentNumber) : '';
  return document ? { by: 'document', value: document } : undefined;
}
