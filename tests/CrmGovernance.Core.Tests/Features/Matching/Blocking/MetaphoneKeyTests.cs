using CrmGovernance.Core.Features.Configuration.MatchRules;
using CrmGovernance.Core.Features.Matching;
using CrmGovernance.Core.Features.Matching.Comparators;

namespace CrmGovernance.Core.Tests.Features.Matching.Blocking;

/// <summary>The metaphone key of a value of several words (a full name) codes word by word; its text must not change with how that is computed.</summary>
public sealed class MetaphoneKeyTests
{
    [Fact]
    public void A_full_name_key_is_the_primary_code_of_each_word_in_ordinal_order()
    {
        var model = MatchModel.Compile(DefaultMatchRules.Contact(Guid.NewGuid(), Guid.NewGuid()));
        var k = model.Rule.BlockingKeys.ToList().IndexOf("full_name.metaphone.sorted");
        var checkedNames = 0;
        foreach (var record in LabelledDataset.Febrl3.Records.Concat(LabelledDataset.Fake1000.Records))
        {
            var prepared = model.Prepare(record);
            if (prepared.Normalised(MatchAttributes.FullName) is not { } name)
            {
                continue;
            }
            var codes = name.Split(' ').Select(w => DoubleMetaphone.Encode(w).Primary).Where(c => c.Length > 0).Order(StringComparer.Ordinal).ToList();
            var expected = codes.Count == 0 ? null : $"{k}:{string.Join(' ', codes)}";
            Assert.Equal(expected, model.BlockingKeys(prepared).SingleOrDefault(key => key.StartsWith($"{k}:", StringComparison.Ordinal)));
            checkedNames += name.Contains(' ', StringComparison.Ordinal) ? 1 : 0;
        }
        Assert.True(checkedNames > 5_000, $"{checkedNames} names of two or more words");
    }
}
