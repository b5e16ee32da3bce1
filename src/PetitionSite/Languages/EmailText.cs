namespace PetitionSite.Languages;

// Names the texts of the emails to supporters: Resources/Languages/EmailText.resx (English), EmailText.fr.resx and
// EmailText.ar.resx. Apart from the pages' SiteText, so a translator of the emails sees them whole, and alone.
public sealed class EmailText;
