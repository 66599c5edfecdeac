import { DomainError } from '../../../libs/kernel/domain-error.js';

/** The codes of the department rules; each dialect words them with its own field names. */
export type DepartmentErrorCode =
  | 'ORG.DEPARTMENT_NOT_FOUND'
  | 'ORG.DEPARTMENT_TITLE_TAKEN'
  | 'ORG.DEPARTMENT_PARENT_CYCLE'
  | 'ORG.DEPARTMENT_HAS_MEMBERS'
  | 'ORG.DEPARTMENT_HAS_CHILDREN'
  | 'ORG.USER_NOT_FOUND'
  | 'ORG.MANAGER_IN_OTHER_DEPARTMENT'
  | 'ORG.USER_NOT_IN_DEPARTMENT';

/** The input a rule is about: the department itself, its parent, its manager, a user to (un)assign, the title. */
export type DepartmentField = 'departmentId' | 'parentId' | 'managerId' | 'userId' | 'title';

const code = (c: DepartmentErrorCode): DepartmentErrorCode => c;

export const DepartmentErrors = {
  notFound: (id: string, field: DepartmentField = 'departmentId') =>
    DomainError.notFound(code('ORG.DEPARTMENT_NOT_FOUND'), `The department with ${field}: '${id}' does not exist.`, { field, value: id }),
  titleTaken: (title: string) =>
    DomainError.conflict(code('ORG.DEPARTMENT_TITLE_TAKEN'), `The department with title: '${title}' already exists.`, { field: 'title', value: title }),
  parentCycle: (parentId: string) =>
    DomainError.validation(
      code('ORG.DEPARTMENT_PARENT_CYCLE'),
      `The department with parentId: '${parentId}' is the department itself or one of its sub-departments.`,
      { field: 'parentId', value: parentId },
    ),
  hasMembers: (id: string) =>
    DomainError.validation(code('ORG.DEPARTMENT_HAS_MEMBERS'), 'Department cannot be deleted while has assigned users.', { field: 'departmentId', value: id }),
  hasChildren: (id: string) =>
    DomainError.validation(code('ORG.DEPARTMENT_HAS_CHILDREN'), 'Department cannot be deleted while has sub-departments.', { field: 'departmentId', value: id }),
  userNotFound: (id: string, field: DepartmentField = 'userId') =>
    DomainError.notFound(code('ORG.USER_NOT_FOUND'), `The user with ${field}: '${id}' does not exist.`, { field, value: id }),
  managerInOtherDepartment: (id: string, field: DepartmentField = 'managerId') =>
    DomainError.validation(
      code('ORG.MANAGER_IN_OTHER_DEPARTMENT'),
      `The user with ${field}: '${id}' is a member of another department; a user belongs to one department only.`,
      { field, value: id },
    ),
  userNotInDepartment: (id: string) =>
    DomainError.validation(code('ORG.USER_NOT_IN_DEPARTMENT'), `The user with userId: '${id}' is not assigned to the department.`, {
      field: 'userId',
      value: id,
    }),
};
