// The ring group: which free volunteers a waiting contact is offered to, longest idle first.
import type { Contact, Volunteer } from '../model.js';

/** Removes and returns the longest-idle free volunteers who speak the contact's language. */
export function takeRingGroup(free: Volunteer[], contact: Contact, size: number): Volunteer[] {
  const group: Volunteer[] = [];
  for (let i = 0; i < free.length && group.length < size; ) {
    const volunteer = free[i]!;
    if (volunteer.languages.includes(contact.language)) {
      group.push(volunteer);
      free.splice(i, 1);
    } else i++;
  }
  return group;
}
