namespace PetitionSite.Email;

// Bound from "Smtp". With no Host, emails are written as .eml files to PickupDirectory instead of being sent.
public sealed class SmtpOptions
{
    public const string Section = "Smtp";

    public string? Host { get; set; }

    public int Port { get; set; } = 587;

    public bool UseTls { get; set; } = true;

    public string? UserName { get; set; }

    public string? Password { get; set; }

    public string From { get; set; } = "PetitionSite <no-reply@localhost>";

    public string PickupDirectory { get; set; } = "data/mail";

    public bool UsesPickupDirectory => string.IsNullOrWhiteSpace(Host);
}
