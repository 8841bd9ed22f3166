import { createHash } from 'node:crypto';
import type { User } from '../auth/users';
import type { Database } from '../db/database';
import { AppError } from '../errors/app-error';
import { assertMayReadCase, caseAccess, type AccessPolicy } from './case-access';

/** Scans people attach to a case: PDF, JPEG or PNG, at most 10 MB; the type is checked by the file's own bytes. */
export const MAX_ATTACHMENT_BYTES = 10 * 1024 * 1024;
const SIGNATURES: { mediaType: string; magic: number[] }[] = [
  { mediaType: 'application/pdf', magic: [0x25, 0x50, 0x44, 0x46] },
  { mediaType: 'image/jpeg', magic: [0xff, 0xd8, 0xff] },
  { mediaType: 'image/png', magic: [0x89, 0x50, 0x4e, 0x47] },
];

export function detectMediaType(content: Buffer): string | undefined {
  return SIGNATURES.find((s) => s.magic.every((byte, i) => content[i] === byte))?.mediaType;
}

export async function addAttachment(
  db: Database,
  user: User,
  policy: AccessPolicy,
  input: { caseId: string; fileName: string; content: Buffer },
): Promise<string> {
  await assertMayReadCase(db, user, input.caseId, policy);
  if (input.content.length === 0)
    throw new AppError({ code: 'validation', field: 'file', message: 'Plik jest pusty.' });
  if (input.content.length > MAX_ATTACHMENT_BYTES) {
    throw new AppError({ code: 'validation', field: 'file', message: 'Plik jest większy niż 10 MB.' });
  }
  const mediaType = detectMediaType(input.content);
  if (!mediaType)
    throw new AppError({
      code: 'validation',
      field: 'file',
      message: 'Dozwolone są tylko skany PDF, JPEG i PNG.',
    });
  const fileName = input.fileName.replace(/[^\p{L}\p{N} ._-]/gu, '_').slice(0, 120) || 'skan';
  const [row] = await db.query<{ id: string }>(
    `INSERT INTO documents (case_id, kind, file_name, media_type, content, sha256, created_by)
     VALUES ($1, 'attachment', $2, $3, $4, $5, $6) RETURNING id`,
    [
      input.caseId,
      fileName,
      mediaType,
      input.content,
      createHash('sha256').update(input.content).digest('hex'),
      user.id,
    ],
  );
  await db.query(
    `INSERT INTO audit_log (user_id, action, entity, entity_id, details) VALUES ($1, 'attachment-added', 'case', $2, $3)`,
    [user.id, input.caseId, JSON.stringify({ documentId: row?.id, fileName })],
  );
  return String(row?.id);
}

/** A document of a case file, for a person allowed to read that case; the read is audit-logged. */
export async function readDocument(db: Database, user: User, documentId: string, policy: AccessPolicy) {
  const [doc] = await db.query<{
    case_id: string | null;
    file_name: string;
    media_type: string;
    content: Buffer | Uint8Array;
  }>('SELECT case_id, file_name, media_type, content FROM documents WHERE id = $1', [documentId]);
  if (!doc) throw new AppError({ code: 'not-found', message: 'Nie ma takiego dokumentu.' });
  if (doc.case_id) {
    // a document of a case one may not read answers like an unknown one
    const answer = await caseAccess(db, user, doc.case_id, policy);
    if (!answer.allowed) throw new AppError({ code: 'not-found', message: 'Nie ma takiego dokumentu.' });
  } else if (
    !user.roles.some((role) => ['cashiers', 'services-admin', 'managers', 'benefits'].includes(role))
  ) {
    throw new AppError({
      code: 'forbidden',
      message: 'Listy wypłat i pliki przelewów są dostępne dla kasy, realizacji świadczeń i kierowników.',
    });
  }
  await db.query(
    `INSERT INTO audit_log (user_id, action, entity, entity_id, details) VALUES ($1, 'document-read', 'document', $2, $3)`,
    [user.id, documentId, JSON.stringify({ caseId: doc.case_id })],
  );
  return { fileName: doc.file_name, mediaType: doc.media_type, content: Buffer.from(doc.content) };
}
