// Words for /import: queued, progress, the summary and undo. Pure: data in, message views out.
import { toCsv } from '../data/csv.ts';
import type { ImportRow } from '../entities/index.ts';
import type { Translator } from '../i18n/index.ts';
import { decodeNotes, type ImportNote } from '../services/import/import-note.ts';
import type { ImportJobView, UndoResult } from '../services/import/import-service.ts';
import type { MessageView } from './responder.ts';

const SOURCE = { letterboxd: 'Letterboxd', imdb: 'IMDb' } as const;

export function renderImportQueued(tr: Translator, job: ImportJobView): MessageView {
  return {
    content: tr.t('import.queued', { file: job.fileName, source: SOURCE[job.source], rows: job.totalRows }),
    ephemeral: true,
  };
}

export function renderImportProgress(tr: Translator, job: ImportJobView): MessageView {
  return {
    content: tr.t('import.progress', {
      file: job.fileName,
      source: SOURCE[job.source],
      done: tr.int(job.processedRows),
      total: tr.int(job.totalRows),
      matched: tr.int(job.matchedRows),
    }),
  };
}

export function renderImportSummary(tr: Translator, job: ImportJobView, hasReport: boolean): MessageView {
  if (job.status === 'failed') {
    // The stored reason is English (it is also what the operator reads); the frame around it is the person's.
    return {
      content: tr.t('import.failed', {
        file: job.fileName,
        reason: tr.t(job.failure === 'tmdb_unavailable' ? 'import.failure_tmdb' : 'import.unknown_failure'),
      }),
    };
  }
  const s = job.summary;
  const lines = [
    tr.t('import.done', {
      file: job.fileName,
      source: SOURCE[job.source],
      matched: tr.int(job.matchedRows),
      total: job.totalRows,
    }),
  ];
  if (s) {
    const parts = [
      s.ratingsAdded && tr.t('import.ratings_added', { n: s.ratingsAdded }),
      s.ratingsUpdated && tr.t('import.ratings_updated', { n: s.ratingsUpdated }),
      s.watchedAdded && tr.t('import.watched_added', { n: s.watchedAdded }),
      s.watchedUpdated && tr.t('import.watched_updated', { n: s.watchedUpdated }),
      s.watchlistAdded && tr.t('import.watchlist_added', { n: s.watchlistAdded }),
    ].filter(Boolean);
    lines.push(parts.length ? parts.join(' · ') : tr.t('import.nothing_new'));
    if (s.watchlistSkipped) lines.push(tr.t('import.watchlist_skipped', { n: s.watchlistSkipped }));
  }
  if (job.unmatchedRows > 0) {
    lines.push(tr.t('import.unmatched', { n: job.unmatchedRows, report: hasReport ? 'yes' : 'no' }));
  }
  lines.push(tr.t('import.undo_hint'));
  return { content: lines.join('\n') };
}

export function renderUndo(tr: Translator, r: UndoResult): MessageView {
  const kept = r.keptUserEdits ? ` ${tr.t('import.undo_kept', { n: r.keptUserEdits })}` : '';
  return { content: `${tr.t('import.undone', { file: r.fileName, n: r.restored })}${kept}`, ephemeral: true };
}

export function renderImportHelp(tr: Translator): MessageView {
  return { content: tr.t('import.help'), ephemeral: true };
}

/** Why a row was not matched, in the reader's language (notes stored before notes were data are shown as stored). */
export function importNoteText(tr: Translator, stored: string | null | undefined): string {
  const one = (n: ImportNote | { readonly text: string }): string => {
    if ('text' in n) return n.text;
    switch (n.k) {
      case 'no_title':
        return tr.t('import.note_no_title');
      case 'no_film':
        return tr.t('import.note_no_film');
      case 'closest':
        return tr.t('import.note_closest', { film: n.film, sure: n.sure });
      case 'could_be':
        return tr.t('import.note_could_be', {
          first: n.first,
          second: n.second,
          addYear: n.addYear ? 'yes' : 'no',
        });
      case 'tmdb_off':
        return tr.t('import.note_tmdb_off');
      case 'no_imdb':
        return tr.t('import.note_no_imdb', { id: n.id });
      case 'bad_stars':
        return tr.t('import.note_bad_stars', { raw: n.raw });
      case 'bad_imdb':
        return tr.t('import.note_bad_imdb', { raw: n.raw });
      case 'tv':
        return tr.t('import.note_tv', { type: n.type });
    }
  };
  return decodeNotes(stored).map(one).join('; ');
}

/**
 * The unmatched-rows CSV an import attaches. The column names and `status` values stay English in every locale: they
 * are machine-readable (a spreadsheet's formulas, a script); the `note` a person reads is in their language.
 */
export function unmatchedCsv(tr: Translator, rows: readonly ImportRow[]): string {
  return toCsv(
    ['file', 'line', 'title', 'year', 'imdb_id', 'status', 'confidence', 'note'],
    rows.map((r) => [
      r.file,
      r.line,
      r.title,
      r.year,
      r.imdbId,
      r.status,
      r.confidence === null || r.confidence === undefined ? '' : Math.round(r.confidence * 100) / 100,
      importNoteText(tr, r.note),
    ]),
  );
}
