using Microsoft.AspNetCore.Mvc;

namespace PetitionSite.Site;

// A page shown again with what was typed and why it was not accepted answers 400 or 422, not 200.
public static class ViewResultStatus
{
    public static ViewResult WithStatus(this ViewResult view, int statusCode)
    {
        view.StatusCode = statusCode;
        return view;
    }
}
