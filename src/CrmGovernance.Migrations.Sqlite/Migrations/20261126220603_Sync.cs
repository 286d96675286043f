using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CrmGovernance.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class Sync : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "CrosswalkLinks",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    ObjectId = table.Column<Guid>(type: "TEXT", nullable: false),
                    SourceSystemId = table.Column<Guid>(type: "TEXT", nullable: false),
                    SourceId = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    TargetSystemId = table.Column<Guid>(type: "TEXT", nullable: false),
                    TargetId = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    FlowId = table.Column<Guid>(type: "TEXT", nullable: false),
                    CreatedUtc = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CrosswalkLinks", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "ErrorQueueItems",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    Status = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    FlowId = table.Column<Guid>(type: "TEXT", nullable: true),
                    SystemKey = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    ObjectKey = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    RunId = table.Column<long>(type: "INTEGER", nullable: true),
                    SourceId = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    Reason = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: false),
                    Payload = table.Column<string>(type: "TEXT", nullable: false),
                    ContentType = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    Attempts = table.Column<int>(type: "INTEGER", nullable: false),
                    CreatedUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    LastAttemptUtc = table.Column<DateTime>(type: "TEXT", nullable: true),
                    ResolvedUtc = table.Column<DateTime>(type: "TEXT", nullable: true),
                    ResolvedBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ErrorQueueItems", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "FlowCursors",
                columns: table => new
                {
                    FlowId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Cursor = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    UpdatedUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    LastRunId = table.Column<long>(type: "INTEGER", nullable: true),
                    LeaseHolder = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    LeaseUntilUtc = table.Column<DateTime>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_FlowCursors", x => x.FlowId);
                });

            migrationBuilder.CreateTable(
                name: "InboundApiKeys",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    SystemKey = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Prefix = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    Hash = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    CreatedUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    CreatedBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    RevokedUtc = table.Column<DateTime>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_InboundApiKeys", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "InboxItems",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    SystemKey = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    ObjectKey = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    IdempotencyKey = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    PayloadJson = table.Column<string>(type: "TEXT", nullable: false),
                    ReceivedUtc = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_InboxItems", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "RecordOutcomes",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    RunId = table.Column<long>(type: "INTEGER", nullable: false),
                    SourceId = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    TargetId = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    Outcome = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    Reason = table.Column<string>(type: "TEXT", nullable: true),
                    BeforeJson = table.Column<string>(type: "TEXT", nullable: true),
                    AfterJson = table.Column<string>(type: "TEXT", nullable: true),
                    AtUtc = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_RecordOutcomes", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "SyncRuns",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    FlowId = table.Column<Guid>(type: "TEXT", nullable: false),
                    FlowName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    ConfigurationVersion = table.Column<int>(type: "INTEGER", nullable: false),
                    ChangeRequestId = table.Column<Guid>(type: "TEXT", nullable: true),
                    DryRun = table.Column<bool>(type: "INTEGER", nullable: false),
                    Trigger = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    StartedBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    Status = table.Column<string>(type: "TEXT", maxLength: 24, nullable: false),
                    StartedUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    FinishedUtc = table.Column<DateTime>(type: "TEXT", nullable: true),
                    HeartbeatUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    Read = table.Column<int>(type: "INTEGER", nullable: false),
                    Created = table.Column<int>(type: "INTEGER", nullable: false),
                    Updated = table.Column<int>(type: "INTEGER", nullable: false),
                    Unchanged = table.Column<int>(type: "INTEGER", nullable: false),
                    Appended = table.Column<int>(type: "INTEGER", nullable: false),
                    Queued = table.Column<int>(type: "INTEGER", nullable: false),
                    Rejected = table.Column<int>(type: "INTEGER", nullable: false),
                    Failed = table.Column<int>(type: "INTEGER", nullable: false),
                    DuplicatesPrevented = table.Column<int>(type: "INTEGER", nullable: false),
                    LeadResponseMillisecondsTotal = table.Column<long>(type: "INTEGER", nullable: false),
                    LeadResponseCount = table.Column<int>(type: "INTEGER", nullable: false),
                    RejectionReasonsJson = table.Column<string>(type: "TEXT", nullable: false),
                    Message = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SyncRuns", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_CrosswalkLinks_SourceSystemId_ObjectId_SourceId_TargetSystemId",
                table: "CrosswalkLinks",
                columns: new[] { "SourceSystemId", "ObjectId", "SourceId", "TargetSystemId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_ErrorQueueItems_FlowId_SourceId",
                table: "ErrorQueueItems",
                columns: new[] { "FlowId", "SourceId" });

            migrationBuilder.CreateIndex(
                name: "IX_ErrorQueueItems_Status_FlowId",
                table: "ErrorQueueItems",
                columns: new[] { "Status", "FlowId" });

            migrationBuilder.CreateIndex(
                name: "IX_InboundApiKeys_Hash",
                table: "InboundApiKeys",
                column: "Hash",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_InboxItems_SystemKey_IdempotencyKey",
                table: "InboxItems",
                columns: new[] { "SystemKey", "IdempotencyKey" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_InboxItems_SystemKey_ObjectKey_Id",
                table: "InboxItems",
                columns: new[] { "SystemKey", "ObjectKey", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_RecordOutcomes_RunId_Outcome",
                table: "RecordOutcomes",
                columns: new[] { "RunId", "Outcome" });

            migrationBuilder.CreateIndex(
                name: "IX_RecordOutcomes_RunId_SourceId",
                table: "RecordOutcomes",
                columns: new[] { "RunId", "SourceId" });

            migrationBuilder.CreateIndex(
                name: "IX_SyncRuns_FlowId_Id",
                table: "SyncRuns",
                columns: new[] { "FlowId", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_SyncRuns_Status",
                table: "SyncRuns",
                column: "Status");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "CrosswalkLinks");

            migrationBuilder.DropTable(
                name: "ErrorQueueItems");

            migrationBuilder.DropTable(
                name: "FlowCursors");

            migrationBuilder.DropTable(
                name: "InboundApiKeys");

            migrationBuilder.DropTable(
                name: "InboxItems");

            migrationBuilder.DropTable(
                name: "RecordOutcomes");

            migrationBuilder.DropTable(
                name: "SyncRuns");
        }
    }
}
