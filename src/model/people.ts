// Who held which role when: picking a person's title as of a date.
import type { Person, Role } from '../schema/index.js';
import { comparePartialDates, surelyBefore } from '../schema/partial-date.js';

function covers(role: Role, date: string): boolean {
  if (role.attested?.some((d) => d.slice(0, 4) === date.slice(0, 4))) return true;
  const startsBefore = role.from === undefined || !surelyBefore(date, role.from);
  const endsAfter = role.to === undefined || !surelyBefore(role.to, date);
  return (role.from !== undefined || role.to !== undefined) && startsBefore && endsAfter;
}

/** The role a person held at `date`: one that covers it, else the latest that began before it, else the first. */
export function roleAt(person: Person, date: string): Role {
  const covering = person.roles.find((role) => covers(role, date));
  if (covering) return covering;
  const start = (role: Role): string => role.from ?? role.attested?.[0] ?? role.to ?? '0000';
  const earlier = person.roles.filter((role) => !surelyBefore(date, start(role))).sort((a, b) => comparePartialDates(start(a), start(b)));
  return earlier[earlier.length - 1] ?? person.roles[0]!;
}
