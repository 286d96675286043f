using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CrmGovernance.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class RunsLastCheckedAndRecordSearch : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<long>(
                name: "InboxId",
                table: "RecordOutcomes",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "EmptyChecks",
                table: "FlowCursors",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<DateTime>(
                name: "LastCheckedUtc",
                table: "FlowCursors",
                type: "TEXT",
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "IX_RecordOutcomes_InboxId",
                table: "RecordOutcomes",
                column: "InboxId");

            migrationBuilder.CreateIndex(
                name: "IX_RecordOutcomes_SourceId",
                table: "RecordOutcomes",
                column: "SourceId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_RecordOutcomes_InboxId",
                table: "RecordOutcomes");

            migrationBuilder.DropIndex(
                name: "IX_RecordOutcomes_SourceId",
                table: "RecordOutcomes");

            migrationBuilder.DropColumn(
                name: "InboxId",
                table: "RecordOutcomes");

            migrationBuilder.DropColumn(
                name: "EmptyChecks",
                table: "FlowCursors");

            migrationBuilder.DropColumn(
                name: "LastCheckedUtc",
                table: "FlowCursors");
        }
    }
}
