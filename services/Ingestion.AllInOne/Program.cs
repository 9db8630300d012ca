using Ingestion.AllInOne;
using Ingestion.Alerting;
using Ingestion.FeedWorker;
using Ingestion.ServiceDefaults;
using Ingestion.ServiceDefaults.Messaging;
using Ingestion.Store;

var builder = WebApplication.CreateBuilder(args);
builder.AddServiceDefaults();
builder.AddFeedWorkerServices();
builder.AddStoreServices();
builder.AddAlertingServices();
builder.AddIngestionBus(FeedWorkerApplication.AddFeedWorkerConsumers, StoreApplication.AddStoreConsumers, AlertingApplication.AddAlertingConsumers);

var app = builder.Build();
app.MapDefaultEndpoints();
app.MapFeedWorkerEndpoints();
app.MapStoreEndpoints();
app.MapAlertingEndpoints();
app.MapDemoEndpoints();
app.Run();
