import { describe, expect, it } from 'vitest';
import { deployNotes } from '../../src/bot/deploy.ts';

describe('what a deploy tells the operator', () => {
  it('when commands are deployed to one server, then the notes say DMs and user installs will not have them', () => {
    const text = deployNotes({ guildId: '123456789012345678' }).join(' ');
    expect(text).toContain('only in server 123456789012345678');
    expect(text).toContain('not offered in DMs');
    expect(text).toContain('--global');
  });

  it('when commands are deployed globally, then the notes say User Install must be enabled for personal use', () => {
    const text = deployNotes({}).join(' ');
    expect(text).toContain('User Install enabled');
    expect(text).toContain('Installation');
  });
});
