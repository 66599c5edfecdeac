import { Injectable, type PipeTransform } from '@nestjs/common';
import { pm3Id } from '../../../../libs/dialects/ids.js';
import { IdentityApi } from '../../../identity/index.js';

/** `{workspace}` → tenant id; an unknown workspace is ProcessMaker's 400. */
@Injectable()
export class DepartmentWorkspacePipe implements PipeTransform<string, Promise<string>> {
  constructor(private readonly identity: IdentityApi) {}

  transform(value: string): Promise<string> {
    return this.identity.tenantIdOfWorkspace(value);
  }
}

/** A 32-character ProcessMaker uid in the path → internal id; malformed is a 400 naming the parameter. */
export class DepartmentUidPipe implements PipeTransform<string, string> {
  constructor(private readonly field: 'dep_uid' | 'usr_uid') {}

  transform(value: string): string {
    return pm3Id.decode(value, this.field);
  }
}

/** A uid field of a body where "" means none. */
export function optionalUid(raw: string | undefined, field: string): string | null | undefined {
  if (raw === undefined) return undefined;
  return raw === '' ? null : pm3Id.decode(raw, field);
}
