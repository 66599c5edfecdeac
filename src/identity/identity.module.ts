import { Module, type OnApplicationBootstrap } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { PassportModule } from '@nestjs/passport';
import { TypeOrmModule } from '@nestjs/typeorm';
import { APP_CONFIG, type AppConfig } from '../config/config.js';
import { AuthenticateUser } from './application/authenticate-user.use-case.js';
import { BootstrapPlatform } from './application/bootstrap-platform.use-case.js';
import { LoginThrottle } from './application/login-throttle.js';
import { AUTH_STRATEGIES } from './http/auth/auth-strategies.js';
import { BasicStrategy } from './http/auth/basic.strategy.js';
import { MeridianAuthGuard } from './http/auth/meridian-auth.guard.js';
import { PasswordHasher } from './infrastructure/password-hasher.js';
import { PermissionEntity } from './infrastructure/permission.entity.js';
import { PrincipalLoader } from './infrastructure/principal.loader.js';
import { RoleEntity } from './infrastructure/role.entity.js';
import { TenantEntity } from './infrastructure/tenant.entity.js';
import { UserEntity } from './infrastructure/user.entity.js';
import { IdentityApi } from './identity.api.js';

@Module({
  imports: [PassportModule, TypeOrmModule.forFeature([TenantEntity, UserEntity, RoleEntity, PermissionEntity])],
  providers: [
    PasswordHasher,
    PrincipalLoader,
    LoginThrottle,
    AuthenticateUser,
    BootstrapPlatform,
    BasicStrategy,
    IdentityApi,
    {
      provide: AUTH_STRATEGIES,
      inject: [APP_CONFIG],
      useFactory: (config: AppConfig): string[] => (config.authBasic ? ['basic'] : []),
    },
    { provide: APP_GUARD, useClass: MeridianAuthGuard },
  ],
  exports: [IdentityApi],
})
export class IdentityModule implements OnApplicationBootstrap {
  constructor(private readonly bootstrap: BootstrapPlatform) {}

  async onApplicationBootstrap(): Promise<void> {
    await this.bootstrap.execute();
  }
}
