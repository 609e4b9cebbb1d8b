// The pure recommendation engine: plain data and typed arrays in, ranked films with reasons out.
export * from './content.ts';
export * from './csr.ts';
export * from './ease.ts';
export * from './hybrid.ts';
export * from './item-knn.ts';
export * from './popularity.ts';
export * from './rng.ts';
export * from './topk.ts';
export * from './types.ts';
export * from './user-knn.ts';
