import { Module } from '@nestjs/common';
import { GrantSystemAuthority } from '../../application/authorities/grant-system-authority.use-case.js';
import { FindUser } from '../../application/users/find-user.query.js';
import { IdentityCoreModule } from '../../identity-core.module.js';
import { UserAuthorityRepository } from '../../infrastructure/user-authority.repository.js';
import { QuserController } from './quser.controller.js';
import { SystemAuthorityController } from './system-authority.controller.js';

/** Identity endpoints of the questetra dialect: controllers here, shared use cases from IdentityCoreModule. */
@Module({
  imports: [IdentityCoreModule],
  controllers: [QuserController, SystemAuthorityController],
  providers: [FindUser, GrantSystemAuthority, UserAuthorityRepository],
})
export class IdentityQuestetraModule {}
