using System.CommandLine;
using Ingestion.Cli;

var root = new RootCommand("ingest: read Arabic news for attacks and strikes in Iraq and Syria")
{
    ExtractCommand.Create(),
    FeedCommand.Create(),
    FeedsCommand.Create(),
};
return await root.Parse(args).InvokeAsync();
