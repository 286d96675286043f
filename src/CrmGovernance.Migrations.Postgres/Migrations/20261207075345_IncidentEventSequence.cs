using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CrmGovernance.Migrations.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class IncidentEventSequence : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<long>(
                name: "EventSequence",
                table: "IncidentEntry",
                type: "bigint",
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "IX_IncidentEntry_EventSequence",
                table: "IncidentEntry",
                column: "EventSequence",
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_IncidentEntry_EventSequence",
                table: "IncidentEntry");

            migrationBuilder.DropColumn(
                name: "EventSequence",
                table: "IncidentEntry");
        }
    }
}
