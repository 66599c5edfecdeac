/**
 * Users created through the Alfresco dialect sign in with their e-mail, so their username is their
 * e-mail. When such a user's e-mail changes, the login name follows it; a user whose username was
 * chosen separately (ProcessMaker, Questetra) keeps it.
 */
export function loginNameAfterEmailChange(user: { username: string; email: string | null }, newEmail: string): string {
  const followsEmail = user.email !== null && user.username.toLowerCase() === user.email.toLowerCase();
  return followsEmail ? newEmail : user.username;
}
