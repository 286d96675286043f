using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CrmGovernance.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class AuditExport : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<Guid>(
                name: "ChangeRequestId",
                table: "AuditEntries",
                type: "TEXT",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "AuditExports",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    RequestedById = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    RequestedByName = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    RequestedUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    FilterJson = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: false),
                    Status = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    RowsTotal = table.Column<long>(type: "INTEGER", nullable: false),
                    RowsWritten = table.Column<long>(type: "INTEGER", nullable: false),
                    StartedUtc = table.Column<DateTime>(type: "TEXT", nullable: true),
                    CompletedUtc = table.Column<DateTime>(type: "TEXT", nullable: true),
                    FileName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    FileBytes = table.Column<long>(type: "INTEGER", nullable: false),
                    ChainIntact = table.Column<bool>(type: "INTEGER", nullable: true),
                    HeadSequence = table.Column<long>(type: "INTEGER", nullable: true),
                    HeadHash = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    Error = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AuditExports", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_AuditEntries_ChangeRequestId",
                table: "AuditEntries",
                column: "ChangeRequestId");

            migrationBuilder.CreateIndex(
                name: "IX_AuditEntries_Source",
                table: "AuditEntries",
                column: "Source");

            migrationBuilder.CreateIndex(
                name: "IX_AuditExports_RequestedById_RequestedUtc",
                table: "AuditExports",
                columns: new[] { "RequestedById", "RequestedUtc" });

            migrationBuilder.CreateIndex(
                name: "IX_AuditExports_Status",
                table: "AuditExports",
                column: "Status");

            // Hand edit (ADR 0013): a full-text index of the words in every audit row's values, for the audit log's search.
            // Contentless, fed by a trigger: audit rows are append-only, so rows are only ever added to it.
            migrationBuilder.Sql("CREATE VIRTUAL TABLE AuditSearch USING fts5(Body, content='', tokenize='unicode61 remove_diacritics 2');");
            migrationBuilder.Sql(
                "CREATE TRIGGER AuditEntries_Search AFTER INSERT ON AuditEntries BEGIN " +
                "INSERT INTO AuditSearch(rowid, Body) VALUES (new.Sequence, " + SearchBody("new.Changes") + "); END;");
            migrationBuilder.Sql("INSERT INTO AuditSearch(rowid, Body) SELECT Sequence, " + SearchBody("Changes") + " FROM AuditEntries;");
        }

        // Every text and number in the changes JSON (field names and values), or the raw text if it is not JSON.
        private static string SearchBody(string column) =>
            $"CASE WHEN json_valid({column}) THEN (SELECT group_concat(atom, ' ') FROM json_tree({column}) WHERE atom IS NOT NULL) ELSE {column} END";

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("DROP TRIGGER AuditEntries_Search;");
            migrationBuilder.Sql("DROP TABLE AuditSearch;");

            migrationBuilder.DropTable(
                name: "AuditExports");

            migrationBuilder.DropIndex(
                name: "IX_AuditEntries_ChangeRequestId",
                table: "AuditEntries");

            migrationBuilder.DropIndex(
                name: "IX_AuditEntries_Source",
                table: "AuditEntries");

            migrationBuilder.DropColumn(
                name: "ChangeRequestId",
                table: "AuditEntries");
        }
    }
}
