// The weekly DM's feedback buttons must be buttons the bot accepts: signed, owned by the recipient, and routed to the
// same feedback handler as /recommend's (source `w` = weekly_dm). Pass this renderer to createDiscordSender.
import type { ClaimedMessage } from '../services/delivery-outbox-service.ts';
import type { DmPayload } from '../services/weekly-run-service.ts';
import type { CustomIds } from './custom-id.ts';
import {
  type FeedbackButtonKind,
  renderWeeklyDm,
  renderWeeklyMessage,
  type WeeklyMessageBody,
} from './weekly-render.ts';

const CODES: Record<FeedbackButtonKind, string> = { up: 'u', down: 'd', seen: 's', not_interested: 'n' };

export function weeklyMessageRenderer(ids: CustomIds): (m: ClaimedMessage) => WeeklyMessageBody {
  return (m) => {
    const payload = m.payload as DmPayload;
    if (payload.type !== 'weekly_dm') return renderWeeklyMessage(m);
    return renderWeeklyDm(payload, (kind, pick) =>
      ids.encode('fb', payload.userId, [pick.movieId, CODES[kind], pick.impressionId, 'w']),
    );
  };
}
