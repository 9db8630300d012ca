namespace Ingestion.Load;

/// <summary>Prints the run's figures next to the raw broker's and MassTransit's.</summary>
public static class Report
{
    /// <param name="measuredFrom">When the measured articles were let out (the warm-up ones were collected before).</param>
    public static async Task PrintAsync(Ingestion.Testing.Processes.PlatformProcesses platform, TimedReceiver receiver, SyntheticCorpus corpus, LoadOptions options,
        DateTimeOffset measuredFrom, Baselines baselines, string cpu, string? memoryDrift, string? exported)
    {
        var feedsDb = platform.DatabaseOf("Feeds");
        var storeDb = platform.DatabaseOf("Store");
        var articles = await LoadReport.ArticlesAsync(feedsDb, measuredFrom);
        var mentions = await LoadReport.MentionsAsync(storeDb, measuredFrom);
        var expectedMentions = corpus.Articles.Skip(options.Warmup).Sum(a => a.Incidents.Count);
        var incidents = await LoadReport.ScalarAsync(storeDb, "SELECT count(*) FROM \"Incidents\" WHERE \"MergedInto\" IS NULL");
        var seconds = Math.Max((mentions.Last - articles.First).TotalSeconds, 0.001);
        var endToEnd = options.Articles / seconds;
        // Incidents opened by the measured articles (not the warm-up's) and still live, over the same span.
        var measuredIncidents = await LoadReport.ScalarAsync(storeDb,
            "SELECT count(*) FROM \"Incidents\" WHERE \"MergedInto\" IS NULL AND \"CreatedAt\" >= @since", measuredFrom);

        var opened = receiver.Arrivals.Where(a => a.Type == "incident.opened").ToList();
        // Per alert delivered: from the collection of the article whose mention caused it to the receiver's 2xx.
        var toAlert = await LoadReport.CollectedToAlertedAsync(platform.DatabaseOf("Alerting"), measuredFrom);

        Console.WriteLine($"""

            == load: {options.Articles} articles after {options.Warmup} warm-up, {options.Workers} worker(s), rate {(options.Rate is { } r ? $"{r:0}/s" : "unlimited (all published at once)")}, {(options.PerDay is { } d ? $"{d} articles a day" : "days at random over 2,400")} ==
            articles read        {articles.Count} of {options.Articles}: {articles.PerSecond:0.0} articles/s (first collected -> last processed)
            mentions stored      {mentions.Count} of {expectedMentions}: {mentions.PerSecond:0.0} mentions/s (first collected -> last stored)
            end to end           {endToEnd:0.0} articles/s, {measuredIncidents / seconds:0.0} incidents/s (first collected -> last mention stored)
            incidents            {incidents} live (resolver predicted {corpus.ExpectedIncidents}); {opened.Count} opened alerts received, {opened.Select(a => a.WebhookId).Distinct().Count()} distinct
            collected -> stored  {LoadReport.Percentiles(await LoadReport.CollectedToStoredAsync(storeDb, measuredFrom))}
            collected -> alerted {LoadReport.Percentiles(toAlert)} (every alert, opened and revised)
            by stage             {await LoadReport.StagesAsync(feedsDb, storeDb, platform.DatabaseOf("Alerting"), measuredFrom)}
            CPU                  {cpu}
            OTLP export          {exported ?? "off (--otlp)"}
            memory drift         {memoryDrift ?? "not sampled (--memory-every)"}
            peak memory (VmHWM)  {string.Join(", ", platform.All.Select(s => $"{s.Process.Name} {s.Process.PeakMemoryBytes / 1048576.0:0} MB"))}
            memory at the end    {string.Join("\n                     ", platform.All.Select(s => $"{s.Process.Name} {s.Process.MemoryByKind}"))}
                                 (anonymous: GC heap, native memory, stacks; files: assemblies and libraries; shared: code the JIT compiled; proportional: PSS, each shared page divided among the processes mapping it)
            raw broker           {baselines.RawBrokerLine(endToEnd)}
            MassTransit alone    {baselines.MassTransitLine()}
            logged warnings      {string.Join(", ", platform.All.Select(s => $"{s.Process.Name} {s.Process.Warnings}"))}
              {string.Join("\n  ", platform.All.SelectMany(s => s.Process.LastWarnings))}
            collected -> stored, by minute of collection:
              {string.Join("\n  ", await LoadReport.CollectedToStoredByMinuteAsync(storeDb, measuredFrom))}
            """);
    }
}
