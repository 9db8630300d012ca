namespace Ingestion.Testing;

/// <summary>
/// Where the real RabbitMQ and PostgreSQL of the tests listen. The test command (test.sh) starts both on
/// loopback with deploy/start-local-services.sh; the variables let a developer point elsewhere.
/// </summary>
public static class TestInfrastructure
{
    public static string RabbitMqHost => Environment.GetEnvironmentVariable("INGESTION_TEST_RABBITMQ_HOST") ?? "127.0.0.1";
    public static string RabbitMqUser => Environment.GetEnvironmentVariable("INGESTION_TEST_RABBITMQ_USER") ?? "guest";
    public static string RabbitMqPassword => Environment.GetEnvironmentVariable("INGESTION_TEST_RABBITMQ_PASSWORD") ?? "guest";
    public static string RabbitMqManagement => Environment.GetEnvironmentVariable("INGESTION_TEST_RABBITMQ_MANAGEMENT") ?? $"http://{RabbitMqHost}:15672";
    public static string PostgresServer => Environment.GetEnvironmentVariable("INGESTION_TEST_POSTGRES") ?? "Host=127.0.0.1;Port=5432;Username=app;Password=app";

    /// <summary>The repository root: the folder holding Ingestion.sln.</summary>
    public static string RepoRoot { get; } = FindRepoRoot();

    public static string SeedsDirectory => Path.Combine(RepoRoot, "seeds");

    /// <summary>The text of the seed article whose file name starts with <paramref name="prefix"/> ("002_").</summary>
    public static string SeedArticle(string prefix) =>
        File.ReadAllText(Directory.GetFiles(Path.Combine(SeedsDirectory, "articles"), prefix + "*.txt").Single());

    private static string FindRepoRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "Ingestion.sln"))) return dir.FullName;
        throw new InvalidOperationException("Ingestion.sln not found above " + AppContext.BaseDirectory);
    }
}
