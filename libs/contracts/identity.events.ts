/** Events published by the identity context. Types only: this file imports nothing. */
export interface UserPayload {
  readonly userId: string;
  readonly username: string;
  readonly email: string | null;
  readonly status: string;
}

export interface IdentityEvents {
  'identity.user.created': UserPayload;
  'identity.user.updated': UserPayload;
  'identity.user.deactivated': UserPayload;
}
