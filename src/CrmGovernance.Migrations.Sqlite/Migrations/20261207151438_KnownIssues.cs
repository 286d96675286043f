using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CrmGovernance.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class KnownIssues : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "KnownIssues",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    SystemId = table.Column<Guid>(type: "TEXT", nullable: false),
                    ObjectId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Field = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Finding = table.Column<string>(type: "TEXT", maxLength: 24, nullable: false),
                    Reason = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: false),
                    Until = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    AcceptedBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    AcceptedUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    WithdrawnBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    WithdrawnUtc = table.Column<DateTime>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_KnownIssues", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_KnownIssues_SystemId_ObjectId_Field_Finding",
                table: "KnownIssues",
                columns: new[] { "SystemId", "ObjectId", "Field", "Finding" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "KnownIssues");
        }
    }
}
