import { Migration } from '@mikro-orm/migrations';

export class Migration20261130011117_imports_and_profile_visibility extends Migration {
  override name = 'Migration20261130011117_imports_and_profile_visibility';

  override up(): void | Promise<void> {
    this.addSql(
      `create table "import_jobs" ("id" bigserial primary key, "user_id" varchar(32) not null, "source" text not null, "status" text not null default 'queued', "file_name" varchar(200) not null, "file_sha256" varchar(64) not null, "total_rows" int not null, "processed_rows" int not null default 0, "matched_rows" int not null default 0, "unmatched_rows" int not null default 0, "summary" jsonb null, "failure" varchar(300) null, "lease_expires_at" timestamptz null, "reply_application_id" varchar(32) null, "reply_token" varchar(500) null, "reply_expires_at" timestamptz null, "created_at" timestamptz not null, "updated_at" timestamptz not null, "finished_at" timestamptz null);`,
    );
    this.addSql(`create index "import_jobs_user_index" on "import_jobs" ("user_id", "created_at");`);
    this.addSql(`create index "import_jobs_status_index" on "import_jobs" ("status");`);

    this.addSql(
      `create table "import_rows" ("id" bigserial primary key, "job_id" bigint not null, "file" varchar(100) not null, "line" int not null, "kind" text not null, "title" varchar(300) not null, "year" smallint null, "imdb_id" varchar(12) null, "stars" numeric(2,1) null, "date" date null, "rewatch" boolean not null default false, "status" text not null default 'pending', "movie_id" int null, "confidence" real null, "note" varchar(300) null);`,
    );
    this.addSql(`create index "import_rows_job_status_index" on "import_rows" ("job_id", "status");`);

    this.addSql(
      `create table "import_changes" ("id" bigserial primary key, "job_id" bigint not null, "kind" text not null, "movie_id" int not null, "before" jsonb null, "after" jsonb not null);`,
    );
    this.addSql(`create index "import_changes_job_index" on "import_changes" ("job_id");`);

    this.addSql(`alter table "users" add "profile_visibility" text not null default 'server';`);
    this.addSql(
      `alter table "users" add constraint "users_profile_visibility_check" check ("profile_visibility" in ('public', 'server', 'private'));`,
    );

    this.addSql(
      `alter table "import_jobs" add constraint "import_jobs_user_id_foreign" foreign key ("user_id") references "users" ("id") on delete cascade;`,
    );
    this.addSql(
      `alter table "import_jobs" add constraint "import_jobs_rows_check" check (processed_rows >= 0 and processed_rows <= total_rows and matched_rows + unmatched_rows <= total_rows);`,
    );
    this.addSql(
      `alter table "import_jobs" add constraint "import_jobs_source_check" check ("source" in ('letterboxd', 'imdb'));`,
    );
    this.addSql(
      `alter table "import_jobs" add constraint "import_jobs_status_check" check ("status" in ('queued', 'running', 'done', 'failed', 'undone'));`,
    );

    this.addSql(
      `alter table "import_rows" add constraint "import_rows_job_id_foreign" foreign key ("job_id") references "import_jobs" ("id") on delete cascade;`,
    );
    this.addSql(
      `alter table "import_rows" add constraint "import_rows_movie_id_foreign" foreign key ("movie_id") references "movies" ("id") on delete set null;`,
    );
    this.addSql(
      `alter table "import_rows" add constraint "import_rows_kind_check" check ("kind" in ('rating', 'diary', 'watched', 'watchlist'));`,
    );
    this.addSql(
      `alter table "import_rows" add constraint "import_rows_status_check" check ("status" in ('pending', 'matched', 'ambiguous', 'not_found'));`,
    );

    this.addSql(
      `alter table "import_changes" add constraint "import_changes_job_id_foreign" foreign key ("job_id") references "import_jobs" ("id") on delete cascade;`,
    );
    this.addSql(
      `alter table "import_changes" add constraint "import_changes_movie_id_foreign" foreign key ("movie_id") references "movies" ("id") on delete cascade;`,
    );
    this.addSql(
      `alter table "import_changes" add constraint "import_changes_kind_check" check ("kind" in ('rating', 'watched', 'watchlist'));`,
    );
  }

  override down(): void | Promise<void> {
    this.addSql(`alter table "import_rows" drop constraint "import_rows_job_id_foreign";`);
    this.addSql(`alter table "import_changes" drop constraint "import_changes_job_id_foreign";`);

    this.addSql(`drop table if exists "import_jobs" cascade;`);
    this.addSql(`drop table if exists "import_rows" cascade;`);
    this.addSql(`drop table if exists "import_changes" cascade;`);

    this.addSql(`alter table "users" drop constraint "users_profile_visibility_check";`);
    this.addSql(`alter table "users" drop column "profile_visibility";`);
  }
}
