using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CrmGovernance.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class Incidents : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "Incident",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    FoldKey = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Cause = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    Severity = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    State = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    Ending = table.Column<string>(type: "TEXT", maxLength: 16, nullable: true),
                    Title = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    Detail = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: false),
                    FlowId = table.Column<Guid>(type: "TEXT", nullable: true),
                    SystemId = table.Column<Guid>(type: "TEXT", nullable: true),
                    ObjectId = table.Column<Guid>(type: "TEXT", nullable: true),
                    RecordId = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    SubjectName = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    Owner = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    EscalationContact = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    OwnershipGap = table.Column<bool>(type: "INTEGER", nullable: false),
                    ConfigurationVersion = table.Column<int>(type: "INTEGER", nullable: false),
                    CausingVersion = table.Column<int>(type: "INTEGER", nullable: true),
                    CausingChangeRequestId = table.Column<Guid>(type: "TEXT", nullable: true),
                    CausingSummary = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    Occurrences = table.Column<int>(type: "INTEGER", nullable: false),
                    FirstSeenUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    LastSeenUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    OpenedUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    AcknowledgedUtc = table.Column<DateTime>(type: "TEXT", nullable: true),
                    ResolvedUtc = table.Column<DateTime>(type: "TEXT", nullable: true),
                    ClosedUtc = table.Column<DateTime>(type: "TEXT", nullable: true),
                    AcknowledgeDueUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    ResolveDueUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    AcknowledgeBreached = table.Column<bool>(type: "INTEGER", nullable: false),
                    ResolveBreached = table.Column<bool>(type: "INTEGER", nullable: false),
                    EscalationLevel = table.Column<int>(type: "INTEGER", nullable: false),
                    LastEscalatedUtc = table.Column<DateTime>(type: "TEXT", nullable: true),
                    ResolutionNote = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    ResolutionCategory = table.Column<string>(type: "TEXT", maxLength: 24, nullable: true),
                    ReportedBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    ReopenCount = table.Column<int>(type: "INTEGER", nullable: false),
                    LastRunId = table.Column<long>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Incident", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "IncidentEntry",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    IncidentId = table.Column<long>(type: "INTEGER", nullable: false),
                    AtUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 24, nullable: false),
                    Actor = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    Text = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: false),
                    RunId = table.Column<long>(type: "INTEGER", nullable: true),
                    RecordId = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_IncidentEntry", x => x.Id);
                    table.ForeignKey(
                        name: "FK_IncidentEntry_Incident_IncidentId",
                        column: x => x.IncidentId,
                        principalTable: "Incident",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_Incident_FlowId",
                table: "Incident",
                column: "FlowId");

            migrationBuilder.CreateIndex(
                name: "IX_Incident_FoldKey_Id",
                table: "Incident",
                columns: new[] { "FoldKey", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_Incident_Owner_State",
                table: "Incident",
                columns: new[] { "Owner", "State" });

            migrationBuilder.CreateIndex(
                name: "IX_Incident_State_Id",
                table: "Incident",
                columns: new[] { "State", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_IncidentEntry_IncidentId_Id",
                table: "IncidentEntry",
                columns: new[] { "IncidentId", "Id" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "IncidentEntry");

            migrationBuilder.DropTable(
                name: "Incident");
        }
    }
}
