using System.Text;
using CrmGovernance.Core.Features.Configuration.MatchRules;
using CrmGovernance.Core.Features.Matching.Comparators;

namespace CrmGovernance.Core.Features.Matching.Blocking;

/// <summary>
/// Builds a record's key for one blocking expression, either as text ("3:SM0\u001fj", for people and tests) or
/// straight into a 64-bit hash (for scans and the index: no string per key and record). Both walk the same parts.
/// </summary>
internal sealed class BlockingKeyBuilder(IReadOnlyList<BlockingKeyExpression> keys, int[][] slots, PhoneticCache phonetic)
{
    private const char Separator = '\u001f';

    /// <summary>The key as text, or null when a part is missing.</summary>
    public string? Text(PreparedRecord record, int k)
    {
        var builder = new StringBuilder().Append(k).Append(':');
        var sink = new Sink(builder);
        return Walk(record, k, ref sink) ? builder.ToString() : null;
    }

    /// <summary>The key's hash, or 0 when a part is missing.</summary>
    public long Hash(PreparedRecord record, int k)
    {
        var sink = new Sink(null);
        sink.Add(unchecked((char)k));
        return Walk(record, k, ref sink) ? sink.Finish() : 0;
    }

    private bool Walk(PreparedRecord record, int k, ref Sink sink)
    {
        var expression = keys[k];
        for (var p = 0; p < expression.Parts.Count; p++)
        {
            var functions = expression.Parts[p].Functions;
            var text = record.Values[slots[k][p]];
            if (text is null)
            {
                return false;
            }
            ReadOnlySpan<char> value = text;
            var start = 0;
            if (functions.Count > 0 && functions[0].Name == "metaphone")
            {
                value = Metaphone(text);
                start = 1;
            }
            for (var f = start; f < functions.Count && !value.IsEmpty; f++)
            {
                value = BlockingKeyFunctionRunner.Apply(functions[f], value, phonetic);
            }
            if (value.IsEmpty)
            {
                return false;
            }
            if (p > 0)
            {
                sink.Add(Separator);
            }
            sink.Add(value);
        }
        return true;
    }

    /// <summary>
    /// The primary code of each word, as <see cref="PhoneticCache.EncodeWords"/> of the whole value gives, but cached
    /// by word: a full name is seldom seen twice, its words (the first and last names other keys code) often.
    /// </summary>
    private string Metaphone(string text)
    {
        if (!text.Contains(' ', StringComparison.Ordinal))
        {
            return phonetic.EncodeWords(text);
        }
        var codes = new StringBuilder(text.Length);
        foreach (var word in text.Split(' '))
        {
            var code = phonetic.EncodeWords(word);
            if (code.Length > 0)
            {
                codes.Append(codes.Length > 0 ? " " : "").Append(code);
            }
        }
        return codes.ToString();
    }

    /// <summary>Where the key goes: text, or FNV-1a with a final mix.</summary>
    private struct Sink(StringBuilder? text)
    {
        private ulong _hash = 14695981039346656037UL;

        public void Add(char ch)
        {
            text?.Append(ch);
            _hash = (_hash ^ ch) * 1099511628211UL;
        }

        public void Add(ReadOnlySpan<char> value)
        {
            text?.Append(value);
            foreach (var ch in value)
            {
                _hash = (_hash ^ ch) * 1099511628211UL;
            }
        }

        public readonly long Finish()
        {
            var hash = _hash;
            hash ^= hash >> 31;
            hash *= 0x9E3779B97F4A7C15UL;
            hash ^= hash >> 29;
            var value = unchecked((long)hash);
            return value == 0 ? 1 : value;
        }
    }
}
