import { SetMetadata } from '@nestjs/common';

export const IS_PUBLIC = 'meridian:public';

/** The route answers without authentication (health, discovery, token endpoint, login form). */
export const Public = (): MethodDecorator & ClassDecorator => SetMetadata(IS_PUBLIC, true);
