// One way to answer an interaction, whatever state it is in: reply when nothing was sent, edit the deferred reply,
// follow up after that. Calls are serialised, so an automatic defer and a reply can never race.
//
// A deferred reply is always answered by editing it, never by a follow-up plus a delete: Discord turns the first
// follow-up after a type-5 defer into an edit of the "thinking…" message and ignores its ephemeral flag
// (discord-api-docs developers/interactions/receiving-and-responding.mdx, "Create Followup Message"), so deleting the
// original afterwards would erase the answer itself. A message's privacy is fixed when it is created: callers that
// want a private answer decide so before deferring; once deferred publicly, the answer is public.
import {
  type APIActionRowComponent,
  type APIComponentInMessageActionRow,
  type APIEmbed,
  type AutocompleteInteraction,
  MessageFlags,
  type RepliableInteraction,
} from 'discord.js';

export interface MessageView {
  content?: string;
  embeds?: APIEmbed[];
  components?: APIActionRowComponent<APIComponentInMessageActionRow>[];
  /** Only the person who acted sees it. */
  ephemeral?: boolean;
  /** Files uploaded with the message (an embed may show one as `attachment://<name>`). */
  files?: { name: string; data: Buffer }[];
}

type State = 'fresh' | 'deferred' | 'answered';

export class Responder {
  readonly interaction: Exclude<RepliableInteraction, AutocompleteInteraction>;
  private state: State = 'fresh';
  private deferredUpdate = false;
  private chain: Promise<unknown> = Promise.resolve();
  /** performance.now() when Discord first accepted an answer or a defer; null while nothing was acknowledged. */
  firstResponseAt: number | null = null;
  /** True when the first acknowledgement was a defer ("thinking…"). */
  deferred = false;

  constructor(interaction: Exclude<RepliableInteraction, AutocompleteInteraction>) {
    this.interaction = interaction;
  }

  get acknowledged(): boolean {
    return this.state !== 'fresh';
  }

  private run<T>(fn: () => Promise<T>): Promise<T> {
    const next = this.chain.then(fn, fn);
    this.chain = next.catch(() => {});
    return next;
  }

  /** Shows "thinking…" so work can take longer than Discord's 3 s; no-op when already acknowledged. */
  defer(opts: { ephemeral?: boolean; update?: boolean } = {}): Promise<void> {
    return this.run(async () => {
      if (this.state !== 'fresh') return;
      const i = this.interaction;
      if (opts.update && (i.isButton() || i.isStringSelectMenu())) {
        await i.deferUpdate();
        this.deferredUpdate = true;
      } else {
        await i.deferReply(opts.ephemeral ? { flags: MessageFlags.Ephemeral } : {});
      }
      this.state = 'deferred';
      this.deferred = true;
      this.firstResponseAt = performance.now();
    });
  }

  /** Sends a new answer: reply, else the deferred reply's content, else a follow-up. */
  send(view: MessageView): Promise<void> {
    return this.run(async () => {
      const i = this.interaction;
      const body = toBody(view);
      if (this.state === 'fresh') {
        await i.reply({ ...body, flags: view.ephemeral ? MessageFlags.Ephemeral : undefined });
      } else if (this.state === 'deferred' && !this.deferredUpdate) {
        // The "thinking…" message becomes the answer, keeping the privacy it was deferred with.
        await i.editReply(body);
      } else {
        await i.followUp({ ...body, flags: view.ephemeral ? MessageFlags.Ephemeral : undefined });
      }
      this.firstResponseAt ??= performance.now();
      this.state = 'answered';
    });
  }

  /** Replaces the message a button lives on (pagination, onboarding progress). */
  update(view: MessageView): Promise<void> {
    return this.run(async () => {
      const i = this.interaction;
      const body = toBody(view);
      if (this.state === 'fresh' && (i.isButton() || i.isStringSelectMenu())) await i.update(body);
      else if (this.state === 'deferred') await i.editReply(body);
      else if (this.state === 'fresh')
        await i.reply({ ...body, flags: view.ephemeral ? MessageFlags.Ephemeral : undefined });
      else await i.followUp({ ...body, flags: view.ephemeral ? MessageFlags.Ephemeral : undefined });
      this.firstResponseAt ??= performance.now();
      this.state = 'answered';
    });
  }

  /** Waits for everything queued so far. */
  async flush(): Promise<void> {
    await this.chain;
  }
}

function toBody(view: MessageView) {
  return {
    content: view.content ?? '',
    embeds: view.embeds ?? [],
    components: view.components ?? [],
    allowedMentions: { parse: [] as never[] },
    ...(view.files?.length ? { files: view.files.map((f) => ({ attachment: f.data, name: f.name })) } : {}),
  };
}
