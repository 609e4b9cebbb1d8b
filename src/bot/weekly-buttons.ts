// The weekly DM's feedback buttons must be buttons the bot accepts: signed, owned by the recipient, and routed to the
// same feedback handler as /recommend's (source `w` = weekly_dm). Pass this renderer to createDiscordSender (or
// pass `ids` and let it use the same renderer).
import type { ClaimedMessage } from '../services/delivery-outbox-service.ts';
import type { WhereToWatch } from '../services/streaming-service.ts';
import type { CustomIds } from './custom-id.ts';
import { renderWeeklyMessage, type WeeklyMessageBody } from './weekly-render.ts';

export function weeklyMessageRenderer(ids: CustomIds): (m: ClaimedMessage, where?: WhereToWatch) => WeeklyMessageBody {
  return (m, where) => renderWeeklyMessage(m, ids, where);
}
