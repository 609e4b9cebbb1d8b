// /import through the real bot and the local Discord: a file attached to the command, progress edits, the summary
// with the unmatched rows as a CSV attachment, undo, and a bad file refused without changes.
import { strToU8, zipSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { waitUntil } from '../../fakes/discord/people.ts';
import { type LocalStack, startLocalStack } from '../../fakes/local-stack.ts';
import { ImportJob, Rating, Watched } from '../../src/entities/index.ts';

let stack: LocalStack;
beforeAll(async () => {
  stack = await startLocalStack({
    dataDir: 'memory://',
    preloadDemo: false,
    logLevel: process.env.DBG ? 'info' : undefined,
  });
});
afterAll(async () => {
  await stack?.stop();
});

const RATINGS =
  'Date,Name,Year,Letterboxd URI,Rating\n2024-01-02,Heat,1995,u,4.5\n2024-01-03,Amelie,2001,u,5\n2024-01-04,Not A Real Film At All,2011,u,2\n';
const DIARY =
  'Date,Name,Year,Letterboxd URI,Rating,Rewatch,Tags,Watched Date\n2024-02-01,Heat,1995,u,4,,,2024-01-31\n2024-03-01,Heat,1995,u,4.5,Yes,,2024-02-28\n';

describe('/import', () => {
  it('when a Letterboxd ZIP is attached, then the reply shows progress and ends with a summary and the unmatched rows as a CSV', {
    timeout: 60_000,
  }, async () => {
    const d = stack.discord;
    const user = d.user('imogen');
    const zip = zipSync({ 'ratings.csv': strToU8(RATINGS), 'diary.csv': strToU8(DIARY) });
    const handle = d.command(user, 'import', { file: { filename: 'letterboxd-imogen.zip', data: zip } });
    const first = await handle.reply();
    expect(first.flags & 64).toBe(64); // private
    await waitUntil(d, () => (handle.messages()[0]?.content ?? '').includes('Imported'), 50_000);
    const [reply] = handle.messages();
    expect(reply?.content).toContain('4 of 5 rows matched');
    expect(reply?.content).toContain('1 row was not imported');
    const attachment = reply?.attachments?.[0];
    expect(attachment?.filename).toMatch(/^marquee-unmatched-\d+\.csv$/);
    const csv = await (await fetch(attachment.url)).text();
    expect(csv).toContain('Not A Real Film At All');
    const em = stack.orm.em.fork();
    expect(await em.count(Rating, { user: user.id })).toBe(2);
    const heat = await em.findOneOrFail(Watched, { user: user.id, movie: 949 });
    expect([heat.watchedOn, heat.rewatchCount]).toEqual(['2024-02-28', 1]);

    const undo = await d.command(user, 'import', { undo: true }).reply();
    expect(undo.content).toContain('Undid the import of **letterboxd-imogen.zip**');
    expect(await stack.orm.em.fork().count(Rating, { user: user.id })).toBe(0);
  });

  it('when the attachment is not an export, then it is refused clearly and nothing is stored', async () => {
    const d = stack.discord;
    const user = d.user('ivan');
    const png = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]);
    const reply = await d.command(user, 'import', { file: { filename: 'poster.png', data: png } }).reply();
    expect(reply.content).toContain('poster.png is not a CSV or a ZIP');
    expect(await stack.orm.em.fork().count(ImportJob, { user: user.id })).toBe(0);
  });

  it('when someone chose /settings language ja, then the progress and the summary of their import are in Japanese', {
    timeout: 60_000,
  }, async () => {
    const d = stack.discord;
    const user = d.user('yoko'); // a Discord client in English
    await d.command(user, 'settings language', { language: 'ja' }).reply();
    const zip = zipSync({ 'ratings.csv': strToU8(RATINGS) });
    const handle = d.command(user, 'import', { file: { filename: 'letterboxd-yoko.zip', data: zip } });
    await handle.reply();
    await waitUntil(d, () => /✅|❌/.test(handle.messages()[0]?.content ?? ''), 50_000);
    expect(handle.messages()[0]?.content).toContain('を取り込みました');
  });
});
