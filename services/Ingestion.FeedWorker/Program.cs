using Ingestion.FeedWorker;
using Ingestion.ServiceDefaults;
using Ingestion.ServiceDefaults.Messaging;

var builder = WebApplication.CreateBuilder(args);
builder.AddServiceDefaults();
builder.AddFeedWorkerServices();
builder.AddIngestionBus(FeedWorkerApplication.AddFeedWorkerConsumers);

var app = builder.Build();
app.MapDefaultEndpoints();
app.MapFeedWorkerEndpoints();
app.Run();
