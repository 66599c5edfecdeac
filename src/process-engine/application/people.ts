/** A person's full name as engine JSON shows it: first and last name joined by a space, empty parts left out ('' when both are). */
export function fullName(u: { readonly firstName: string; readonly lastName: string }): string {
  return [u.firstName, u.lastName].filter((x) => x !== '').join(' ');
}
