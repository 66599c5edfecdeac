import type { NodeKind } from '../../model/process-model.js';
import { passThrough, type Behaviour } from './behaviour.js';
import { endEvent } from './end-event.behaviour.js';
import { exclusiveGateway } from './exclusive-gateway.behaviour.js';
import { inclusiveGateway } from './inclusive-gateway.behaviour.js';
import { parallelGateway } from './parallel-gateway.behaviour.js';
import { serviceTask } from './service-task.behaviour.js';
import { startEvent } from './start-event.behaviour.js';
import { subProcess } from './sub-process.behaviour.js';
import { userTask } from './user-task.behaviour.js';

export const BEHAVIOURS: Readonly<Record<NodeKind, Behaviour>> = {
  startEvent,
  endEvent,
  userTask,
  manualTask: passThrough,
  serviceTask,
  exclusiveGateway,
  parallelGateway,
  inclusiveGateway,
  subProcess,
  intermediateThrowEvent: passThrough,
};

export type { Behaviour };
