import { describe, expect, it } from '@jest/globals';
import { SEMI_SPACE_FLAG, serverEnv } from '../../scripts/server-env.mjs';

describe('the server process environment (npm start, start:dist, benches)', () => {
  it('adds 64 MB semi-spaces to NODE_OPTIONS, keeping what the operator set there', () => {
    expect(SEMI_SPACE_FLAG).toBe('--max-semi-space-size=64');
    expect(serverEnv({ PORT: '9000' })).toEqual({ PORT: '9000', NODE_OPTIONS: '--max-semi-space-size=64' });
    expect(serverEnv({ NODE_OPTIONS: '--enable-source-maps' }).NODE_OPTIONS).toBe('--enable-source-maps --max-semi-space-size=64');
  });

  it("leaves an operator's own young-generation size alone", () => {
    const env = { NODE_OPTIONS: '--max-semi-space-size=16 --enable-source-maps' };
    expect(serverEnv(env)).toBe(env);
  });
});
