using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CrmGovernance.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class OperationsEventsOutbox : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "OperationsEventConsumers",
                columns: table => new
                {
                    Subscriber = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Position = table.Column<long>(type: "INTEGER", nullable: false),
                    Attempts = table.Column<int>(type: "INTEGER", nullable: false),
                    LastError = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    RetryAfterUtc = table.Column<DateTime>(type: "TEXT", nullable: true),
                    UpdatedUtc = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_OperationsEventConsumers", x => x.Subscriber);
                });

            migrationBuilder.CreateTable(
                name: "OperationsEvents",
                columns: table => new
                {
                    Sequence = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    PayloadJson = table.Column<string>(type: "TEXT", nullable: false),
                    OccurredUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    Origin = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_OperationsEvents", x => x.Sequence);
                });

            migrationBuilder.CreateIndex(
                name: "IX_OperationsEvents_OccurredUtc",
                table: "OperationsEvents",
                column: "OccurredUtc");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "OperationsEventConsumers");

            migrationBuilder.DropTable(
                name: "OperationsEvents");
        }
    }
}
