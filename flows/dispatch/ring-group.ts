// The ring group: which free volunteers a waiting contact is offered to, longest idle first.
import type { Contact, Volunteer } from '../model.js';
import { LANGUAGES, type Language } from '../replies.js';

/**
 * The order waiting contacts are offered in: a contact flagged with words of concern before any other (as
 * the largest crisis text lines order their queues by risk), then the longest waiting.
 */
export function byOfferOrder(a: Contact, b: Contact): number {
  const concern = Number(b.concern !== undefined) - Number(a.concern !== undefined);
  return concern !== 0 ? concern : (a.queuedAt ?? 0) - (b.queuedAt ?? 0);
}

/**
 * Removes and returns the longest-idle free volunteers who speak the contact's language. A conversation passed on
 * is never offered back to the volunteer who passed it: they said they could not go on with it.
 */
export function takeRingGroup(free: Volunteer[], contact: Contact, size: number): Volunteer[] {
  const group: Volunteer[] = [];
  for (let i = 0; i < free.length && group.length < size; ) {
    const volunteer = free[i]!;
    if (volunteer.languages.includes(contact.language) && volunteer.volunteerId !== contact.passedBy) {
      group.push(volunteer);
      free.splice(i, 1);
    } else i++;
  }
  return group;
}

/** The queues worth reading: only languages a free volunteer speaks (and the scope's, when there is one). */
export function queueLanguages(free: readonly Volunteer[], only?: Language): Language[] {
  return LANGUAGES.filter(
    (language) => (!only || language === only) && free.some((v) => v.languages.includes(language)),
  );
}
