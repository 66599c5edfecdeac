/**
 * Questetra's ErrorEntry `type` names the documented error (seed 001: Validation, InvalidId,
 * InvalidEmail, QuserDoesNotExist, …). Domain codes are dialect-neutral (`IDENTITY.USER_NOT_FOUND`);
 * this table gives each one its Questetra name. A code not listed is sent as it is.
 */
const TYPES: Readonly<Record<string, string>> = {
  'REQUEST.INVALID': 'Validation',
  'REQUEST.MALFORMED_ID': 'InvalidId',
  'IDENTITY.USER_NOT_FOUND': 'QuserDoesNotExist',
  'IDENTITY.USER_KEY_REQUIRED': 'Validation',
  'IDENTITY.MALFORMED_EMAIL': 'InvalidEmail',
  'IDENTITY.UNSUPPORTED_FILTER': 'Validation',
  'IDENTITY.WEAK_PASSWORD': 'Validation',
  // Not in the seeds: Questetra's own name for a taken address is undocumented; this follows
  // the QuserDoesNotExist pattern.
  'IDENTITY.EMAIL_TAKEN': 'QuserAlreadyExists',
  'IDENTITY.USERNAME_TAKEN': 'QuserAlreadyExists',
  'IDENTITY.PERMISSION_DENIED': 'Forbidden',
  'IDENTITY.INVALID_CREDENTIALS': 'Unauthorized',
  'REQUEST.MALFORMED_NAME': 'InvalidName',
  'ORG.GROUP_NOT_FOUND': 'QgroupDoesNotExist',
};

/**
 * Where the documented type depends on the parameter too (`code@field`): Quser/list documents
 * InvalidQgroupId for its qgroupId, and a missing role (a system group looked up by
 * RoleMembership/list) is a Qrole, not a Qgroup — QroleDoesNotExist is not in the seeds and follows
 * the QgroupDoesNotExist pattern.
 */
const FIELD_TYPES: Readonly<Record<string, string>> = {
  'REQUEST.MALFORMED_ID@qgroupId': 'InvalidQgroupId',
  'ORG.GROUP_NOT_FOUND@roleId': 'QroleDoesNotExist',
  'ORG.GROUP_NOT_FOUND@roleName': 'QroleDoesNotExist',
};

export function questetraErrorType(code: string, field?: string): string {
  return (field === undefined ? undefined : FIELD_TYPES[`${code}@${field}`]) ?? TYPES[code] ?? code;
}
