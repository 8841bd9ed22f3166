import { createHash } from 'node:crypto';
import type { Database, Queryable } from '../db/database';
import { placeOf } from '../decisions/decision-document';
import { polishDate } from '../documents/polish-format';
import type { CertificateDocument, CertificateRenderer } from '../documents/certificate-pdf';
import { warsawDate } from '../domain/calendar-date';
import { counterSymbol, formatCaseNumber } from '../domain/case-number';
import { certificateRuling, type CertificateCase, type CertificateRuling } from '../domain/certificate';
import type { PersonKey } from '../domain/client-identity';
import { findClient, intakePerson, type IntakePerson } from './client-identity';

export const DEFAULT_CERTIFICATE_NUMBER_PATTERN = 'MOPS.ZAS.{n}.{yyyy}';

export type CertificateResult =
  | { outcome: 'issued'; number: string; documentId: string; newlyIssued: boolean }
  | {
      outcome: 'refused';
      number: string;
      documentId: string;
      code: string;
      reason: string;
      newlyIssued: boolean;
    };

/**
 * The certificate matter of an intake, settled once (`certificates.intake_id` is unique): the rule of
 * domain/certificate.ts decides; an issued certificate or the postanowienie refusing it gets a number from the
 * centre's certificate register (its own counter: the symbol of `centres.certificate_number_pattern`) and a PDF in
 * the case file. The row is inserted first and the counter moves only in the transaction that inserted it, so
 * concurrent deliveries wait on the unique key and then read the one result; a redelivery returns it unchanged
 * (also if the person became a client in between). `undefined` when the intake is not in the case file.
 */
export async function issueCertificate(
  db: Database,
  input: { intakeId: string; jobKey: string; now: Date; render: CertificateRenderer },
): Promise<CertificateResult | undefined> {
  const existing = await findCertificate(db, input.intakeId);
  if (existing) return { ...existing, newlyIssued: false };
  const person = await intakePerson(db, input.intakeId);
  if (!person) return undefined;
  const client = await findClient(db, person.key);
  const cases = client ? await clientCases(db, client.clientId) : [];
  const ruling = certificateRuling({
    identified: person.key !== undefined,
    client: client ? { since: client.since, cases } : null,
  });
  const issuedOn = warsawDate(input.now);
  const created = await db.transaction(async (tx) => {
    const [row] = await tx.query<{ id: string }>(
      `INSERT INTO certificates (intake_id, client_id, outcome, issued_on, refusal_code, refusal_reason, job_key)
       VALUES ($1, $2, $3, $4, $5, $6, $7) ON CONFLICT (intake_id) DO NOTHING RETURNING id`,
      [
        input.intakeId,
        client?.clientId ?? null,
        ruling.outcome === 'issue' ? 'issued' : 'refused',
        issuedOn,
        ruling.outcome === 'refuse' ? ruling.code : null,
        ruling.outcome === 'refuse' ? ruling.reason : null,
        input.jobKey,
      ],
    );
    if (!row) return false; // a concurrent delivery settled it
    const [centre] = await tx.query<{
      certificate_number_pattern: string;
      organ_name: string;
      address: string;
    }>('SELECT certificate_number_pattern, organ_name, address FROM centres ORDER BY id LIMIT 1');
    const pattern = centre?.certificate_number_pattern ?? DEFAULT_CERTIFICATE_NUMBER_PATTERN;
    const year = Number(issuedOn.slice(0, 4));
    const [counter] = await tx.query<{ last_value: number }>(
      `INSERT INTO case_number_counters (symbol, year, last_value) VALUES ($1, $2, 1)
       ON CONFLICT (symbol, year) DO UPDATE SET last_value = case_number_counters.last_value + 1
       RETURNING last_value`,
      [counterSymbol(pattern), year],
    );
    const number = formatCaseNumber(pattern, Number(counter?.last_value), year);
    const address = centre?.address ?? '';
    const pdf = await input.render({
      organ: centre?.organ_name ?? 'Ośrodek Pomocy Społecznej',
      centreAddress: address,
      place: placeOf(address),
      date: issuedOn,
      number,
      ...certificateWording(ruling, person),
    });
    const kind = ruling.outcome === 'issue' ? 'certificate' : 'certificate-refusal';
    const [doc] = await tx.query<{ id: string }>(
      `INSERT INTO documents (case_id, kind, file_name, media_type, content, sha256)
       VALUES ($1, $2, $3, 'application/pdf', $4, $5) RETURNING id`,
      [
        client ? await latestCaseId(tx, client.clientId) : null,
        kind,
        `${ruling.outcome === 'issue' ? 'zaswiadczenie' : 'postanowienie-odmowa-zaswiadczenia'}-${number.replace(/[^\p{L}\p{N}]+/gu, '-')}.pdf`,
        pdf,
        createHash('sha256').update(pdf).digest('hex'),
      ],
    );
    await tx.query('UPDATE certificates SET number = $2, document_id = $3 WHERE id = $1', [
      row.id,
      number,
      doc?.id,
    ]);
    return true;
  });
  const settled = await findCertificate(db, input.intakeId);
  if (!settled) throw new Error(`Zaświadczenie dla przyjęcia ${input.intakeId} nie zostało zapisane`);
  return { ...settled, newlyIssued: created };
}

type StoredCertificate =
  | { outcome: 'issued'; number: string; documentId: string }
  | { outcome: 'refused'; number: string; documentId: string; code: string; reason: string };

async function findCertificate(db: Queryable, intakeId: string): Promise<StoredCertificate | undefined> {
  const [row] = await db.query<{
    outcome: 'issued' | 'refused';
    number: string;
    document_id: string;
    refusal_code: string | null;
    refusal_reason: string | null;
  }>(
    'SELECT outcome, number, document_id, refusal_code, refusal_reason FROM certificates WHERE intake_id = $1',
    [intakeId],
  );
  if (!row) return undefined;
  return row.outcome === 'issued'
    ? { outcome: 'issued', number: row.number, documentId: row.document_id }
    : {
        outcome: 'refused',
        number: row.number,
        documentId: row.document_id,
        code: String(row.refusal_code),
        reason: String(row.refusal_reason),
      };
}

async function clientCases(db: Queryable, clientId: string): Promise<CertificateCase[]> {
  const rows = await db.query<{
    case_number: string;
    opened_on: string;
    status: string;
    closed_on: string | null;
  }>(
    `SELECT case_number, (created_at AT TIME ZONE 'Europe/Warsaw')::date::text AS opened_on, status,
            (closed_at AT TIME ZONE 'Europe/Warsaw')::date::text AS closed_on
       FROM cases WHERE client_id = $1 ORDER BY created_at`,
    [clientId],
  );
  return rows.map((r) => ({
    caseNumber: r.case_number,
    openedOn: r.opened_on,
    status: r.status,
    closedOn: r.closed_on,
  }));
}

async function latestCaseId(db: Queryable, clientId: string): Promise<string | null> {
  const [row] = await db.query<{ id: string }>(
    'SELECT id FROM cases WHERE client_id = $1 ORDER BY created_at DESC LIMIT 1',
    [clientId],
  );
  return row?.id ?? null;
}

function identification(key: PersonKey | undefined): string {
  if (!key) return '';
  return key.by === 'pesel' ? `, PESEL ${key.value}` : `, nr dokumentu tożsamości ${key.value}`;
}

/** The body of the certificate or of the postanowienie refusing it (art. 217–219, 124 and 141 KPA). */
export function certificateWording(
  ruling: CertificateRuling,
  person: Pick<IntakePerson, 'firstName' | 'lastName' | 'need' | 'key'>,
): Pick<CertificateDocument, 'title' | 'paragraphs'> {
  const who = `${person.firstName} ${person.lastName}${identification(person.key)}`;
  if (ruling.outcome === 'issue') {
    const cases = ruling.cases.map(
      (c) =>
        `${c.caseNumber} (od ${polishDate(c.openedOn)}, ${c.status === 'open' ? 'prowadzona' : `zakończona${c.closedOn ? ` ${polishDate(c.closedOn)}` : ''}`})`,
    );
    return {
      title: 'ZAŚWIADCZENIE',
      paragraphs: [
        {
          text:
            `Na podstawie art. 217 § 1 i § 2 pkt 2 oraz art. 218 § 1 Kodeksu postępowania administracyjnego, na ` +
            `wniosek osoby zainteresowanej, zaświadcza się, że ${who}, figuruje w ewidencji klientów ośrodka ` +
            `od ${polishDate(ruling.clientSince)}.`,
        },
        ...(cases.length > 0
          ? [{ text: `Ośrodek prowadzi lub prowadził dla tej osoby sprawy: ${cases.join('; ')}.` }]
          : []),
        { text: `Zaświadczenie wydaje się w związku z wnioskiem: ${person.need}.` },
      ],
    };
  }
  return {
    title: 'POSTANOWIENIE',
    paragraphs: [
      {
        text:
          `Na podstawie art. 219 w związku z art. 218 § 1 Kodeksu postępowania administracyjnego, po rozpatrzeniu ` +
          `wniosku ${who} o wydanie zaświadczenia (${person.need}), postanawiam odmówić wydania zaświadczenia.`,
      },
      { heading: 'UZASADNIENIE', text: ruling.reason },
      {
        heading: 'POUCZENIE',
        text:
          'Na niniejsze postanowienie służy zażalenie do Samorządowego Kolegium Odwoławczego za pośrednictwem ' +
          'organu, który je wydał, w terminie 7 dni od dnia doręczenia postanowienia (art. 141 KPA).',
      },
    ],
  };
}
