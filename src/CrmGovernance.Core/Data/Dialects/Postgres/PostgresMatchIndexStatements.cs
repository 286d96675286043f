namespace CrmGovernance.Core.Data.Dialects.Postgres;

internal sealed class PostgresMatchIndexStatements : IMatchIndexStatements
{
    public SqlStatement Upsert { get; } = new("""
        INSERT INTO "MatchIndexEntries" ("SystemId", "ObjectId", "RecordId", "ValuesJson", "UpdatedUtc", "IsDeleted")
        VALUES (@system, @object, @id, @values, @at, false)
        ON CONFLICT ("SystemId", "ObjectId", "RecordId") DO UPDATE SET "ValuesJson" = excluded."ValuesJson", "UpdatedUtc" = excluded."UpdatedUtc", "IsDeleted" = false
        WHERE "MatchIndexEntries"."ValuesJson" <> excluded."ValuesJson" OR "MatchIndexEntries"."IsDeleted"
        """, "@system", "@object", "@id", "@values", "@at");

    public SqlStatement Remove { get; } = new("""
        UPDATE "MatchIndexEntries" SET "IsDeleted" = true, "ValuesJson" = '{}', "UpdatedUtc" = @at
        WHERE "SystemId" = @system AND "ObjectId" = @object AND "RecordId" = @id AND NOT "IsDeleted"
        """, "@at", "@system", "@object", "@id");

    public SqlStatement SaveCursor { get; } = new("""
        INSERT INTO "MatchIndexCursors" ("SystemId", "ObjectId", "Cursor", "FieldMap", "UpdatedUtc") VALUES (@system, @object, @cursor, @map, @at)
        ON CONFLICT ("SystemId", "ObjectId") DO UPDATE SET "Cursor" = excluded."Cursor", "FieldMap" = excluded."FieldMap", "UpdatedUtc" = excluded."UpdatedUtc"
        """, "@system", "@object", "@cursor", "@map", "@at");
}
