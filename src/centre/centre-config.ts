import { z } from 'zod';
import type { User } from '../auth/users';
import type { Database, Queryable } from '../db/database';
import { AppError } from '../errors/app-error';

/**
 * The centre as data, edited by its administrators without code: the organ and its letterhead, the number
 * patterns of cases, decisions and certificates, the appeal body, the sites (offices) and the districts with their
 * streets. Every change is audit-logged with what was there before.
 */
const text = (max: number, message: string) => z.string().trim().min(1, message).max(max);
const numberPattern = (field: string) =>
  z
    .string()
    .trim()
    .max(80)
    .refine((p) => p.includes('{n}') && p.includes('{yyyy}'), {
      message: `${field}: wzór musi zawierać {n} (kolejny numer) i {yyyy} (rok)`,
    });
const slug = z
  .string()
  .trim()
  .regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'identyfikator: małe litery, cyfry i myślniki (np. filia-polnoc)')
  .max(60);

export const centreSchema = z.object({
  name: text(200, 'podaj nazwę ośrodka'),
  shortName: text(60, 'podaj nazwę skróconą'),
  address: z
    .string()
    .trim()
    .regex(
      /\d{2}-\d{3}\s+\S/,
      'adres z kodem pocztowym i miejscowością, np. ul. Słoneczna 1, 00-001 Przykładowo',
    )
    .max(200),
  organName: text(200, 'podaj organ (np. Dyrektor Miejskiego Ośrodka Pomocy Społecznej w …)'),
  organNameGenitive: z
    .string()
    .trim()
    .max(200)
    .optional()
    .transform((v) => (v ? v : null)),
  caseNumberPattern: numberPattern('znak sprawy'),
  decisionNumberPattern: numberPattern('numer decyzji'),
  certificateNumberPattern: numberPattern('numer zaświadczenia'),
  appealBodyName: text(200, 'podaj organ odwoławczy (SKO)'),
  appealBodyAddress: text(200, 'podaj adres SKO'),
});
export type CentreInput = z.infer<typeof centreSchema>;

export const siteSchema = z.object({
  id: slug,
  name: text(120, 'podaj nazwę siedziby'),
  address: text(200, 'podaj adres siedziby'),
  room: z
    .string()
    .trim()
    .max(60)
    .optional()
    .transform((v) => (v ? v : null)),
  openingHours: z.string().trim().max(300).default(''),
});
export type SiteInput = z.infer<typeof siteSchema>;

export const districtSchema = z.object({
  id: slug,
  name: text(120, 'podaj nazwę rejonu'),
  siteId: slug,
  /** One street per line (or comma-separated), as first contact types it. */
  streets: z
    .union([z.string(), z.array(z.string())])
    .default('')
    .transform((value) =>
      [
        ...new Set(
          (Array.isArray(value) ? value : value.split(/[\n,;]/)).map((s) => s.trim()).filter(Boolean),
        ),
      ].sort((a, b) => a.localeCompare(b, 'pl')),
    )
    .refine((streets) => streets.every((s) => s.length <= 120), 'nazwa ulicy: najwyżej 120 znaków'),
});
export type DistrictInput = z.infer<typeof districtSchema>;

export interface CentreConfig {
  centre: CentreInput & { id: string };
  sites: (SiteInput & { teams: string[] })[];
  districts: DistrictInput[];
}

export interface OpeningHours {
  days: string;
  hours: string;
}

/**
 * "pn-pt: 7:30–15:30; sob: 8:00–12:00" ⇄ [{days: "pn-pt", hours: "7:30–15:30"}, …], stored as a JSON array so the
 * order the centre wrote stays (a JSON object's keys would be reordered by the database).
 */
export function parseOpeningHours(value: string): OpeningHours[] {
  return value
    .split(/[;\n]/)
    .map((part) => part.trim())
    .filter(Boolean)
    .map((part) => {
      const match = /^([^:]+):\s*(.+)$/.exec(part);
      if (!match)
        throw new AppError({
          code: 'validation',
          field: 'openingHours',
          message: 'godziny: „dni: godziny”, rozdzielone średnikiem, np. pn-pt: 7:30–15:30',
        });
      return { days: match[1]!.trim(), hours: match[2]!.trim() };
    });
}

/** Back to the text the form shows; also reads the older stored form, an object of days → hours. */
export function formatOpeningHours(stored: OpeningHours[] | Record<string, string> | null): string {
  const entries = Array.isArray(stored) ? stored.map((h) => [h.days, h.hours]) : Object.entries(stored ?? {});
  return entries.map(([days, hours]) => `${days}: ${hours}`).join('; ');
}

async function centreId(db: Queryable): Promise<string> {
  const [row] = await db.query<{ id: string }>('SELECT id FROM centres ORDER BY id LIMIT 1');
  if (!row) throw new AppError({ code: 'not-found', message: 'Brak ośrodka w konfiguracji.' });
  return row.id;
}

export async function readCentreConfig(db: Queryable): Promise<CentreConfig> {
  const [c] = await db.query<{
    id: string;
    name: string;
    short_name: string;
    address: string;
    organ_name: string;
    organ_name_genitive: string | null;
    case_number_pattern: string;
    decision_number_pattern: string;
    certificate_number_pattern: string;
    appeal_body_name: string;
    appeal_body_address: string;
  }>(
    `SELECT id, name, short_name, address, organ_name, organ_name_genitive, case_number_pattern,
            decision_number_pattern, certificate_number_pattern, appeal_body_name, appeal_body_address
       FROM centres ORDER BY id LIMIT 1`,
  );
  if (!c) throw new AppError({ code: 'not-found', message: 'Brak ośrodka w konfiguracji.' });
  const sites = await db.query<{
    id: string;
    name: string;
    address: string;
    room: string | null;
    opening_hours: OpeningHours[] | Record<string, string> | null;
    teams: string[];
  }>(
    `SELECT s.id, s.name, s.address, s.room, s.opening_hours,
            COALESCE(array_agg(t.name ORDER BY t.name) FILTER (WHERE t.id IS NOT NULL), '{}') AS teams
       FROM sites s LEFT JOIN teams t ON t.site_id = s.id
      WHERE s.centre_id = $1 GROUP BY s.id ORDER BY s.name`,
    [c.id],
  );
  const districts = await db.query<{ id: string; name: string; site_id: string; streets: string[] }>(
    `SELECT d.id, d.name, d.site_id,
            COALESCE(array_agg(s.street ORDER BY s.street) FILTER (WHERE s.street IS NOT NULL), '{}') AS streets
       FROM districts d LEFT JOIN district_streets s ON s.district_id = d.id
      WHERE d.centre_id = $1 GROUP BY d.id ORDER BY d.name`,
    [c.id],
  );
  return {
    centre: {
      id: c.id,
      name: c.name,
      shortName: c.short_name,
      address: c.address,
      organName: c.organ_name,
      organNameGenitive: c.organ_name_genitive,
      caseNumberPattern: c.case_number_pattern,
      decisionNumberPattern: c.decision_number_pattern,
      certificateNumberPattern: c.certificate_number_pattern,
      appealBodyName: c.appeal_body_name,
      appealBodyAddress: c.appeal_body_address,
    },
    sites: sites.map((s) => ({
      id: s.id,
      name: s.name,
      address: s.address,
      room: s.room,
      openingHours: formatOpeningHours(s.opening_hours),
      teams: s.teams,
    })),
    districts: districts.map((d) => ({ id: d.id, name: d.name, siteId: d.site_id, streets: d.streets })),
  };
}

async function audit(tx: Queryable, user: User, entity: string, entityId: string, details: unknown) {
  await tx.query(
    `INSERT INTO audit_log (user_id, action, entity, entity_id, details) VALUES ($1, 'centre-config-changed', $2, $3, $4)`,
    [user.id, entity, entityId, JSON.stringify(details)],
  );
}

export async function updateCentre(db: Database, user: User, raw: unknown): Promise<void> {
  const input = centreSchema.parse(raw);
  await db.transaction(async (tx) => {
    const before = (await readCentreConfig(tx)).centre;
    await tx.query(
      `UPDATE centres SET name = $2, short_name = $3, address = $4, organ_name = $5, organ_name_genitive = $6,
              case_number_pattern = $7, decision_number_pattern = $8, certificate_number_pattern = $9,
              appeal_body_name = $10, appeal_body_address = $11
        WHERE id = $1`,
      [
        before.id,
        input.name,
        input.shortName,
        input.address,
        input.organName,
        input.organNameGenitive,
        input.caseNumberPattern,
        input.decisionNumberPattern,
        input.certificateNumberPattern,
        input.appealBodyName,
        input.appealBodyAddress,
      ],
    );
    await audit(tx, user, 'centre', before.id, { before, after: input });
  });
}

export async function saveSite(db: Database, user: User, raw: unknown): Promise<void> {
  const input = siteSchema.parse(raw);
  const hours = parseOpeningHours(input.openingHours);
  await db.transaction(async (tx) => {
    const centre = await centreId(tx);
    await tx.query(
      `INSERT INTO sites (id, centre_id, name, address, room, opening_hours) VALUES ($1, $2, $3, $4, $5, $6)
       ON CONFLICT (id) DO UPDATE SET name = EXCLUDED.name, address = EXCLUDED.address, room = EXCLUDED.room,
         opening_hours = EXCLUDED.opening_hours`,
      [input.id, centre, input.name, input.address, input.room, JSON.stringify(hours)],
    );
    await audit(tx, user, 'site', input.id, input);
  });
}

export async function saveDistrict(db: Database, user: User, raw: unknown): Promise<void> {
  const input = districtSchema.parse(raw);
  await db.transaction(async (tx) => {
    const centre = await centreId(tx);
    const [site] = await tx.query('SELECT 1 FROM sites WHERE id = $1', [input.siteId]);
    if (!site) throw new AppError({ code: 'validation', field: 'siteId', message: 'nieznana siedziba' });
    const [taken] = await tx.query<{ district_id: string; street: string }>(
      `SELECT district_id, street FROM district_streets WHERE street = ANY($1::text[]) AND district_id <> $2 LIMIT 1`,
      [input.streets, input.id],
    );
    if (taken)
      throw new AppError({
        code: 'validation',
        field: 'streets',
        message: `ulica ${taken.street} należy już do rejonu ${taken.district_id}`,
      });
    await tx.query(
      `INSERT INTO districts (id, centre_id, name, site_id) VALUES ($1, $2, $3, $4)
       ON CONFLICT (id) DO UPDATE SET name = EXCLUDED.name, site_id = EXCLUDED.site_id`,
      [input.id, centre, input.name, input.siteId],
    );
    await tx.query('DELETE FROM district_streets WHERE district_id = $1', [input.id]);
    if (input.streets.length > 0)
      await tx.query('INSERT INTO district_streets (district_id, street) SELECT $1, unnest($2::text[])', [
        input.id,
        input.streets,
      ]);
    await audit(tx, user, 'district', input.id, input);
  });
}
