using System.Text;

namespace CrmGovernance.Core.Features.Matching.Comparators;

public static partial class DoubleMetaphone
{
    /// <summary>The two codes being built, each cut at the maximum length.</summary>
    private sealed class Codes(int maxLength)
    {
        private readonly StringBuilder _primary = new(maxLength);
        private readonly StringBuilder _alternate = new(maxLength);

        public string Primary => _primary.ToString();
        public string Alternate => _alternate.ToString();
        public bool IsComplete => _primary.Length >= maxLength && _alternate.Length >= maxLength;

        public void Append(char both)
        {
            AppendPrimary(both);
            AppendAlternate(both);
        }

        public void Append(char primary, char alternate)
        {
            AppendPrimary(primary);
            AppendAlternate(alternate);
        }

        public void Append(string both) => Append(both, both);

        public void Append(string primary, string alternate)
        {
            Add(_primary, primary);
            Add(_alternate, alternate);
        }

        public void AppendPrimary(char ch)
        {
            if (_primary.Length < maxLength)
            {
                _primary.Append(ch);
            }
        }

        public void AppendAlternate(char ch)
        {
            if (_alternate.Length < maxLength)
            {
                _alternate.Append(ch);
            }
        }

        private void Add(StringBuilder code, string part)
        {
            var room = maxLength - code.Length;
            if (room > 0)
            {
                code.Append(part.Length <= room ? part : part[..room]);
            }
        }
    }
}
