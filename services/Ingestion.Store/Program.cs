using Ingestion.ServiceDefaults;
using Ingestion.ServiceDefaults.Messaging;
using Ingestion.Store;

var builder = WebApplication.CreateBuilder(args);
builder.AddServiceDefaults();
builder.AddStoreServices();
builder.AddIngestionBus(StoreApplication.AddStoreConsumers);

var app = builder.Build();
app.MapDefaultEndpoints();
app.MapStoreEndpoints();
app.Run();
