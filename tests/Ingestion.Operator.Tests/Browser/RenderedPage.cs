using AngleSharp.Dom;
using AngleSharp.Html.Parser;

namespace Ingestion.Operator.Tests.Browser;

/// <summary>A page as Chromium rendered it after its scripts ran, with a screenshot saved next to the test output.</summary>
public sealed record RenderedPage(IDocument Document, string Screenshot)
{
    public static async Task<RenderedPage> LoadAsync(Uri url, string screenshotName, int windowHeight = 900)
    {
        var screenshot = HeadlessChromium.ScreenshotPath(screenshotName);
        var dom = HeadlessChromium.DumpDomAsync(url);
        await HeadlessChromium.ScreenshotAsync(url, screenshot, windowHeight);
        var document = await new HtmlParser().ParseDocumentAsync(await dom);
        return new RenderedPage(document, screenshot);
    }

    public string Ready => Document.Body!.GetAttribute("data-ready") ?? "(scripts did not finish)";

    public string Status => Document.GetElementById("status")?.TextContent.Trim() ?? "";

    public IReadOnlyList<IElement> All(string selector) => Document.QuerySelectorAll(selector).ToList();

    /// <summary>Every script, style sheet and image the page refers to, to prove it needs no other host.</summary>
    public IEnumerable<string> Resources() =>
        All("script[src]").Select(e => e.GetAttribute("src")!)
            .Concat(All("link[href]").Select(e => e.GetAttribute("href")!))
            .Concat(All("img[src]").Select(e => e.GetAttribute("src")!))
            .Concat(All("image[href]").Select(e => e.GetAttribute("href")!));
}
