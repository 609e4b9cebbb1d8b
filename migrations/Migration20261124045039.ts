import { Migration } from '@mikro-orm/migrations';

export class Migration20261124045039 extends Migration {
  override name = 'Migration20261124045039';

  override up(): void | Promise<void> {
    this.addSql(
      `create table "delivery_outbox" ("id" bigserial primary key, "idempotency_key" varchar(128) not null, "kind" text not null, "guild_id" varchar(20) not null, "recipient_id" varchar(32) not null, "iso_week" varchar(8) not null, "payload" jsonb not null, "status" text not null default 'pending', "attempts" smallint not null default 0, "discord_message_id" varchar(20) null, "last_error" text null, "sent_at" timestamptz null, "created_at" timestamptz not null, "updated_at" timestamptz not null);`,
    );
    this.addSql(
      `alter table "delivery_outbox" add constraint "delivery_outbox_idempotency_key_unique" unique ("idempotency_key");`,
    );
    this.addSql(`create index "delivery_outbox_status_week_index" on "delivery_outbox" ("status", "iso_week");`);
    this.addSql(`alter table "delivery_outbox" add constraint "delivery_outbox_attempts_check" check (attempts >= 0);`);
    this.addSql(
      `alter table "delivery_outbox" add constraint "delivery_outbox_kind_check" check ("kind" in ('dm', 'channel'));`,
    );
    this.addSql(
      `alter table "delivery_outbox" add constraint "delivery_outbox_status_check" check ("status" in ('pending', 'sending', 'sent', 'failed', 'undeliverable'));`,
    );

    this.addSql(
      `create table "guild_settings" ("guild_id" varchar(20) not null, "picks_channel_id" varchar(20) null, "schedule_day" smallint not null default 5, "schedule_time" varchar(5) not null default '18:00', "timezone" varchar(64) not null default 'UTC', "enabled" boolean not null default false, "created_at" timestamptz not null, "updated_at" timestamptz not null, primary key ("guild_id"));`,
    );
    this.addSql(
      `alter table "guild_settings" add constraint "guild_settings_schedule_day_check" check (schedule_day >= 0 and schedule_day <= 6);`,
    );
    this.addSql(
      `alter table "guild_settings" add constraint "guild_settings_schedule_time_check" check (schedule_time ~ '^([01][0-9]|2[0-3]):[0-5][0-9]$');`,
    );

    this.addSql(
      `create table "movies" ("id" int not null, "title" varchar(300) not null, "original_title" varchar(300) null, "release_date" date null, "genres" jsonb not null default '[]', "keywords" jsonb not null default '[]', "cast" jsonb not null default '[]', "directors" jsonb not null default '[]', "collection" jsonb null, "runtime" smallint null, "original_language" varchar(8) null, "popularity" double precision not null default 0, "vote_average" double precision not null default 0, "vote_count" int not null default 0, "poster_path" varchar(200) null, "overview" text null, "imdb_id" varchar(12) null, "movielens_id" int null, "fetched_at" timestamptz null, "expires_at" timestamptz null, "created_at" timestamptz not null, "updated_at" timestamptz not null, primary key ("id"));`,
    );
    this.addSql(`alter table "movies" add constraint "movies_imdb_id_unique" unique ("imdb_id");`);
    this.addSql(`alter table "movies" add constraint "movies_movielens_id_unique" unique ("movielens_id");`);
    this.addSql(`create index "movies_expires_at_index" on "movies" ("expires_at");`);
    this.addSql(`create index "movies_popularity_index" on "movies" ("popularity");`);
    this.addSql(`create index "movies_title_prefix_index" on "movies" (lower("title") text_pattern_ops);`);
    this.addSql(`alter table "movies" add constraint "movies_runtime_check" check (runtime is null or runtime >= 0);`);

    this.addSql(
      `create table "users" ("id" varchar(32) not null, "kind" text not null default 'discord', "display_name" varchar(100) null, "locale" varchar(16) null, "region" varchar(2) null, "dm_opt_in" boolean not null default false, "created_at" timestamptz not null, "updated_at" timestamptz not null, primary key ("id"));`,
    );
    this.addSql(`create index "users_kind_index" on "users" ("kind");`);
    this.addSql(
      `alter table "users" add constraint "users_region_check" check (region is null or region ~ '^[A-Z]{2}$');`,
    );
    this.addSql(
      `alter table "users" add constraint "users_kind_check" check ("kind" in ('discord', 'imported', 'synthetic'));`,
    );

    this.addSql(
      `create table "recommendation_log" ("id" bigserial primary key, "user_id" varchar(32) not null, "movie_id" int not null, "rank" smallint not null, "score" double precision not null, "source_scores" jsonb not null, "model_version" varchar(64) not null, "context" text not null, "guild_id" varchar(20) null, "batch_id" varchar(36) not null, "shown_at" timestamptz not null);`,
    );
    this.addSql(
      `create index "recommendation_log_user_shown_at_index" on "recommendation_log" ("user_id", "shown_at");`,
    );
    this.addSql(`create index "recommendation_log_batch_index" on "recommendation_log" ("batch_id");`);
    this.addSql(`alter table "recommendation_log" add constraint "recommendation_log_rank_check" check (rank >= 1);`);
    this.addSql(
      `alter table "recommendation_log" add constraint "recommendation_log_context_check" check ("context" in ('recommend', 'onboarding', 'weekly_dm', 'weekly_channel', 'similar', 'group'));`,
    );

    this.addSql(
      `create table "ratings" ("id" bigserial primary key, "user_id" varchar(32) not null, "movie_id" int not null, "score" numeric(2,1) not null, "created_at" timestamptz not null, "updated_at" timestamptz not null);`,
    );
    this.addSql(`create index "ratings_movie_index" on "ratings" ("movie_id");`);
    this.addSql(`alter table "ratings" add constraint "ratings_user_movie_unique" unique ("user_id", "movie_id");`);
    this.addSql(
      `alter table "ratings" add constraint "ratings_score_check" check (score >= 0.5 and score <= 5 and score * 2 = round(score * 2));`,
    );

    this.addSql(
      `create table "guild_members" ("guild_id" varchar(20) not null, "user_id" varchar(32) not null, "first_seen_at" timestamptz not null, "last_seen_at" timestamptz not null, primary key ("guild_id", "user_id"));`,
    );
    this.addSql(`create index "guild_members_user_index" on "guild_members" ("user_id");`);

    this.addSql(
      `create table "feedback" ("id" bigserial primary key, "user_id" varchar(32) not null, "movie_id" int not null, "kind" text not null, "source" varchar(32) not null, "impression_id" bigint null, "created_at" timestamptz not null);`,
    );
    this.addSql(`create index "feedback_impression_index" on "feedback" ("impression_id");`);
    this.addSql(
      `alter table "feedback" add constraint "feedback_user_movie_kind_unique" unique ("user_id", "movie_id", "kind");`,
    );
    this.addSql(
      `alter table "feedback" add constraint "feedback_kind_check" check ("kind" in ('up', 'down', 'not_interested', 'seen'));`,
    );

    this.addSql(
      `create table "watched" ("id" bigserial primary key, "user_id" varchar(32) not null, "movie_id" int not null, "watched_on" date not null, "rewatch_count" smallint not null default 0, "created_at" timestamptz not null, "updated_at" timestamptz not null);`,
    );
    this.addSql(`create index "watched_user_watched_on_index" on "watched" ("user_id", "watched_on");`);
    this.addSql(`alter table "watched" add constraint "watched_user_movie_unique" unique ("user_id", "movie_id");`);
    this.addSql(`alter table "watched" add constraint "watched_rewatch_count_check" check (rewatch_count >= 0);`);

    this.addSql(
      `alter table "recommendation_log" add constraint "recommendation_log_user_id_foreign" foreign key ("user_id") references "users" ("id") on delete cascade;`,
    );
    this.addSql(
      `alter table "recommendation_log" add constraint "recommendation_log_movie_id_foreign" foreign key ("movie_id") references "movies" ("id") on delete cascade;`,
    );

    this.addSql(
      `alter table "ratings" add constraint "ratings_user_id_foreign" foreign key ("user_id") references "users" ("id") on delete cascade;`,
    );
    this.addSql(
      `alter table "ratings" add constraint "ratings_movie_id_foreign" foreign key ("movie_id") references "movies" ("id") on delete cascade;`,
    );

    this.addSql(
      `alter table "guild_members" add constraint "guild_members_user_id_foreign" foreign key ("user_id") references "users" ("id") on delete cascade;`,
    );

    this.addSql(
      `alter table "feedback" add constraint "feedback_user_id_foreign" foreign key ("user_id") references "users" ("id") on delete cascade;`,
    );
    this.addSql(
      `alter table "feedback" add constraint "feedback_movie_id_foreign" foreign key ("movie_id") references "movies" ("id") on delete cascade;`,
    );
    this.addSql(
      `alter table "feedback" add constraint "feedback_impression_id_foreign" foreign key ("impression_id") references "recommendation_log" ("id") on delete set null;`,
    );

    this.addSql(
      `alter table "watched" add constraint "watched_user_id_foreign" foreign key ("user_id") references "users" ("id") on delete cascade;`,
    );
    this.addSql(
      `alter table "watched" add constraint "watched_movie_id_foreign" foreign key ("movie_id") references "movies" ("id") on delete cascade;`,
    );
  }
}
