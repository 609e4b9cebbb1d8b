import { describe, expect, it } from 'vitest';
import { reasonText } from '../../src/bot/reason-text.ts';
import { translator } from '../../src/i18n/index.ts';
import type { EvidenceFilm } from '../../src/services/recommendation-service.ts';

const en = translator('en-US');

const film = (title: string, stars: number | null, share = 0.5): EvidenceFilm => ({ movieId: 1, title, stars, share });

describe('reason wording', () => {
  it('when the film that drove a pick was rated 5★, then the line says the user loved it', () => {
    expect(reasonText(en, { kind: 'similar_to', via: 'item', evidence: [film('Heat', 5)] })).toBe(
      'Because you loved Heat',
    );
  });

  it('when it was rated 1.5★, then the line never says loved or liked, and gives the real rating', () => {
    const line = reasonText(en, { kind: 'similar_to', via: 'item', evidence: [film('Titanic', 1.5)] });
    expect(line).toBe('Close to Titanic, which you rated 1.5★');
  });

  it('when two films with the same verb carry comparable shares, then both are named', () => {
    const r = { kind: 'similar_to', via: 'item', evidence: [film('Up', 4, 0.4), film('Coco', 4, 0.3)] } as const;
    expect(reasonText(en, r)).toBe('Because you liked Up and Coco');
  });

  it('when content drove it, then the line names the shared director and the film behind it', () => {
    const r = { kind: 'shared_director', name: 'Christopher Nolan', evidence: [film('Inception', 5)] } as const;
    expect(reasonText(en, r)).toBe('From Christopher Nolan, who made Inception');
  });

  it('when taste neighbours drove it, then the line counts them and their mean stars', () => {
    expect(reasonText(en, { kind: 'taste_neighbours', people: 3, meanStars: 4.46, share: 0.5 })).toBe(
      '3 people with your taste gave it 4.5★',
    );
  });

  describe('friends in this server', () => {
    const friend = (name: string, stars: number | null) => ({ name, stars, share: 0.2 });
    const friends = (named: ReturnType<typeof friend>[], people = 4, meanStars: number | null = 4.2) =>
      reasonText(en, { kind: 'friends', people, meanStars, share: 0.6, named });

    it('when a language other than English is asked for, then the names and stars carry over', () => {
      const line = reasonText(translator('de'), {
        kind: 'friends',
        people: 3,
        meanStars: 4.5,
        share: 0.6,
        named: [friend('Sam', 4.5), friend('Ana', 4.5)],
      });
      expect(line).toContain('Sam');
      expect(line).toContain('Ana');
      expect(line).toContain('4,5');
    });

    it('when two members may be named, then the line names both with their mean stars', () => {
      expect(friends([friend('Sam', 4.5), friend('Ana', 4.5)])).toBe('Sam and Ana, who share your taste, gave it 4.5★');
    });

    it('when one member may be named, then the verb agrees with one person', () => {
      expect(friends([friend('Sam', 4)])).toBe('Sam, who shares your taste, gave it 4★');
    });

    it('when a named member only watched it, then their stars are not claimed', () => {
      expect(friends([friend('Sam', 5), friend('Ana', null)])).toBe(
        'Sam, who shares your taste, gave it 5★; Ana watched it',
      );
    });

    it('when nobody may be named, then the line speaks of people with your taste and names no one', () => {
      expect(friends([])).toBe('4 people with your taste gave it 4.2★');
      expect(friends([], 1, 5)).toBe('1 person with your taste gave it 5★');
    });
  });

  it('when a reason was stored as text before reasons were data, then it is shown unchanged', () => {
    expect(reasonText(en, 'Because you loved Heat')).toBe('Because you loved Heat');
  });
});
