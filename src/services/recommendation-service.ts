// The recommendation service: builds the hybrid model from the database at start-up, rebuilds it in the background,
// and answers /recommend for one user from the model plus that user's rows read fresh (the per-user overlay), so a
// new rating or feedback changes the next answer at once. Every pick shown is logged as one recommendation_log row.
import { randomUUID } from 'node:crypto';
import { extname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { Em, Orm } from '../db.ts';
import { type ImpressionContext, RecommendationLog, type StoredGroupReason } from '../entities/index.ts';
import { timeSlicer, yieldToEventLoop } from '../event-loop.ts';
import type { Logger } from '../logger.ts';
import {
  type BlendWeights,
  buildHybrid,
  DEFAULT_BLEND,
  DEFAULT_IGNORED_WEIGHT,
  type GroupReason,
  type HybridModel,
  type HybridOptions,
  mapReasonEvidence,
  mapReasonPeople,
  onboardingOrder,
  type Reason,
  recommendForGroup as rankForGroup,
  recommend as rankForUser,
  reasonPeople,
  type ScoredItem,
  type SimilarReason,
  SOURCES,
  type SourceWeights,
  similarItems,
  type TrainingData,
} from '../recommender/index.ts';
import { logImpressions } from './impression-log.ts';
import {
  loadSnapshot,
  releaseBuildLease,
  type SnapshotMeta,
  saveSnapshot,
  snapshotMeta,
  tryBuildLease,
} from './model-snapshot-service.ts';
import { nameablePeopleMany } from './privacy-service.ts';
import type { RankingPool } from './ranking-pool.ts';
import {
  type CatalogueItem,
  excludedMovieIds,
  knowsEnoughForPicks,
  loadCatalogue,
  loadTrainingData,
  loadUserRows,
  loadUserRowsMany,
  toEvidence,
  type UserRows,
} from './recommendation-data.ts';
import { tasteVersions } from './recommendation-taste.ts';
import { loadBlendWeights, saveBlendWeights, storedBlendVersion } from './recommendation-weights.ts';
import { isModelBuiltMessage, type RankJob } from './recommendation-worker-message.ts';

export interface RecommendOptions {
  count?: number;
  genre?: string;
  fromYear?: number;
  toYear?: number;
  maxRuntime?: number;
  context: ImpressionContext;
  guildId?: string | null;
  excludeMovieIds?: number[];
  /** Only these films (e.g. those streaming on the person's services); none of the others is picked. */
  onlyMovieIds?: ReadonlySet<number>;
}

/** A film named as evidence in a reason: the user's own rating of it and its share of the pick's score. */
export interface EvidenceFilm {
  movieId: number;
  title: string;
  /** The user's stars for it; null when watched or 👍 without stars. */
  stars: number | null;
  /** Share (0–1) of the pick's positive score that came from this film. */
  share: number;
}

/**
 * A member of this server who shares the user's taste, named in a reason: only people the viewer may see
 * (privacy-service `nameablePeople`), never imported or synthetic users.
 */
export interface NamedNeighbour {
  name: string;
  /** Their stars for the pick; null when they watched it without stars. */
  stars: number | null;
  /** Their share (0–1) of the pick's positive score. */
  share: number;
}

/** Why a film was picked, as data (src/bot/reason-text.ts makes the words). */
export type PickReason = Reason<EvidenceFilm, NamedNeighbour>;

export interface PickView {
  impressionId: number;
  movieId: number;
  title: string;
  year: number | null;
  posterPath: string | null;
  genres: string[];
  score: number;
  reason: PickReason;
}

/** `recommendMany` options: the same as `recommend`'s, with the extra exclusions given per user. */
export interface RecommendManyOptions extends Omit<RecommendOptions, 'excludeMovieIds'> {
  excludeMovieIds?: ReadonlyMap<string, readonly number[]>;
}

export type RecommendationResult =
  | { kind: 'picks'; picks: PickView[]; modelVersion: string; batchId: string }
  | { kind: 'onboarding'; movies: { id: number; title: string; year: number | null }[] };

export interface GroupPickOptions {
  count: number;
  genre?: string | undefined;
  maxRuntime?: number | undefined;
  guildId?: string | null;
}

/** A group reason with members as user ids and films as movie ids (the engine works on indices); stored as is. */
export type GroupReasonView = StoredGroupReason;

export interface GroupPickView {
  movieId: number;
  title: string;
  year: number | null;
  runtime: number | null;
  posterPath: string | null;
  genres: string[];
  /** The group score (mean of the members' z-scores), used to break poll ties. */
  score: number;
  reasons: GroupReasonView[];
}

/** One "more like this" film, with the impression it was logged as and why it is similar (words in src/bot/). */
export interface SimilarView {
  impressionId: number;
  movieId: number;
  title: string;
  year: number | null;
  posterPath: string | null;
  genres: string[];
  score: number;
  reason: SimilarReason;
}

export interface SimilarResult {
  seed: { movieId: number; title: string; year: number | null };
  picks: SimilarView[];
}

export interface BlendWeightsSnapshot {
  version: string;
  global: Record<string, number>;
  perUser: ReadonlyMap<string, Record<string, number>>;
}

export interface RecommendationService {
  start(): Promise<void>;
  stop(): Promise<void>;
  recommend(em: Em, userId: string, opts: RecommendOptions): Promise<RecommendationResult>;
  /** Whether `recommend` would answer this user with onboarding (too few ratings yet): a quick look, no ranking. */
  needsOnboarding(em: Em, userId: string): Promise<boolean>;
  /**
   * The batch form of `recommend` (the weekly run): the same ranking and impressions for each user, but their rows are
   * read in a few set-based queries and all impressions are written in one flush. Results are in `userIds` order.
   */
  recommendMany(em: Em, userIds: readonly string[], opts: RecommendManyOptions): Promise<RecommendationResult[]>;
  /**
   * Picks for a group (movie night): films none of them rated, watched or dismissed, ranked by the group aggregation
   * (src/recommender/group.ts), each with its group reasons. One impression per member and pick is logged
   * (context 'group').
   */
  recommendForGroup(em: Em, userIds: readonly string[], opts: GroupPickOptions): Promise<GroupPickView[]>;
  /**
   * Films like `movieId` from the item-item and content models, skipping what the user has rated, watched, dismissed
   * or watchlisted; each shown film is logged as an impression (context 'similar'). Empty when the seed is unknown.
   */
  similar(
    em: Em,
    userId: string,
    movieId: number,
    opts?: { count?: number; guildId?: string | null },
  ): Promise<SimilarResult | null>;
  getBlendWeights(): BlendWeightsSnapshot;
  /** Saves a new set of blend weights to the database (shared by every process) and serves it here at once. */
  setBlendWeights(w: {
    version: string;
    global: Record<string, number>;
    perUser?: ReadonlyMap<string, Record<string, number>>;
  }): Promise<void>;
  /** Rebuilds the model from the database now (the background refresh calls this). */
  rebuild(): Promise<void>;
  /** The version of the model currently serving, without the blend-weights part; null before start. */
  readonly modelVersion: string | null;
}

export interface RecommendationServiceDeps {
  orm: Orm;
  logger: Logger;
  clock?: () => Date;
  /** Background rebuild period; 0 or undefined disables it. */
  refreshIntervalMs?: number;
  /** MMR trade-off for served picks (1 = relevance only). */
  diversity?: number;
  /** Build in a worker thread (default) so rebuilds never block the event loop; false builds inline. */
  buildInWorker?: boolean;
  /** Engine options (EASE λ, neighbourhood sizes); the defaults are the ones tuned offline. */
  engine?: HybridOptions;
  /** Called after each build with its duration (metrics). */
  onModelBuilt?: (build: { version: string; ms: number }) => void;
  /** How often a request checks whether another process saved new blend weights (one primary-key read). */
  weightsCheckMs?: number;
  /** Several processes on one database: one builds, the others load its snapshot (model-snapshot-service.ts). */
  share?: ModelShareOptions;
  /** Most time a batch (the weekly run) ranks members before letting the event loop in; 10 ms by default. */
  sliceMs?: number;
  /** A second core for large batches (src/services/ranking-pool.ts); without it everything ranks on this thread. */
  rankingPool?: RankingPool;
}

export interface ModelShareOptions {
  /** This process in the build lease, e.g. `host:pid`. */
  readonly holder: string;
  /** A snapshot built less than this long ago is loaded instead of building another. */
  readonly freshMs: number;
  /** The longest a build may hold the lease; a holder that died frees it after this. */
  readonly leaseMs: number;
  /** How often a process waiting for another's build looks for its snapshot (default 500 ms). */
  readonly pollMs?: number;
}

/** The row name of the hybrid model's snapshot. */
const SNAPSHOT = 'hybrid';

const DEFAULT_COUNT = 5;
/** Batches smaller than this rank on this thread only (an interactive /recommend is one member). */
const RANK_WORKER_MIN_BATCH = 8;
/**
 * The ranking worker's share of a batch: it starts even and follows the machine. This thread also reads and writes
 * the batches (and answers interactions) while the worker only ranks, so after each batch the share moves a step
 * towards whichever side finished first: the worker takes more when it waited for this thread, less when this thread
 * waited for it (docs/benchmarks.md, "100k-member compute").
 */
const RANK_WORKER_SHARE = { start: 0.5, step: 0.02, min: 0.2, max: 0.9 } as const;
const MAX_COUNT = 25;

const WORKER_URL = new URL(`./recommendation-worker${extname(fileURLToPath(import.meta.url))}`, import.meta.url);

/** Builds the hybrid model in a worker thread; resolves with the worker's tagged model message, ignoring any other. */
export function buildModelInWorker(data: TrainingData, options: HybridOptions): Promise<HybridModel> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(WORKER_URL, { workerData: { data, options } });
    const onMessage = (message: unknown) => {
      if (!isModelBuiltMessage(message)) return; // Node's own traffic (e.g. watch mode's file reports): not ours
      worker.off('message', onMessage);
      resolve(message.model);
      void worker.terminate();
    };
    worker.on('message', onMessage);
    worker.once('error', reject);
    worker.once('exit', (code) => {
      if (code !== 0) reject(new Error(`model build worker exited with code ${code}`));
    });
  });
}

interface Serving {
  model: HybridModel;
  catalogue: CatalogueItem[];
  version: string;
  /** Catalogue indices, best onboarding question first, computed once per build. */
  onboardingOrder: Int32Array;
}

/** The engine's reason with films as movie ids and titles, and people as names (`names`: user id → name). */
/**
 * Onboarding asks about the most popular films. The divisive order (src/recommender/onboarding.ts) was measured and
 * rejected: in protocol (c) cold users who answered it got 0.1886 nDCG@10 against 0.2092 after the popular films
 * (docs/benchmarks.md, "Cold start").
 */
const SERVED_ONBOARDING = { popularOnly: true } as const;

function pickReason(s: Serving, r: Reason | null, names: ReadonlyMap<string, string>): PickReason {
  if (!r) return { kind: 'starter' };
  const round = (x: number) => Math.round(x * 1000) / 1000;
  const films = mapReasonEvidence(r, (e) => {
    const m = s.catalogue[e.item]!;
    return { movieId: m.id, title: m.title, stars: e.stars, share: round(e.share) };
  });
  return mapReasonPeople(films, (p) => {
    const name = names.get(s.model.userIds[p.user]!);
    return name === undefined ? null : { name, stars: p.stars, share: round(p.share) };
  });
}

/** How long a server's member list is reused for the weekly run's chunks and repeated /recommend calls. */
const CIRCLE_TTL_MS = 60_000;

/** What a shown film looks like to the bot: the catalogue's facts plus the impression the buttons point back to. */
function shownFilm<R>(m: CatalogueItem, impressionId: number, score: number, reason: R) {
  return {
    impressionId,
    movieId: m.id,
    title: m.title,
    year: m.year,
    posterPath: m.posterPath,
    genres: [...m.genres],
    score,
    reason,
  };
}

function compactTime(d: Date): string {
  return d.toISOString().replace(/[-:]/g, '').slice(0, 13); // 20261124T0512
}

function sanitiseWeights(w: Record<string, number>): SourceWeights {
  const out: SourceWeights = {};
  for (const s of SOURCES) {
    const v = w[s];
    if (v !== undefined && Number.isFinite(v)) out[s] = v;
  }
  return out;
}

export function createRecommendationService(deps: RecommendationServiceDeps): RecommendationService {
  const log = deps.logger.child({ component: 'recommender' });
  const clock = deps.clock ?? (() => new Date());
  const diversity = deps.diversity ?? 0.85;
  let serving: Serving | null = null;
  let building: Promise<void> | null = null;
  let timer: NodeJS.Timeout | null = null;
  let builds = 0;
  let weights: BlendWeightsSnapshot = {
    version: 'default',
    global: { ...DEFAULT_BLEND.warm } as Record<string, number>,
    perUser: new Map(),
  };
  // The per-user overlay: that user's rows, read from the database, valid while users.taste_version is unchanged.
  const overlay = new Map<string, { version: number; rows: UserRows }>();
  const OVERLAY_MAX = 5000;
  const weightsCheckMs = deps.weightsCheckMs ?? 60_000;
  let weightsCheckedAt = Number.NEGATIVE_INFINITY;
  // Each server's members as a mask over the model's users (user-kNN weighs them; reasons may name them).
  const circles = new Map<string, { model: HybridModel; at: number; mask: Uint8Array }>();
  let workerShare: number = RANK_WORKER_SHARE.start;

  async function circleOf(em: Em, s: Serving, guildId: string): Promise<Uint8Array> {
    const now = clock().getTime();
    const hit = circles.get(guildId);
    if (hit && hit.model === s.model && now - hit.at < CIRCLE_TTL_MS) return hit.mask;
    const rows = await em.execute<{ user_id: string }[]>('select user_id from guild_members where guild_id = ?', [
      guildId,
    ]);
    const mask = new Uint8Array(s.model.userIds.length);
    for (const r of rows) {
      const u = s.model.userIndex.get(r.user_id);
      if (u !== undefined) mask[u] = 1;
    }
    if (circles.size >= 1000) circles.delete(circles.keys().next().value as string);
    circles.set(guildId, { model: s.model, at: now, mask });
    return mask;
  }

  /** Serves the stored blend weights if their version differs from the ones served here. */
  async function syncWeights(em: Em): Promise<void> {
    weightsCheckedAt = clock().getTime();
    const stored = await storedBlendVersion(em);
    if (stored === null || stored === weights.version) return;
    const loaded = await loadBlendWeights(em);
    if (!loaded) return;
    weights = loaded;
    log.info({ version: loaded.version, perUser: loaded.perUser.size }, 'blend weights loaded from the database');
  }

  async function maybeSyncWeights(em: Em): Promise<void> {
    if (clock().getTime() - weightsCheckedAt < weightsCheckMs) return;
    try {
      await syncWeights(em);
    } catch (err) {
      log.warn({ err }, 'could not check the stored blend weights; serving the current ones');
    }
  }

  /** Serves the saved snapshot unless it is the one serving already; false when it is missing or lacks `need`. */
  async function serveSnapshot(em: Em, need: number | undefined): Promise<boolean> {
    const started = performance.now();
    const snap = await loadSnapshot<{ model: HybridModel; catalogue: CatalogueItem[] }>(em, SNAPSHOT);
    if (!snap || (need !== undefined && !snap.value.model.itemIndex.has(need))) return false;
    if (serving?.version !== snap.version) {
      const { model, catalogue } = snap.value;
      await syncWeights(em);
      serving = {
        model,
        catalogue,
        version: snap.version,
        onboardingOrder: onboardingOrder(model, SERVED_ONBOARDING),
      };
      overlay.clear();
    }
    log.info(
      { version: snap.version, builtMs: snap.buildMs, loadMs: Math.round(performance.now() - started) },
      'recommendation model loaded from the shared snapshot',
    );
    return true;
  }

  /**
   * With a shared database: serve a fresh snapshot, or wait while another process builds one. False when this process
   * should build (it holds the lease, or the builder took longer than the lease).
   */
  async function serveShared(share: ModelShareOptions, need: number | undefined): Promise<boolean> {
    const em = deps.orm.em.fork();
    const fresh = (m: SnapshotMeta | null): m is SnapshotMeta =>
      m !== null && clock().getTime() - m.builtAt.getTime() < share.freshMs;
    const first = await snapshotMeta(em, SNAPSHOT);
    // A rebuild asks for a model newer than the one served: the snapshot this process already serves (its own, or
    // one it loaded) does not answer that, or a lone process would reload its own model and never see new ratings.
    if (fresh(first) && first.version !== serving?.version && (await serveSnapshot(em, need))) return true;
    const giveUpAt = performance.now() + share.leaseMs;
    let waiting = false;
    for (;;) {
      if (await tryBuildLease(em, SNAPSHOT, share.holder, clock(), share.leaseMs)) {
        // The previous holder may have saved and let go between our first look and now: use its snapshot.
        const latest = await snapshotMeta(em, SNAPSHOT);
        if (fresh(latest) && latest.version !== first?.version && (await serveSnapshot(em, need))) {
          await releaseBuildLease(em, SNAPSHOT, share.holder);
          return true;
        }
        return false;
      }
      if (performance.now() > giveUpAt) return false;
      if (!waiting) log.info('another process is building the model; waiting for its snapshot');
      waiting = true;
      await new Promise((r) => setTimeout(r, share.pollMs ?? 500));
      const m = await snapshotMeta(em, SNAPSHOT);
      const newer = m !== null && (first === null || m.version !== first.version);
      if (newer && (await serveSnapshot(em, need))) return true;
    }
  }

  async function build(need?: number): Promise<void> {
    const share = deps.share;
    if (share && (await serveShared(share, need))) return;
    try {
      await buildHere(share);
    } catch (err) {
      if (share) await releaseBuildLease(deps.orm.em.fork(), SNAPSHOT, share.holder).catch(() => {});
      throw err;
    }
  }

  async function buildHere(share: ModelShareOptions | undefined): Promise<void> {
    const started = performance.now();
    const builtAt = clock();
    const em = deps.orm.em.fork();
    const catalogue = await loadCatalogue(em);
    const data = await loadTrainingData(em, catalogue);
    let model: HybridModel;
    if (deps.buildInWorker === false) model = buildHybrid(data, deps.engine);
    else {
      try {
        model = await buildModelInWorker(data, deps.engine ?? {});
      } catch (err) {
        log.warn({ err }, 'model build worker failed; building on the main thread');
        model = buildHybrid(data, deps.engine);
      }
    }
    builds++;
    await syncWeights(em);
    // Shared snapshots need versions no other process can also have made in the same minute.
    const version = `hyb1-${compactTime(clock())}-${builds}${share ? `-${randomUUID().slice(0, 8)}` : ''}`;
    serving = { model, catalogue, version, onboardingOrder: onboardingOrder(model, SERVED_ONBOARDING) };
    overlay.clear();
    const ms = Math.round(performance.now() - started);
    deps.onModelBuilt?.({ version, ms });
    if (share) {
      const bytes = await saveSnapshot(em, SNAPSHOT, share.holder, {
        version,
        builtAt,
        buildMs: ms,
        value: { model, catalogue },
      });
      log.info({ version, bytes }, 'model snapshot saved for the other processes');
    }
    log.info(
      {
        version,
        movies: catalogue.length,
        users: data.userIds.length,
        interactions: data.ratings.user.length,
        easeItems: model.ease?.m ?? 0,
        ms,
      },
      'recommendation model built',
    );
  }

  /** One build at a time; `need`: a film the model must contain (a snapshot without it does not count). */
  async function rebuild(need?: number): Promise<void> {
    if (!building) building = build(need).finally(() => (building = null));
    return building;
  }

  async function userRows(em: Em, userId: string): Promise<UserRows> {
    const version = (await tasteVersions(em, [userId])).get(userId) ?? -1;
    const cached = overlay.get(userId);
    if (cached && cached.version === version) return cached.rows;
    const rows = await loadUserRows(em, userId);
    remember(userId, version, rows);
    return rows;
  }

  /** Many users' rows: cached ones whose taste version still matches, the rest in a few set-based reads. */
  async function rowsMany(em: Em, userIds: readonly string[]): Promise<Map<string, UserRows>> {
    const versions = await tasteVersions(em, userIds);
    const out = new Map<string, UserRows>();
    for (const u of userIds) {
      const c = overlay.get(u);
      if (c && c.version === (versions.get(u) ?? -1)) out.set(u, c.rows);
    }
    const missing = userIds.filter((u) => !out.has(u));
    if (missing.length === 0) return out;
    for (const [userId, rows] of await loadUserRowsMany(em, missing)) {
      remember(userId, versions.get(userId) ?? -1, rows);
      out.set(userId, rows);
    }
    return out;
  }

  function remember(userId: string, version: number, rows: UserRows): void {
    overlay.delete(userId);
    if (overlay.size >= OVERLAY_MAX) overlay.delete(overlay.keys().next().value as string);
    overlay.set(userId, { version, rows });
  }

  function blendFor(userId: string): BlendWeights {
    const perUser = weights.perUser.get(userId);
    return { ...DEFAULT_BLEND, warm: sanitiseWeights(perUser ?? weights.global) };
  }

  function onboarding(s: Serving, rows: UserRows, count: number): RecommendationResult {
    const exclude = excludedMovieIds(rows);
    const wanted = Math.max(count, 10);
    const movies: { id: number; title: string; year: number | null }[] = [];
    for (const i of s.onboardingOrder) {
      const m = s.catalogue[i]!;
      if (exclude.has(m.id)) continue;
      movies.push({ id: m.id, title: m.title, year: m.year });
      if (movies.length === wanted) break;
    }
    return { kind: 'onboarding', movies };
  }

  async function ensureServing(em: Em): Promise<Serving> {
    if (!serving) await rebuild();
    else await maybeSyncWeights(em);
    const s = serving as Serving | null;
    if (!s) throw new Error('recommendation model is not built');
    return s;
  }

  /**
   * Each job's picks, in order. A large batch (the weekly run's chunks) is split: the ranking worker takes its share
   * while this thread ranks the rest, letting timers and the gateway in between members; a failed worker's share is
   * ranked here.
   */
  async function rankJobs(s: Serving, circle: Uint8Array | undefined, jobs: readonly RankJob[]) {
    const pool = deps.rankingPool;
    const remoteCount =
      pool?.healthy && jobs.length >= RANK_WORKER_MIN_BATCH ? Math.round(jobs.length * workerShare) : 0;
    const local = jobs.length - remoteCount;
    let workerDone = false;
    const remote =
      remoteCount > 0 && pool
        ? pool
            .rank(s.model, s.version, circle, jobs.slice(local))
            .then((r) => {
              workerDone = true;
              return r;
            })
            .catch((err: unknown) => {
              log.warn({ err }, 'ranking worker failed a batch; ranking it here');
              return null;
            })
        : Promise.resolve(null);
    const out: ScoredItem[][] = [];
    const slice = timeSlicer(deps.sliceMs);
    const here = (job: RankJob) =>
      rankForUser(s.model, circle ? { ...job.evidence, circle } : job.evidence, job.options);
    for (let k = 0; k < local; k++) {
      await slice();
      out.push(here(jobs[k]!));
    }
    if (remoteCount > 0) {
      await yieldToEventLoop(); // a reply that has arrived is seen before deciding who finished first
      const { step, min, max } = RANK_WORKER_SHARE;
      workerShare = Math.min(max, Math.max(min, workerShare + (workerDone ? step : -step)));
    }
    const fromWorker = await remote;
    for (let k = local; k < jobs.length; k++) {
      if (fromWorker) out.push(fromWorker[k - local]!);
      else {
        await slice();
        out.push(here(jobs[k]!));
      }
    }
    return out;
  }

  /** Ranks each member with the pure engine, then logs every pick shown in one insert. */
  async function rankAndLog(
    em: Em,
    s: Serving,
    members: readonly { userId: string; rows: UserRows; extraExclude?: readonly number[] | undefined }[],
    opts: Omit<RecommendOptions, 'excludeMovieIds'>,
  ): Promise<RecommendationResult[]> {
    const count = Math.min(Math.max(Math.trunc(opts.count ?? DEFAULT_COUNT), 1), MAX_COUNT);
    const modelVersion = `${s.version}+w:${weights.version}`.slice(0, 64);
    const filters = {
      genre: opts.genre,
      fromYear: opts.fromYear,
      toYear: opts.toYear,
      maxRuntime: opts.maxRuntime,
      onlyIds: opts.onlyMovieIds,
    };
    const results: (RecommendationResult | number)[] = [];
    const guildId = opts.guildId ?? null;
    const circle = guildId !== null ? await circleOf(em, s, guildId) : undefined;
    // Weekly picks sent before without any reaction are weak negative evidence (docs/weekly-picks.md).
    const ignoredWeight = opts.context === 'weekly_dm' ? DEFAULT_IGNORED_WEIGHT : 0;
    const ranked: { userId: string; job: RankJob }[] = [];
    for (const { userId, rows, extraExclude } of members) {
      if (!knowsEnoughForPicks(rows)) {
        results.push(onboarding(s, rows, count));
        continue;
      }
      results.push(ranked.length);
      ranked.push({
        userId,
        job: {
          evidence: toEvidence(rows, s.model.itemIndex, s.model.userIndex.get(userId), extraExclude ?? []),
          options: { count, filters, blend: blendFor(userId), diversity, ignoredWeight },
        },
      });
    }
    const picksOf = await rankJobs(
      s,
      circle,
      ranked.map((r) => r.job),
    );
    const pending = ranked.map(({ userId }, k) => ({ userId, batchId: randomUUID(), picks: picksOf[k]! }));
    // Who each viewer's reasons may name: the privacy rule, asked once for the whole batch (two reads, not two per
    // viewer: at 100,000 members a read per viewer was most of the weekly run's database time).
    const asks = new Map<string, string[]>();
    for (const { userId, picks } of pending) {
      const people = picks.flatMap((p) =>
        p.reason ? reasonPeople(p.reason).map((x) => s.model.userIds[x.user]!) : [],
      );
      if (people.length > 0) asks.set(userId, people);
    }
    const names: ReadonlyMap<string, ReadonlyMap<string, string>> = await nameablePeopleMany(em, asks, guildId);
    // Every pick shown, in one insert for the whole batch (entities the caller has pending go first: the rows refer to
    // their users).
    await em.flush();
    const ids = await logImpressions(
      em,
      pending.flatMap(({ userId, batchId, picks }) =>
        picks.map((p, k) => ({
          userId,
          movieId: s.catalogue[p.item]!.id,
          rank: k + 1,
          score: p.score,
          sourceScores: p.sources,
          batchId,
        })),
      ),
      { modelVersion, context: opts.context, guildId, shownAt: clock() },
    );
    let next = 0;
    const none: ReadonlyMap<string, string> = new Map();
    return results.map((r) => {
      if (typeof r !== 'number') return r;
      const { userId, batchId, picks } = pending[r]!;
      const named = names.get(userId) ?? none;
      return {
        kind: 'picks',
        modelVersion,
        batchId,
        picks: picks.map((p) => shownFilm(s.catalogue[p.item]!, ids[next++]!, p.score, pickReason(s, p.reason, named))),
      };
    });
  }

  return {
    get modelVersion() {
      return serving?.version ?? null;
    },
    async start() {
      await rebuild();
      if (deps.refreshIntervalMs && deps.refreshIntervalMs > 0) {
        timer = setInterval(() => {
          rebuild().catch((err: unknown) => log.error({ err }, 'background model rebuild failed'));
        }, deps.refreshIntervalMs);
        timer.unref();
      }
    },
    async stop() {
      if (timer) clearInterval(timer);
      timer = null;
      await building?.catch(() => {});
    },
    rebuild: () => rebuild(),
    getBlendWeights() {
      return weights;
    },
    async setBlendWeights(w) {
      const next = { version: w.version, global: { ...w.global }, perUser: w.perUser ?? new Map() };
      await saveBlendWeights(deps.orm.em.fork(), next);
      weights = next;
      log.info({ version: w.version, perUser: next.perUser.size }, 'blend weights saved and served');
    },
    async recommend(em, userId, opts) {
      const s = await ensureServing(em);
      const rows = await userRows(em, userId);
      const [result] = await rankAndLog(em, s, [{ userId, rows, extraExclude: opts.excludeMovieIds }], opts);
      return result!;
    },
    async needsOnboarding(em, userId) {
      return !knowsEnoughForPicks(await userRows(em, userId));
    },
    async recommendForGroup(em, userIds, opts) {
      const s = await ensureServing(em);
      const rows = await rowsMany(em, userIds);
      const members = userIds.map((userId) =>
        toEvidence(rows.get(userId)!, s.model.itemIndex, s.model.userIndex.get(userId)),
      );
      const count = Math.min(Math.max(Math.trunc(opts.count), 1), MAX_COUNT);
      const picks = rankForGroup(s.model, members, {
        count,
        filters: { genre: opts.genre, maxRuntime: opts.maxRuntime },
        blend: DEFAULT_BLEND,
      });
      const modelVersion = `${s.version}+w:${weights.version}`.slice(0, 64);
      const batchId = randomUUID();
      picks.forEach((p, rank) => {
        for (const userId of userIds) {
          em.create(RecommendationLog, {
            user: userId,
            movie: s.catalogue[p.item]!.id,
            rank: rank + 1,
            score: p.score,
            sourceScores: {},
            modelVersion,
            context: 'group',
            guildId: opts.guildId ?? null,
            batchId,
          });
        }
      });
      if (picks.length > 0 && userIds.length > 0) await em.flush();
      const view = (r: GroupReason): GroupReasonView => {
        const ids = r.members.map((u) => userIds[u]!);
        if (r.kind === 'fit') return { kind: 'fit', userIds: ids, of: r.of };
        const film = s.catalogue[r.film]!;
        return { kind: r.kind, name: r.name, userIds: ids, movieId: film.id, title: film.title };
      };
      return picks.map((p) => {
        const m = s.catalogue[p.item]!;
        return {
          movieId: m.id,
          title: m.title,
          year: m.year,
          runtime: m.runtime,
          posterPath: m.posterPath,
          genres: [...m.genres],
          score: p.score,
          reasons: p.reasons.map(view),
        };
      });
    },
    async similar(em, userId, movieId, opts = {}) {
      let s = await ensureServing(em);
      // A film fetched since the last build (e.g. just looked up) joins the model on a rebuild.
      if (!s.model.itemIndex.has(movieId)) {
        await rebuild(movieId);
        s = await ensureServing(em);
      }
      const seed = s.model.itemIndex.get(movieId);
      if (seed === undefined) return null;
      const rows = await userRows(em, userId);
      const exclude = new Set<number>();
      for (const m of excludedMovieIds(rows)) {
        const i = s.model.itemIndex.get(m);
        if (i !== undefined) exclude.add(i);
      }
      const count = Math.min(Math.max(Math.trunc(opts.count ?? DEFAULT_COUNT), 1), MAX_COUNT);
      const found = similarItems(s.model, seed, { count, exclude });
      const modelVersion = `${s.version}+similar`.slice(0, 64);
      const batchId = randomUUID();
      const logs = found.map((p, rank) =>
        em.create(RecommendationLog, {
          user: userId,
          movie: s.catalogue[p.item]!.id,
          rank: rank + 1,
          score: p.score,
          sourceScores: { item_knn: p.parts.item, content: p.parts.content },
          modelVersion,
          context: 'similar',
          guildId: opts.guildId ?? null,
          batchId,
        }),
      );
      if (logs.length > 0) await em.flush();
      const seedMeta = s.catalogue[seed]!;
      return {
        seed: { movieId: seedMeta.id, title: seedMeta.title, year: seedMeta.year },
        picks: found.map((p, k) => shownFilm(s.catalogue[p.item]!, logs[k]!.id, p.score, p.reason)),
      };
    },
    async recommendMany(em, userIds, opts) {
      const s = await ensureServing(em);
      const rows = await rowsMany(em, userIds);
      const members = userIds.map((userId) => ({
        userId,
        rows: rows.get(userId)!,
        extraExclude: opts.excludeMovieIds?.get(userId),
      }));
      return rankAndLog(em, s, members, opts);
    },
  };
}
