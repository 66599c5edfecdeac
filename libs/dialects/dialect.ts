export type Dialect = 'aps' | 'pm3' | 'pm4' | 'questetra' | 'platform';

/**
 * ProcessMaker 4 resources live at `/api/1.0/<resource>`, ProcessMaker 3 at
 * `/api/1.0/<workspace>/<resource>`: these names are reserved and never a workspace.
 */
const PM4_RESOURCES: ReadonlySet<string> = new Set([
  'users',
  'groups',
  'group_members',
  'group_members_available',
  'user_members_available',
  'settings',
]);

/** Which dialect answers for a path (errors before routing, such as malformed JSON, need it too). */
export function dialectOf(path: string): Dialect {
  if (path.startsWith('/activiti-app/')) return 'aps';
  if (path.startsWith('/API/') || path.startsWith('/System/')) return 'questetra';
  const pm = /^\/api\/1\.0\/([^/?]+)/.exec(path);
  if (pm) return PM4_RESOURCES.has(pm[1]!) ? 'pm4' : 'pm3';
  return 'platform';
}
