// Synthetic communities for demos, benchmarks and tests (issue 7). See docs in README "Seeding".
export * from './catalogue.ts';
export * from './demo.ts';
export * from './generator.ts';
export * from './movielens-export.ts';
export * from './snowflake.ts';
export * from './sources.ts';
export * from './store.ts';
