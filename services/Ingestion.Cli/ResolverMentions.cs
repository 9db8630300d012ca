using Ingestion.Extraction;
using Ingestion.Resolution;

namespace Ingestion.Cli;

/// <summary>
/// The resolver's view of one extracted incident. Every batch path builds its mentions here: `ingest extract`,
/// the tests' predictions of what the running pipeline must store, and the load tool.
/// </summary>
public static class ResolverMentions
{
    public static IncidentMention ToMention(this ExtractedIncident x, Guid mentionId, Guid articleId, string source, DateOnly published) => new(
        mentionId, articleId, source, published, x.Kind, x.Date, x.DateToleranceDays,
        x.Place is { } p ? new MentionPlace(p.Id, p.Name, p.Country, p.Lat, p.Lon, p.Precision) : null,
        x.Attacker, x.Target, x.Killed, x.Wounded, x.Intercepted, x.ClaimedBy, x.Denials, x.Confidence, x.Evidence.Text);
}
