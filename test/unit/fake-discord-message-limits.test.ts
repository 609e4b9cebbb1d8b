// The message limits the local Discord enforces (resources/message.mdx § Embed Limits, components/reference.mdx),
// checked on the validator directly: each case names the field Discord's 50035 `errors` tree must point at.
import { describe, expect, it } from 'vitest';
import { DiscordHttpError } from '../../fakes/discord/index.ts';
import { validateMessageBody } from '../../fakes/discord/validation/messages.ts';

function rejection(body: unknown): DiscordHttpError | null {
  try {
    validateMessageBody(body);
    return null;
  } catch (e) {
    if (e instanceof DiscordHttpError) return e;
    throw e;
  }
}

function errorAt(err: DiscordHttpError | null, path: (string | number)[]): unknown {
  let node = err?.errors;
  for (const key of path) node = node?.[String(key)];
  return node?._errors;
}

const button = (custom_id: string, extra: object = {}) => ({ type: 2, style: 1, label: 'Go', custom_id, ...extra });
const row = (...components: object[]) => ({ type: 1, components });
const x = (n: number) => 'x'.repeat(n);

describe('message bodies the local Discord accepts', () => {
  it.each([
    ['content at 2000', { content: x(2000) }],
    [
      'an embed at every single limit',
      {
        embeds: [
          {
            title: x(256),
            description: x(4096),
            fields: [{ name: x(256), value: x(1024) }],
            footer: { text: x(100) },
            author: { name: x(10) },
          },
        ],
      },
    ],
    ['embeds totalling exactly 6000', { embeds: [{ description: x(4000) }, { description: x(2000) }] }],
    [
      'five rows of five buttons',
      {
        components: Array.from({ length: 5 }, (_, r) =>
          row(...Array.from({ length: 5 }, (_, b) => button(`${r}-${b}`))),
        ),
      },
    ],
    [
      'a button with only an emoji',
      { components: [row({ type: 2, style: 2, emoji: { name: '👍' }, custom_id: 'up' })] },
    ],
    ['a link button', { components: [row({ type: 2, style: 5, label: 'TMDB', url: 'https://www.themoviedb.org/' })] }],
    [
      'a string select with 25 options',
      {
        components: [
          row({
            type: 3,
            custom_id: 's',
            options: Array.from({ length: 25 }, (_, i) => ({ label: `L${i}`, value: `${i}` })),
          }),
        ],
      },
    ],
    ['whitespace around a title does not count', { embeds: [{ title: `  ${x(256)}  ` }] }],
  ])('when a body has %s, then it is accepted', (_n, body) => {
    expect(rejection(body)).toBeNull();
  });

  it.each([
    ['content over 2000', { content: x(2001) }, ['content']],
    ['11 embeds', { embeds: Array.from({ length: 11 }, () => ({ title: 't' })) }, ['embeds']],
    ['a 257-character title', { embeds: [{ title: x(257) }] }, ['embeds', 0, 'title']],
    ['a 4097-character description', { embeds: [{ description: x(4097) }] }, ['embeds', 0, 'description']],
    [
      '26 fields',
      { embeds: [{ fields: Array.from({ length: 26 }, () => ({ name: 'n', value: 'v' })) }] },
      ['embeds', 0, 'fields'],
    ],
    [
      'a 257-character field name',
      { embeds: [{ fields: [{ name: x(257), value: 'v' }] }] },
      ['embeds', 0, 'fields', 0, 'name'],
    ],
    [
      'a 1025-character field value',
      { embeds: [{ fields: [{ name: 'n', value: x(1025) }] }] },
      ['embeds', 0, 'fields', 0, 'value'],
    ],
    [
      'an empty field value',
      { embeds: [{ fields: [{ name: 'n', value: ' ' }] }] },
      ['embeds', 0, 'fields', 0, 'value'],
    ],
    ['a 2049-character footer', { embeds: [{ footer: { text: x(2049) } }] }, ['embeds', 0, 'footer', 'text']],
    ['a 257-character author name', { embeds: [{ author: { name: x(257) } }] }, ['embeds', 0, 'author', 'name']],
    ['embeds totalling 6001', { embeds: [{ description: x(4000) }, { description: x(2001) }] }, ['embeds']],
    ['six rows', { components: Array.from({ length: 6 }, (_, r) => row(button(`b${r}`))) }, ['components']],
    ['an empty row', { content: 'hi', components: [row()] }, ['components', 0, 'components']],
    [
      'six buttons in a row',
      { components: [row(...Array.from({ length: 6 }, (_, b) => button(`b${b}`)))] },
      ['components', 0, 'components'],
    ],
    [
      'a button with neither label nor emoji',
      { components: [row({ type: 2, style: 1, custom_id: 'a' })] },
      ['components', 0, 'components', 0, 'label'],
    ],
    [
      'an 81-character label',
      { components: [row(button('a', { label: x(81) }))] },
      ['components', 0, 'components', 0, 'label'],
    ],
    [
      'a duplicated custom id',
      { components: [row(button('same')), row(button('same'))] },
      ['components', 1, 'components', 0, 'custom_id'],
    ],
    [
      'a 101-character custom id',
      { components: [row(button(x(101)))] },
      ['components', 0, 'components', 0, 'custom_id'],
    ],
    [
      'a button without a custom id',
      { components: [row({ type: 2, style: 1, label: 'a' })] },
      ['components', 0, 'components', 0, 'custom_id'],
    ],
    [
      'a link button with a custom id',
      { components: [row({ type: 2, style: 5, label: 'a', url: 'https://x.y', custom_id: 'c' })] },
      ['components', 0, 'components', 0, 'custom_id'],
    ],
    [
      'a select beside a button',
      { components: [row(button('b'), { type: 3, custom_id: 's', options: [{ label: 'a', value: 'a' }] })] },
      ['components', 0, 'components'],
    ],
    [
      'a select with 26 options',
      {
        components: [
          row({
            type: 3,
            custom_id: 's',
            options: Array.from({ length: 26 }, (_, i) => ({ label: `${i}`, value: `${i}` })),
          }),
        ],
      },
      ['components', 0, 'components', 0, 'options'],
    ],
    [
      'a select with duplicate option values',
      {
        components: [
          row({
            type: 3,
            custom_id: 's',
            options: [
              { label: 'a', value: 'v' },
              { label: 'b', value: 'v' },
            ],
          }),
        ],
      },
      ['components', 0, 'components', 0, 'options', 1, 'value'],
    ],
    [
      'a select whose max_values exceeds its options',
      { components: [row({ type: 3, custom_id: 's', max_values: 3, options: [{ label: 'a', value: 'a' }] })] },
      ['components', 0, 'components', 0, 'max_values'],
    ],
    [
      'a 151-character placeholder',
      { components: [row({ type: 3, custom_id: 's', placeholder: x(151), options: [{ label: 'a', value: 'a' }] })] },
      ['components', 0, 'components', 0, 'placeholder'],
    ],
  ])('when a body has %s, then it is 50035 pointing at that field', (_n, body, path) => {
    const err = rejection(body);
    expect(err?.code).toBe(50035);
    expect(err?.message).toBe('Invalid Form Body');
    expect(errorAt(err, path)).toEqual(expect.arrayContaining([expect.objectContaining({ code: expect.any(String) })]));
  });

  it('when a body has several problems, then one 50035 names them all', () => {
    const err = rejection({ content: x(2001), embeds: [{ title: x(300) }] });
    expect(errorAt(err, ['content'])).toBeDefined();
    expect(errorAt(err, ['embeds', 0, 'title'])).toBeDefined();
  });

  it('when a body is empty, then it is 50006, not 50035', () => {
    expect(rejection({ content: '', embeds: [], components: [] })?.code).toBe(50006);
  });
});
