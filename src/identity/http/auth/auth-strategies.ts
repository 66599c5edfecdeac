/**
 * Passport strategies the global guard tries, in order. Bearer (JWT from the platform's OAuth2
 * server) comes first; Basic is left out when AUTH_BASIC=false.
 */
export const AUTH_STRATEGIES = Symbol('AUTH_STRATEGIES');
