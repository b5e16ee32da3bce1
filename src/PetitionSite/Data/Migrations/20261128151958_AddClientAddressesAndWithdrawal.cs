using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace PetitionSite.Data.Migrations
{
    /// <inheritdoc />
    public partial class AddClientAddressesAndWithdrawal : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Signatures_PetitionId_NormalizedEmail",
                table: "Signatures");

            migrationBuilder.AddColumn<string>(
                name: "ClientAddress",
                table: "Signatures",
                type: "TEXT",
                maxLength: 45,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "ClientNetwork",
                table: "Signatures",
                type: "TEXT",
                maxLength: 50,
                nullable: true);

            migrationBuilder.AddColumn<DateTime>(
                name: "PersonalDataErasedAt",
                table: "Petitions",
                type: "TEXT",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "WithdrawalTokens",
                columns: table => new
                {
                    Hash = table.Column<byte[]>(type: "BLOB", nullable: false),
                    SignatureId = table.Column<long>(type: "INTEGER", nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_WithdrawalTokens", x => x.Hash);
                    table.ForeignKey(
                        name: "FK_WithdrawalTokens_Signatures_SignatureId",
                        column: x => x.SignatureId,
                        principalTable: "Signatures",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_Signatures_NormalizedEmail_PetitionId",
                table: "Signatures",
                columns: new[] { "NormalizedEmail", "PetitionId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_WithdrawalTokens_SignatureId",
                table: "WithdrawalTokens",
                column: "SignatureId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "WithdrawalTokens");

            migrationBuilder.DropIndex(
                name: "IX_Signatures_NormalizedEmail_PetitionId",
                table: "Signatures");

            migrationBuilder.DropColumn(
                name: "ClientAddress",
                table: "Signatures");

            migrationBuilder.DropColumn(
                name: "ClientNetwork",
                table: "Signatures");

            migrationBuilder.DropColumn(
                name: "PersonalDataErasedAt",
                table: "Petitions");

            migrationBuilder.CreateIndex(
                name: "IX_Signatures_PetitionId_NormalizedEmail",
                table: "Signatures",
                columns: new[] { "PetitionId", "NormalizedEmail" },
                unique: true);
        }
    }
}
