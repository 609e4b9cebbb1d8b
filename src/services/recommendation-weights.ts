// The learned blend weights in the database: the re-fit job saves a whole set (global + per user, one version) in one
// transaction; every process loads it at start and again whenever the stored version moves.
import type { Em } from '../db.ts';
import { BlendWeights, UserBlendWeights } from '../entities/index.ts';

export interface StoredBlendWeights {
  version: string;
  global: Record<string, number>;
  perUser: ReadonlyMap<string, Record<string, number>>;
}

const GLOBAL = 'global';

/** The stored version, or null when no weights were ever saved (one primary-key read). */
export async function storedBlendVersion(em: Em): Promise<string | null> {
  const rows = await em.execute<{ version: string }[]>('select version from blend_weights where scope = ?', [GLOBAL]);
  return rows[0]?.version ?? null;
}

/** The whole stored set, or null when none was saved yet. */
export async function loadBlendWeights(em: Em): Promise<StoredBlendWeights | null> {
  const global = await em.findOne(BlendWeights, { scope: GLOBAL }, { disableIdentityMap: true });
  if (!global) return null;
  const users = await em.find(UserBlendWeights, {}, { disableIdentityMap: true });
  return {
    version: global.version,
    global: { ...global.weights },
    perUser: new Map(users.map((u) => [u.user.id, { ...u.weights }])),
  };
}

/** Replaces the stored set (global row and every per-user row) in one transaction. */
export async function saveBlendWeights(em: Em, w: StoredBlendWeights): Promise<void> {
  await em.transactional(async (tem) => {
    await tem.upsert(BlendWeights, { scope: GLOBAL, version: w.version, weights: w.global, updatedAt: new Date() });
    await tem.nativeDelete(UserBlendWeights, {});
    if (w.perUser.size === 0) return;
    // Only people who still exist keep personal weights (the log may outlive a deleted user).
    const ids = [...w.perUser.keys()];
    const existing = await tem.execute<{ id: string }[]>(
      `select id from users where id in (${ids.map(() => '?').join(', ')})`,
      ids,
    );
    for (const { id } of existing) tem.create(UserBlendWeights, { user: id, weights: w.perUser.get(id)! });
    await tem.flush();
  });
}
