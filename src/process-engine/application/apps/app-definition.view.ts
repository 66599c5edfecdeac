import type { PublishedApp } from '../../infrastructure/app.repository.js';

/** A runtime app as the landing page shows it (seed 004 "Runtime Apps"). */
export interface RuntimeAppView {
  readonly id: string;
  readonly modelId: string;
  readonly deploymentId: string | null;
  readonly name: string;
  readonly description: string | null;
  readonly theme: string;
  readonly icon: string;
}

/** The app's runtime id is its app model's id: one runtime app per app model (Alfresco numbers them separately). */
export function toRuntimeAppView(row: { id: string; deploymentId: string | null; definition: PublishedApp }): RuntimeAppView {
  return {
    id: row.id,
    modelId: row.id,
    deploymentId: row.deploymentId,
    name: row.definition.name,
    description: row.definition.description,
    theme: row.definition.theme,
    icon: row.definition.icon,
  };
}

/** What an app definition bundles, as the modeler shows it: the current definition, or a publication. */
export interface AppDefinitionSummary {
  readonly theme: string;
  readonly icon: string;
  readonly models: ReadonlyArray<{ readonly modelId: string; readonly name: string; readonly version: number; readonly key: string | null }>;
}
