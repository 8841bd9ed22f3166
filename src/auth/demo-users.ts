import { randomBytes } from 'node:crypto';
import type { Database } from '../db/database';
import type { Logger } from '../logger';
import { ROLE_IDS, ROLES, type RoleId } from './roles';
import { createUserIfMissing } from './users';

/**
 * Demo accounts, one per role, for the embedded defaults only (never in production). Each password is random
 * and printed once, when the account is created.
 */
export async function ensureDemoUsers(
  db: Database,
  log: Logger,
  print: (line: string) => void,
): Promise<void> {
  const created: string[] = [];
  for (const role of ROLE_IDS) {
    const password = randomBytes(9).toString('base64url');
    const login = `demo-${role}`;
    const isNew = await createUserIfMissing(db, {
      login,
      displayName: demoName(role),
      position: role === 'managers' ? 'Kierownik Działu Świadczeń' : 'Specjalista pracy socjalnej',
      site: 'Siedziba główna',
      roles: role === 'managers' ? ['managers', 'benefits'] : [role],
      password,
    });
    if (isNew) created.push(`  ${login.padEnd(26)} ${password}   (${ROLES[role]})`);
  }
  if (created.length > 0) {
    log.info('Utworzono konta demonstracyjne', { count: created.length });
    print(['Konta demonstracyjne (hasła pokazane tylko ten jeden raz):', ...created].join('\n'));
  }
}

function demoName(role: RoleId): string {
  return `Demo — ${ROLES[role]}`;
}
