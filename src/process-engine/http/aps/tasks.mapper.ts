import { apsDate } from '../../../../libs/dialects/dates.js';
import type { TaskUser, TaskView } from '../../application/tasks/task.view.js';

export interface ApsTaskLightUser {
  id: number;
  firstName: string;
  lastName: string;
  email: string | null;
}

export interface ApsTaskLightGroup {
  id: number;
  name: string | null;
  externalId: string | null;
  status: 'active' | 'inactive' | null;
}

export interface ApsTaskVariable {
  name: string;
  type: string;
  value: unknown;
  scope: 'global' | 'local';
}

/** The aps task representation (seed 004 "Task List", with the fields of Alfresco's TaskRepresentation). */
export interface ApsTask {
  id: string;
  name: string | null;
  description: string | null;
  category: string | null;
  assignee: ApsTaskLightUser | null;
  created: string;
  dueDate: string | null;
  endDate: string | null;
  duration: number | null;
  priority: number;
  parentTaskId: string | null;
  parentTaskName: string | null;
  processInstanceId: string | null;
  processInstanceName: string | null;
  processDefinitionId: string | null;
  processDefinitionName: string | null;
  processDefinitionDescription: string | null;
  processDefinitionKey: string | null;
  processDefinitionCategory: string | null;
  processDefinitionVersion: number | null;
  processDefinitionDeploymentId: string | null;
  formKey: string | null;
  processInstanceStartUserId: string | null;
  initiatorCanCompleteTask: boolean;
  adhocTaskCanBeReassigned: boolean;
  taskDefinitionKey: string | null;
  executionId: string | null;
  involvedPeople: ApsTaskLightUser[];
  involvedGroups: ApsTaskLightGroup[];
  managerOfCandidateGroup: boolean;
  memberOfCandidateGroup: boolean;
  memberOfCandidateUsers: boolean;
  variables: ApsTaskVariable[];
}

export function toApsTaskUser(u: TaskUser): ApsTaskLightUser {
  return { id: Number(u.id), firstName: u.firstName, lastName: u.lastName, email: u.email };
}

export function toApsTask(view: TaskView): ApsTask {
  const t = view.task;
  return {
    id: t.id,
    name: t.name,
    description: t.description,
    category: t.category,
    assignee: view.assignee ? toApsTaskUser(view.assignee) : null,
    created: apsDate(t.createdAt)!,
    dueDate: apsDate(t.dueDate),
    endDate: apsDate(t.endedAt),
    duration: t.endedAt ? t.endedAt.getTime() - t.createdAt.getTime() : null,
    priority: t.priority,
    parentTaskId: t.parentTaskId,
    parentTaskName: t.parentTaskName,
    processInstanceId: t.instanceId,
    processInstanceName: t.instanceName,
    processDefinitionId: t.definitionId,
    processDefinitionName: t.definitionName,
    processDefinitionDescription: t.definitionDescription,
    processDefinitionKey: t.definitionKey,
    processDefinitionCategory: t.definitionCategory,
    processDefinitionVersion: t.definitionVersion,
    processDefinitionDeploymentId: t.deploymentId,
    formKey: t.formKey,
    processInstanceStartUserId: t.instanceStartedBy,
    initiatorCanCompleteTask: false,
    // A standalone task's assignee may hand it on (aps "ad hoc" tasks); process tasks follow their model.
    adhocTaskCanBeReassigned: t.instanceId === null,
    taskDefinitionKey: t.taskDefinitionKey,
    executionId: t.executionId,
    involvedPeople: view.involvedPeople.map(toApsTaskUser),
    involvedGroups: view.involvedGroups.map((g) => ({ id: Number(g.id), name: g.name, externalId: g.externalId, status: g.status })),
    managerOfCandidateGroup: view.managerOfCandidateGroup,
    memberOfCandidateGroup: t.memberOfCandidateGroup,
    memberOfCandidateUsers: t.memberOfCandidateUsers,
    variables: (t.variables ?? []).map((v) => ({ name: v.name, type: v.type, value: v.value, scope: v.scope })),
  };
}
