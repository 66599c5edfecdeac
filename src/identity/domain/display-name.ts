/**
 * The one-string name of dialects without a first/last split (Questetra's `name`). Mirrors
 * DISPLAY_NAME_SQL in the user repository, so that searching by name matches what is shown:
 * first and last name joined by a space (PostgreSQL's trim strips spaces only), else the username.
 */
export function displayName(firstName: string, lastName: string, username: string): string {
  const joined = `${firstName} ${lastName}`.replace(/^ +| +$/g, '');
  return joined === '' ? username : joined;
}
