import { Injectable } from '@nestjs/common';
import { type GrantSource, PrincipalLoader } from './infrastructure/principal.loader.js';

/** The identity context's facade: what other contexts may ask of it. */
@Injectable()
export class IdentityApi {
  constructor(private readonly principals: PrincipalLoader) {}

  /** org-structure registers the capabilities its system groups grant to their members. */
  registerGrantSource(source: GrantSource): void {
    this.principals.registerGrantSource(source);
  }
}
