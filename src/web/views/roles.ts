import { isRoleId } from '../../auth/roles';
import type { I18n } from '../../i18n';

/** A role (candidate group) as people read it; an id outside the role list is shown as it is. */
export function roleName(i18n: I18n, role: string): string {
  return isRoleId(role) ? i18n.t(`role.${role}`) : role;
}
