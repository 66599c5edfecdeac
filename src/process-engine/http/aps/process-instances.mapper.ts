import { apsDate } from '../../../../libs/dialects/dates.js';
import type { UserSummary } from '../../../identity/index.js';
import type { DefinitionView } from '../../application/definitions/definition.view.js';
import type { AuditEntryView, AuditLogView } from '../../application/instances/get-audit-log.query.js';
import type { InstanceView } from '../../application/instances/instance.view.js';

/** The "light user" of seed 004: `{id, firstName, lastName, email}`. */
export interface ApsLightUser {
  id: number;
  firstName: string | null;
  lastName: string | null;
  email: string | null;
}

export interface ApsVariable {
  name: string;
  type: string;
  value: unknown;
}

/** seed 004's process instance representation, plus `incidents` (design.md §8). */
export interface ApsProcessInstance {
  id: string;
  name: string | null;
  businessKey: string | null;
  processDefinitionId: string;
  tenantId: number;
  started: string;
  ended: string | null;
  startedBy: ApsLightUser | null;
  processDefinitionName: string | null;
  processDefinitionDescription: string | null;
  processDefinitionKey: string;
  processDefinitionCategory: string | null;
  processDefinitionVersion: number;
  processDefinitionDeploymentId: string;
  graphicalNotationDefined: boolean;
  startFormDefined: boolean;
  suspended: boolean;
  variables: ApsVariable[];
  incidents: number;
}

/** seed 004's process definition list item, exactly. */
export interface ApsProcessDefinition {
  id: string;
  name: string | null;
  description: string | null;
  key: string;
  category: string | null;
  version: number;
  deploymentId: string;
  tenantId: number;
  hasStartForm: boolean;
}

export interface ApsCandidateStarter {
  user: string | null;
  group: string | null;
  type: 'candidate';
}

export interface ApsAuditEntry {
  index: number;
  type: string;
  timestamp: string;
  selectedOutcome: string | null;
  formData: Array<{ fieldName: string; fieldId: string; value: unknown }>;
  taskName: string | null;
  taskAssignee: string | null;
  activityId: string | null;
  activityName: string | null;
  activityType: string | null;
  startTime: string | null;
  endTime: string | null;
  durationInMillis: number | null;
  message: string | null;
}

export interface ApsAuditLog {
  processInstanceId: string;
  processInstanceName: string | null;
  processDefinitionName: string | null;
  processDefinitionVersion: string;
  processInstanceStartTime: string;
  processInstanceEndTime: string | null;
  processInstanceInitiator: string | null;
  entries: ApsAuditEntry[];
  decisionInfo: { calculatedValues: Array<{ name: string; value: string }>; appliedRules: unknown[] };
}

export function toApsLightUser(u: UserSummary): ApsLightUser {
  return { id: Number(u.id), firstName: u.firstName, lastName: u.lastName, email: u.email };
}

/** A variable as the aps API carries it; dates in the aps date format. */
export function toApsVariable(v: { name: string; type: string; value: unknown }): ApsVariable {
  const value = v.type === 'date' && typeof v.value === 'string' ? apsDate(new Date(v.value)) : v.value;
  return { name: v.name, type: v.type, value };
}

export function toApsProcessInstance(v: InstanceView): ApsProcessInstance {
  return {
    id: v.id,
    name: v.name,
    businessKey: v.businessKey,
    processDefinitionId: v.definitionId,
    tenantId: Number(v.tenantId),
    started: apsDate(v.startedAt)!,
    ended: apsDate(v.endedAt),
    startedBy: v.startedBy ? toApsLightUser(v.startedBy) : null,
    processDefinitionName: v.definitionName,
    processDefinitionDescription: v.definitionDescription,
    processDefinitionKey: v.definitionKey,
    processDefinitionCategory: v.definitionCategory,
    processDefinitionVersion: v.definitionVersion,
    processDefinitionDeploymentId: v.deploymentId,
    graphicalNotationDefined: v.graphicalNotation,
    startFormDefined: v.hasStartForm,
    suspended: v.state === 'suspended',
    variables: (v.variables ?? []).map(toApsVariable),
    incidents: v.incidents,
  };
}

export function toApsProcessDefinition(d: DefinitionView): ApsProcessDefinition {
  return {
    id: d.id,
    name: d.name,
    description: d.description,
    key: d.key,
    category: d.category,
    version: d.version,
    deploymentId: d.deploymentId,
    tenantId: Number(d.tenantId),
    hasStartForm: d.hasStartForm,
  };
}

const DAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const two = (n: number): string => String(n).padStart(2, '0');

/** The audit log's dates are Java's Date.toString() (`Wed Jan 20 16:18:46 EET 2016`); Meridian writes them in UTC. */
export function javaDate(d: Date | null): string | null {
  if (!d) return null;
  return `${DAYS[d.getUTCDay()]} ${MONTHS[d.getUTCMonth()]} ${two(d.getUTCDate())} ${two(d.getUTCHours())}:${two(d.getUTCMinutes())}:${two(d.getUTCSeconds())} UTC ${d.getUTCFullYear()}`;
}

function toApsAuditEntry(e: AuditEntryView, index: number): ApsAuditEntry {
  return {
    index,
    type: e.type,
    timestamp: javaDate(e.timestamp)!,
    selectedOutcome: e.selectedOutcome,
    formData: e.formData.map((f) => ({ fieldName: f.fieldName, fieldId: f.fieldId, value: f.value })),
    taskName: e.taskName,
    taskAssignee: e.taskAssignee,
    activityId: e.activityId,
    activityName: e.activityName,
    activityType: e.activityType,
    startTime: javaDate(e.startTime),
    endTime: javaDate(e.endTime),
    durationInMillis: e.startTime && e.endTime ? e.endTime.getTime() - e.startTime.getTime() : null,
    message: e.message,
  };
}

export function toApsAuditLog(log: AuditLogView): ApsAuditLog {
  const i = log.instance;
  return {
    processInstanceId: i.id,
    processInstanceName: i.name,
    processDefinitionName: i.definitionName,
    processDefinitionVersion: String(i.definitionVersion),
    processInstanceStartTime: javaDate(i.startedAt)!,
    processInstanceEndTime: javaDate(i.endedAt),
    processInstanceInitiator: log.initiator,
    entries: log.entries.map((e, n) => toApsAuditEntry(e, n + 1)),
    decisionInfo: { calculatedValues: [], appliedRules: [] },
  };
}
