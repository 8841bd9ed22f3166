import type { Queryable } from '../db/database';

/** The centre as it heads its letters, and the appeal body it forwards appeals to. */
export interface Letterhead {
  organ: string;
  centreAddress: string;
  place: string;
  appealBody: { name: string; address: string };
}

export async function letterhead(db: Queryable): Promise<Letterhead> {
  const [centre] = await db.query<{
    organ_name: string;
    address: string;
    appeal_body_name: string;
    appeal_body_address: string;
  }>('SELECT organ_name, address, appeal_body_name, appeal_body_address FROM centres ORDER BY id LIMIT 1');
  const address = centre?.address ?? '';
  return {
    organ: centre?.organ_name ?? 'Ośrodek Pomocy Społecznej',
    centreAddress: address,
    place: placeOf(address),
    appealBody: {
      name: centre?.appeal_body_name ?? 'Samorządowe Kolegium Odwoławcze',
      address: centre?.appeal_body_address ?? '',
    },
  };
}

/** The party of a case (the client) with a one-line postal address, "—" when the file has none. */
export async function caseParty(db: Queryable, caseId: string): Promise<{ name: string; address: string }> {
  const [row] = await db.query<{
    first_name: string;
    last_name: string;
    street: string | null;
    building: string | null;
    postal_code: string | null;
    city: string | null;
  }>(
    `SELECT cl.first_name, cl.last_name, cl.street, cl.building, cl.postal_code, cl.city
       FROM cases c JOIN clients cl ON cl.id = c.client_id WHERE c.id = $1`,
    [caseId],
  );
  if (!row) return { name: '—', address: '—' };
  const address = [
    [row.street, row.building].filter(Boolean).join(' '),
    [row.postal_code, row.city].filter(Boolean).join(' '),
  ]
    .filter(Boolean)
    .join(', ');
  return { name: `${row.first_name} ${row.last_name}`, address: address || '—' };
}

/** What a person wrote in a form field of the latest submission of a task in this case (kept in the case file). */
export async function latestSubmittedText(
  db: Queryable,
  caseId: string,
  elementId: string,
  field: string,
): Promise<string | undefined> {
  const [row] = await db.query<{ value: string | null }>(
    `SELECT data ->> $3 AS value FROM task_submissions WHERE case_id = $1 AND element_id = $2
      ORDER BY submitted_at DESC LIMIT 1`,
    [caseId, elementId, field],
  );
  return row?.value?.trim() || undefined;
}

/** "ul. Słoneczna 1, 00-001 Przykładowo" → "Przykładowo" (the place printed beside the date). */
export function placeOf(address: string): string {
  const match = /\d{2}-\d{3}\s+(.+)$/.exec(address);
  return match?.[1]?.trim() ?? address;
}
