using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace CrmGovernance.Migrations.Postgres.Migrations
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
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    SystemId = table.Column<Guid>(type: "uuid", nullable: false),
                    ObjectId = table.Column<Guid>(type: "uuid", nullable: false),
                    Field = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Finding = table.Column<string>(type: "character varying(24)", maxLength: 24, nullable: false),
                    Reason = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: false),
                    Until = table.Column<DateOnly>(type: "date", nullable: false),
                    AcceptedBy = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    AcceptedUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    WithdrawnBy = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    WithdrawnUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: true)
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
