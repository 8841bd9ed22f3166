import { z } from 'zod';

/**
 * An engine id in a path (task, incident): Camunda 7 / Operaton ids are UUIDs (or numbers), opaque strings never
 * parsed; the pattern only keeps anything else out of the URL and the queries.
 */
export const ENGINE_ID_PATTERN = '^[A-Za-z0-9][A-Za-z0-9:._-]{0,63}$';

export const engineIdSchema = (message: string) => z.string().regex(new RegExp(ENGINE_ID_PATTERN), message);
