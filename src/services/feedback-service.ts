// Feedback on picks (👍 👎 Seen it / Not interested). One row per user, film and kind: clicking again removes it, so
// a double click or a retried interaction never stores two. 👍 and 👎 on the same film exclude each other.
import { UniqueConstraintViolationException } from '@mikro-orm/core';
import type { Em } from '../db.ts';
import { Feedback, type FeedbackKind, RecommendationLog, Watched } from '../entities/index.ts';
import { requireMovie } from './rating-service.ts';
import { noteTasteChanged } from './recommendation-taste.ts';
import { ensureUser } from './user-service.ts';
import { addWatched } from './watched-service.ts';

export interface FeedbackInput {
  readonly userId: string;
  readonly movieId: number;
  readonly kind: FeedbackKind;
  /** Where the click came from: `recommend`, `onboarding`, `weekly_dm`, `weekly_channel`, `search`… */
  readonly source: string;
  /** The recommendation_log row the click answers; ignored unless it belongs to this user and film. */
  readonly impressionId?: number | null;
  /** Today, for the watch log entry a "Seen it" makes. */
  readonly now?: Date;
}

const OPPOSITE: Partial<Record<FeedbackKind, FeedbackKind>> = { up: 'down', down: 'up' };

export async function toggleFeedback(em: Em, input: FeedbackInput): Promise<{ active: boolean }> {
  const movie = await requireMovie(em, input.movieId);
  const user = await ensureUser(em, input.userId);
  const existing = await em.findOne(Feedback, { user, movie, kind: input.kind });
  if (existing) {
    if (input.kind === 'seen') await undoSeenLog(em, existing);
    await em.remove(existing).flush();
    await noteTasteChanged(em, input.userId);
    return { active: false };
  }
  let impression: RecommendationLog | null = null;
  if (input.impressionId) {
    impression = await em.findOne(RecommendationLog, { id: input.impressionId, user, movie });
  }
  const opposite = OPPOSITE[input.kind];
  if (opposite) await em.nativeDelete(Feedback, { user, movie, kind: opposite });
  em.create(Feedback, { user, movie, kind: input.kind, source: input.source.slice(0, 32), impression });
  try {
    await em.flush();
    // "Seen it" is a watch: it goes in the log (dated today) unless the film is already there.
    if (input.kind === 'seen' && !(await em.count(Watched, { user, movie }))) {
      await addWatched(em, input.userId, input.movieId, { now: input.now ?? new Date() });
    }
  } catch (err) {
    // The same click arrived twice at once: the other request stored it, which is the outcome we wanted.
    if (err instanceof UniqueConstraintViolationException) {
      em.clear();
      return { active: true };
    }
    throw err;
  }
  await noteTasteChanged(em, input.userId);
  return { active: true };
}

/** Undoing "Seen it" also removes the log entry that click made, never one the user logged before it. */
async function undoSeenLog(em: Em, seen: Feedback): Promise<void> {
  const w = await em.findOne(Watched, { user: seen.user, movie: seen.movie });
  if (w && w.rewatchCount === 0 && w.createdAt.getTime() >= seen.createdAt.getTime()) em.remove(w);
}

export async function listFeedback(em: Em, userId: string): Promise<{ movieId: number; kind: FeedbackKind }[]> {
  const rows = await em.find(Feedback, { user: userId }, { orderBy: { id: 'asc' } });
  return rows.map((f) => ({ movieId: f.movie.id, kind: f.kind }));
}
