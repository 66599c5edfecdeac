import { DomainError } from '../../../libs/kernel/domain-error.js';

export type GroupErrorCode =
  | 'ORG.GROUP_NOT_FOUND'
  | 'ORG.GROUP_TITLE_TAKEN'
  | 'ORG.GROUP_TITLE_INVALID'
  | 'ORG.PARENT_GROUP_NOT_FOUND'
  | 'ORG.GROUP_CYCLE'
  | 'ORG.GROUP_SELF_MEMBER'
  | 'ORG.SYSTEM_GROUP_NESTING'
  | 'ORG.USER_NOT_FOUND'
  | 'ORG.MANAGER_NOT_FOUND'
  | 'ORG.MEMBER_ALREADY_IN_GROUP'
  | 'ORG.MEMBER_NOT_IN_GROUP'
  | 'ORG.MEMBERSHIP_NOT_FOUND'
  | 'ORG.CAPABILITY_UNKNOWN'
  | 'ORG.CAPABILITY_NOT_FOUND'
  | 'ORG.CAPABILITIES_ON_FUNCTIONAL_GROUP'
  | 'ORG.CAPABILITY_NOT_HELD'
  | 'ORG.OTHER_TENANT';

/** Coded errors of the groups part of org-structure; `value` carries the id at fault. */
export const GroupErrors = {
  notFound: (groupId: string, field = 'groupId') =>
    DomainError.notFound('ORG.GROUP_NOT_FOUND', `Group ${groupId} does not exist`, { field, value: groupId }),
  titleTaken: (title: string) =>
    DomainError.conflict('ORG.GROUP_TITLE_TAKEN', `A group titled "${title}" already exists`, { field: 'title', value: title }),
  titleInvalid: (reason: string) => DomainError.validation('ORG.GROUP_TITLE_INVALID', reason, { field: 'title' }),
  parentNotFound: (parentId: string) =>
    DomainError.notFound('ORG.PARENT_GROUP_NOT_FOUND', `Parent group ${parentId} does not exist in this tenant`, { field: 'parentId', value: parentId }),
  cycle: (field: string, value: string) =>
    DomainError.validation('ORG.GROUP_CYCLE', `Group ${value} already contains this group: the nesting would form a cycle`, { field, value }),
  selfMember: (groupId: string, field: string) =>
    DomainError.validation('ORG.GROUP_SELF_MEMBER', `A group cannot contain itself`, { field, value: groupId }),
  systemNesting: (field: string, value: string) =>
    DomainError.validation('ORG.SYSTEM_GROUP_NESTING', `System groups cannot be nested or contain groups`, { field, value }),
  managerNotFound: (userId: string) =>
    DomainError.validation('ORG.MANAGER_NOT_FOUND', `The manager ${userId} is not a user of this tenant`, { field: 'managerId', value: userId }),
  userNotFound: (userId: string) =>
    DomainError.notFound('ORG.USER_NOT_FOUND', `User ${userId} does not exist`, { field: 'userId', value: userId }),
  alreadyMember: (memberType: 'user' | 'group', memberId: string) =>
    DomainError.conflict('ORG.MEMBER_ALREADY_IN_GROUP', `The ${memberType} ${memberId} is already a member of the group`, {
      field: memberType === 'user' ? 'userId' : 'memberGroupId',
      value: memberId,
      memberType,
    }),
  notMember: (memberType: 'user' | 'group', memberId: string) =>
    DomainError.notFound('ORG.MEMBER_NOT_IN_GROUP', `The ${memberType} ${memberId} is not a member of the group`, {
      field: memberType === 'user' ? 'userId' : 'memberGroupId',
      value: memberId,
      memberType,
    }),
  membershipNotFound: (membershipId: string) =>
    DomainError.notFound('ORG.MEMBERSHIP_NOT_FOUND', `Group membership ${membershipId} does not exist`, { field: 'membershipId', value: membershipId }),
  capabilityUnknown: (code: string) =>
    DomainError.validation('ORG.CAPABILITY_UNKNOWN', `"${code}" is not a capability`, { field: 'capabilities', value: code }),
  capabilityNotFound: (id: string) =>
    DomainError.notFound('ORG.CAPABILITY_NOT_FOUND', `Group capability ${id} does not exist`, { field: 'groupCapabilityId', value: id }),
  capabilitiesOnFunctional: (groupId: string) =>
    DomainError.validation('ORG.CAPABILITIES_ON_FUNCTIONAL_GROUP', `Only system groups carry capabilities`, { field: 'groupId', value: groupId }),
  capabilityNotHeld: (code: string) =>
    DomainError.forbidden('ORG.CAPABILITY_NOT_HELD', `You cannot grant the capability "${code}", which you do not hold`, { field: 'capabilities', value: code }),
};
