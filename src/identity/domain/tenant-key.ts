/** Tenant keys match the schema's CHECK: `^[A-Za-z0-9_-]{1,64}$`. */
const MAX_KEY = 64;
const STEM_MAX = 50;

/**
 * The stem of a key derived from a tenant's name: lower-case ASCII letters and digits, everything
 * else collapsed to `-` (accents are dropped first, so "Société Générale" → "societe-generale").
 */
export function tenantKeyStem(name: string): string {
  const stem = name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, STEM_MAX)
    .replace(/-+$/g, '');
  return stem === '' ? 'tenant' : stem;
}

/** The stem itself when free, else the stem with the smallest free suffix `-2`, `-3`, … */
export function firstFreeKey(stem: string, taken: ReadonlySet<string>): string {
  if (!taken.has(stem)) return stem;
  for (let n = 2; ; n += 1) {
    const key = `${stem}-${n}`.slice(0, MAX_KEY);
    if (!taken.has(key)) return key;
  }
}
