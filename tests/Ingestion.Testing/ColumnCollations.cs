using Npgsql;

namespace Ingestion.Testing;

/// <summary>The collation PostgreSQL compares a table's text columns with, as the schema created them.</summary>
public static class ColumnCollations
{
    /// <summary>Column name → collation name; "default" for a column that follows the database's locale.</summary>
    public static async Task<IReadOnlyDictionary<string, string>> OfAsync(string connectionString, string table)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var query = new NpgsqlCommand("""
            SELECT a.attname, c.collname FROM pg_attribute a JOIN pg_collation c ON c.oid = a.attcollation
            WHERE a.attrelid = to_regclass(quote_ident(@table)) AND a.attnum > 0 AND NOT a.attisdropped
            """, connection);
        query.Parameters.AddWithValue("table", table);
        var collations = new Dictionary<string, string>();
        await using var reader = await query.ExecuteReaderAsync();
        while (await reader.ReadAsync()) collations[reader.GetString(0)] = reader.GetString(1);
        return collations;
    }
}
