import { Inject, Injectable } from '@nestjs/common';
import { Transactional } from '../../../../libs/platform/transaction/unit-of-work.js';
import { APP_CONFIG, type AppConfig } from '../../../config/config.js';
import { FormsApi } from '../../../forms/index.js';
import { hasPermission, Permission, type Principal } from '../../../identity/index.js';
import type { ModelProblem, ProcessModel } from '../../domain/model/process-model.js';
import { EngineErrors } from '../../domain/process-engine.errors.js';
import { readBpmn } from '../../infrastructure/bpmn/read-bpmn.js';
import { DefinitionRepository, type NewDefinition } from '../../infrastructure/definition.repository.js';
import { DeploymentRepository } from '../../infrastructure/deployment.repository.js';
import { isArchiveResource, unpackArchive } from '../../infrastructure/deployment-archive.js';
import { EngineWrites } from '../../infrastructure/engine-writes.js';
import { ENGINE_ADMIN } from '../access/engine-access.js';
import { AssignmentResolver } from '../engine/assignment-resolver.js';

export interface DeploymentResourceInput {
  /** File name as uploaded (`invoice.bpmn20.xml`, `invoice.bpmn`). */
  readonly name: string;
  readonly bytes: Buffer;
}

export interface DeployProcessInput {
  readonly actor: Principal;
  /** Deployment name; default: the first resource's name. */
  readonly name?: string;
  readonly category?: string | null;
  readonly resources: readonly DeploymentResourceInput[];
  /** Set when an aps app definition is deployed to the runtime. */
  readonly appDefinitionId?: string | null;
  /** Deploy into this tenant (the Activiti subset's `tenantId`); only tenant managers may name another one. Default: the actor's. */
  readonly tenantId?: string;
}

export interface DeployedDefinition {
  readonly id: string;
  readonly key: string;
  readonly version: number;
  readonly name: string | null;
}

export interface DeployProcessResult {
  readonly deploymentId: string;
  readonly definitions: readonly DeployedDefinition[];
}

/** `.bpmn` and `.bpmn20.xml` files are process models; other resources (forms, images) are stored as they are. */
export function isBpmnResource(name: string): boolean {
  return /\.bpmn(20\.xml)?$/i.test(name) || /\.bpmn2?\.xml$/i.test(name);
}

/** `.form` and `.json` files are form definitions (design.md §8 "Forms"), handed to forms. */
export function isFormResource(name: string): boolean {
  return /\.(form|json)$/i.test(name);
}

function mediaTypeOf(name: string): string {
  if (isBpmnResource(name) || /\.xml$/i.test(name)) return 'text/xml';
  if (/\.(json|form)$/i.test(name)) return 'application/json';
  if (/\.png$/i.test(name)) return 'image/png';
  if (/\.svg$/i.test(name)) return 'image/svg+xml';
  return 'application/octet-stream';
}

/** Texts of the model that land in 255-character columns (ids, names, form keys, categories). */
function columnProblems(model: ProcessModel): ModelProblem[] {
  const problems: ModelProblem[] = [];
  const check = (elementId: string, what: string, value: string | null | undefined): void => {
    if ((value ?? '').length > 255) problems.push({ elementId: elementId.slice(0, 64), message: `${what} is longer than 255 characters` });
  };
  for (const node of Object.values(model.nodes)) {
    check(node.id, 'Element id', node.id);
    check(node.id, 'Name', node.name);
    check(node.id, 'formKey', node.formKey ?? node.userTask?.formKey);
    check(node.id, 'Category', node.userTask?.category);
  }
  return problems;
}

/**
 * Parses and compiles every BPMN resource (XML without DTDs or entities), rejects the deployment
 * with every problem found (400, nothing stored), otherwise stores the deployment, its resources
 * and one new definition version per process key. One transaction.
 *
 * Who: an admin of the tenant (tenant-admin or system-admin), as Alfresco reserves the engine API
 * to administrators; app deployments (`appDefinitionId`) are checked by the app use case instead.
 * Candidate starters named in the model (`activiti:candidateStarterUsers/Groups`) must name users
 * and groups of the tenant: one that names nobody is a problem of the deployment, because a
 * restriction silently dropped would open the process to everyone.
 */
@Injectable()
export class DeployProcess {
  constructor(
    private readonly deployments: DeploymentRepository,
    private readonly definitions: DefinitionRepository,
    private readonly writes: EngineWrites,
    private readonly assignment: AssignmentResolver,
    private readonly forms: FormsApi,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  @Transactional()
  async execute(input: DeployProcessInput): Promise<DeployProcessResult> {
    const { actor } = input;
    if (!input.appDefinitionId && !hasPermission(actor, ...ENGINE_ADMIN)) {
      throw EngineErrors.adminOnly('deploy process definitions');
    }
    const tenantId = input.tenantId ?? actor.tenantId;
    if (tenantId !== actor.tenantId && !hasPermission(actor, Permission.TenantManager)) throw EngineErrors.tenantNotAllowed(tenantId);

    // A zip (or .bar) part is replaced by its entries (BPMN and forms together, design.md §8).
    const resources = input.resources.flatMap((r) => (isArchiveResource(r.name) ? unpackArchive(r.name, r.bytes, this.config.maxUploadBytes) : [r]));
    const problems: ModelProblem[] = [];
    const names = new Set<string>();
    for (const r of resources) {
      if (r.name.length === 0 || r.name.length > 255) problems.push({ elementId: null, message: `File name '${r.name.slice(0, 64)}' must be 1 to 255 characters` });
      if (names.has(r.name)) problems.push({ elementId: null, message: `File '${r.name}' is sent twice` });
      names.add(r.name);
    }
    const bpmn = resources.filter((r) => isBpmnResource(r.name));
    if (bpmn.length === 0 && problems.length === 0) throw EngineErrors.noBpmnResource();

    const compiled: Array<{ resource: string; model: ProcessModel; diagram: boolean }> = [];
    for (const resource of bpmn) {
      const result = await readBpmn(resource.bytes);
      if (!result.ok) {
        const prefix = bpmn.length > 1 ? `${resource.name}: ` : '';
        problems.push(...result.problems.map((p) => ({ elementId: p.elementId, message: `${prefix}${p.message}` })));
      } else {
        // Diagram interchange in the file (Activiti's graphicalNotationDefined; per file, not per process).
        const text = resource.bytes.toString('utf8');
        const diagram = /<([\w-]+:)?BPMNDiagram[\s>]/.test(text);
        for (const model of result.models) compiled.push({ resource: resource.name, model, diagram });
      }
    }
    const seen = new Set<string>();
    for (const c of compiled) {
      if (seen.has(c.model.id)) problems.push({ elementId: c.model.id, message: `Process id '${c.model.id}' is deployed twice in one deployment` });
      seen.add(c.model.id);
      if (c.model.id.length > 255) problems.push({ elementId: c.model.id.slice(0, 64), message: 'Process id is longer than 255 characters' });
      if (c.model.id.includes(':')) problems.push({ elementId: c.model.id, message: "Process id must not contain ':' (definition ids are key:version:deploymentId)" });
      if ((c.model.name ?? '').length > 255) problems.push({ elementId: c.model.id, message: 'Process name is longer than 255 characters' });
      problems.push(...columnProblems(c.model));
    }
    const starterUsers = [...new Set(compiled.flatMap((c) => c.model.candidateStarterUsers))];
    const starterGroups = [...new Set(compiled.flatMap((c) => c.model.candidateStarterGroups))];
    const refs = await this.assignment.resolve(tenantId, starterUsers, starterGroups);
    for (const c of compiled) {
      for (const u of c.model.candidateStarterUsers) {
        if (!refs.users.has(u)) problems.push({ elementId: c.model.id, message: `Candidate starter user '${u}' names no user of the tenant` });
      }
      for (const g of c.model.candidateStarterGroups) {
        if (!refs.groups.has(g)) problems.push({ elementId: c.model.id, message: `Candidate starter group '${g}' names no group of the tenant` });
      }
    }
    if (problems.length > 0) throw EngineErrors.invalidBpmn(problems);

    const deployment = await this.deployments.insert({
      tenantId,
      name: (input.name ?? '').trim() || input.resources[0]!.name,
      category: input.category ?? null,
      appDefinitionId: input.appDefinitionId ?? null,
      deployedBy: actor.userId,
      resources: resources.map((r) => ({ name: r.name, mediaType: mediaTypeOf(r.name), bytes: r.bytes })),
    });
    // Forms first (any problem rejects the whole deployment, 400): the start forms below resolve against them.
    const formFiles = resources.filter((r) => isFormResource(r.name));
    if (formFiles.length > 0) {
      await this.forms.registerDeploymentForms({ tenantId, deploymentId: deployment.id, files: formFiles.map((f) => ({ name: f.name, bytes: f.bytes })) });
    }

    const defs: NewDefinition[] = [];
    // Lock keys in a fixed order: two deployments sharing keys never wait on each other in a cycle.
    const sorted = [...compiled].sort((a, b) => (a.model.id < b.model.id ? -1 : a.model.id > b.model.id ? 1 : 0));
    const latest = await this.definitions.lockKeysAndLatestVersions(tenantId, sorted.map((c) => c.model.id));
    for (const c of sorted) {
      const version = latest.get(c.model.id)! + 1;
      const start = c.model.startNodeIds[0] ? c.model.nodes[c.model.startNodeIds[0]] : undefined;
      const startFormKey = start?.formKey ?? null;
      const hasStartForm = startFormKey !== null && (await this.forms.resolve({ tenantId, deploymentId: deployment.id, formKey: startFormKey })) !== null;
      defs.push({
        id: `${c.model.id}:${version}:${deployment.id}`,
        key: c.model.id,
        version,
        name: c.model.name,
        // The documentation is informational: kept whole in the graph, cut to the column for lists.
        description: c.model.documentation === null ? null : c.model.documentation.slice(0, 4000),
        resourceName: c.resource,
        startFormKey,
        hasStartForm,
        graphicalNotation: c.diagram,
        model: c.model,
      });
    }
    await this.definitions.insert(tenantId, deployment.id, input.category ?? null, input.appDefinitionId ?? null, defs);
    const byKey = new Map(defs.map((d) => [d.key, d]));
    await this.writes.insertDefinitionLinks(
      tenantId,
      compiled.flatMap((c) => [
        ...c.model.candidateStarterUsers.map((u) => ({ definitionId: byKey.get(c.model.id)!.id, userId: refs.users.get(u)!, groupId: null })),
        ...c.model.candidateStarterGroups.map((g) => ({ definitionId: byKey.get(c.model.id)!.id, userId: null, groupId: refs.groups.get(g)! })),
      ]),
    );
    return {
      deploymentId: deployment.id,
      definitions: compiled.map((c) => {
        const d = byKey.get(c.model.id)!;
        return { id: d.id, key: d.key, version: d.version, name: d.name };
      }),
    };
  }
}
