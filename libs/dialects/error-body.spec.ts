import { describe, expect, it } from '@jest/globals';
import { dialectOf } from './dialect.js';
import { render } from './error-body.js';

describe('dialectOf', () => {
  it.each([
    ['/activiti-app/api/enterprise/users', 'aps'],
    ['/activiti-app/api/repository/deployments', 'aps'],
    ['/api/1.0/workflow/users', 'pm3'],
    ['/api/1.0/other-tenant/roles', 'pm3'],
    ['/api/1.0/groups', 'pm4'],
    ['/api/1.0/group_members/5', 'pm4'],
    ['/api/1.0/users', 'pm4'],
    ['/API/User/Quser/list', 'questetra'],
    ['/System/Event/MessageStart/1/2/start', 'questetra'],
    ['/oauth/token', 'platform'],
    ['/api/platform/oauth-clients', 'platform'],
  ])('%s speaks %s', (path, dialect) => {
    expect(dialectOf(path)).toBe(dialect);
  });
});

describe('render', () => {
  const notFound = { kind: 'not_found' as const, code: 'IDENTITY.USER_NOT_FOUND', message: 'User with id 7 does not exist', field: 'userId', value: '7' };

  it('aps: {message, messageKey} with the HTTP status of the kind', () => {
    expect(render('aps', notFound)).toEqual({
      status: 404,
      body: { message: 'User with id 7 does not exist', messageKey: 'GENERAL.ERROR.NOT-FOUND', field: 'userId', code: 'IDENTITY.USER_NOT_FOUND' },
    });
  });

  it('pm3: 400 with a "Bad Request: " prefix for not-found and duplicates', () => {
    expect(render('pm3', notFound)).toEqual({ status: 400, body: { error: { code: 400, message: 'Bad Request: User with id 7 does not exist' } } });
    expect(render('pm3', { kind: 'forbidden', code: 'X', message: 'nope' })).toEqual({ status: 403, body: { error: { code: 403, message: 'Forbidden: nope' } } });
  });

  it('pm4: 422 {message, errors:{field:[…]}} for validation', () => {
    const r = render('pm4', {
      kind: 'validation',
      code: 'Validation',
      message: 'x',
      problems: [{ field: 'name', messages: ['name must be a string'] }, { field: 'status', messages: ['status is invalid'] }],
    });
    expect(r).toEqual({ status: 422, body: { message: 'name must be a string', errors: { name: ['name must be a string'], status: ['status is invalid'] } } });
    expect(render('pm4', { kind: 'unauthenticated', code: 'U', message: 'x' })).toEqual({ status: 401, body: { message: 'Unauthenticated.' } });
  });

  it('pm4: a missing field reports only its required rule, and no message twice (as Laravel does)', () => {
    const r = render('pm4', {
      kind: 'validation',
      code: 'Validation',
      message: 'x',
      problems: [
        { field: 'name', value: undefined, messages: ['The name may not be greater than 255 characters.', 'The name field is required.', 'The name field is required.'] },
        { field: 'status', value: 'GONE', messages: ['The selected status is invalid.', 'The selected status is invalid.'] },
      ],
    });
    expect(r.body).toEqual({
      message: 'The name field is required.',
      errors: { name: ['The name field is required.'], status: ['The selected status is invalid.'] },
    });
  });

  it('questetra: 400 {errors:[ErrorEntry]} for everything but 401 and 403', () => {
    expect(render('questetra', { ...notFound, code: 'QuserDoesNotExist', field: 'id' })).toEqual({
      status: 400,
      body: { errors: [{ type: 'QuserDoesNotExist', name: 'id', value: '7', message: 'User with id 7 does not exist' }] },
    });
    expect(render('questetra', { kind: 'forbidden', code: 'Forbidden', message: 'no' }).status).toBe(403);
  });

  it('never shows internals of a 500, only the request id', () => {
    const r = render('aps', { kind: 'internal', code: 'InternalError', message: 'secret stack', requestId: 'req-1' });
    expect(r.status).toBe(500);
    expect(JSON.stringify(r.body)).not.toContain('secret');
    expect(JSON.stringify(r.body)).toContain('req-1');
  });
});
