using System.CommandLine;
using System.Text.Encodings.Web;
using System.Text.Json;
using Ingestion.Extraction;
using Ingestion.Resolution;

namespace Ingestion.Cli;

/// <summary>
/// ingest extract --manifest M FILE...: the incidents of each article as JSON, with `event` the id of the
/// incident they resolve to across the batch, by the same resolver the Store uses.
/// </summary>
public static class ExtractCommand
{
    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        WriteIndented = true,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping, // Arabic stays readable in the output
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
    };

    public static Command Create()
    {
        var manifest = new Option<FileInfo>("--manifest") { Description = "JSON giving each file's publication date (shape of seeds/manifest.json)", Required = true };
        var files = new Argument<FileInfo[]>("files") { Description = "Article text files", Arity = ArgumentArity.OneOrMore };
        var command = new Command("extract", "Extract incidents from article text files") { manifest, files };
        command.SetAction(parse => Run(parse.GetValue(manifest)!, parse.GetValue(files)!));
        return command;
    }

    private static int Run(FileInfo manifestFile, FileInfo[] files)
    {
        var manifest = Manifest.Load(manifestFile.FullName);
        var missing = files.Where(f => manifest.Find(f.Name) is null).Select(f => f.Name).ToList();
        if (missing.Count > 0)
        {
            Console.Error.WriteLine($"ingest extract: not in the manifest (no publication date): {string.Join(", ", missing)}");
            return 2;
        }
        var extractor = IncidentExtractor.Load();
        var articles = files.Select(f => ArticleExtraction.Read(extractor, f.FullName, manifest.Find(f.Name)!)).ToList();
        var events = EventIds.Resolve(new IncidentResolver(), articles);
        var output = articles.Select(a => new
        {
            file = a.File,
            published = a.Published,
            incidents = a.Incidents.Select((incident, i) => IncidentJson.From(incident, events[a.MentionIds[i]])),
        });
        Console.Out.WriteLine(JsonSerializer.Serialize(output, Json));
        return 0;
    }
}
