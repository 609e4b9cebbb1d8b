// The small catalogues and evidence the recommender's unit tests build their worlds from.
import {
  type Csr,
  csrFromTriplets,
  type ItemMeta,
  type TrainingData,
  transpose,
  type UserEvidence,
} from '../../../src/recommender/index.ts';

export function item(id: number, extra: Partial<ItemMeta> = {}): ItemMeta {
  return {
    id,
    title: `Film ${id}`,
    year: 2000,
    genres: [],
    keywords: [],
    cast: [],
    directors: [],
    language: 'en',
    collection: null,
    runtime: 100,
    voteAverage: 0,
    voteCount: 0,
    ...extra,
  };
}

export function data(items: ItemMeta[], rows: [number, number, number][]): TrainingData {
  const users = Math.max(...rows.map((r) => r[0])) + 1;
  return {
    items,
    userIds: Array.from({ length: users }, (_, u) => `u${u}`),
    ratings: {
      user: Int32Array.from(rows.map((r) => r[0])),
      item: Int32Array.from(rows.map((r) => r[1])),
      value: Float32Array.from(rows.map((r) => r[2])),
    },
  };
}

export const ev = (items: number[], ratings: number[], extra: Partial<UserEvidence> = {}): UserEvidence => ({
  items: Int32Array.from(items),
  ratings: Float32Array.from(ratings),
  ...extra,
});

/**
 * A random user × film matrix of one rating value: user u rates each film with probability `density(u)`, so a test
 * can make a few heavy users, as real data has.
 */
export function randomMatrix(
  nUsers: number,
  nItems: number,
  density: (u: number) => number,
  value: number,
  rand: () => number,
): { byUser: Csr; byItem: Csr } {
  const user: number[] = [];
  const item: number[] = [];
  for (let u = 0; u < nUsers; u++) {
    const p = density(u);
    for (let i = 0; i < nItems; i++) {
      if (rand() < p) {
        user.push(u);
        item.push(i);
      }
    }
  }
  const byUser = csrFromTriplets(
    nUsers,
    nItems,
    Int32Array.from(user),
    Int32Array.from(item),
    new Float32Array(user.length).fill(value),
  );
  return { byUser, byItem: transpose(byUser) };
}
