import { describe, expect, it } from 'vitest';
import { demoCommunityReport } from '../../scripts/recommender/demo-community.ts';
import { DEMO_COMMUNITY } from '../../src/services/seed/index.ts';

const ANIMATED = new Set([
  'Toy Story',
  'Up',
  'WALL·E',
  'Finding Nemo',
  'The Lion King',
  'Spirited Away',
  'My Neighbor Totoro',
  'Princess Mononoke',
]);

describe('the sandbox demo community', () => {
  it('when a Nolan fan and a Pixar fan rate four films each, then their picks differ and the Pixar fan gets animation', () => {
    const r = demoCommunityReport(DEMO_COMMUNITY);
    const pixar = r.probes['Pixar fan'] ?? [];
    const nolan = r.probes['Nolan fan'] ?? [];
    expect(pixar).toHaveLength(5);
    expect(nolan.filter((t) => pixar.includes(t)).length).toBeLessThanOrEqual(1);
    // With the generator's 8 archetypes and taste ×1.8 the Pixar fan got one animated film among crowd-pleasers.
    expect(pixar.filter((t) => ANIMATED.has(t)).length).toBeGreaterThanOrEqual(3);
    expect(nolan).toContain('The Prestige');
  });
});
