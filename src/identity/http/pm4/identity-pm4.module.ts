import { Module } from '@nestjs/common';
import { IdentityCoreModule } from '../../identity-core.module.js';
import { Pm4UsersController } from './pm4-users.controller.js';

/** Identity endpoints of the pm4 dialect: the user list and lookup that group membership needs. */
@Module({
  imports: [IdentityCoreModule],
  controllers: [Pm4UsersController],
})
export class IdentityPm4Module {}
