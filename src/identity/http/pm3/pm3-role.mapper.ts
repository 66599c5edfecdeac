import { pm3DateTime } from '../../../../libs/dialects/dates.js';
import { pm3Id } from '../../../../libs/dialects/ids.js';
import type { PermissionView, RoleView } from '../../application/roles/role.view.js';

/** ProcessMaker shows the uid of its "PROCESSMAKER" system on every role. */
const PM_SYSTEM_UID = '00000000000000000000000000000002';

export interface Pm3Role {
  rol_uid: string;
  rol_code: string;
  rol_name: string;
  rol_status: 'ACTIVE' | 'INACTIVE';
  rol_system: string;
  rol_create_date: string;
  rol_update_date: string;
  rol_total_users: number;
}

export interface Pm3Permission {
  per_uid: string;
  per_code: string;
  per_name: string;
}

export function toPm3Role(r: RoleView): Pm3Role {
  return {
    rol_uid: pm3Id.encode(r.id),
    rol_code: r.code,
    rol_name: r.name,
    rol_status: r.status,
    rol_system: PM_SYSTEM_UID,
    rol_create_date: pm3DateTime(new Date(r.createdAt)),
    rol_update_date: r.updatedAt ? pm3DateTime(new Date(r.updatedAt)) : '',
    rol_total_users: r.totalUsers,
  };
}

export function toPm3Permission(p: PermissionView): Pm3Permission {
  return { per_uid: pm3Id.encode(p.id), per_code: p.code, per_name: p.name };
}
