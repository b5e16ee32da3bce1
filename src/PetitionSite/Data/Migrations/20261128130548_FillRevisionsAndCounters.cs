using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace PetitionSite.Data.Migrations
{
    /// <inheritdoc />
    public partial class FillRevisionsAndCounters : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // Every existing petition's text becomes its first revision, the one its signatures were made under.
            migrationBuilder.Sql(
                "INSERT INTO PetitionRevisions (PetitionId, Number, Title, Summary, BodyMarkdown, CreatedAt) " +
                "SELECT Id, 1, Title, Summary, BodyMarkdown, CreatedAt FROM Petitions");

            // Confirmed signatures so far, counted once into the dashboard's counters.
            migrationBuilder.Sql(
                "INSERT INTO SignatureCounters (PetitionId, Kind, Key, Count) " +
                "SELECT PetitionId, 'Hour', strftime('%Y-%m-%dT%H', ConfirmedAt), COUNT(*) FROM Signatures WHERE State = 'Validated' GROUP BY 1, 3");
            migrationBuilder.Sql(
                "INSERT INTO SignatureCounters (PetitionId, Kind, Key, Count) " +
                "SELECT PetitionId, 'Country', CountryCode, COUNT(*) FROM Signatures WHERE State = 'Validated' GROUP BY 1, 3");
            migrationBuilder.Sql(
                "INSERT INTO SignatureCounters (PetitionId, Kind, Key, Count) " +
                "SELECT PetitionId, 'Source', '', COUNT(*) FROM Signatures WHERE State = 'Validated' GROUP BY 1");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("DELETE FROM SignatureCounters");
            migrationBuilder.Sql("DELETE FROM PetitionRevisions");
        }
    }
}
