import type { PipeTransform } from '@nestjs/common';
import { DomainError } from '../../../../libs/kernel/domain-error.js';
import type { StarterFamily } from '../../application/definitions/definition.view.js';

/** `key:version:deploymentId` (design.md §3); anything else is a 400 naming the parameter. */
const DEFINITION_ID = /^[^\s:]{1,255}:[1-9]\d{0,8}:[1-9]\d{0,18}$/;

export class DefinitionIdPipe implements PipeTransform<string, string> {
  constructor(private readonly field = 'processDefinitionId') {}

  transform(value: string): string {
    if (typeof value !== 'string' || !DEFINITION_ID.test(value)) {
      throw DomainError.validation('REQUEST.MALFORMED_ID', `${this.field} must be a process definition id (key:version:deploymentId)`, { field: this.field, value });
    }
    return value;
  }
}

/** `users` or `groups` (seed 004's identity-link families). */
export class FamilyPipe implements PipeTransform<string, StarterFamily> {
  transform(value: string): StarterFamily {
    if (value !== 'users' && value !== 'groups') {
      throw DomainError.validation('REQUEST.FAMILY', 'family must be users or groups', { field: 'family', value });
    }
    return value;
  }
}
