using Ingestion.Alerting;
using Ingestion.ServiceDefaults;
using Ingestion.ServiceDefaults.Messaging;

var builder = WebApplication.CreateBuilder(args);
builder.AddServiceDefaults();
builder.AddAlertingServices();
builder.AddIngestionBus(AlertingApplication.AddAlertingConsumers);

var app = builder.Build();
app.MapDefaultEndpoints();
app.MapAlertingEndpoints();
app.Run();
