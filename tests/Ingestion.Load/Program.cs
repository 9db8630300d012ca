using Ingestion.Load;

var options = LoadOptions.Parse(args);
if (options.DryRun)
{
    var corpus = SyntheticCorpus.Generate(options.Articles, options.Seed, options.SeparateIncidents, articlesPerDay: options.PerDay);
    Console.WriteLine($"{corpus.Articles.Count} articles, {corpus.ExpectedMentions} mentions, {corpus.ExpectedIncidents} incidents expected");
    foreach (var article in corpus.Articles.Take(3)) Console.WriteLine($"--- {article.Published} {article.Page.Title}\n{article.Page.Text}\n=> {string.Join("; ", article.Incidents.Select(i => $"{i.Kind} {i.Date} {i.Place?.Name}"))}");
    return 0;
}
return await LoadRun.RunAsync(options);
