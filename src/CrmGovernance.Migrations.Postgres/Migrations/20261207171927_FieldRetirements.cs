using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace CrmGovernance.Migrations.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class FieldRetirements : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<long>(
                name: "ValueSignature",
                table: "AssessmentFields",
                type: "bigint",
                nullable: false,
                defaultValue: 0L);

            migrationBuilder.CreateTable(
                name: "FieldRetirements",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    FieldId = table.Column<Guid>(type: "uuid", nullable: false),
                    SystemId = table.Column<Guid>(type: "uuid", nullable: false),
                    ObjectId = table.Column<Guid>(type: "uuid", nullable: false),
                    Field = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Reason = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: false),
                    WatchDays = table.Column<int>(type: "integer", nullable: false),
                    ProposedBy = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    ProposedUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    StopWritingRequestId = table.Column<Guid>(type: "uuid", nullable: true),
                    DeprecateRequestId = table.Column<Guid>(type: "uuid", nullable: true),
                    RetireRequestId = table.Column<Guid>(type: "uuid", nullable: true),
                    AbandonedBy = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    AbandonedUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_FieldRetirements", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_FieldRetirements_FieldId",
                table: "FieldRetirements",
                column: "FieldId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "FieldRetirements");

            migrationBuilder.DropColumn(
                name: "ValueSignature",
                table: "AssessmentFields");
        }
    }
}
