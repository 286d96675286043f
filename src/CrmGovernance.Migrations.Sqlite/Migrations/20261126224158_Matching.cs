using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CrmGovernance.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class Matching : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<double>(
                name: "MatchScore",
                table: "RecordOutcomes",
                type: "REAL",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "MergedFromId",
                table: "CrosswalkLinks",
                type: "TEXT",
                maxLength: 200,
                nullable: true);

            migrationBuilder.CreateTable(
                name: "DuplicateScanPairs",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    ScanId = table.Column<long>(type: "INTEGER", nullable: false),
                    LeftRecordId = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    RightRecordId = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Score = table.Column<double>(type: "REAL", nullable: false),
                    Decision = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    Cluster = table.Column<int>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_DuplicateScanPairs", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "DuplicateScans",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    SystemId = table.Column<Guid>(type: "TEXT", nullable: false),
                    ObjectId = table.Column<Guid>(type: "TEXT", nullable: false),
                    ConfigurationVersion = table.Column<int>(type: "INTEGER", nullable: false),
                    Status = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    RequestedBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    RequestedUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    StartedUtc = table.Column<DateTime>(type: "TEXT", nullable: true),
                    FinishedUtc = table.Column<DateTime>(type: "TEXT", nullable: true),
                    Phase = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Progress = table.Column<double>(type: "REAL", nullable: false),
                    RecordsRead = table.Column<long>(type: "INTEGER", nullable: false),
                    CandidatePairs = table.Column<long>(type: "INTEGER", nullable: false),
                    PairsFound = table.Column<long>(type: "INTEGER", nullable: false),
                    Clusters = table.Column<long>(type: "INTEGER", nullable: false),
                    DuplicateRecords = table.Column<long>(type: "INTEGER", nullable: false),
                    DuplicateRate = table.Column<double>(type: "REAL", nullable: false),
                    FedToReview = table.Column<long>(type: "INTEGER", nullable: false),
                    Error = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_DuplicateScans", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "MatchExclusions",
                columns: table => new
                {
                    SystemId = table.Column<Guid>(type: "TEXT", nullable: false),
                    ObjectId = table.Column<Guid>(type: "TEXT", nullable: false),
                    LeftRecordId = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    RightRecordId = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    ReviewItemId = table.Column<long>(type: "INTEGER", nullable: true),
                    DecidedBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    DecidedUtc = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_MatchExclusions", x => new { x.SystemId, x.ObjectId, x.LeftRecordId, x.RightRecordId });
                });

            migrationBuilder.CreateTable(
                name: "MatchIndexEntries",
                columns: table => new
                {
                    SystemId = table.Column<Guid>(type: "TEXT", nullable: false),
                    ObjectId = table.Column<Guid>(type: "TEXT", nullable: false),
                    RecordId = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    ValuesJson = table.Column<string>(type: "TEXT", nullable: false),
                    UpdatedUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    IsDeleted = table.Column<bool>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_MatchIndexEntries", x => new { x.SystemId, x.ObjectId, x.RecordId });
                });

            migrationBuilder.CreateTable(
                name: "RecordMerges",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    ReviewItemId = table.Column<long>(type: "INTEGER", nullable: false),
                    SystemId = table.Column<Guid>(type: "TEXT", nullable: false),
                    ObjectId = table.Column<Guid>(type: "TEXT", nullable: false),
                    SurvivorId = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    MergedId = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    SurvivorBeforeJson = table.Column<string>(type: "TEXT", nullable: false),
                    MergedBeforeJson = table.Column<string>(type: "TEXT", nullable: false),
                    SurvivorAfterJson = table.Column<string>(type: "TEXT", nullable: false),
                    MovedLinksJson = table.Column<string>(type: "TEXT", nullable: false),
                    MergedBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    MergedUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    UnmergedBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    UnmergedUtc = table.Column<DateTime>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_RecordMerges", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "ReviewItems",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    ObjectId = table.Column<Guid>(type: "TEXT", nullable: false),
                    SystemId = table.Column<Guid>(type: "TEXT", nullable: false),
                    FlowId = table.Column<Guid>(type: "TEXT", nullable: true),
                    RunId = table.Column<long>(type: "INTEGER", nullable: true),
                    ScanId = table.Column<long>(type: "INTEGER", nullable: true),
                    LeftRecordId = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    RightRecordId = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Score = table.Column<double>(type: "REAL", nullable: false),
                    ExplanationJson = table.Column<string>(type: "TEXT", nullable: false),
                    Status = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    AssignedTo = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    CreatedUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    DeferredUntilUtc = table.Column<DateTime>(type: "TEXT", nullable: true),
                    DecidedUtc = table.Column<DateTime>(type: "TEXT", nullable: true),
                    DecidedBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    MergeId = table.Column<long>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ReviewItems", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_DuplicateScanPairs_ScanId_Cluster",
                table: "DuplicateScanPairs",
                columns: new[] { "ScanId", "Cluster" });

            migrationBuilder.CreateIndex(
                name: "IX_DuplicateScanPairs_ScanId_Score",
                table: "DuplicateScanPairs",
                columns: new[] { "ScanId", "Score" });

            migrationBuilder.CreateIndex(
                name: "IX_DuplicateScans_SystemId_ObjectId_RequestedUtc",
                table: "DuplicateScans",
                columns: new[] { "SystemId", "ObjectId", "RequestedUtc" });

            migrationBuilder.CreateIndex(
                name: "IX_MatchIndexEntries_SystemId_ObjectId_UpdatedUtc",
                table: "MatchIndexEntries",
                columns: new[] { "SystemId", "ObjectId", "UpdatedUtc" });

            migrationBuilder.CreateIndex(
                name: "IX_RecordMerges_ReviewItemId",
                table: "RecordMerges",
                column: "ReviewItemId");

            migrationBuilder.CreateIndex(
                name: "IX_RecordMerges_SystemId_ObjectId_MergedId",
                table: "RecordMerges",
                columns: new[] { "SystemId", "ObjectId", "MergedId" });

            migrationBuilder.CreateIndex(
                name: "IX_ReviewItems_AssignedTo",
                table: "ReviewItems",
                column: "AssignedTo");

            migrationBuilder.CreateIndex(
                name: "IX_ReviewItems_Status_ObjectId_Score",
                table: "ReviewItems",
                columns: new[] { "Status", "ObjectId", "Score" });

            migrationBuilder.CreateIndex(
                name: "IX_ReviewItems_SystemId_ObjectId_LeftRecordId_RightRecordId",
                table: "ReviewItems",
                columns: new[] { "SystemId", "ObjectId", "LeftRecordId", "RightRecordId" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "DuplicateScanPairs");

            migrationBuilder.DropTable(
                name: "DuplicateScans");

            migrationBuilder.DropTable(
                name: "MatchExclusions");

            migrationBuilder.DropTable(
                name: "MatchIndexEntries");

            migrationBuilder.DropTable(
                name: "RecordMerges");

            migrationBuilder.DropTable(
                name: "ReviewItems");

            migrationBuilder.DropColumn(
                name: "MatchScore",
                table: "RecordOutcomes");

            migrationBuilder.DropColumn(
                name: "MergedFromId",
                table: "CrosswalkLinks");
        }
    }
}
