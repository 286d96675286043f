using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CrmGovernance.Migrations.Postgres.Migrations
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
                type: "character varying(100)",
                maxLength: 100,
                nullable: true);

            migrationBuilder.AddColumn<DateTime>(
                name: "HeartbeatUtc",
                table: "DuplicateScans",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Node",
                table: "DuplicateScans",
                type: "character varying(100)",
                maxLength: 100,
                nullable: true);

            migrationBuilder.AddColumn<DateTime>(
                name: "HeartbeatUtc",
                table: "AuditExports",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Node",
                table: "AuditExports",
                type: "character varying(100)",
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
