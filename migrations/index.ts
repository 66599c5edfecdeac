import { IdentityCore1763800000000 } from './1763800000000-identity-core.js';
import { IdentityOauth1763800000200 } from './1763800000200-identity-oauth.js';

/** Every migration, in order: one timeline for the whole database. Append new ones at the end. */
export const migrations = [IdentityCore1763800000000, IdentityOauth1763800000200];
