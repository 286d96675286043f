using Microsoft.EntityFrameworkCore.Migrations;

namespace CrmGovernance.Migrations.Postgres.Migrations;

/// <summary>
/// PostgreSQL SQL the model cannot express, run at the end of <c>Initial</c> (ADR 0009, 0013, 0019). The trigger texts
/// must stay as <c>PostgresAuditTriggers.Expected</c> in Core has them: the chain verification compares the two.
/// </summary>
internal static class PostgresSchema
{
    public static void Up(MigrationBuilder migrationBuilder)
    {
        // Append-only: audit rows and configuration versions refuse UPDATE, DELETE and TRUNCATE.
        migrationBuilder.Sql("""
            CREATE FUNCTION crmgov_refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RAISE EXCEPTION '%', TG_ARGV[0] USING ERRCODE = 'restrict_violation'; END $$;
            """);
        foreach (var (table, message) in new[] { ("AuditEntries", "audit entries are append-only"), ("ConfigurationVersions", "configuration versions are immutable") })
        {
            migrationBuilder.Sql($"""CREATE TRIGGER "{table}_NoUpdate" BEFORE UPDATE ON "{table}" FOR EACH ROW EXECUTE FUNCTION crmgov_refuse_change('{message}');""");
            migrationBuilder.Sql($"""CREATE TRIGGER "{table}_NoDelete" BEFORE DELETE ON "{table}" FOR EACH ROW EXECUTE FUNCTION crmgov_refuse_change('{message}');""");
            migrationBuilder.Sql($"""CREATE TRIGGER "{table}_NoTruncate" BEFORE TRUNCATE ON "{table}" FOR EACH STATEMENT EXECUTE FUNCTION crmgov_refuse_change('{message}');""");
        }

        // The audit log's search: the words of every text and number in a row's changes JSON (or the raw text when it is
        // not JSON), split at every character that is not a letter or digit, lower-cased and without accents, as SQLite's
        // FTS5 unicode61 tokenizer does. Fed by a trigger: audit rows are only ever added.
        migrationBuilder.Sql("CREATE EXTENSION IF NOT EXISTS unaccent;");
        migrationBuilder.Sql("""
            CREATE FUNCTION crmgov_audit_search_body(changes text) RETURNS text LANGUAGE plpgsql STABLE AS $$
            DECLARE body text;
            BEGIN
                BEGIN
                    SELECT string_agg(v #>> '{}', ' ') INTO body FROM jsonb_path_query(changes::jsonb, 'strict $.**') AS v
                    WHERE jsonb_typeof(v) IN ('string', 'number', 'boolean');
                EXCEPTION WHEN invalid_text_representation THEN
                    body := changes;
                END;
                RETURN regexp_replace(lower(unaccent(coalesce(body, ''))), '[^[:alnum:]]+', ' ', 'g');
            END $$;
            """);
        migrationBuilder.Sql("""
            CREATE TABLE "AuditSearch" ("Sequence" bigint PRIMARY KEY, "Body" tsvector NOT NULL);
            CREATE INDEX "IX_AuditSearch_Body" ON "AuditSearch" USING gin ("Body");
            CREATE FUNCTION crmgov_audit_search_add() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN
                -- A sequence seen before (rows cut from the tail by someone with write access, then written again) takes the new text:
                -- the search must never stop the audit trail from being written.
                INSERT INTO "AuditSearch" ("Sequence", "Body") VALUES (NEW."Sequence", to_tsvector('simple', crmgov_audit_search_body(NEW."Changes")))
                ON CONFLICT ("Sequence") DO UPDATE SET "Body" = EXCLUDED."Body";
                RETURN NULL;
            END $$;
            CREATE TRIGGER "AuditEntries_Search" AFTER INSERT ON "AuditEntries" FOR EACH ROW EXECUTE FUNCTION crmgov_audit_search_add();
            """);

        // Operations events commit in the order of their sequence numbers: each inserting transaction takes the outbox
        // lock (held to its end) before its rows draw numbers, so a consumer reading "after my last sequence" never
        // passes a number whose transaction commits later.
        migrationBuilder.Sql("""
            CREATE FUNCTION crmgov_outbox_lock() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN
                PERFORM pg_advisory_xact_lock(1128726537, 0);
                RETURN NULL;
            END $$;
            CREATE TRIGGER "OperationsEvents_InOrder" BEFORE INSERT ON "OperationsEvents" FOR EACH STATEMENT EXECUTE FUNCTION crmgov_outbox_lock();
            """);

        // The same for the inbox, which the webhook connector reads "after my last id": several portal nodes accept
        // webhooks at once, and an id must never commit after a larger one was read.
        migrationBuilder.Sql("""
            CREATE FUNCTION crmgov_inbox_lock() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN
                PERFORM pg_advisory_xact_lock(1128726539, 0);
                RETURN NULL;
            END $$;
            CREATE TRIGGER "InboxItems_InOrder" BEFORE INSERT ON "InboxItems" FOR EACH STATEMENT EXECUTE FUNCTION crmgov_inbox_lock();
            """);
    }

    public static void Down(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.Sql("""
            DROP TRIGGER IF EXISTS "InboxItems_InOrder" ON "InboxItems";
            DROP FUNCTION IF EXISTS crmgov_inbox_lock();
            DROP TRIGGER IF EXISTS "OperationsEvents_InOrder" ON "OperationsEvents";
            DROP FUNCTION IF EXISTS crmgov_outbox_lock();
            DROP TABLE IF EXISTS "AuditSearch";
            DROP FUNCTION IF EXISTS crmgov_audit_search_add() CASCADE;
            DROP FUNCTION IF EXISTS crmgov_audit_search_body(text);
            DROP FUNCTION IF EXISTS crmgov_refuse_change() CASCADE;
            """);
    }
}
