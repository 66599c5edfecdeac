import type { NodeKind } from '../../model/process-model.js';
import type { Behaviour } from './behaviour.js';
import { endEvent } from './end-event.behaviour.js';
import { exclusiveGateway } from './exclusive-gateway.behaviour.js';
import { inclusiveGateway } from './inclusive-gateway.behaviour.js';
import { intermediateThrowEvent } from './intermediate-throw-event.behaviour.js';
import { manualTask } from './manual-task.behaviour.js';
import { parallelGateway } from './parallel-gateway.behaviour.js';
import { serviceTask } from './service-task.behaviour.js';
import { startEvent } from './start-event.behaviour.js';
import { subProcess } from './sub-process.behaviour.js';
import { userTask } from './user-task.behaviour.js';

export const BEHAVIOURS: Readonly<Record<NodeKind, Behaviour>> = {
  startEvent,
  endEvent,
  userTask,
  manualTask,
  serviceTask,
  exclusiveGateway,
  parallelGateway,
  inclusiveGateway,
  subProcess,
  intermediateThrowEvent,
};

export type { Behaviour };
