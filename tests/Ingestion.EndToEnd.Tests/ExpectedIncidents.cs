using Ingestion.Cli;
using Ingestion.Extraction;
using Ingestion.Resolution;
using Ingestion.Testing;

namespace Ingestion.EndToEnd.Tests;

/// <summary>
/// How many distinct incidents `ingest extract` finds in the seed articles (the same extraction and batch
/// resolution): the running pipeline must store exactly as many.
/// </summary>
public static class ExpectedIncidents
{
    public static int CountInSeeds()
    {
        var manifest = Manifest.Load(Path.Combine(TestInfrastructure.SeedsDirectory, "manifest.json"));
        var extractor = IncidentExtractor.Load();
        var articles = manifest.Articles
            .Select(a => ArticleExtraction.Read(extractor, Path.Combine(TestInfrastructure.SeedsDirectory, "articles", a.File), a))
            .ToList();
        return EventIds.Resolve(new IncidentResolver(), articles).Values.Distinct().Count();
    }
}
