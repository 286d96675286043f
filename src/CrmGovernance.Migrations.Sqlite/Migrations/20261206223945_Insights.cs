using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CrmGovernance.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class Insights : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<DateTime>(
                name: "DueUtc",
                table: "SyncRuns",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<double>(
                name: "HandlingSeconds",
                table: "ReviewItems",
                type: "REAL",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Match",
                table: "RecordOutcomes",
                type: "TEXT",
                maxLength: 8,
                nullable: true);

            migrationBuilder.AddColumn<DateTime>(
                name: "SourceCreatedUtc",
                table: "RecordOutcomes",
                type: "TEXT",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "InsightsBaselines",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    ObjectId = table.Column<Guid>(type: "TEXT", nullable: true),
                    FlowId = table.Column<Guid>(type: "TEXT", nullable: true),
                    Name = table.Column<string>(type: "TEXT", maxLength: 120, nullable: false),
                    From = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    To = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    SetBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    SetUtc = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_InsightsBaselines", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "MetricBuckets",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Size = table.Column<string>(type: "TEXT", maxLength: 8, nullable: false),
                    PeriodStartUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    Metric = table.Column<string>(type: "TEXT", maxLength: 48, nullable: false),
                    FlowId = table.Column<Guid>(type: "TEXT", nullable: false),
                    ObjectId = table.Column<Guid>(type: "TEXT", nullable: false),
                    SystemId = table.Column<Guid>(type: "TEXT", nullable: false),
                    TargetSystemId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Dimension = table.Column<string>(type: "TEXT", maxLength: 220, nullable: false),
                    Value = table.Column<double>(type: "REAL", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_MetricBuckets", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "MetricContributions",
                columns: table => new
                {
                    Key = table.Column<string>(type: "TEXT", maxLength: 160, nullable: false),
                    ItemsJson = table.Column<string>(type: "TEXT", nullable: false),
                    UpdatedUtc = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_MetricContributions", x => x.Key);
                });

            migrationBuilder.CreateIndex(
                name: "IX_SyncRuns_StartedUtc",
                table: "SyncRuns",
                column: "StartedUtc");

            migrationBuilder.CreateIndex(
                name: "IX_ReviewItems_CreatedUtc",
                table: "ReviewItems",
                column: "CreatedUtc");

            migrationBuilder.CreateIndex(
                name: "IX_ReviewItems_DecidedUtc",
                table: "ReviewItems",
                column: "DecidedUtc");

            migrationBuilder.CreateIndex(
                name: "IX_ErrorQueueItems_CreatedUtc",
                table: "ErrorQueueItems",
                column: "CreatedUtc");

            migrationBuilder.CreateIndex(
                name: "IX_InsightsBaselines_FlowId",
                table: "InsightsBaselines",
                column: "FlowId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_InsightsBaselines_ObjectId",
                table: "InsightsBaselines",
                column: "ObjectId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_MetricBuckets_Size_PeriodStartUtc_Metric_FlowId_ObjectId_SystemId_TargetSystemId_Dimension",
                table: "MetricBuckets",
                columns: new[] { "Size", "PeriodStartUtc", "Metric", "FlowId", "ObjectId", "SystemId", "TargetSystemId", "Dimension" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "InsightsBaselines");

            migrationBuilder.DropTable(
                name: "MetricBuckets");

            migrationBuilder.DropTable(
                name: "MetricContributions");

            migrationBuilder.DropIndex(
                name: "IX_SyncRuns_StartedUtc",
                table: "SyncRuns");

            migrationBuilder.DropIndex(
                name: "IX_ReviewItems_CreatedUtc",
                table: "ReviewItems");

            migrationBuilder.DropIndex(
                name: "IX_ReviewItems_DecidedUtc",
                table: "ReviewItems");

            migrationBuilder.DropIndex(
                name: "IX_ErrorQueueItems_CreatedUtc",
                table: "ErrorQueueItems");

            migrationBuilder.DropColumn(
                name: "DueUtc",
                table: "SyncRuns");

            migrationBuilder.DropColumn(
                name: "HandlingSeconds",
                table: "ReviewItems");

            migrationBuilder.DropColumn(
                name: "Match",
                table: "RecordOutcomes");

            migrationBuilder.DropColumn(
                name: "SourceCreatedUtc",
                table: "RecordOutcomes");
        }
    }
}
