namespace CrmGovernance.Web.Tests;

/// <summary>
/// Waits, outside any renderer, for a value a test reads (from the database, say) to become what it expects. A bUnit
/// <c>WaitForAssertion</c> runs its check on the renderer's dispatcher; blocking there on a read that is really
/// asynchronous, as Npgsql's are (SQLite's complete at once), deadlocks the test.
/// </summary>
internal static class Eventually
{
    public static async Task EqualAsync<T>(T expected, Func<Task<T>> read, TimeSpan? within = null)
    {
        var until = DateTime.UtcNow + (within ?? TimeSpan.FromSeconds(10));
        while (true)
        {
            var actual = await read();
            if (EqualityComparer<T>.Default.Equals(expected, actual) || DateTime.UtcNow >= until)
            {
                Assert.Equal(expected, actual);
                return;
            }
            await Task.Delay(50);
        }
    }

    /// <summary>For what no render announces, such as a JavaScript call made after an awaited database read.</summary>
    public static Task EqualAsync<T>(T expected, Func<T> read, TimeSpan? within = null) => EqualAsync(expected, () => Task.FromResult(read()), within);
}
