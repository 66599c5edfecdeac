/** Checking real answers against the OpenAPI documents the app serves (`/docs/{dialect}-json`). */

export type Json = Record<string, unknown>;

export const isObject = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);

/**
 * Checks a value against a schema of the document and pushes one line per problem: required fields present, no undocumented
 * ones, types, nulls, enums; `$ref`, `allOf` (every part must fit) and `oneOf` (at least one must fit) are followed.
 */
export function conformance(doc: Json, schema: unknown, value: unknown, at: string, problems: string[]): void {
  if (!isObject(schema)) return;
  if (typeof schema.$ref === 'string') {
    const name = schema.$ref.slice('#/components/schemas/'.length);
    return conformance(doc, ((doc.components as Json).schemas as Json)[name], value, at, problems);
  }
  if (Array.isArray(schema.allOf)) {
    for (const s of schema.allOf) conformance(doc, s, value, at, problems);
    return;
  }
  if (value === null && schema.nullable === true) return;
  if (Array.isArray(schema.oneOf)) {
    const fits = schema.oneOf.some((s) => {
      const p: string[] = [];
      conformance(doc, s, value, at, p);
      return p.length === 0;
    });
    if (!fits) problems.push(`${at}: matches none of oneOf`);
    return;
  }
  if (value === null) return void problems.push(`${at}: null but not nullable`);
  if (Array.isArray(schema.enum) && !schema.enum.includes(value)) problems.push(`${at}: ${JSON.stringify(value)} not in ${JSON.stringify(schema.enum)}`);
  switch (schema.type) {
    case 'array':
      if (!Array.isArray(value)) return void problems.push(`${at}: not an array`);
      value.forEach((v, i) => conformance(doc, schema.items, v, `${at}[${i}]`, problems));
      return;
    case 'object':
    case undefined: {
      if (!isObject(value)) return void problems.push(`${at}: not an object`);
      const properties = (schema.properties ?? {}) as Json;
      for (const field of (schema.required ?? []) as string[]) if (!(field in value)) problems.push(`${at}.${field}: missing`);
      for (const [field, v] of Object.entries(value)) {
        if (field in properties) conformance(doc, properties[field], v, `${at}.${field}`, problems);
        else if (schema.additionalProperties === undefined || schema.additionalProperties === false) problems.push(`${at}.${field}: not documented`);
      }
      return;
    }
    case 'integer':
      if (!Number.isInteger(value)) problems.push(`${at}: not an integer`);
      return;
    default:
      if (typeof value !== schema.type) problems.push(`${at}: ${typeof value}, documented ${String(schema.type)}`);
  }
}

/**
 * The problems of one real answer against its operation in the document (`path` as the document writes it, `/x/{id}`):
 * the operation and the status must be documented, a body needs a schema, and the body must fit it.
 */
export function answerProblems(doc: Json, method: string, path: string, res: { status: number; text: string; body: unknown }): string[] {
  const op = ((doc.paths as Record<string, Record<string, Json>>)[path] ?? {})[method];
  if (!op) return [`${method} ${path}: not in the document`];
  const response = (op.responses as Record<string, Json> | undefined)?.[String(res.status)];
  if (!response) return [`${method} ${path}: ${res.status} not documented`];
  const schema = isObject(response.content) ? (Object.values(response.content)[0] as Json | undefined)?.schema : undefined;
  const problems: string[] = [];
  if (schema === undefined && res.text !== '') problems.push(`${method} ${path}: ${res.status} has a body but no schema`);
  conformance(doc, schema, res.body, `${method} ${path} ${res.status}`, problems);
  return problems;
}
