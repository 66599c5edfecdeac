import { Module } from '@nestjs/common';
import { IdentityCoreModule } from '../../identity-core.module.js';

/** Identity endpoints of the questetra dialect: controllers here, shared use cases from IdentityCoreModule. */
@Module({
  imports: [IdentityCoreModule],
  controllers: [],
  providers: [],
})
export class IdentityQuestetraModule {}
