// What Discord accepts as a message body (create and edit, from a channel route or an interaction). Every rule cites
// the document it follows; all violations of one body are collected into one 50035 with an `errors` tree.
import { ButtonStyle, ComponentType, MessageFlags, RESTJSONErrorCodes } from 'discord-api-types/v10';
import { DiscordHttpError, type FieldPath, FormErrors } from '../errors.ts';
import type { Json } from '../types.ts';
import { checkPoll } from './polls.ts';

export interface MessageCheck {
  /** An edit: absent fields keep their value, so emptiness is judged on the result (see messages.ts). */
  readonly partial?: boolean;
  /** Flags the sender may set here; others are 50035 (interaction responses allow only a few). */
  readonly allowedFlags?: number;
  /** How many `files[n]` came with the body (a message may consist of files alone). */
  readonly files?: number;
}

/** Throws 400 50035 with every problem of `body`, then 50006 if it would be an empty message. */
export function validateMessageBody(body: Json, opts: MessageCheck = {}): void {
  const errors = new FormErrors();
  if (body === null || typeof body !== 'object' || Array.isArray(body)) {
    errors.add([], 'DICT_TYPE_CONVERT', 'Only dictionaries may be used in a DictType');
    errors.throwIfAny();
  }
  // resources/message.mdx § Create Message (JSON/Form Params: content up to 2000 characters)
  if (body.content != null) errors.length(['content'], body.content, 0, 2000);
  if (body.embeds != null) checkEmbeds(body.embeds, errors);
  const v2 = ((body.flags ?? 0) & MessageFlags.IsComponentsV2) !== 0;
  if (body.components != null) checkComponents(body.components, v2, errors);
  if (opts.allowedFlags !== undefined && (body.flags ?? 0) & ~opts.allowedFlags) {
    errors.add(['flags'], 'MESSAGE_FLAGS_INVALID', 'Invalid message flags');
  }
  // discord-openapi.json § MessageEditRequestPartial has no `poll`: a poll is set when the message is created.
  if (body.poll != null && opts.partial) errors.add(['poll'], 'BASE_TYPE_INVALID', 'Polls cannot be edited.');
  else if (body.poll != null) checkPoll(body.poll, errors);
  // resources/message.mdx § Attachment Object (Attachment Request Structure): up to 10 attachments per message.
  if (Array.isArray(body.attachments) && body.attachments.length > 10) {
    errors.add(['attachments'], 'BASE_TYPE_MAX_LENGTH', 'Must be 10 or fewer in length.');
  }
  errors.throwIfAny();
  const onlyFiles = (opts.files ?? 0) > 0;
  if (!opts.partial && !onlyFiles && isEmpty(body) && !((body.flags ?? 0) & MessageFlags.Loading)) throw emptyMessage();
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

// resources/message.mdx § Embed Limits: lengths are counted after trimming leading and trailing whitespace.
const EMBED_TOTAL = 6000;

function trimmedLength(v: unknown): number {
  return typeof v === 'string' ? v.trim().length : 0;
}

function maxLength(errors: FormErrors, at: FieldPath, v: unknown, max: number, required = false): void {
  if (v === undefined || v === null) {
    if (required) errors.add(at, 'BASE_TYPE_REQUIRED', 'This field is required');
    return;
  }
  if (typeof v !== 'string') errors.add(at, 'BASE_TYPE_STRING', 'Must be a string.');
  else if (required && v.trim().length === 0) errors.add(at, 'BASE_TYPE_REQUIRED', 'This field is required');
  else if (v.trim().length > max) errors.add(at, 'BASE_TYPE_MAX_LENGTH', `Must be ${max} or fewer in length.`);
}

function checkEmbeds(embeds: Json, errors: FormErrors): void {
  // resources/message.mdx § Create Message (embeds: up to 10 rich embeds, up to 6000 characters)
  if (!Array.isArray(embeds)) {
    errors.add(['embeds'], 'BASE_TYPE_LIST', 'Must be a list.');
    return;
  }
  if (embeds.length > 10) errors.add(['embeds'], 'BASE_TYPE_MAX_LENGTH', 'Must be 10 or fewer in length.');
  let total = 0;
  embeds.forEach((e: Json, i: number) => {
    const at = ['embeds', i];
    // resources/message.mdx § Embed Limits (title 256, description 4096, ≤ 25 fields, field name 256 and value 1024,
    // footer text 2048, author name 256); § Embed Field/Footer/Author Structure (name, value, text, name required).
    maxLength(errors, [...at, 'title'], e?.title, 256);
    maxLength(errors, [...at, 'description'], e?.description, 4096);
    total += trimmedLength(e?.title) + trimmedLength(e?.description);
    if (e?.fields != null) {
      if (!Array.isArray(e.fields)) errors.add([...at, 'fields'], 'BASE_TYPE_LIST', 'Must be a list.');
      else {
        if (e.fields.length > 25)
          errors.add([...at, 'fields'], 'BASE_TYPE_MAX_LENGTH', 'Must be 25 or fewer in length.');
        e.fields.forEach((f: Json, j: number) => {
          maxLength(errors, [...at, 'fields', j, 'name'], f?.name, 256, true);
          maxLength(errors, [...at, 'fields', j, 'value'], f?.value, 1024, true);
          total += trimmedLength(f?.name) + trimmedLength(f?.value);
        });
      }
    }
    if (e?.footer != null) {
      maxLength(errors, [...at, 'footer', 'text'], e.footer.text, 2048, true);
      total += trimmedLength(e.footer.text);
    }
    if (e?.author != null) {
      maxLength(errors, [...at, 'author', 'name'], e.author.name, 256, true);
      total += trimmedLength(e.author.name);
    }
  });
  // resources/message.mdx § Embed Limits: the sum over all embeds of title, description, field names and values,
  // footer text and author name is at most 6000 characters.
  if (total > EMBED_TOTAL) {
    errors.add(['embeds'], 'MESSAGE_EMBEDS_TOO_LONG', `Embed size exceeds maximum size of ${EMBED_TOTAL}`);
  }
}

const SELECTS = new Set<number>([
  ComponentType.StringSelect,
  ComponentType.UserSelect,
  ComponentType.RoleSelect,
  ComponentType.MentionableSelect,
  ComponentType.ChannelSelect,
]);

function checkComponents(rows: Json, v2: boolean, errors: FormErrors): void {
  if (!Array.isArray(rows)) {
    errors.add(['components'], 'BASE_TYPE_LIST', 'Must be a list.');
    return;
  }
  const ids = new Set<string>();
  // components/reference.mdx § Anatomy of a Component (Custom ID): 1-100 characters, unique within the message.
  const customId = (at: FieldPath, v: unknown) => {
    errors.length([...at, 'custom_id'], v, 1, 100);
    if (typeof v !== 'string') return;
    if (ids.has(v))
      errors.add([...at, 'custom_id'], 'COMPONENT_CUSTOM_ID_DUPLICATED', 'Component custom id cannot be duplicated');
    ids.add(v);
  };
  if (v2) {
    // components/reference.mdx (opening section): with IS_COMPONENTS_V2 a message holds up to 40 components.
    let count = 0;
    const walk = (c: Json, at: FieldPath): void => {
      count++;
      if (c?.custom_id !== undefined) customId(at, c.custom_id);
      (c?.components ?? []).forEach((x: Json, i: number) => {
        walk(x, [...at, 'components', i]);
      });
      if (c?.accessory) walk(c.accessory, [...at, 'accessory']);
    };
    rows.forEach((c: Json, i: number) => {
      walk(c, ['components', i]);
    });
    if (count > 40) errors.add(['components'], 'BASE_TYPE_MAX_LENGTH', 'Must be 40 or fewer in length.');
    return;
  }
  // components/reference.mdx § Legacy Message Component Behavior: up to 5 action rows as top-level components.
  if (rows.length > 5) errors.add(['components'], 'BASE_TYPE_MAX_LENGTH', 'Must be 5 or fewer in length.');
  rows.forEach((row: Json, r: number) => {
    const at: FieldPath = ['components', r];
    if (row?.type !== ComponentType.ActionRow) {
      errors.add([...at, 'type'], 'UNION_TYPE_CHOICES', 'Value of field "type" must be one of (1,).');
      return;
    }
    const children = row.components;
    // components/reference.mdx § Action Row Structure: 1 to 5 buttons, or a single select; never empty or mixed.
    if (!Array.isArray(children) || children.length < 1 || children.length > 5) {
      errors.add([...at, 'components'], 'BASE_TYPE_BAD_LENGTH', 'Must be between 1 and 5 in length.');
      return;
    }
    const selects = children.filter((c: Json) => SELECTS.has(c?.type)).length;
    if (selects > 0 && children.length > 1) {
      errors.add(
        [...at, 'components'],
        'COMPONENT_LAYOUT_WIDTH_EXCEEDED',
        'The specified component exceeds the maximum width',
      );
    }
    children.forEach((c: Json, j: number) => {
      const here: FieldPath = [...at, 'components', j];
      if (c?.type === ComponentType.Button) checkButton(c, here, customId, errors);
      else if (SELECTS.has(c?.type)) checkSelect(c, here, customId, errors);
      else errors.add([...here, 'type'], 'COMPONENT_TYPE_INVALID', 'Component type is invalid in an action row');
    });
  });
}

function checkButton(c: Json, at: FieldPath, customId: (at: FieldPath, v: unknown) => void, errors: FormErrors): void {
  // components/reference.mdx § Button (Button Structure, Button Styles)
  if (c.label != null) maxLength(errors, [...at, 'label'], c.label, 80);
  if (c.style === ButtonStyle.Link) {
    if (typeof c.url !== 'string' || c.url.length < 1 || c.url.length > 512) {
      errors.add([...at, 'url'], 'BASE_TYPE_BAD_LENGTH', 'Must be between 1 and 512 in length.');
    }
    if (c.custom_id !== undefined)
      errors.add([...at, 'custom_id'], 'BUTTON_COMPONENT_INVALID_FIELD', 'Link buttons cannot have a custom_id');
  } else if (c.style === ButtonStyle.Premium) {
    if (!c.sku_id) errors.add([...at, 'sku_id'], 'BASE_TYPE_REQUIRED', 'This field is required');
    for (const f of ['custom_id', 'label', 'url', 'emoji']) {
      if (c[f] !== undefined)
        errors.add([...at, f], 'BUTTON_COMPONENT_INVALID_FIELD', `Premium buttons cannot have ${f}`);
    }
  } else if ([ButtonStyle.Primary, ButtonStyle.Secondary, ButtonStyle.Success, ButtonStyle.Danger].includes(c.style)) {
    customId(at, c.custom_id);
    if (c.url !== undefined)
      errors.add([...at, 'url'], 'BUTTON_COMPONENT_INVALID_FIELD', 'Only link buttons have a url');
  } else {
    errors.add([...at, 'style'], 'BASE_TYPE_CHOICES', 'Value must be one of (1, 2, 3, 4, 5, 6).');
  }
  // components/reference.mdx § Button Structure lists label and emoji as optional each, but Discord refuses a
  // non-premium button with neither (nothing to show); the probe of real Discord confirmed it.
  const label = typeof c.label === 'string' ? c.label.trim() : '';
  if (c.style !== ButtonStyle.Premium && !label && !c.emoji) {
    errors.add([...at, 'label'], 'BUTTON_COMPONENT_LABEL_OR_EMOJI_REQUIRED', 'A button needs a label or an emoji');
  }
}

function checkSelect(c: Json, at: FieldPath, customId: (at: FieldPath, v: unknown) => void, errors: FormErrors): void {
  // components/reference.mdx § String Select (String Select Structure, Select Option Structure) and the other selects.
  customId(at, c.custom_id);
  if (c.placeholder != null) maxLength(errors, [...at, 'placeholder'], c.placeholder, 150);
  const min = c.min_values ?? 1;
  const max = c.max_values ?? 1;
  if (!Number.isInteger(min) || min < 0 || min > 25) {
    errors.add([...at, 'min_values'], 'NUMBER_TYPE_MAX', 'Must be between 0 and 25.');
  }
  if (!Number.isInteger(max) || max < 1 || max > 25) {
    errors.add([...at, 'max_values'], 'NUMBER_TYPE_MAX', 'Must be between 1 and 25.');
  }
  if (min > max)
    errors.add([...at, 'min_values'], 'SELECT_COMPONENT_MIN_GT_MAX', 'min_values must not exceed max_values');
  if (c.type !== ComponentType.StringSelect) return;
  const options = c.options;
  if (!Array.isArray(options) || options.length < 1 || options.length > 25) {
    errors.add([...at, 'options'], 'BASE_TYPE_BAD_LENGTH', 'Must be between 1 and 25 in length.');
    return;
  }
  if (max > options.length) {
    errors.add([...at, 'max_values'], 'SELECT_COMPONENT_MAX_GT_OPTIONS', 'max_values exceeds the number of options');
  }
  const values = new Set<string>();
  options.forEach((o: Json, k: number) => {
    const here: FieldPath = [...at, 'options', k];
    errors.length([...here, 'label'], o?.label, 1, 100);
    errors.length([...here, 'value'], o?.value, 1, 100);
    if (o?.description != null) maxLength(errors, [...here, 'description'], o.description, 100);
    if (typeof o?.value === 'string') {
      if (values.has(o.value))
        errors.add([...here, 'value'], 'SELECT_COMPONENT_OPTION_VALUE_DUPLICATED', 'Option values must be unique');
      values.add(o.value);
    }
  });
}
