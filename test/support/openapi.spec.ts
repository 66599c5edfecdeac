import { describe, expect, it } from '@jest/globals';
import { answerProblems, conformance, type Json } from './openapi.js';

const doc: Json = {
  components: {
    schemas: {
      Item: { type: 'object', required: ['id', 'state'], properties: { id: { type: 'integer' }, state: { type: 'string', enum: ['open', 'done'] }, note: { type: 'string', nullable: true } } },
      Page: { type: 'object', required: ['data'], properties: { data: { type: 'array', items: { $ref: '#/components/schemas/Item' } } } },
    },
  },
};
const problemsOf = (schema: unknown, value: unknown): string[] => {
  const problems: string[] = [];
  conformance(doc, schema, value, 'body', problems);
  return problems;
};
const PAGE = { $ref: '#/components/schemas/Page' };

describe('conformance (answers against their OpenAPI schema)', () => {
  it('accepts a value of the documented shape', () => {
    expect(problemsOf(PAGE, { data: [{ id: 1, state: 'open', note: null }, { id: 2, state: 'done', note: 'x' }] })).toEqual([]);
  });

  it('names missing, undocumented, mistyped, non-nullable null and out-of-enum fields', () => {
    expect(problemsOf(PAGE, { data: [{ state: 'open', extra: 1 }, { id: 1.5, state: 'gone' }, { id: null, state: 'open' }] })).toEqual([
      'body.data[0].id: missing',
      'body.data[0].extra: not documented',
      'body.data[1].id: not an integer',
      'body.data[1].state: "gone" not in ["open","done"]',
      'body.data[2].id: null but not nullable',
    ]);
    expect(problemsOf(PAGE, { data: {} })).toEqual(['body.data: not an array']);
  });

  it('oneOf needs one fitting branch; allOf needs every part; a nullable composition accepts null', () => {
    const either = { oneOf: [{ $ref: '#/components/schemas/Item' }, PAGE] };
    expect(problemsOf(either, { data: [] })).toEqual([]);
    expect(problemsOf(either, { id: 1 })).toEqual(['body: matches none of oneOf']);
    expect(problemsOf(either, null)).toEqual(['body: matches none of oneOf']);
    expect(problemsOf({ ...either, nullable: true }, null)).toEqual([]);
    expect(problemsOf({ allOf: [{ $ref: '#/components/schemas/Item' }] }, { id: 1 })).toEqual(['body.state: missing']);
  });

  it('answerProblems: the operation and status must be documented, a body needs a schema and must fit it', () => {
    const withPaths: Json = {
      ...doc,
      paths: { '/items/{id}': { get: { responses: { '200': { content: { 'application/json': { schema: { $ref: '#/components/schemas/Item' } } } }, '204': {} } } } },
    };
    const answer = (status: number, body: unknown) => ({ status, body, text: body === undefined ? '' : JSON.stringify(body) });
    expect(answerProblems(withPaths, 'get', '/items/{id}', answer(200, { id: 1, state: 'open' }))).toEqual([]);
    expect(answerProblems(withPaths, 'get', '/items/{id}', answer(204, undefined))).toEqual([]);
    expect(answerProblems(withPaths, 'get', '/items/{id}', answer(200, { id: 1 }))).toEqual(['get /items/{id} 200.state: missing']);
    expect(answerProblems(withPaths, 'get', '/items/{id}', answer(204, { id: 1 }))).toEqual(['get /items/{id}: 204 has a body but no schema']);
    expect(answerProblems(withPaths, 'get', '/items/{id}', answer(404, {}))).toEqual(['get /items/{id}: 404 not documented']);
    expect(answerProblems(withPaths, 'put', '/items/{id}', answer(200, {}))).toEqual(['put /items/{id}: not in the document']);
  });
});
