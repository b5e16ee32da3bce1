namespace PetitionSite.Languages;

// Names the public site's texts: Resources/Languages/SiteText.resx (English), SiteText.fr.resx and SiteText.ar.resx.
// One file per language rather than one per view, so a translator sees every sentence of the supporter's journey at once.
public sealed class SiteText;
