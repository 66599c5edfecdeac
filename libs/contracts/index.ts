import type { ContentEvents } from './content.events.js';
import type { FormsEvents } from './forms.events.js';
import type { IdentityEvents } from './identity.events.js';
import type { OrgStructureEvents } from './org-structure.events.js';
import type { ProcessEngineEvents } from './process-engine.events.js';

export type * from './content.events.js';
export type * from './forms.events.js';
export type * from './identity.events.js';
export type * from './org-structure.events.js';
export type * from './process-engine.events.js';

/** Every event of the platform by type; contexts add theirs here as they publish them. */
export interface DomainEventMap extends IdentityEvents, OrgStructureEvents, ProcessEngineEvents, FormsEvents, ContentEvents {
  /** Used by the platform's own tests of the bus. */
  'platform.probe.happened': { readonly value: string };
  /** Test-only: cascades in the bus's tests (a handler republishes it while `remaining` > 0). */
  'platform.probe.chained': { readonly remaining: number };
}

export type DomainEventType = keyof DomainEventMap;
