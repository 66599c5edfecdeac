/** Which data table a form field's `restUrl` names, if any. */
export type DataTableReference = { readonly kind: 'name'; readonly name: string } | { readonly kind: 'id'; readonly id: string };

/**
 * `pmtable:PMT_NAME` or `/api/1.0/{workspace}/pmtable/{pmt_uid}/data` (a path only: no scheme, no
 * host). Anything else is not a data table; the caller never fetches a URL (no server-side requests
 * to addresses a form author chose).
 */
export function dataTableReference(restUrl: string | null | undefined): DataTableReference | null {
  if (typeof restUrl !== 'string') return null;
  const byName = /^pmtable:([A-Za-z][A-Za-z0-9_]{0,63})$/.exec(restUrl.trim());
  if (byName) return { kind: 'name', name: byName[1]!.toUpperCase() };
  const byUid = /^\/api\/1\.0\/[^/?#]+\/pmtable\/(\d{32})\/data$/.exec(restUrl.trim());
  if (byUid) {
    const id = byUid[1]!.replace(/^0+/, '');
    return id === '' ? null : { kind: 'id', id };
  }
  return null;
}
