using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CrmGovernance.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class NodeHeartbeats : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "Node",
                table: "SyncRuns",
                type: "TEXT",
                maxLength: 100,
                nullable: true);

            migrationBuilder.AddColumn<DateTime>(
                name: "HeartbeatUtc",
                table: "DuplicateScans",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Node",
                table: "DuplicateScans",
                type: "TEXT",
                maxLength: 100,
                nullable: true);

            migrationBuilder.AddColumn<DateTime>(
                name: "HeartbeatUtc",
                table: "AuditExports",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Node",
                table: "AuditExports",
                type: "TEXT",
                maxLength: 100,
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "Node",
                table: "SyncRuns");

            migrationBuilder.DropColumn(
                name: "HeartbeatUtc",
                table: "DuplicateScans");

            migrationBuilder.DropColumn(
                name: "Node",
                table: "DuplicateScans");

            migrationBuilder.DropColumn(
                name: "HeartbeatUtc",
                table: "AuditExports");

            migrationBuilder.DropColumn(
                name: "Node",
                table: "AuditExports");
        }
    }
}
