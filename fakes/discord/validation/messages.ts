// What Discord accepts as a message body (create and edit, from a channel route or an interaction). Every rule cites
// the document it follows; a violation is collected into one 50035 with an `errors` tree (see ../errors.ts).
import { ButtonStyle, ComponentType, MessageFlags, RESTJSONErrorCodes } from 'discord-api-types/v10';
import { DiscordHttpError, FormErrors } from '../errors.ts';
import type { Json } from '../types.ts';

export interface MessageCheck {
  /** An edit: absent fields keep their value, so emptiness is judged on the result, not on the body. */
  readonly partial?: boolean;
}

/** Throws 400 50035 with every problem of `body`. */
export function validateMessageBody(body: Json, opts: MessageCheck = {}): void {
  const errors = new FormErrors();
  if (body === null || typeof body !== 'object' || Array.isArray(body)) {
    errors.add([], 'DICT_TYPE_CONVERT', 'Only dictionaries may be used in a DictType');
    errors.throwIfAny();
  }
  // resources/message.mdx § Create Message (JSON/Form Params: content up to 2000 characters)
  if (body.content != null) errors.length(['content'], body.content, 0, 2000);
  if (body.embeds != null) checkEmbeds(body.embeds, errors);
  if (body.components != null) checkComponents(body.components, errors);
  errors.throwIfAny();
  if (!opts.partial && isEmpty(body) && !((body.flags ?? 0) & MessageFlags.Loading)) throw emptyMessage();
}

/** Nothing a person could see: no content, embeds, components, attachments, poll or sticker. */
export function isEmpty(m: Json): boolean {
  return (
    !m.content &&
    !(m.embeds?.length > 0) &&
    !(m.components?.length > 0) &&
    !(m.attachments?.length > 0) &&
    !m.poll &&
    !(m.sticker_ids?.length > 0)
  );
}

// topics/opcodes-and-status-codes.mdx § JSON (50006 Cannot send an empty message); resources/message.mdx § Create
// Message (at least one of content, embeds, sticker_ids, components, files or poll) — and an edit may not empty one.
export function emptyMessage(): DiscordHttpError {
  return new DiscordHttpError(400, RESTJSONErrorCodes.CannotSendAnEmptyMessage, 'Cannot send an empty message');
}

function checkEmbeds(embeds: Json, errors: FormErrors): void {
  // resources/message.mdx § Create Message (up to 10 embeds)
  if (!Array.isArray(embeds) || embeds.length > 10) {
    errors.add(['embeds'], 'BASE_TYPE_MAX_LENGTH', 'Must be 10 or fewer in length.');
    return;
  }
  embeds.forEach((e: Json, i: number) => {
    if (e.title != null) errors.length(['embeds', i, 'title'], e.title, 0, 256);
    if (e.description != null) errors.length(['embeds', i, 'description'], e.description, 0, 4096);
    if (e.fields != null && (!Array.isArray(e.fields) || e.fields.length > 25)) {
      errors.add(['embeds', i, 'fields'], 'BASE_TYPE_MAX_LENGTH', 'Must be 25 or fewer in length.');
    }
  });
}

function checkComponents(rows: Json, errors: FormErrors): void {
  if (!Array.isArray(rows) || rows.length > 5) {
    errors.add(['components'], 'BASE_TYPE_MAX_LENGTH', 'Must be 5 or fewer in length.');
    return;
  }
  const ids = new Set<string>();
  rows.forEach((row: Json, r: number) => {
    const at = ['components', r];
    if (row.type !== ComponentType.ActionRow || !Array.isArray(row.components) || row.components.length > 5) {
      errors.add(at, 'COMPONENT_LAYOUT_WIDTH_EXCEEDED', 'The specified component exceeds the maximum width');
      return;
    }
    row.components.forEach((c: Json, j: number) => {
      const here = [...at, 'components', j];
      if (c.type === ComponentType.Button && c.style !== ButtonStyle.Link) {
        errors.length([...here, 'custom_id'], c.custom_id, 1, 100);
        if (typeof c.custom_id === 'string') {
          if (ids.has(c.custom_id)) {
            errors.add(
              [...here, 'custom_id'],
              'COMPONENT_CUSTOM_ID_DUPLICATED',
              'Component custom id cannot be duplicated',
            );
          }
          ids.add(c.custom_id);
        }
      }
      if (c.label != null) errors.length([...here, 'label'], c.label, 0, 80);
    });
  });
}
