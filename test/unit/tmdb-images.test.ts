import { describe, expect, it } from 'vitest';
import { posterUrl as pickPoster } from '../../src/bot/render.ts';
import { DEFAULT_IMAGE_BASE, POSTER_SIZE, posterSizeFrom, posterUrl } from '../../src/services/tmdb/images.ts';

describe('one poster URL', () => {
  it('when a film has a poster path, then its URL is base + the one size + path, for cards and picks alike', () => {
    expect(posterUrl('/abc.jpg')).toBe(`${DEFAULT_IMAGE_BASE}${POSTER_SIZE}/abc.jpg`);
    expect(pickPoster('/abc.jpg')).toBe(posterUrl('/abc.jpg'));
    expect(posterUrl('/abc.jpg', 'https://cdn.example/t/p/')).toBe(`https://cdn.example/t/p/${POSTER_SIZE}/abc.jpg`);
  });

  it('when there is no poster, or it is already a URL, then nothing is built', () => {
    expect(posterUrl(null)).toBeNull();
    expect(posterUrl('')).toBeNull();
    expect(posterUrl('https://x.test/p.jpg')).toBe('https://x.test/p.jpg');
  });

  it("when TMDB's configuration lists sizes, then the one size is used if offered, else the next larger", () => {
    expect(posterSizeFrom(['w92', 'w154', 'w185', 'w342', 'original'])).toBe(POSTER_SIZE);
    expect(posterSizeFrom(['w92', 'w154', 'w342', 'w500', 'original'])).toBe('w342');
    expect(posterSizeFrom(['w92', 'original'])).toBe('original');
    expect(posterSizeFrom(undefined)).toBe(POSTER_SIZE);
  });
});
