namespace CityScreen.Storage.Sql;

/// <summary>
/// The CityScreen tables in the embedded SQLite file, as numbered steps; the file's
/// <c>user_version</c> is the last step applied. Step 1 is the schema files had before they were
/// numbered, written with IF NOT EXISTS so that such a file takes it without change.
/// </summary>
/// <remarks>
/// It differs from <see cref="PostgresSchema"/> where SQLite does: times are Unix milliseconds,
/// days ISO text, booleans integers; the events table keeps kind and project id only in the body
/// (the ingest writer binds fewer columns); a list of areas is comma-separated text.
/// </remarks>
internal static class SqliteSchema
{
    public static readonly IReadOnlyList<Migration> Migrations =
    [
        new(1, "event log, daily rollups, the index history, accounts, tokens, ingest keys and the audit log", """
            CREATE TABLE IF NOT EXISTS events (
                seq          INTEGER PRIMARY KEY AUTOINCREMENT,
                id           TEXT NOT NULL UNIQUE,
                type         TEXT NOT NULL,
                area_id      TEXT NOT NULL,
                case_id      TEXT NULL,
                occurred_at  INTEGER NOT NULL,
                received_at  INTEGER NOT NULL,
                body         TEXT NOT NULL
            );
            CREATE INDEX IF NOT EXISTS ix_events_area ON events(area_id, seq);
            CREATE INDEX IF NOT EXISTS ix_events_case ON events(case_id) WHERE case_id IS NOT NULL;

            -- A rowid table: rows of a kilobyte would spill into half-empty overflow pages
            -- in a WITHOUT ROWID one.
            CREATE TABLE IF NOT EXISTS daily_rollups (
                leaf_id      TEXT NOT NULL,
                date         TEXT NOT NULL,
                counts       TEXT NOT NULL,
                sets         TEXT NOT NULL,
                simulated    INTEGER NOT NULL,
                computed_at  INTEGER NOT NULL,
                UNIQUE (leaf_id, date)
            );
            CREATE INDEX IF NOT EXISTS ix_daily_rollups_date ON daily_rollups(date);
            CREATE TABLE IF NOT EXISTS rollup_days (
                date         TEXT PRIMARY KEY,
                simulated    INTEGER NOT NULL,
                computed_at  INTEGER NOT NULL
            ) WITHOUT ROWID;
            CREATE TABLE IF NOT EXISTS dirty_days (
                date         TEXT NOT NULL,
                leaf_id      TEXT NOT NULL,
                PRIMARY KEY (date, leaf_id)
            ) WITHOUT ROWID;
            CREATE TABLE IF NOT EXISTS job_settings (
                key          TEXT PRIMARY KEY,
                value        TEXT NOT NULL
            ) WITHOUT ROWID;

            CREATE TABLE IF NOT EXISTS index_history (
                date           TEXT NOT NULL,
                area_id        TEXT NOT NULL,
                model_version  TEXT NOT NULL,
                level          TEXT NOT NULL,
                parent_id      TEXT NULL,
                value          REAL NULL,
                grade          TEXT NULL,
                stars          INTEGER NULL,
                rank           INTEGER NULL,
                change         REAL NULL,
                simulated      INTEGER NOT NULL,
                inputs         TEXT NOT NULL,
                weights        TEXT NOT NULL,
                explanation    TEXT NOT NULL,
                computed_at    INTEGER NOT NULL,
                PRIMARY KEY (date, area_id, model_version)
            );
            CREATE INDEX IF NOT EXISTS ix_index_history_area ON index_history(area_id, model_version, date);
            CREATE TABLE IF NOT EXISTS frozen_weights (
                model_version  TEXT NOT NULL,
                month          TEXT NOT NULL,
                level          TEXT NOT NULL,
                weights        TEXT NOT NULL,
                computed_at    INTEGER NOT NULL,
                PRIMARY KEY (model_version, month, level)
            ) WITHOUT ROWID;
            CREATE TABLE IF NOT EXISTS index_nights (
                date           TEXT NOT NULL,
                model_version  TEXT NOT NULL,
                computations   INTEGER NOT NULL,
                computed_at    INTEGER NOT NULL,
                PRIMARY KEY (date, model_version)
            ) WITHOUT ROWID;

            CREATE TABLE IF NOT EXISTS accounts (
                name           TEXT PRIMARY KEY,
                role           TEXT NOT NULL,
                area_id        TEXT NULL,
                password_hash  TEXT NOT NULL,
                created_at     INTEGER NOT NULL
            ) WITHOUT ROWID;
            CREATE TABLE IF NOT EXISTS access_tokens (
                id             TEXT PRIMARY KEY,
                kind           TEXT NOT NULL,
                name           TEXT NOT NULL,
                role           TEXT NOT NULL,
                area_id        TEXT NULL,
                secret_hash    TEXT NOT NULL UNIQUE,
                created_at     INTEGER NOT NULL,
                expires_at     INTEGER NULL,
                revoked_at     INTEGER NULL
            ) WITHOUT ROWID;
            CREATE TABLE IF NOT EXISTS ingest_keys (
                id             TEXT PRIMARY KEY,
                source         TEXT NOT NULL,
                area_ids       TEXT NOT NULL,
                secret_hash    TEXT NOT NULL UNIQUE,
                created_at     INTEGER NOT NULL,
                revoked_at     INTEGER NULL
            ) WITHOUT ROWID;
            CREATE TABLE IF NOT EXISTS audit_log (
                id             INTEGER PRIMARY KEY AUTOINCREMENT,
                at             INTEGER NOT NULL,
                actor          TEXT NOT NULL,
                action         TEXT NOT NULL,
                detail         TEXT NOT NULL
            );
            """),
        new(2, "the ASP.NET Data Protection key ring", """
            CREATE TABLE data_protection_keys (
                name           TEXT PRIMARY KEY,
                xml            TEXT NOT NULL
            ) WITHOUT ROWID;
            """),
        new(3, "event ids unique per source, and each case bound to one area", """
            -- SQLite cannot change a table's constraints: the log is copied into a table with the new
            -- one, keeping every seq. A stored event's source is the one its body names.
            CREATE TABLE events_per_source (
                seq          INTEGER PRIMARY KEY AUTOINCREMENT,
                source       TEXT NOT NULL DEFAULT '',
                id           TEXT NOT NULL,
                type         TEXT NOT NULL,
                area_id      TEXT NOT NULL,
                case_id      TEXT NULL,
                occurred_at  INTEGER NOT NULL,
                received_at  INTEGER NOT NULL,
                body         TEXT NOT NULL,
                UNIQUE (source, id)
            );
            INSERT INTO events_per_source (seq, source, id, type, area_id, case_id, occurred_at, received_at, body)
                SELECT seq, coalesce(json_extract(body, '$.source'), ''), id, type, area_id, case_id, occurred_at, received_at, body
                FROM events ORDER BY seq;
            DROP TABLE events;
            ALTER TABLE events_per_source RENAME TO events;
            CREATE INDEX ix_events_area ON events(area_id, seq);
            CREATE INDEX ix_events_case ON events(case_id) WHERE case_id IS NOT NULL;
            -- A case belongs to the area of its first step.
            CREATE TABLE case_areas (
                case_id      TEXT PRIMARY KEY,
                area_id      TEXT NOT NULL
            ) WITHOUT ROWID;
            INSERT INTO case_areas (case_id, area_id)
                SELECT case_id, area_id FROM events WHERE seq IN (
                    SELECT min(seq) FROM events WHERE case_id IS NOT NULL GROUP BY case_id);
            """),
        new(4, "grid checkpoints: what each leaf's ledger still needs, and the sequence it covers", """
            -- One row per leaf, rewritten whole by one statement: the sequences and the lists are never torn.
            CREATE TABLE grid_checkpoints (
                area_id      TEXT PRIMARY KEY,
                covers_seq   INTEGER NOT NULL,
                tail_from    INTEGER NOT NULL,
                applied      TEXT NOT NULL,
                retained     TEXT NOT NULL,
                taken_at     INTEGER NOT NULL
            ) WITHOUT ROWID;
            """),
    ];
}
