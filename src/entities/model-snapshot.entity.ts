import { defineEntity, p } from '@mikro-orm/core';

/**
 * The recommendation model as one process built it, for the others to load instead of building the same model again
 * (several processes on one PostgreSQL). One row per model name; `lease_*` says who is building the next one, so that
 * only one process builds at a time and the rest wait for its snapshot.
 */
export const ModelSnapshotSchema = defineEntity({
  name: 'ModelSnapshot',
  tableName: 'model_snapshots',
  properties: {
    name: p.string().primary().length(32),
    /** The serving version every process reports (`hyb1-…`); null until the first snapshot. */
    version: p.string().length(64).nullable(),
    /** When the builder read the data the model was built from. */
    builtAt: p.datetime().nullable(),
    buildMs: p.integer().nullable(),
    /** The model and its catalogue, serialised with node:v8 (the structured clone the build worker already uses). */
    payload: p.blob().nullable(),
    leaseHolder: p.string().length(64).nullable(),
    leaseUntil: p.datetime().nullable(),
  },
});
export class ModelSnapshot extends ModelSnapshotSchema.class {}
ModelSnapshotSchema.setClass(ModelSnapshot);
