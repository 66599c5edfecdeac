import { type CallHandler, type ExecutionContext, Injectable, type NestInterceptor } from '@nestjs/common';
import type { Request } from 'express';
import { catchError, type Observable, throwError } from 'rxjs';
import { parseNumericId, tryParseNumericId } from '../../../../libs/dialects/ids.js';
import { DomainError } from '../../../../libs/kernel/domain-error.js';
import type { GroupMember } from '../../domain/group-rules.js';
import { PM4_GROUP_MODEL, PM4_USER_MODEL } from './pm4-groups.dto.js';

const MODELS = { group: PM4_GROUP_MODEL, user: PM4_USER_MODEL, membership: 'ProcessMaker\\Models\\GroupMember' } as const;

/** Laravel's findOrFail message. */
export function modelNotFound(model: keyof typeof MODELS, id: unknown): DomainError {
  return DomainError.notFound('REQUEST.NOT_FOUND', `No query results for model [${MODELS[model]}] ${String(id)}`, { value: id });
}

/** An id in the path or a lookup parameter: a malformed one names nothing, so it is ProcessMaker's 404. */
export function pm4RouteId(raw: string, model: keyof typeof MODELS): string {
  const id = tryParseNumericId(raw);
  if (id === undefined) throw modelNotFound(model, raw);
  return id;
}

/** An id inside a body or filter: malformed is a 422 on that field. */
export function pm4BodyId(raw: unknown, field: string): string {
  try {
    return parseNumericId(raw, field);
  } catch {
    throw DomainError.validation('REQUEST.MALFORMED_ID', `The ${field.replace(/_/g, ' ')} must be an integer.`, { field, value: raw });
  }
}

export function memberOf(type: string, id: string): GroupMember {
  return { type: type === 'group' || type === PM4_GROUP_MODEL ? 'group' : 'user', id };
}

/** Domain field names → the request fields a ProcessMaker 4 client sent. */
const FIELDS: Record<string, string> = {
  title: 'name',
  description: 'description',
  managerId: 'manager_id',
  status: 'status',
  groupId: 'group_id',
  userId: 'member_id',
  memberGroupId: 'member_id',
  parentId: 'member_id',
};

const field = (e: DomainError): string => FIELDS[e.details.field ?? ''] ?? e.details.field ?? 'request';

/**
 * The ProcessMaker 4 (Laravel) face of the group rules: 404s name the model as findOrFail does; an
 * unknown id that a POST body names is a 422 on that field, as Laravel's `exists` rule answers;
 * rule failures name the request field.
 */
function toPm4(e: DomainError, method: string): DomainError {
  const value = e.details.value;
  switch (e.code) {
    case 'ORG.GROUP_NOT_FOUND':
    case 'ORG.USER_NOT_FOUND':
      if (method === 'POST') {
        const f = field(e);
        return DomainError.validation(e.code, `The selected ${f.replace(/_/g, ' ')} is invalid.`, { field: f, value });
      }
      return modelNotFound(e.code === 'ORG.USER_NOT_FOUND' ? 'user' : 'group', value);
    case 'ORG.MEMBERSHIP_NOT_FOUND':
      return modelNotFound('membership', value);
    case 'ORG.GROUP_TITLE_TAKEN':
      return new DomainError(e.kind, e.code, 'The name has already been taken.', { field: 'name', value });
    case 'ORG.MEMBER_ALREADY_IN_GROUP':
      return new DomainError(e.kind, e.code, `The ${e.details.memberType === 'group' ? 'group' : 'user'} ${String(value)} is already a member of the group.`, {
        field: 'member_id',
        value,
      });
    default:
      return e.details.field === undefined ? e : new DomainError(e.kind, e.code, e.message, { ...e.details, field: field(e) });
  }
}

@Injectable()
export class Pm4GroupErrorInterceptor implements NestInterceptor {
  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    const method = context.switchToHttp().getRequest<Request>().method;
    return next.handle().pipe(catchError((error: unknown) => throwError(() => (error instanceof DomainError && !('problems' in error) ? toPm4(error, method) : error))));
  }
}
