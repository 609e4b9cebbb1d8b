// Words for /import: queued, progress, the summary and undo. Pure: data in, message views out.
import type { ImportJobView, UndoResult } from '../services/import/import-service.ts';
import type { MessageView } from './responder.ts';

const n = (x: number) => x.toLocaleString('en-US');
const SOURCE = { letterboxd: 'Letterboxd', imdb: 'IMDb' } as const;

export function renderImportQueued(job: ImportJobView): MessageView {
  return {
    content: `📥 Importing **${job.fileName}** (${SOURCE[job.source]}, ${n(job.totalRows)} rows). I'll update this message as I go; you can keep using Marquee meanwhile.`,
    ephemeral: true,
  };
}

export function renderImportProgress(job: ImportJobView): MessageView {
  return {
    content: `📥 Importing **${job.fileName}** (${SOURCE[job.source]}): ${n(job.processedRows)} / ${n(job.totalRows)} looked up, ${n(job.matchedRows)} matched…`,
  };
}

export function renderImportSummary(job: ImportJobView, hasReport: boolean): MessageView {
  if (job.status === 'failed') {
    return {
      content: `⚠️ Import of **${job.fileName}** stopped: ${job.failure ?? 'something went wrong'} Nothing was changed.`,
    };
  }
  const s = job.summary;
  const lines = [
    `✅ Imported **${job.fileName}** (${SOURCE[job.source]}): ${n(job.matchedRows)} of ${n(job.totalRows)} rows matched.`,
  ];
  if (s) {
    const parts = [
      s.ratingsAdded && `${n(s.ratingsAdded)} ratings added`,
      s.ratingsUpdated && `${n(s.ratingsUpdated)} ratings updated`,
      s.watchedAdded && `${n(s.watchedAdded)} films logged as watched`,
      s.watchedUpdated && `${n(s.watchedUpdated)} watch dates or rewatches updated`,
      s.watchlistAdded && `${n(s.watchlistAdded)} added to your watchlist`,
    ].filter(Boolean);
    lines.push(parts.length ? parts.join(' · ') : 'Nothing new: everything in this file was already here.');
    if (s.watchlistSkipped)
      lines.push(`${n(s.watchlistSkipped)} watchlist films were matched but not added (no watchlist yet).`);
  }
  if (job.unmatchedRows > 0) {
    lines.push(
      `${n(job.unmatchedRows)} ${job.unmatchedRows === 1 ? 'row was' : 'rows were'} not imported (not found, ambiguous, or not a film)${hasReport ? ': they are listed in the attached CSV with the reason and my best guess' : ''}.`,
    );
  }
  lines.push('Changed your mind? `/import undo:true` removes exactly what this import added.');
  return { content: lines.join('\n') };
}

export function renderUndo(r: UndoResult): MessageView {
  const kept = r.keptUserEdits ? ` Kept ${n(r.keptUserEdits)} you changed yourself since.` : '';
  return {
    content: `↩️ Undid the import of **${r.fileName}**: ${n(r.restored)} changes reverted.${kept}`,
    ephemeral: true,
  };
}

export function renderImportHelp(): MessageView {
  return {
    content:
      'Attach your export: `/import file:` with the Letterboxd ZIP (Settings → Import & Export → Export your data) or one of its CSVs, or an IMDb ratings or watchlist CSV. `/import undo:true` reverses your last import.',
    ephemeral: true,
  };
}
