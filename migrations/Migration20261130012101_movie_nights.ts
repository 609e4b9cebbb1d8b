import { Migration } from '@mikro-orm/migrations';

export class Migration20261130012101_movie_nights extends Migration {
  override name = 'Migration20261130012101_movie_nights';

  override up(): void | Promise<void> {
    this.addSql(
      `create table "movie_nights" ("id" bigserial primary key, "guild_id" varchar(20) not null, "channel_id" varchar(20) not null, "host_id" varchar(32) not null, "status" text not null default 'gathering', "starts_at" timestamptz not null, "time_zone" varchar(64) not null, "voice_channel_id" varchar(20) null, "location" varchar(100) null, "candidate_count" smallint not null, "max_runtime" smallint null, "genre" varchar(40) null, "multiselect" boolean not null default false, "join_closes_at" timestamptz not null, "poll_hours" smallint not null, "join_message_id" varchar(20) null, "poll_claimed_at" timestamptz null, "poll_message_id" varchar(20) null, "poll_ends_at" timestamptz null, "winner_id" int null, "decided_by" text null, "decided_at" timestamptz null, "announce_claimed_at" timestamptz null, "announced_message_id" varchar(20) null, "event_claimed_at" timestamptz null, "event_id" varchar(20) null, "event_problem" varchar(200) null, "prompt_claimed_at" timestamptz null, "prompted_at" timestamptz null, "group_score" double precision null, "cancelled_at" timestamptz null, "created_at" timestamptz not null, "updated_at" timestamptz not null);`,
    );
    this.addSql(
      `alter table "movie_nights" add constraint "movie_nights_poll_message_unique" unique ("poll_message_id");`,
    );
    this.addSql(`create index "movie_nights_status_index" on "movie_nights" ("status");`);
    this.addSql(`create index "movie_nights_guild_starts_at_index" on "movie_nights" ("guild_id", "starts_at");`);

    this.addSql(
      `create table "movie_night_votes" ("night_id" bigint not null, "user_id" varchar(20) not null, "answer_id" smallint not null, "created_at" timestamptz not null, primary key ("night_id", "user_id", "answer_id"));`,
    );

    this.addSql(
      `create table "movie_night_participants" ("night_id" bigint not null, "user_id" varchar(32) not null, "source" text not null, "out" boolean not null default false, "attended_via" text null, "stars" double precision null, "joined_at" timestamptz not null, primary key ("night_id", "user_id"));`,
    );
    this.addSql(`create index "movie_night_participants_user_index" on "movie_night_participants" ("user_id");`);

    this.addSql(
      `create table "movie_night_candidates" ("night_id" bigint not null, "answer_id" smallint not null, "movie_id" int not null, "group_score" double precision not null, "reasons" jsonb not null, primary key ("night_id", "answer_id"));`,
    );
    this.addSql(
      `alter table "movie_night_candidates" add constraint "movie_night_candidates_night_movie_unique" unique ("night_id", "movie_id");`,
    );

    this.addSql(
      `alter table "movie_nights" add constraint "movie_nights_host_id_foreign" foreign key ("host_id") references "users" ("id") on delete cascade;`,
    );
    this.addSql(
      `alter table "movie_nights" add constraint "movie_nights_winner_id_foreign" foreign key ("winner_id") references "movies" ("id") on delete set null;`,
    );
    this.addSql(
      `alter table "movie_nights" add constraint "movie_nights_candidate_count_check" check (candidate_count >= 3 and candidate_count <= 10);`,
    );
    this.addSql(
      `alter table "movie_nights" add constraint "movie_nights_poll_hours_check" check (poll_hours >= 1 and poll_hours <= 768);`,
    );
    this.addSql(
      `alter table "movie_nights" add constraint "movie_nights_status_check" check ("status" in ('gathering', 'polling', 'decided', 'finished', 'cancelled'));`,
    );
    this.addSql(
      `alter table "movie_nights" add constraint "movie_nights_decided_by_check" check ("decided_by" in ('poll_expired', 'ended', 'no_votes'));`,
    );

    this.addSql(
      `alter table "movie_night_votes" add constraint "movie_night_votes_night_id_foreign" foreign key ("night_id") references "movie_nights" ("id") on delete cascade;`,
    );

    this.addSql(
      `alter table "movie_night_participants" add constraint "movie_night_participants_night_id_foreign" foreign key ("night_id") references "movie_nights" ("id") on update cascade on delete cascade;`,
    );
    this.addSql(
      `alter table "movie_night_participants" add constraint "movie_night_participants_user_id_foreign" foreign key ("user_id") references "users" ("id") on update cascade on delete cascade;`,
    );
    this.addSql(
      `alter table "movie_night_participants" add constraint "movie_night_participants_source_check" check ("source" in ('named', 'joined'));`,
    );
    this.addSql(
      `alter table "movie_night_participants" add constraint "movie_night_participants_attended_via_check" check ("attended_via" in ('voice', 'button'));`,
    );

    this.addSql(
      `alter table "movie_night_candidates" add constraint "movie_night_candidates_night_id_foreign" foreign key ("night_id") references "movie_nights" ("id") on delete cascade;`,
    );
    this.addSql(
      `alter table "movie_night_candidates" add constraint "movie_night_candidates_movie_id_foreign" foreign key ("movie_id") references "movies" ("id") on delete cascade;`,
    );
    this.addSql(
      `alter table "movie_night_candidates" add constraint "movie_night_candidates_answer_id_check" check (answer_id >= 1 and answer_id <= 10);`,
    );
  }

  override down(): void | Promise<void> {
    this.addSql(`alter table "movie_night_votes" drop constraint "movie_night_votes_night_id_foreign";`);
    this.addSql(`alter table "movie_night_participants" drop constraint "movie_night_participants_night_id_foreign";`);
    this.addSql(`alter table "movie_night_candidates" drop constraint "movie_night_candidates_night_id_foreign";`);

    this.addSql(`drop table if exists "movie_nights" cascade;`);
    this.addSql(`drop table if exists "movie_night_votes" cascade;`);
    this.addSql(`drop table if exists "movie_night_participants" cascade;`);
    this.addSql(`drop table if exists "movie_night_candidates" cascade;`);
  }
}
