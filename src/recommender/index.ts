// The pure recommendation engine: plain data and typed arrays in, ranked films with reasons (as data) out.
export * from './blend.ts';
export * from './content.ts';
export * from './csr.ts';
export * from './ease.ts';
export * from './filters.ts';
export * from './group.ts';
export * from './item-knn.ts';
export * from './mmr.ts';
export * from './model.ts';
export * from './popularity.ts';
export * from './reasons.ts';
export * from './recommend.ts';
export * from './rng.ts';
export * from './scorers.ts';
export * from './topk.ts';
export * from './types.ts';
export * from './user-knn.ts';
