using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CrmGovernance.Migrations.Sqlite.Migrations
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
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    AssessmentId = table.Column<long>(type: "INTEGER", nullable: false),
                    Field = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Type = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    Required = table.Column<bool>(type: "INTEGER", nullable: false),
                    Filled = table.Column<long>(type: "INTEGER", nullable: false),
                    Missing = table.Column<long>(type: "INTEGER", nullable: false),
                    Format = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    Checked = table.Column<long>(type: "INTEGER", nullable: false),
                    Invalid = table.Column<long>(type: "INTEGER", nullable: false),
                    Reformattable = table.Column<long>(type: "INTEGER", nullable: false),
                    Distinct = table.Column<int>(type: "INTEGER", nullable: false),
                    DistinctCapped = table.Column<bool>(type: "INTEGER", nullable: false),
                    Behaviour = table.Column<string>(type: "TEXT", maxLength: 24, nullable: false),
                    UnknownValuesJson = table.Column<string>(type: "TEXT", nullable: false),
                    OtherUnknownValues = table.Column<long>(type: "INTEGER", nullable: false),
                    ExamplesJson = table.Column<string>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AssessmentFields", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "Assessments",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    SystemId = table.Column<Guid>(type: "TEXT", nullable: false),
                    ObjectId = table.Column<Guid>(type: "TEXT", nullable: false),
                    ConfigurationVersion = table.Column<int>(type: "INTEGER", nullable: false),
                    Status = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    RequestedBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    RequestedUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    StartedUtc = table.Column<DateTime>(type: "TEXT", nullable: true),
                    FinishedUtc = table.Column<DateTime>(type: "TEXT", nullable: true),
                    Node = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    HeartbeatUtc = table.Column<DateTime>(type: "TEXT", nullable: true),
                    Phase = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Progress = table.Column<double>(type: "REAL", nullable: false),
                    RecordsRead = table.Column<long>(type: "INTEGER", nullable: false),
                    Region = table.Column<string>(type: "TEXT", maxLength: 2, nullable: false),
                    StaleMonths = table.Column<int>(type: "INTEGER", nullable: false),
                    RecordsWithUpdateTime = table.Column<long>(type: "INTEGER", nullable: true),
                    StaleRecords = table.Column<long>(type: "INTEGER", nullable: false),
                    StaleExamplesJson = table.Column<string>(type: "TEXT", nullable: false),
                    DuplicateScanId = table.Column<long>(type: "INTEGER", nullable: true),
                    DuplicateRate = table.Column<double>(type: "REAL", nullable: true),
                    Completeness = table.Column<double>(type: "REAL", nullable: true),
                    Validity = table.Column<double>(type: "REAL", nullable: true),
                    Uniqueness = table.Column<double>(type: "REAL", nullable: true),
                    Freshness = table.Column<double>(type: "REAL", nullable: true),
                    Error = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true)
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
