import { Injectable } from '@nestjs/common';
import { Transactional } from '../../../libs/platform/transaction/unit-of-work.js';
import type { FormFile, FormProblem, ResolvedForm } from '../forms.api.types.js';
import { parseFormDefinition, type FormDefinition } from '../domain/form-definition.js';
import { FormsErrors } from '../domain/forms.errors.js';
import { FormDefinitionCache } from '../infrastructure/form-definition.cache.js';
import { FormDefinitionRepository } from '../infrastructure/form-definition.repository.js';
import { toResolvedForm } from './resolved-form.js';

export interface RegisterDeploymentFormsInput {
  readonly tenantId: string;
  readonly deploymentId: string;
  readonly files: readonly FormFile[];
}

/** Largest form file accepted (a form JSON is small; this bounds parsing work). */
export const MAX_FORM_FILE_BYTES = 1024 * 1024;

/**
 * The `*.form` / `*.json` files of a deployment become its forms, one per key. A file without a
 * `key` takes its base name. Any problem in any file rejects them all (FORMS.INVALID_FORM naming
 * every problem, each message ending with the file's name); nothing is stored then. Each key's
 * version is one more than the tenant's newest deployed version of it.
 */
@Injectable()
export class RegisterDeploymentForms {
  constructor(
    private readonly repository: FormDefinitionRepository,
    private readonly cache: FormDefinitionCache,
  ) {}

  @Transactional()
  async execute(input: RegisterDeploymentFormsInput): Promise<ResolvedForm[]> {
    const problems: FormProblem[] = [];
    const parsed: Array<{ file: string; json: unknown; form: FormDefinition }> = [];
    const keys = new Map<string, string>();
    for (const file of input.files) {
      const inFile = (p: FormProblem): FormProblem => ({ field: p.field, message: `${p.message} (in ${file.name})` });
      if (file.bytes.length > MAX_FORM_FILE_BYTES) {
        problems.push(inFile({ field: 'form', message: `a form file has at most ${MAX_FORM_FILE_BYTES} bytes` }));
        continue;
      }
      let json: unknown;
      try {
        json = JSON.parse(file.bytes.toString('utf8'));
      } catch {
        problems.push(inFile({ field: 'form', message: 'is not valid JSON' }));
        continue;
      }
      const base = file.name.replace(/^.*[\\/]/, '').replace(/\.(form|json)$/i, '');
      const result = parseFormDefinition(json, { fallbackKey: base, fallbackName: base });
      if (!result.ok) {
        problems.push(...result.problems.map(inFile));
        continue;
      }
      const other = keys.get(result.form.key);
      if (other !== undefined) {
        problems.push(inFile({ field: 'key', message: `form key ${result.form.key} is also the key of ${other}` }));
        continue;
      }
      keys.set(result.form.key, file.name);
      parsed.push({ file: file.name, json, form: result.form });
    }
    if (problems.length > 0) throw FormsErrors.invalidForm(problems);
    if (parsed.length === 0) return [];
    const rows = await this.repository.insertDeploymentForms(
      input.tenantId,
      input.deploymentId,
      parsed.map((p) => ({ key: p.form.key, name: p.form.name, definition: p.json })),
    );
    return rows.map((row) => toResolvedForm(this.cache.remember(row)));
  }
}
