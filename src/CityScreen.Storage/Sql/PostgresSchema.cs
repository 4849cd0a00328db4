namespace CityScreen.Storage.Sql;

/// <summary>The CityScreen tables in PostgreSQL, as numbered steps recorded in <c>cityscreen_migrations</c>.</summary>
internal static class PostgresSchema
{
    public static readonly IReadOnlyList<Migration> Migrations =
    [
        new(1, "event log", """
            CREATE TABLE events (
                seq          bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
                id           text NOT NULL,
                type         text NOT NULL,
                area_id      text NOT NULL,
                case_id      text NULL,
                kind         text NULL,
                project_id   text NULL,
                occurred_at  timestamptz NOT NULL,
                -- The database's clock, one for every host, so received times of several hosts compare.
                received_at  timestamptz NOT NULL DEFAULT now(),
                -- The wire format as received, read back by the API's parser.
                body         text NOT NULL,
                CONSTRAINT events_id_unique UNIQUE (id)
            );
            CREATE INDEX ix_events_area ON events (area_id, seq);
            CREATE INDEX ix_events_case ON events (case_id) WHERE case_id IS NOT NULL;
            """),
        new(2, "daily rollups and the index history", """
            CREATE TABLE daily_rollups (
                leaf_id      text NOT NULL,
                date         date NOT NULL,
                counts       text NOT NULL,
                sets         text NOT NULL,
                simulated    boolean NOT NULL,
                computed_at  timestamptz NOT NULL,
                PRIMARY KEY (leaf_id, date)
            );
            CREATE INDEX ix_daily_rollups_date ON daily_rollups (date);
            CREATE TABLE rollup_days (
                date         date PRIMARY KEY,
                simulated    boolean NOT NULL,
                computed_at  timestamptz NOT NULL
            );
            CREATE TABLE dirty_days (
                date         date NOT NULL,
                leaf_id      text NOT NULL,
                PRIMARY KEY (date, leaf_id)
            );
            CREATE TABLE job_settings (
                key          text PRIMARY KEY,
                value        text NOT NULL
            );
            CREATE TABLE index_history (
                date           date NOT NULL,
                area_id        text NOT NULL,
                model_version  text NOT NULL,
                level          text NOT NULL,
                parent_id      text NULL,
                value          double precision NULL,
                grade          text NULL,
                stars          integer NULL,
                rank           integer NULL,
                change         double precision NULL,
                simulated      boolean NOT NULL,
                inputs         text NOT NULL,
                weights        text NOT NULL,
                explanation    text NOT NULL,
                computed_at    timestamptz NOT NULL,
                PRIMARY KEY (date, area_id, model_version)
            );
            CREATE INDEX ix_index_history_area ON index_history (area_id, model_version, date);
            CREATE TABLE frozen_weights (
                model_version  text NOT NULL,
                month          date NOT NULL,
                level          text NOT NULL,
                weights        text NOT NULL,
                computed_at    timestamptz NOT NULL,
                PRIMARY KEY (model_version, month, level)
            );
            CREATE TABLE index_nights (
                date           date NOT NULL,
                model_version  text NOT NULL,
                computations   integer NOT NULL,
                computed_at    timestamptz NOT NULL,
                PRIMARY KEY (date, model_version)
            );
            """),
        new(3, "accounts, tokens, ingest keys and the audit log", """
            -- Shared by every host of a cluster: a token issued on one host is known on all of them.
            CREATE TABLE accounts (
                name           text PRIMARY KEY,
                role           text NOT NULL,
                area_id        text NULL,
                password_hash  text NOT NULL,
                created_at     timestamptz NOT NULL
            );
            CREATE TABLE access_tokens (
                id             text PRIMARY KEY,
                kind           text NOT NULL,
                name           text NOT NULL,
                role           text NOT NULL,
                area_id        text NULL,
                secret_hash    text NOT NULL UNIQUE,
                created_at     timestamptz NOT NULL,
                expires_at     timestamptz NULL,
                revoked_at     timestamptz NULL
            );
            CREATE TABLE ingest_keys (
                id             text PRIMARY KEY,
                source         text NOT NULL,
                area_ids       text[] NOT NULL,
                secret_hash    text NOT NULL UNIQUE,
                created_at     timestamptz NOT NULL,
                revoked_at     timestamptz NULL
            );
            CREATE TABLE audit_log (
                id             bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
                at             timestamptz NOT NULL,
                actor          text NOT NULL,
                action         text NOT NULL,
                detail         text NOT NULL
            );
            """),
        new(4, "the ASP.NET Data Protection key ring", """
            -- Shared by every host: a sign-in form or a single sign-on round trip started on one host completes on another.
            CREATE TABLE data_protection_keys (
                name           text PRIMARY KEY,
                xml            text NOT NULL
            );
            """),
        new(5, "event ids unique per source, and each case bound to one area", """
            -- A stored event's source is the one its body names; one source's ids never shadow another's.
            ALTER TABLE events ADD COLUMN source text NOT NULL DEFAULT '';
            UPDATE events SET source = coalesce(body::jsonb ->> 'source', '');
            ALTER TABLE events DROP CONSTRAINT events_id_unique;
            ALTER TABLE events ADD CONSTRAINT events_source_id_unique UNIQUE (source, id);
            -- A case belongs to the area of its first step; appends bind it in their transaction,
            -- so two hosts cannot both accept a new case in different areas.
            CREATE TABLE case_areas (
                case_id      text PRIMARY KEY,
                area_id      text NOT NULL
            );
            INSERT INTO case_areas (case_id, area_id)
                SELECT DISTINCT ON (case_id) case_id, area_id FROM events WHERE case_id IS NOT NULL ORDER BY case_id, seq;
            """),
        new(6, "grid checkpoints: what each leaf's ledger still needs, and the sequence it covers", """
            -- One row per leaf, rewritten whole by one statement: the sequences and the lists are never torn.
            CREATE TABLE grid_checkpoints (
                area_id      text PRIMARY KEY,
                covers_seq   bigint NOT NULL,
                tail_from    bigint NOT NULL,
                applied      text NOT NULL,
                retained     text NOT NULL,
                taken_at     timestamptz NOT NULL
            );
            """),
    ];
}
