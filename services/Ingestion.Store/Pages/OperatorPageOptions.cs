namespace Ingestion.Store.Pages;

/// <summary>Settings of the operator pages, in the Store section.</summary>
public sealed class OperatorPageOptions
{
    public const string Section = "Store";

    /// <summary>Base URL of a FeedWorker (its GET /feeds is the feed-health page). Unset: the page says it is not configured.</summary>
    public Uri? FeedWorkerUrl { get; set; }

    /// <summary>
    /// Optional raster tiles drawn under the outline map, e.g. https://tiles.example.org/{z}/{x}/{y}.png.
    /// Unset (the default), the map uses only the outlines shipped with the Store and works offline.
    /// </summary>
    public string? MapTileUrl { get; set; }

    public TimeSpan FeedWorkerTimeout { get; set; } = TimeSpan.FromSeconds(10);
}
