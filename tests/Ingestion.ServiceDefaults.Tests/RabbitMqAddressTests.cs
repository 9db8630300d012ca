using Ingestion.ServiceDefaults.Messaging;

namespace Ingestion.ServiceDefaults.Tests;

public sealed class RabbitMqAddressTests
{
    [Fact]
    public void Reads_host_port_vhost_and_credentials_from_an_amqp_uri()
    {
        var address = RabbitMqAddress.Parse("amqp://ingest:s%3Acret@broker.internal:5673/prod%2Fa");
        Assert.Equal(new RabbitMqAddress("broker.internal", 5673, "prod/a", "ingest", "s:cret"), address);
    }

    [Fact]
    public void Defaults_to_port_5672_root_vhost_and_guest()
    {
        Assert.Equal(new RabbitMqAddress("localhost", 5672, "/", "guest", "guest"), RabbitMqAddress.Parse("amqp://localhost"));
    }

    [Theory]
    [InlineData("localhost:5672")]
    [InlineData("http://localhost:5672/")]
    [InlineData("")]
    public void Refuses_anything_but_an_amqp_uri_with_a_clear_message(string value)
    {
        var error = Assert.Throws<InvalidOperationException>(() => RabbitMqAddress.Parse(value));
        Assert.Contains("amqp://", error.Message);
    }
}
