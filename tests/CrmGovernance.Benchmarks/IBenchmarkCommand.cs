namespace CrmGovernance.Benchmarks;

/// <summary>One bench command: <c>&lt;Name&gt; [--option value]</c>; prints its figures, the last line as name=value pairs.</summary>
public interface IBenchmarkCommand
{
    string Name { get; }

    /// <summary>One line: what it measures and its options with their defaults.</summary>
    string Usage { get; }

    /// <returns>The process exit code.</returns>
    Task<int> RunAsync(CommandOptions options, CancellationToken cancellationToken);
}
