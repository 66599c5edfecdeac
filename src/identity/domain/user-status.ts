/** One status model behind ProcessMaker's ACTIVE/INACTIVE/VACATION and Alfresco's lower-case set. */
export type UserStatus = 'active' | 'inactive' | 'vacation' | 'pending' | 'deleted';

/** Only active users (and users on vacation, who still read their work) may sign in. */
export function canSignIn(status: UserStatus): boolean {
  return status === 'active' || status === 'vacation';
}
