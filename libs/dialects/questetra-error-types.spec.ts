import { describe, expect, it } from '@jest/globals';
import { questetraErrorType } from './questetra-error-types.js';

describe('questetraErrorType', () => {
  it('names the documented error by code', () => {
    expect(questetraErrorType('ORG.GROUP_NOT_FOUND')).toBe('QgroupDoesNotExist');
    expect(questetraErrorType('REQUEST.MALFORMED_ID', 'id')).toBe('InvalidId');
    expect(questetraErrorType('REQUEST.MALFORMED_NAME', 'name')).toBe('InvalidName');
  });

  it('lets the parameter refine it where the documents do', () => {
    expect(questetraErrorType('REQUEST.MALFORMED_ID', 'qgroupId')).toBe('InvalidQgroupId');
    expect(questetraErrorType('ORG.GROUP_NOT_FOUND', 'roleId')).toBe('QroleDoesNotExist');
    expect(questetraErrorType('ORG.GROUP_NOT_FOUND', 'qgroupId')).toBe('QgroupDoesNotExist');
  });

  it('sends an unmapped code as it is', () => {
    expect(questetraErrorType('ORG.GROUP_CYCLE', 'parentId')).toBe('ORG.GROUP_CYCLE');
  });
});
