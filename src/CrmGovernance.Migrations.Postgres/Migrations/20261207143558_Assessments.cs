using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace CrmGovernance.Migrations.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class Assessments : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "AssessmentFields",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    AssessmentId = table.Column<long>(type: "bigint", nullable: false),
                    Field = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Type = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    Required = table.Column<bool>(type: "boolean", nullable: false),
                    Filled = table.Column<long>(type: "bigint", nullable: false),
                    Missing = table.Column<long>(type: "bigint", nullable: false),
                    Format = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    Checked = table.Column<long>(type: "bigint", nullable: false),
                    Invalid = table.Column<long>(type: "bigint", nullable: false),
                    Reformattable = table.Column<long>(type: "bigint", nullable: false),
                    Distinct = table.Column<int>(type: "integer", nullable: false),
                    DistinctCapped = table.Column<bool>(type: "boolean", nullable: false),
                    Behaviour = table.Column<string>(type: "character varying(24)", maxLength: 24, nullable: false),
                    UnknownValuesJson = table.Column<string>(type: "text", nullable: false),
                    OtherUnknownValues = table.Column<long>(type: "bigint", nullable: false),
                    ExamplesJson = table.Column<string>(type: "text", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AssessmentFields", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "Assessments",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    SystemId = table.Column<Guid>(type: "uuid", nullable: false),
                    ObjectId = table.Column<Guid>(type: "uuid", nullable: false),
                    ConfigurationVersion = table.Column<int>(type: "integer", nullable: false),
                    Status = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    RequestedBy = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    RequestedUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    StartedUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    FinishedUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    Node = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    HeartbeatUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    Phase = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    Progress = table.Column<double>(type: "double precision", nullable: false),
                    RecordsRead = table.Column<long>(type: "bigint", nullable: false),
                    Region = table.Column<string>(type: "character varying(2)", maxLength: 2, nullable: false),
                    StaleMonths = table.Column<int>(type: "integer", nullable: false),
                    RecordsWithUpdateTime = table.Column<long>(type: "bigint", nullable: true),
                    StaleRecords = table.Column<long>(type: "bigint", nullable: false),
                    StaleExamplesJson = table.Column<string>(type: "text", nullable: false),
                    DuplicateScanId = table.Column<long>(type: "bigint", nullable: true),
                    DuplicateRate = table.Column<double>(type: "double precision", nullable: true),
                    Completeness = table.Column<double>(type: "double precision", nullable: true),
                    Validity = table.Column<double>(type: "double precision", nullable: true),
                    Uniqueness = table.Column<double>(type: "double precision", nullable: true),
                    Freshness = table.Column<double>(type: "double precision", nullable: true),
                    Error = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Assessments", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_AssessmentFields_AssessmentId_Field",
                table: "AssessmentFields",
                columns: new[] { "AssessmentId", "Field" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Assessments_Status",
                table: "Assessments",
                column: "Status");

            migrationBuilder.CreateIndex(
                name: "IX_Assessments_SystemId_ObjectId_RequestedUtc",
                table: "Assessments",
                columns: new[] { "SystemId", "ObjectId", "RequestedUtc" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "AssessmentFields");

            migrationBuilder.DropTable(
                name: "Assessments");
        }
    }
}
