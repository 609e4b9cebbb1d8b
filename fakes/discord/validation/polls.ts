// What Discord accepts as a message's `poll` (Create Message only; polls cannot be edited). The local docs copy has
// no resources/poll.mdx, so the rules cite the OpenAPI spec (../shared/reference/discord-openapi.json).
import type { FormErrors } from '../errors.ts';
import type { Json } from '../types.ts';

/** discord-openapi.json § PollCreateRequest (answers: 1–10). */
export const MAX_POLL_ANSWERS = 10;
/** discord-openapi.json § PollMediaCreateRequest (text: 1–300) — the question's limit. */
export const MAX_POLL_QUESTION = 300;
/**
 * Answer text: Discord's poll guide (resources/poll.mdx § Poll Media Object, not in the local copy) caps answers at
 * 55 characters while the OpenAPI schema shares the 300 of the question; we enforce the stricter documented 55.
 */
export const MAX_POLL_ANSWER = 55;
/** discord-openapi.json § PollCreateRequest (duration: 1–768 hours, default 24). */
export const MAX_POLL_HOURS = 768;
export const DEFAULT_POLL_HOURS = 24;

export function checkPoll(poll: Json, errors: FormErrors): void {
  if (poll === null || typeof poll !== 'object' || Array.isArray(poll)) {
    errors.add(['poll'], 'DICT_TYPE_CONVERT', 'Only dictionaries may be used in a DictType');
    return;
  }
  // discord-openapi.json § PollCreateRequest (question required; "Only `text` is supported")
  errors.length(['poll', 'question', 'text'], poll.question?.text, 1, MAX_POLL_QUESTION);
  if (!Array.isArray(poll.answers) || poll.answers.length < 1 || poll.answers.length > MAX_POLL_ANSWERS) {
    errors.add(['poll', 'answers'], 'BASE_TYPE_BAD_LENGTH', `Must be between 1 and ${MAX_POLL_ANSWERS} in length.`);
  } else {
    poll.answers.forEach((a: Json, i: number) => {
      errors.length(['poll', 'answers', i, 'poll_media', 'text'], a?.poll_media?.text, 1, MAX_POLL_ANSWER);
    });
  }
  if (poll.duration != null) {
    const d = poll.duration;
    if (!Number.isInteger(d) || d < 1 || d > MAX_POLL_HOURS) {
      errors.add(['poll', 'duration'], 'NUMBER_TYPE_MAX', `Int value should be between 1 and ${MAX_POLL_HOURS}.`);
    }
  }
  if (poll.allow_multiselect != null && typeof poll.allow_multiselect !== 'boolean') {
    errors.add(['poll', 'allow_multiselect'], 'BASE_TYPE_BOOLEAN', 'Must be either true or false.');
  }
}
